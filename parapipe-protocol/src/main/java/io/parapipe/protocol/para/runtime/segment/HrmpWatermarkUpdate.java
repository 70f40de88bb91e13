package io.parapipe.protocol.para.runtime.segment;

/**
 * A block's HRMP watermark as the segment tracker sees it ({@code HrmpWatermarkUpdate}): a
 * {@link Head} update (watermark at the relay parent) is always accepted, a {@link Trunk} update
 * must not go below the segment's latest watermark.
 */
public sealed interface HrmpWatermarkUpdate {
  /** The watermark value. */
  int watermark();

  /**
   * {@code HrmpWatermarkUpdate::new}: {@code Head(relay_parent_number)} if the watermark reached
   * the relay parent, else {@code Trunk(watermark)}. Numbers are compared as {@code u32}.
   */
  static HrmpWatermarkUpdate of(int watermark, int relayParentNumber) {
    if (Integer.compareUnsigned(watermark, relayParentNumber) >= 0) {
      return new Head(relayParentNumber);
    }
    return new Trunk(watermark);
  }

  /**
   * The watermark equals the relay parent number.
   *
   * @param watermark the relay parent number
   */
  record Head(int watermark) implements HrmpWatermarkUpdate {}

  /**
   * The watermark is behind the relay parent.
   *
   * @param watermark the watermark
   */
  record Trunk(int watermark) implements HrmpWatermarkUpdate {}
}
