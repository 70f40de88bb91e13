package io.parapipe.protocol.para.collator.slotbased;

import io.parapipe.protocol.para.runtime.Slots;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The slot-based collator's {@code SlotTimer} (S2, {@code slot_timer.rs}) as an immutable value:
 * when to attempt the next block, which Aura slot it is for, and how long authoring may take.
 *
 * @param timeOffsetMs {@code slot_offset}: the clock is read as {@code now − offset}
 * @param relaySlotDurationMs the relay chain slot duration
 * @param lastReportedCoreNum the core count last given to {@link #updateScheduling}
 * @param lastReportedSlot the slot last reported by {@link #nextSlot}
 */
public record SlotTimer(long timeOffsetMs, long relaySlotDurationMs, OptionalInt lastReportedCoreNum,
    OptionalLong lastReportedSlot) {

  /** {@code BLOCK_PRODUCTION_MINIMUM_INTERVAL_MS}: 12 cores at 6 s. */
  public static final long BLOCK_PRODUCTION_MINIMUM_INTERVAL_MS = 500;
  /** {@code BLOCK_PRODUCTION_THRESHOLD_MS}. */
  public static final long BLOCK_PRODUCTION_THRESHOLD_MS = 100;
  /** {@code BLOCK_PRODUCTION_ADJUSTMENT_MS}: no block is started in a slot's last second. */
  public static final long BLOCK_PRODUCTION_ADJUSTMENT_MS = 1000;

  /**
   * A wake-up: how long to wait and the Aura slot of the attempt.
   *
   * @param waitMs milliseconds until the attempt
   * @param auraSlot the Aura slot at the attempt
   */
  public record WakeUp(long waitMs, long auraSlot) {}

  /**
   * The next slot change.
   *
   * @param durationMs milliseconds until it
   * @param nextSlot the next slot
   */
  public record SlotChange(long durationMs, long nextSlot) {}

  /**
   * A slot tick: the slot to build in, how long to sleep before (0 when catching up), and the
   * timer after reporting it.
   *
   * @param sleepMs milliseconds to sleep first
   * @param slot the Aura slot reported
   * @param timer the timer with {@code lastReportedSlot = slot}
   */
  public record Tick(long sleepMs, long slot, SlotTimer timer) {}

  /** {@code new_with_offset}: nothing reported yet. */
  public static SlotTimer withOffset(long timeOffsetMs, long relaySlotDurationMs) {
    return new SlotTimer(timeOffsetMs, relaySlotDurationMs, OptionalInt.empty(), OptionalLong.empty());
  }

  /** {@code update_scheduling}: the number of cores for the next block. */
  public SlotTimer updateScheduling(int numCoresNextBlock) {
    return new SlotTimer(timeOffsetMs, relaySlotDurationMs, OptionalInt.of(numCoresNextBlock), lastReportedSlot);
  }

  /** {@code time_until_next_block}. */
  public WakeUp timeUntilNextBlock(long paraSlotDurationMs, long nowMs) {
    return computeNextWakeUpTime(paraSlotDurationMs, relaySlotDurationMs, lastReportedCoreNum, nowMs, timeOffsetMs);
  }

  /**
   * {@code wait_until_next_slot} without the waiting: the next attempt's slot, except that when a
   * slot was reported before and the computed slot is 2–3 ahead of it, the next slot
   * ({@code last + 1}) is reported at once instead of sleeping (catch up without skipping). The
   * node then waits until the best relay block is current ({@link #isBestRelayBlockCurrentAt}).
   */
  public Tick nextSlot(long paraSlotDurationMs, long nowMs) {
    WakeUp w = timeUntilNextBlock(paraSlotDurationMs, nowMs);
    long slot = w.auraSlot();
    long sleep = w.waitMs();
    if (lastReportedSlot.isPresent()) {
      long ls = lastReportedSlot.getAsLong();
      if (ls + 1 < slot && slot <= ls + 3) {
        slot = ls + 1;
        sleep = 0;
      }
    }
    return new Tick(sleep, slot,
        new SlotTimer(timeOffsetMs, relaySlotDurationMs, lastReportedCoreNum, OptionalLong.of(slot)));
  }

  /**
   * {@code SlotTimer::adjust_authoring_duration}: the time until the next attempt and until the
   * next slot change (after the last reported slot, or slot 0), and whether the current and next
   * slot's authors differ among {@code authorities}.
   */
  public OptionalLong adjustAuthoringDuration(long authoringDurationMs, long paraSlotDurationMs, long nowMs, int authorities) {
    WakeUp next = timeUntilNextBlock(paraSlotDurationMs, nowMs);
    Optional<SlotChange> change = computeTimeUntilNextSlotChange(
        paraSlotDurationMs, nowMs, timeOffsetMs, lastReportedSlot.orElse(0));
    if (change.isEmpty()) {
      return OptionalLong.of(authoringDurationMs);
    }
    long current = lastReportedSlot.orElse(next.auraSlot());
    boolean different = Slots.differentAuthors(current, change.get().nextSlot(), authorities);
    return adjustAuthoringDuration(authoringDurationMs, next, change.get(), different);
  }

  /**
   * {@code compute_next_wake_up_time}: the production interval is {@code min(para_ms, relay_ms)},
   * or {@code max(relay_ms / cores, 500 ms)} when there are more cores than para slots per relay
   * slot and para slots are at least as long as relay slots; the next attempt is the next
   * multiple of the interval strictly after {@code now − offset}.
   */
  public static WakeUp computeNextWakeUpTime(long paraSlotDurationMs, long relaySlotDurationMs,
      OptionalInt coreCount, long nowMs, long offsetMs) {
    long slotsPerRelay = relaySlotDurationMs / paraSlotDurationMs;
    long cores = Integer.toUnsignedLong(coreCount.orElse(1));
    long interval = Math.min(paraSlotDurationMs, relaySlotDurationMs);
    if (cores > slotsPerRelay && paraSlotDurationMs >= relaySlotDurationMs) {
      long perCore = cores == 0 ? relaySlotDurationMs : relaySlotDurationMs / cores;
      interval = Math.max(perCore, BLOCK_PRODUCTION_MINIMUM_INTERVAL_MS);
    }
    long now = Math.max(nowMs - offsetMs, 0);
    long next = ((now + interval) / interval) * interval;
    return new WakeUp(next - now, Slots.fromTimestamp(next, paraSlotDurationMs));
  }

  /**
   * {@code compute_time_until_next_slot_change}: time until the start of {@code lastReported + 1}.
   *
   * @return empty if that slot's timestamp overflows
   */
  public static Optional<SlotChange> computeTimeUntilNextSlotChange(
      long paraSlotDurationMs, long nowMs, long offsetMs, long lastReportedSlot) {
    long now = Math.max(nowMs - offsetMs, 0);
    long next = lastReportedSlot + 1;
    long ts;
    try {
      ts = Math.multiplyExact(next, paraSlotDurationMs);
    } catch (ArithmeticException e) {
      return Optional.empty();
    }
    return Optional.of(new SlotChange(Math.max(ts - now, 0), next));
  }

  /**
   * {@code adjust_authoring_duration}: no block starts in the slot's last second when the next
   * slot has another author; authoring is clamped to that deadline, and skipped below
   * {@code 500 − 100} ms; it never exceeds the time until the next attempt.
   *
   * @return the authoring duration, or empty to skip this attempt
   */
  public static OptionalLong adjustAuthoringDuration(
      long authoringDurationMs, WakeUp nextBlock, SlotChange nextSlotChange, boolean differentAuthors) {
    long deadline = Math.max(nextSlotChange.durationMs() - BLOCK_PRODUCTION_ADJUSTMENT_MS, 0);
    long authoring = authoringDurationMs;
    if (deadline == 0) {
      return differentAuthors ? OptionalLong.empty() : OptionalLong.of(Math.min(authoring, nextBlock.waitMs()));
    }
    if (differentAuthors && authoring >= deadline) {
      authoring = deadline;
      if (authoring < BLOCK_PRODUCTION_MINIMUM_INTERVAL_MS - BLOCK_PRODUCTION_THRESHOLD_MS) {
        return OptionalLong.empty();
      }
    }
    return OptionalLong.of(Math.min(authoring, nextBlock.waitMs()));
  }

  /**
   * {@code is_best_relay_block_current_at}: the best relay block is from the current relay slot,
   * {@code floor(now / relay_ms)} ({@code now} already offset by the caller).
   */
  public static boolean isBestRelayBlockCurrentAt(long bestRelaySlot, long nowMs, long relaySlotDurationMs) {
    return Long.compareUnsigned(bestRelaySlot, nowMs / relaySlotDurationMs) >= 0;
  }
}
