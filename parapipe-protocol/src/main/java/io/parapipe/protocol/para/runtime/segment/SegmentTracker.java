package io.parapipe.protocol.para.runtime.segment;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The unincluded segment aggregated ({@code SegmentTracker<H>}): total traffic, the latest HRMP
 * watermark and the go-ahead signal consumed by some ancestor.
 *
 * @param usedBandwidth the segment's total outbound traffic
 * @param hrmpWatermark the latest watermark, if any block was appended
 * @param consumedGoAheadSignal the go-ahead signal some ancestor consumed
 */
public record SegmentTracker(
    UsedBandwidth usedBandwidth, OptionalInt hrmpWatermark, Optional<UpgradeGoAhead> consumedGoAheadSignal) {
  /** The empty tracker (upstream's {@code Default}). */
  public static final SegmentTracker EMPTY =
      new SegmentTracker(UsedBandwidth.EMPTY, OptionalInt.empty(), Optional.empty());

  /** Requires all components. */
  public SegmentTracker {
    Objects.requireNonNull(usedBandwidth, "usedBandwidth");
    Objects.requireNonNull(hrmpWatermark, "hrmpWatermark");
    Objects.requireNonNull(consumedGoAheadSignal, "consumedGoAheadSignal");
  }

  /**
   * Adds a block to the tracker. Checks in upstream order: (1) a second go-ahead signal →
   * {@code UpgradeGoAheadAlreadyProcessed}; (2) a {@code Trunk} watermark below the latest →
   * {@code InvalidHrmpWatermark}; (3) bandwidth ({@link UsedBandwidth#append}). On success the
   * block's go-ahead (if any) is stored and the watermark becomes the update's value.
   */
  public SegmentUpdate<SegmentTracker> append(
      Ancestor block, HrmpWatermarkUpdate newWatermark, OutboundBandwidthLimits limits) {
    if (consumedGoAheadSignal.isPresent() && block.consumedGoAheadSignal().isPresent()) {
      return new SegmentUpdate.Rejected<>(new BandwidthUpdateError.UpgradeGoAheadAlreadyProcessed());
    }
    if (hrmpWatermark.isPresent() && newWatermark instanceof HrmpWatermarkUpdate.Trunk t
        && Integer.compareUnsigned(t.watermark(), hrmpWatermark.getAsInt()) < 0) {
      return new SegmentUpdate.Rejected<>(
          new BandwidthUpdateError.InvalidHrmpWatermark(t.watermark(), hrmpWatermark.getAsInt()));
    }
    SegmentUpdate<UsedBandwidth> used = usedBandwidth.append(block.usedBandwidth(), limits);
    if (used instanceof SegmentUpdate.Rejected<UsedBandwidth> r) {
      return new SegmentUpdate.Rejected<>(r.error());
    }
    Optional<UpgradeGoAhead> goAhead =
        block.consumedGoAheadSignal().isPresent() ? block.consumedGoAheadSignal() : consumedGoAheadSignal;
    return new SegmentUpdate.Accepted<>(new SegmentTracker(
        ((SegmentUpdate.Accepted<UsedBandwidth>) used).value(),
        OptionalInt.of(newWatermark.watermark()),
        goAhead));
  }

  /**
   * Removes a block (always the oldest) from the tracker. The watermark is untouched: it is only
   * ever dropped from the tail.
   *
   * @throws IllegalStateException if the block consumed a go-ahead signal the tracker does not
   *     hold (upstream's {@code assert_eq!}; a bug in the caller)
   */
  public SegmentTracker subtract(Ancestor block) {
    UsedBandwidth used = usedBandwidth.subtract(block.usedBandwidth());
    Optional<UpgradeGoAhead> goAhead = consumedGoAheadSignal;
    if (block.consumedGoAheadSignal().isPresent()) {
      if (!goAhead.equals(block.consumedGoAheadSignal())) {
        throw new IllegalStateException("assertion `left == right` failed\n  left: "
            + goAhead.map(UpgradeGoAhead::debug).map(s -> "Some(" + s + ")").orElse("None")
            + "\n right: Some(" + block.consumedGoAheadSignal().get().debug() + ")");
      }
      goAhead = Optional.empty();
    }
    return new SegmentTracker(used, hrmpWatermark, goAhead);
  }
}
