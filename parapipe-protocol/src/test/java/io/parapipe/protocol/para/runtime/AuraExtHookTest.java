package io.parapipe.protocol.para.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parapipe.protocol.para.runtime.segment.Ancestor;
import io.parapipe.protocol.para.runtime.segment.UnincludedSegment;
import io.parapipe.protocol.para.runtime.segment.UsedBandwidth;
import io.parapipe.protocol.primitives.Hash;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Ports of {@code cumulus/pallets/aura-ext/src/test.rs} (reference §11.3): H2 at [86477cd1] and
 * the H3 variants of the newest revision. The fixture is upstream's: a segment of three ancestors
 * with head hashes {@code 0x01..}, {@code 0x02..}, {@code 0x03..}, {@code DEFAULT_TEST_VELOCITY = 2},
 * para slot duration 6000 unless a case says otherwise.
 */
class AuraExtHookTest {
  static final int DEFAULT_TEST_VELOCITY = 2;
  static final long PARA_SLOT_MS = 6000;

  static Hash repeatByte(int b) {
    byte[] bytes = new byte[32];
    Arrays.fill(bytes, (byte) b);
    return Hash.of(bytes);
  }

  static UnincludedSegment fixtureSegment() {
    List<Ancestor> l = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      l.add(Ancestor.newUnchecked(UsedBandwidth.EMPTY, Optional.empty()).withParaHeadHash(repeatByte(i + 1)));
    }
    return UnincludedSegment.of(l);
  }

  /** The test externalities: aura-ext storage and {@code CurrentSlot}. */
  static final class Ext {
    AuraExtState auraExt = AuraExtState.EMPTY;
    long currentSlot;
    long paraSlotMs = PARA_SLOT_MS;
    final UnincludedSegment segment = fixtureSegment();

    Ext(long paraSlot) {
      this.currentSlot = paraSlot;
    }

    UnincludedSegmentCapacity onStateProof(FixedVelocityConsensusHook hook, long relaySlot) {
      HookOutcome o = hook.onStateProof(relaySlot, currentSlot, paraSlotMs, auraExt);
      auraExt = o.auraExt();
      return o.capacity();
    }

    void assertSlotInfo(long slot, int authored) {
      assertThat(auraExt.relaySlotInfo()).hasValue(new SlotInfo(slot, authored));
    }

    boolean canBuildUpon(FixedVelocityConsensusHook hook, Hash included, long slot) {
      return hook.canBuildUpon(auraExt, segment.sizeAfterIncluded(included), slot);
    }
  }

  static FixedVelocityConsensusHook hook(AuraExtRevision rev, long relayMs, int v, int c) {
    return new FixedVelocityConsensusHook(rev, relayMs, v, c);
  }

  static FixedVelocityConsensusHook h2(long relayMs, int v, int c) {
    return hook(AuraExtRevision.H2, relayMs, v, c);
  }

  @Nested
  class H2 {
    @Test
    void test_velocity() {
      FixedVelocityConsensusHook hook = h2(6000, DEFAULT_TEST_VELOCITY, 1);
      Ext ext = new Ext(1);
      assertThat(ext.onStateProof(hook, 10)).isEqualTo(UnincludedSegmentCapacity.of(1));
      ext.assertSlotInfo(10, 1);
      assertThat(ext.onStateProof(hook, 10)).isEqualTo(UnincludedSegmentCapacity.of(1));
      ext.assertSlotInfo(10, 2);
    }

    @Test
    void test_velocity_2() {
      FixedVelocityConsensusHook hook = h2(6000, DEFAULT_TEST_VELOCITY, 3);
      Ext ext = new Ext(1);
      assertThat(ext.onStateProof(hook, 10)).isEqualTo(UnincludedSegmentCapacity.of(3));
      ext.assertSlotInfo(10, 1);
      assertThat(ext.onStateProof(hook, 10)).isEqualTo(UnincludedSegmentCapacity.of(3));
      ext.assertSlotInfo(10, 2);
    }

    @Test
    void test_exceeding_velocity_limit() {
      FixedVelocityConsensusHook hook = h2(6000, DEFAULT_TEST_VELOCITY, 1);
      Ext ext = new Ext(1);
      for (int authored = 0; authored <= DEFAULT_TEST_VELOCITY; authored++) {
        ext.onStateProof(hook, 10);
        ext.assertSlotInfo(10, authored + 1);
      }
      assertThatThrownBy(() -> ext.onStateProof(hook, 10))
          .isInstanceOf(RuntimePanicException.class)
          .hasMessage("authored blocks limit is reached for the slot: relay_chain_slot=Slot(10), authored=3, velocity=2");
    }

    @Test
    void test_para_slot_calculated_from_slot_duration() {
      Ext ext = new Ext(5);
      ext.onStateProof(h2(3000, DEFAULT_TEST_VELOCITY, 1), 10);
      ext.assertSlotInfo(10, 1);
    }

    @ParameterizedTest(name = "para {0} ms, para slot {1}, relay slot {2}")
    @CsvSource({
      "2000, 31, 10, Slot(30)",
      "2000, 32, 10, Slot(30)",
      "2000, 30, 10, ",
      "2000, 33, 11, ",
      "2000, 29, 10, ",
      "2000, 1, 10, ",
      "6000, 1, 10, ",
      "6000, 9, 10, ",
      "6000, 10, 10, ",
      "6000, 11, 10, Slot(10)",
    })
    void test_para_slot_too_high(long paraMs, long paraSlot, long relaySlot, String panicsWithDerived) {
      Ext ext = new Ext(paraSlot);
      ext.paraSlotMs = paraMs;
      FixedVelocityConsensusHook hook = h2(6000, DEFAULT_TEST_VELOCITY, 1);
      if (panicsWithDerived == null) {
        ext.onStateProof(hook, relaySlot);
      } else {
        assertThatThrownBy(() -> ext.onStateProof(hook, relaySlot))
            .hasMessageContaining("too far in the future: parachain_slot=Slot(" + paraSlot
                + "), derived_from_relay_slot=" + panicsWithDerived);
      }
    }

    @Test
    void test_velocity_at_least_one() {
      Ext ext = new Ext(6);
      ext.onStateProof(h2(6000, 0, 1), 10);
      ext.assertSlotInfo(10, 1);
    }

    @Test
    void test_para_slot_calculated_from_slot_duration_2() {
      Ext ext = new Ext(8);
      assertThatThrownBy(() -> ext.onStateProof(h2(3000, DEFAULT_TEST_VELOCITY, 1), 10))
          .hasMessageContaining("Parachain slot is too far in the future: parachain_slot=Slot(8), "
              + "derived_from_relay_slot=Slot(5) velocity=2")
          .hasMessage("Parachain slot is too far in the future: parachain_slot=Slot(8), "
              + "derived_from_relay_slot=Slot(5) velocity=2, relay_chain_slot=Slot(10)");
    }

    @Test
    void test_velocity_resets_on_new_relay_slot() {
      FixedVelocityConsensusHook hook = h2(6000, DEFAULT_TEST_VELOCITY, 1);
      Ext ext = new Ext(1);
      for (int authored = 0; authored <= DEFAULT_TEST_VELOCITY; authored++) {
        ext.onStateProof(hook, 10);
        ext.assertSlotInfo(10, authored + 1);
      }
      for (int authored = 0; authored <= DEFAULT_TEST_VELOCITY; authored++) {
        ext.onStateProof(hook, 11);
        ext.assertSlotInfo(11, authored + 1);
      }
    }

    @Test
    void test_backward_relay_slot_not_tolerated() {
      FixedVelocityConsensusHook hook = h2(6000, 2, 1);
      Ext ext = new Ext(1);
      ext.onStateProof(hook, 10);
      ext.assertSlotInfo(10, 1);
      assertThatThrownBy(() -> ext.onStateProof(hook, 9))
          .hasMessage("Slot moved backwards: stored_slot=Slot(10), relay_chain_slot=Slot(9)");
    }

    @Test
    void test_can_build_upon_true_when_empty() {
      Ext ext = new Ext(1);
      assertThat(ext.canBuildUpon(h2(6000, DEFAULT_TEST_VELOCITY, 1), repeatByte(1), 1)).isTrue();
    }

    @ParameterizedTest(name = "state slot {0}, test slot {1}, authored {2} -> {3}")
    @CsvSource({
      "10, 11, 2, true",  // slot_higher_ok
      "10, 10, 2, true",  // slot_same_ok
      "10, 9, 2, false",  // slot_decrease_illegal
      "10, 10, 1, true",  // velocity_small_ok
      "10, 10, 0, true",  // velocity_small_ok
      "10, 10, 3, false", // velocity_too_high_illegal
    })
    void test_can_build_upon_slot_can_not_decrease(long stateSlot, long testSlot, int authored, boolean expected) {
      Ext ext = new Ext(1);
      ext.auraExt = ext.auraExt.withRelaySlotInfo(new SlotInfo(stateSlot, authored));
      assertThat(ext.canBuildUpon(h2(6000, DEFAULT_TEST_VELOCITY, 10), repeatByte(1), testSlot)).isEqualTo(expected);
    }

    @Test
    void test_can_build_upon_unincluded_segment_size() {
      FixedVelocityConsensusHook hook = h2(6000, DEFAULT_TEST_VELOCITY, 2);
      Ext ext = new Ext(1);
      ext.auraExt = ext.auraExt.withRelaySlotInfo(new SlotInfo(10, DEFAULT_TEST_VELOCITY));
      // Size after included is two, we can not build.
      assertThat(ext.canBuildUpon(hook, repeatByte(1), 10)).isFalse();
      // Size after included is one, we can build.
      assertThat(ext.canBuildUpon(hook, repeatByte(2), 10)).isTrue();
    }
  }

  @Nested
  class H3 {
    @ParameterizedTest(name = "para {0} ms, para slot {1}, relay slot {2}")
    @CsvSource({
      "2000, 30, 10, ",
      "6000, 10, 10, ",
      "24000, 1, 7, ",
      "24000, 2, 7, Slot(1)",
      "24000, 2, 8, ",
      "24000, 2, 9, ",
      "24000, 2, 10, ",
      "24000, 2, 11, ",
      "24000, 2, 12, Slot(3)",
      "24000, 3, 12, ",
      "2000, 31, 10, Slot(30)",
      "2000, 32, 10, Slot(30)",
      "2000, 29, 10, Slot(30)",
      "2000, 1, 10, Slot(30)",
      "6000, 1, 10, Slot(10)",
      "6000, 9, 10, Slot(10)",
      "6000, 11, 10, Slot(10)",
    })
    void test_para_slot_too_high(long paraMs, long paraSlot, long relaySlot, String panicsWithDerived) {
      Ext ext = new Ext(paraSlot);
      ext.paraSlotMs = paraMs;
      FixedVelocityConsensusHook hook = hook(AuraExtRevision.H3, 6000, DEFAULT_TEST_VELOCITY, 1);
      if (panicsWithDerived == null) {
        ext.onStateProof(hook, relaySlot);
      } else {
        assertThatThrownBy(() -> ext.onStateProof(hook, relaySlot))
            .hasMessageContaining("must match relay-derived slot: parachain_slot=Slot(" + paraSlot
                + "), derived_from_relay_slot=" + panicsWithDerived);
      }
    }

    @Test
    void test_para_slot_calculated_from_slot_duration_2() {
      Ext ext = new Ext(8);
      assertThatThrownBy(() -> ext.onStateProof(hook(AuraExtRevision.H3, 3000, DEFAULT_TEST_VELOCITY, 1), 10))
          .hasMessageContaining("Parachain slot must match relay-derived slot: parachain_slot=Slot(8), "
              + "derived_from_relay_slot=Slot(5) velocity=2");
    }

    @Test
    void test_velocity_resets_on_new_relay_slot() {
      FixedVelocityConsensusHook hook = hook(AuraExtRevision.H3, 6000, DEFAULT_TEST_VELOCITY, 1);
      Ext ext = new Ext(10);
      for (int authored = 0; authored <= DEFAULT_TEST_VELOCITY; authored++) {
        ext.onStateProof(hook, 10);
        ext.assertSlotInfo(10, authored + 1);
      }
      // Change parachain slot to match the new relay slot.
      ext.currentSlot = 11;
      for (int authored = 0; authored <= DEFAULT_TEST_VELOCITY; authored++) {
        ext.onStateProof(hook, 11);
        ext.assertSlotInfo(11, authored + 1);
      }
    }
  }

  @Nested
  class H1 {
    @Test
    void onInitializeTracksParaSlotAndRejectsGoingBack() {
      AuraExtState s = FixedVelocityConsensusHook.onInitializeH1(AuraExtState.EMPTY, 10);
      assertThat(s.slotInfo()).hasValue(new SlotInfo(10, 1));
      s = FixedVelocityConsensusHook.onInitializeH1(s, 10);
      assertThat(s.slotInfo()).hasValue(new SlotInfo(10, 2));
      s = FixedVelocityConsensusHook.onInitializeH1(s, 12);
      assertThat(s.slotInfo()).hasValue(new SlotInfo(12, 1));
      AuraExtState at12 = s;
      assertThatThrownBy(() -> FixedVelocityConsensusHook.onInitializeH1(at12, 11))
          .hasMessage("slot moved backwards");
    }

    @Test
    void hookRequiresTheRelayDerivedParaSlotAndAtMostVPlusOneBlocksPerParaSlot() {
      FixedVelocityConsensusHook hook = hook(AuraExtRevision.H1, 6000, 1, 3);
      AuraExtState s = AuraExtState.EMPTY.withSlotInfo(new SlotInfo(10, 2));
      assertThat(hook.onStateProof(10, 10, 6000, s).capacity()).isEqualTo(UnincludedSegmentCapacity.of(3));
      assertThatThrownBy(() -> hook.onStateProof(11, 10, 6000, s))
          .hasMessage("assertion `left == right` failed: slot number mismatch\n  left: Slot(10)\n right: Slot(11)");
      AuraExtState three = AuraExtState.EMPTY.withSlotInfo(new SlotInfo(10, 3));
      assertThatThrownBy(() -> hook.onStateProof(10, 10, 6000, three))
          .hasMessage("authored blocks limit is reached for the slot");
      assertThatThrownBy(() -> hook.onStateProof(10, 10, 6000, AuraExtState.EMPTY))
          .hasMessage("slot info is inserted on block initialization");
    }

    @Test
    void canBuildUponReadsTheParaSlotInfo() {
      FixedVelocityConsensusHook hook = hook(AuraExtRevision.H1, 6000, 1, 3);
      AuraExtState s = AuraExtState.EMPTY.withSlotInfo(new SlotInfo(10, 2))
          .withRelaySlotInfo(new SlotInfo(99, 0));
      assertThat(hook.canBuildUpon(s, 0, 10)).isFalse(); // 2 = V + 1 already authored in para slot 10
      assertThat(hook.canBuildUpon(s, 0, 11)).isTrue();
      assertThat(hook.canBuildUpon(s, 3, 11)).isFalse(); // segment full
    }
  }
}
