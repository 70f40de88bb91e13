package io.parapipe.protocol.para.collator.slotbased;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Ports of the tests of {@code slot_based/slot_timer.rs} (newest revision, reference §11.4). */
class SlotTimerTest {
  static final long RELAY_CHAIN_SLOT_DURATION = 6000;

  @ParameterizedTest(name = "para {0} ms, cores {1}, now {2}, offset {3} -> wait {4}")
  @CsvSource({
    // different now timestamps
    "6000, 1, 1000, 0, 5000",
    "6000, 1, 0, 0, 6000",
    "6000, 1, 6000, 0, 6000",
    "6000, 0, 6000, 0, 6000",
    // `None` core defaults to 1
    "6000, , 1000, 0, 5000",
    "6000, , 0, 0, 6000",
    "6000, , 6000, 0, 6000",
    // offset affects the current time
    "6000, 1, 1000, 1000, 6000",
    "6000, 1, 12000, 2000, 2000",
    "6000, 1, 12000, 6000, 6000",
    "6000, 1, 12000, 7000, 1000",
    // number of cores affects the interval
    "6000, 3, 12000, 0, 2000",
    "6000, 2, 12000, 0, 3000",
    "6000, 3, 11999, 0, 1",
    // high core count
    "6000, 12, 0, 0, 500",
    // minimum block interval respected
    "6000, 100, 0, 0, 500",
    // slot duration
    "2000, 1, 1000, 0, 1000",
    "2000, 1, 3000, 0, 1000",
    "2000, 1, 10000, 0, 2000",
    "2000, 2, 1000, 0, 1000",
    // cores ignored if relay slot duration != para slot duration
    "2000, 3, 3000, 0, 1000",
    // long slots still check every relay block
    "12000, , 0, 0, 6000",
    "12000, , 6100, 0, 5900",
    "12000, , 6000, 2000, 2000",
    "12000, 2, 6000, 0, 3000",
    "12000, 3, 6000, 0, 2000",
    "12000, 3, 8100, 0, 1900",
  })
  void test_get_next_slot(long paraMs, Integer cores, long now, long offset, long expectedWait) {
    OptionalInt coreCount = cores == null ? OptionalInt.empty() : OptionalInt.of(cores);
    SlotTimer.WakeUp w = SlotTimer.computeNextWakeUpTime(paraMs, RELAY_CHAIN_SLOT_DURATION, coreCount, now, offset);
    assertThat(w.waitMs()).as("Wait time mismatch.").isEqualTo(expectedWait);
  }

  @ParameterizedTest
  @CsvSource({
    "6000, 0, 0, 0, 6000, 1",
    "6000, 1000, 0, 0, 5000, 1",
    "6000, 6000, 0, 1, 6000, 2",
    "6000, 12000, 0, 2, 6000, 3",
    "6000, 1000, 1000, 0, 6000, 1",
    "6000, 2000, 1000, 0, 5000, 1",
    "6000, 6000, 3000, 0, 3000, 1",
    "3000, 1000, 0, 0, 2000, 1",
    "3000, 3000, 0, 1, 3000, 2",
    "12000, 6000, 0, 0, 6000, 1",
    "12000, 12000, 0, 1, 12000, 2",
    "6000, 5999, 0, 0, 1, 1",
    "6000, 11999, 0, 1, 1, 2",
  })
  void test_compute_time_until_next_slot_change(
      long paraMs, long now, long offset, long lastReported, long expectedDuration, long expectedNext) {
    SlotTimer.SlotChange c = SlotTimer.computeTimeUntilNextSlotChange(paraMs, now, offset, lastReported).orElseThrow();
    assertThat(c.durationMs()).as("Duration mismatch").isEqualTo(expectedDuration);
    assertThat(c.nextSlot()).as("Next slot mismatch").isEqualTo(expectedNext);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "blocks_2s_fits_next_block, 2000, 2000, 4000, true, 2000",
    "blocks_2s_closer_next_slot, 2000, 1950, 4000, true, 1950",
    "blocks_2s_closer_next_slot_bigger, 2000, 1500, 4000, true, 1500",
    "blocks_2s_reduce_by_1s, 2000, 2000, 2000, true, 1000",
    "blocks_2s_reduce_by_1s_plus_offset, 2000, 1950, 1950, true, 950",
    "blocks_2s_reduce_to_minimum, 2000, 1400, 1400, true, 400",
    "blocks_2s_reduce_below_minimum, 2000, 1300, 1300, true, ",
    "blocks_2s_same_author, 2000, 1400, 1400, false, 1400",
    "blocks_500ms_fits_next_block, 500, 500, 2000, true, 500",
    "blocks_500ms_closer_next_slot, 500, 450, 2000, true, 450",
    "blocks_500ms_closer_next_slot_bigger, 500, 400, 1500, true, 400",
    "blocks_500ms_reduce_by_1s, 500, 500, 1000, true, ",
    "blocks_500ms_reduce_by_1s_closer, 500, 500, 500, true, ",
    "blocks_500ms_same_author, 500, 410, 1000, false, 410",
    "blocks_500ms_same_author_closer, 500, 400, 400, false, 400",
  })
  void test_adjust_authoring_duration(String name, long authoring, long nextBlock, long nextSlotChange,
      boolean differentAuthors, Long expected) {
    OptionalLong r = SlotTimer.adjustAuthoringDuration(authoring, new SlotTimer.WakeUp(nextBlock, 1),
        new SlotTimer.SlotChange(nextSlotChange, 2), differentAuthors);
    assertThat(r).isEqualTo(expected == null ? OptionalLong.empty() : OptionalLong.of(expected));
  }

  static long nowAt(long relaySlot, long msIntoSlot) {
    return relaySlot * 6000 + msIntoSlot;
  }

  @Test
  void best_block_in_current_slot_is_current() {
    assertThat(SlotTimer.isBestRelayBlockCurrentAt(804, nowAt(804, 500), 6000)).isTrue();
  }

  @Test
  void best_block_in_previous_slot_is_stale() {
    assertThat(SlotTimer.isBestRelayBlockCurrentAt(804, nowAt(805, 500), 6000)).isFalse();
  }

  @Test
  void the_bug_scenario_best_block_stale_at_slot_boundary() {
    assertThat(SlotTimer.isBestRelayBlockCurrentAt(804, nowAt(805, 17), 6000)).isFalse();
  }

  @Test
  void best_block_current_after_new_relay_block_arrives() {
    assertThat(SlotTimer.isBestRelayBlockCurrentAt(805, nowAt(805, 500), 6000)).isTrue();
  }

  @Test
  void best_block_from_future_slot_is_current() {
    assertThat(SlotTimer.isBestRelayBlockCurrentAt(810, nowAt(805, 0), 6000)).isTrue();
  }

  @Test
  void stale_at_exact_slot_boundary() {
    assertThat(SlotTimer.isBestRelayBlockCurrentAt(804, nowAt(805, 0), 6000)).isFalse();
    assertThat(SlotTimer.isBestRelayBlockCurrentAt(805, nowAt(805, 0), 6000)).isTrue();
  }

  @Test
  void current_at_end_of_slot() {
    assertThat(SlotTimer.isBestRelayBlockCurrentAt(804, nowAt(804, 5999), 6000)).isTrue();
  }

  @Test
  void no_wait_needed_during_normal_building() {
    for (long ms = 0; ms < 6000; ms += 500) {
      assertThat(SlotTimer.isBestRelayBlockCurrentAt(804, nowAt(804, ms), 6000)).isTrue();
    }
  }

  @Test
  void wait_needed_when_slot_advances() {
    assertThat(SlotTimer.isBestRelayBlockCurrentAt(804, nowAt(805, 0), 6000)).isFalse();
    assertThat(SlotTimer.isBestRelayBlockCurrentAt(804, nowAt(805, 17), 6000)).isFalse();
    assertThat(SlotTimer.isBestRelayBlockCurrentAt(804, nowAt(805, 500), 6000)).isFalse();
  }

  @Test
  void timerReportsSlotsAndCatchesUpWithoutSkipping() {
    // 2 s para slots, 3 cores: attempts every 2 s.
    SlotTimer t = SlotTimer.withOffset(1000, 6000).updateScheduling(3);
    SlotTimer.Tick a = t.nextSlot(2000, 61_000); // now' = 60 000 → next 62 000, slot 31
    assertThat(a.sleepMs()).isEqualTo(2000);
    assertThat(a.slot()).isEqualTo(31);
    // The node was late: at now' = 66 500 the computed slot is 34 (two ahead) → report 32 at once.
    SlotTimer.Tick b = a.timer().nextSlot(2000, 67_500);
    assertThat(b.slot()).isEqualTo(32);
    assertThat(b.sleepMs()).isZero();
    // Far behind (more than 3 ahead): no catch-up, sleep to the computed slot.
    SlotTimer.Tick c = b.timer().nextSlot(2000, 81_000);
    assertThat(c.slot()).isEqualTo(41);
    assertThat(c.sleepMs()).isEqualTo(2000);
  }

  @Test
  void timerAdjustsAuthoringAtTheEndOfASlotWithAnotherAuthorNext() {
    // 6 s slots, 3 cores (2 s interval), two authorities alternate slots.
    SlotTimer t = SlotTimer.withOffset(0, 6000).updateScheduling(3);
    SlotTimer.Tick tick = t.nextSlot(6000, 58_000); // next attempt at 60 000, slot 10
    assertThat(tick.slot()).isEqualTo(10);
    // At 64 000 (third attempt of slot 10 starts): slot 11 begins in 2 s, deadline 1 s.
    assertThat(tick.timer().adjustAuthoringDuration(2000, 6000, 64_000, 2)).hasValue(1000);
    // Same author next (one authority): limited only by the next attempt (2 s).
    assertThat(tick.timer().adjustAuthoringDuration(2000, 6000, 64_000, 1)).hasValue(2000);
  }
}
