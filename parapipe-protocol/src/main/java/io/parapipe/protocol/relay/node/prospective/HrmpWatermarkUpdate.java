package io.parapipe.protocol.relay.node.prospective;

/**
 * An update to the HRMP watermark ({@code inclusion_emulator::HrmpWatermarkUpdate}).
 */
public sealed interface HrmpWatermarkUpdate permits HrmpWatermarkUpdate.Head, HrmpWatermarkUpdate.Trunk {

  /** The new watermark block number. */
  int watermark();

  /**
   * The watermark placed at the head of the chain (the candidate's relay parent): always legal.
   *
   * @param watermark the block number
   */
  record Head(int watermark) implements HrmpWatermarkUpdate {}

  /**
   * The watermark placed behind the head: only legal on a block where messages were queued.
   *
   * @param watermark the block number
   */
  record Trunk(int watermark) implements HrmpWatermarkUpdate {}
}
