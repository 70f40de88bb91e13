package io.parapipe.protocol.relay.node.prospective;

/**
 * What a candidate (or a chain of candidates) submits to one outbound HRMP channel
 * ({@code inclusion_emulator::OutboundHrmpChannelModification}).
 *
 * @param bytesSubmitted bytes submitted
 * @param messagesSubmitted messages submitted
 */
public record OutboundHrmpChannelModification(int bytesSubmitted, int messagesSubmitted) {
  /** Nothing submitted. */
  public static final OutboundHrmpChannelModification NONE = new OutboundHrmpChannelModification(0, 0);

  /** Component-wise sum. */
  public OutboundHrmpChannelModification plus(OutboundHrmpChannelModification o) {
    return new OutboundHrmpChannelModification(
        bytesSubmitted + o.bytesSubmitted, messagesSubmitted + o.messagesSubmitted);
  }
}
