package io.parapipe.protocol.para.runtime.segment;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.ParaId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Ports of the tests module of {@code cumulus/pallets/parachain-system/src/unincluded_segment.rs}
 * (reference §11.1), same values and expectations.
 */
class UnincludedSegmentTest {
  private static final long U32_MAX = 0xFFFF_FFFFL;
  private static final ParaId PARA_0 = ParaId.of(0);
  private static final ParaId PARA_1 = ParaId.of(1);

  private static <T> T accepted(SegmentUpdate<T> u) {
    assertThat(u).isInstanceOf(SegmentUpdate.Accepted.class);
    return ((SegmentUpdate.Accepted<T>) u).value();
  }

  private static BandwidthUpdateError rejected(SegmentUpdate<?> u) {
    assertThat(u).isInstanceOf(SegmentUpdate.Rejected.class);
    return ((SegmentUpdate.Rejected<?>) u).error();
  }

  private static Ancestor ancestor(UsedBandwidth used) {
    return Ancestor.newUnchecked(used, Optional.empty());
  }

  private static OutboundBandwidthLimits hrmpLimits(Map<ParaId, HrmpOutboundLimits> channels) {
    return OutboundBandwidthLimits.of(0, 0, channels);
  }

  @Test
  void outbound_limits_constructed_correctly() {
    AbridgedHrmpChannel paraA = new AbridgedHrmpChannel(7, 60, 15, 5, 50);
    AbridgedHrmpChannel paraB = new AbridgedHrmpChannel(50, 500, 15, 40, 500);
    MessagingStateSnapshot state = MessagingStateSnapshot.of(1, 50, Map.of(PARA_0, paraA, PARA_1, paraB));

    OutboundBandwidthLimits limits = OutboundBandwidthLimits.fromRelayChainState(state);

    assertThat(limits.umpMessagesRemaining()).isEqualTo(1);
    assertThat(limits.umpBytesRemaining()).isEqualTo(50);
    assertThat(limits.hrmpOutgoing().get(PARA_0)).isEqualTo(new HrmpOutboundLimits(10, 2));
    assertThat(limits.hrmpOutgoing().get(PARA_1)).isEqualTo(new HrmpOutboundLimits(0, 10));
  }

  @Test
  void hrmp_msg_count_limits() {
    OutboundBandwidthLimits limits = hrmpLimits(Map.of(
        PARA_0, new HrmpOutboundLimits(U32_MAX, 5), PARA_1, new HrmpOutboundLimits(U32_MAX, 3)));
    HrmpChannelUpdate update = HrmpChannelUpdate.EMPTY;
    assertThat(update.isEmpty()).isTrue();
    for (int i = 0; i < 5; i++) {
      update = accepted(update.append(new HrmpChannelUpdate(1, 10), PARA_0, limits));
    }
    assertThat(rejected(update.append(new HrmpChannelUpdate(1, 10), PARA_0, limits)))
        .isEqualTo(new BandwidthUpdateError.HrmpMessagesOverflow(PARA_0, 5, 6));

    HrmpChannelUpdate p1 = accepted(HrmpChannelUpdate.EMPTY.append(new HrmpChannelUpdate(2, 10), PARA_1, limits));
    assertThat(rejected(p1.append(new HrmpChannelUpdate(3, 10), PARA_1, limits)))
        .isEqualTo(new BandwidthUpdateError.HrmpMessagesOverflow(PARA_1, 3, 5));
  }

  @Test
  void hrmp_bytes_limits() {
    OutboundBandwidthLimits limits = hrmpLimits(Map.of(PARA_0, new HrmpOutboundLimits(25, U32_MAX)));
    HrmpChannelUpdate update = HrmpChannelUpdate.EMPTY;
    for (int i = 0; i < 5; i++) {
      update = accepted(update.append(new HrmpChannelUpdate(1, 4), PARA_0, limits));
    }
    assertThat(rejected(update.append(new HrmpChannelUpdate(1, 6), PARA_0, limits)))
        .isEqualTo(new BandwidthUpdateError.HrmpBytesOverflow(PARA_0, 25, 26));
  }

  @Test
  void hrmp_limits_with_segment() {
    OutboundBandwidthLimits limits = hrmpLimits(Map.of(
        PARA_0, new HrmpOutboundLimits(30, 10), PARA_1, new HrmpOutboundLimits(20, 3)));
    SegmentTracker segment = SegmentTracker.EMPTY;
    HrmpChannelUpdate para0Update = new HrmpChannelUpdate(1, 6);
    Ancestor ancestor0 = ancestor(UsedBandwidth.hrmp(Map.of(PARA_0, para0Update)));
    segment = accepted(segment.append(ancestor0, new HrmpWatermarkUpdate.Trunk(0), limits));
    for (int w = 1; w < 5; w++) {
      segment = accepted(segment.append(ancestor(UsedBandwidth.hrmp(Map.of(PARA_0, para0Update))),
          new HrmpWatermarkUpdate.Trunk(w), limits));
    }
    Ancestor ancestor5 = ancestor(UsedBandwidth.hrmp(Map.of(PARA_0, new HrmpChannelUpdate(1, 1))));
    assertThat(rejected(segment.append(ancestor5, new HrmpWatermarkUpdate.Trunk(5), limits)))
        .isEqualTo(new BandwidthUpdateError.HrmpBytesOverflow(PARA_0, 30, 31));
    // Remove the first ancestor from the segment to make space.
    segment = segment.subtract(ancestor0);
    segment = accepted(segment.append(ancestor5, new HrmpWatermarkUpdate.Trunk(5), limits));

    Ancestor p1 = ancestor(UsedBandwidth.hrmp(Map.of(PARA_1, new HrmpChannelUpdate(3, 10))));
    segment = accepted(segment.append(p1, new HrmpWatermarkUpdate.Trunk(6), limits));
    assertThat(rejected(segment.append(p1, new HrmpWatermarkUpdate.Trunk(7), limits)))
        .isEqualTo(new BandwidthUpdateError.HrmpMessagesOverflow(PARA_1, 3, 6));
  }

  @Test
  void ump_limits_with_segment() {
    OutboundBandwidthLimits limits = OutboundBandwidthLimits.of(5, 50, Map.of());
    SegmentTracker segment = SegmentTracker.EMPTY;
    segment = accepted(segment.append(ancestor(UsedBandwidth.ump(1, 10)), new HrmpWatermarkUpdate.Trunk(0), limits));
    for (int w = 1; w < 4; w++) {
      segment = accepted(segment.append(ancestor(UsedBandwidth.ump(1, 10)), new HrmpWatermarkUpdate.Trunk(w), limits));
    }
    Ancestor ancestor4 = ancestor(UsedBandwidth.ump(1, 30));
    assertThat(rejected(segment.append(ancestor4, new HrmpWatermarkUpdate.Trunk(4), limits)))
        .isEqualTo(new BandwidthUpdateError.UmpBytesOverflow(50, 70));
    Ancestor small = ancestor(UsedBandwidth.ump(1, 5));
    segment = accepted(segment.append(small, new HrmpWatermarkUpdate.Trunk(4), limits));
    assertThat(rejected(segment.append(small, new HrmpWatermarkUpdate.Trunk(5), limits)))
        .isEqualTo(new BandwidthUpdateError.UmpMessagesOverflow(5, 6));
  }

  @Test
  void segment_hrmp_watermark() {
    SegmentTracker segment = SegmentTracker.EMPTY;
    Ancestor a = ancestor(UsedBandwidth.EMPTY);
    OutboundBandwidthLimits limits = OutboundBandwidthLimits.of(0, 0, Map.of());
    segment = accepted(segment.append(a, new HrmpWatermarkUpdate.Head(0), limits));
    segment = accepted(segment.append(a, new HrmpWatermarkUpdate.Trunk(0), limits));
    // Trunk updates are allowed when the new watermark is greater than the current one.
    for (int w = 1; w < 5; w++) {
      segment = accepted(segment.append(a, new HrmpWatermarkUpdate.Trunk(w), limits));
    }
    // ... and not when it is smaller.
    for (int w = 0; w < 4; w++) {
      assertThat(rejected(segment.append(a, new HrmpWatermarkUpdate.Trunk(w), limits)))
          .isEqualTo(new BandwidthUpdateError.InvalidHrmpWatermark(w, 4));
    }
    segment = accepted(segment.append(a, new HrmpWatermarkUpdate.Trunk(5), limits));
    // Head updates are allowed even if the new watermark is smaller.
    segment = accepted(segment.append(a, new HrmpWatermarkUpdate.Head(4), limits));
    assertThat(segment.hrmpWatermark()).hasValue(4);
  }

  @Test
  void segment_drops_empty_hrmp_channels() {
    OutboundBandwidthLimits limits = hrmpLimits(Map.of(
        PARA_0, new HrmpOutboundLimits(U32_MAX, U32_MAX), PARA_1, new HrmpOutboundLimits(U32_MAX, U32_MAX)));
    SegmentTracker segment = SegmentTracker.EMPTY;
    Ancestor ancestor0 = ancestor(UsedBandwidth.hrmp(Map.of(PARA_0, new HrmpChannelUpdate(1, 1))));
    segment = accepted(segment.append(ancestor0, new HrmpWatermarkUpdate.Head(0), limits));
    Ancestor ancestor1 = ancestor(UsedBandwidth.hrmp(Map.of(PARA_1, new HrmpChannelUpdate(3, 10))));
    segment = accepted(segment.append(ancestor1, new HrmpWatermarkUpdate.Head(1), limits));
    assertThat(segment.usedBandwidth().hrmpOutgoing()).hasSize(2);
    segment = segment.subtract(ancestor0);
    assertThat(segment.usedBandwidth().hrmpOutgoing()).hasSize(1);
    segment = segment.subtract(ancestor1);
    assertThat(segment.usedBandwidth().hrmpOutgoing()).isEmpty();
  }

  @Test
  void segment_go_ahead_signal_is_unique() {
    OutboundBandwidthLimits limits = OutboundBandwidthLimits.of(0, 0, Map.of());
    SegmentTracker segment = SegmentTracker.EMPTY;
    Ancestor ancestor0 = new Ancestor(UsedBandwidth.EMPTY, Optional.empty(), Optional.of(UpgradeGoAhead.GO_AHEAD));
    segment = accepted(segment.append(ancestor0, new HrmpWatermarkUpdate.Head(0), limits));
    Ancestor ancestor1 = ancestor(UsedBandwidth.EMPTY);
    segment = accepted(segment.append(ancestor1, new HrmpWatermarkUpdate.Head(1), limits));
    Ancestor ancestor2 = new Ancestor(UsedBandwidth.EMPTY, Optional.empty(), Optional.of(UpgradeGoAhead.ABORT));
    assertThat(rejected(segment.append(ancestor2, new HrmpWatermarkUpdate.Head(2), limits)))
        .isEqualTo(new BandwidthUpdateError.UpgradeGoAheadAlreadyProcessed());
    segment = segment.subtract(ancestor0);
    segment = accepted(segment.append(ancestor2, new HrmpWatermarkUpdate.Head(1), limits));
    assertThat(segment.consumedGoAheadSignal()).hasValue(UpgradeGoAhead.ABORT);
  }

  @Test
  void size_after_included_works() {
    Hash a = Hash.fromLong(0xa);
    Hash b = Hash.fromLong(0xb);
    Hash c = Hash.fromLong(0xc);
    List<Ancestor> segment = List.of(
        ancestor(UsedBandwidth.EMPTY).withParaHeadHash(a),
        ancestor(UsedBandwidth.EMPTY).withParaHeadHash(b),
        ancestor(UsedBandwidth.EMPTY).withParaHeadHash(c));
    assertThat(UnincludedSegment.sizeAfterIncluded(a, segment)).isEqualTo(2);
    assertThat(UnincludedSegment.sizeAfterIncluded(b, segment)).isEqualTo(1);
    assertThat(UnincludedSegment.sizeAfterIncluded(c, segment)).isEqualTo(0);
    assertThat(UnincludedSegment.sizeAfterIncluded(Hash.fromLong(0xd), segment)).isEqualTo(3);
    assertThat(UnincludedSegment.sizeAfterIncluded(Hash.fromLong(0x1), List.of())).isEqualTo(0);
  }

  @Test
  void rejectedAppendLeavesTheTrackerUnchangedAndErrorsRenderAsRustDebug() {
    OutboundBandwidthLimits limits = OutboundBandwidthLimits.of(1, 100, Map.of());
    SegmentTracker one = accepted(SegmentTracker.EMPTY.append(
        ancestor(UsedBandwidth.ump(1, 10)), new HrmpWatermarkUpdate.Head(1), limits));
    BandwidthUpdateError e = rejected(one.append(ancestor(UsedBandwidth.ump(1, 10)), new HrmpWatermarkUpdate.Head(2), limits));
    assertThat(one.usedBandwidth().umpMsgCount()).isEqualTo(1);
    assertThat(e.debug()).isEqualTo("UmpMessagesOverflow { messages_remaining: 1, messages_submitted: 2 }");
    assertThat(new BandwidthUpdateError.HrmpBytesOverflow(ParaId.of(2000), 25, 26).debug())
        .isEqualTo("HrmpBytesOverflow { recipient: Id(2000), bytes_remaining: 25, bytes_submitted: 26 }");
  }

  @Test
  void watermarkUpdateIsHeadOnlyWhenItReachesTheRelayParent() {
    assertThat(HrmpWatermarkUpdate.of(5, 5)).isEqualTo(new HrmpWatermarkUpdate.Head(5));
    assertThat(HrmpWatermarkUpdate.of(7, 5)).isEqualTo(new HrmpWatermarkUpdate.Head(5));
    assertThat(HrmpWatermarkUpdate.of(4, 5)).isEqualTo(new HrmpWatermarkUpdate.Trunk(4));
  }
}
