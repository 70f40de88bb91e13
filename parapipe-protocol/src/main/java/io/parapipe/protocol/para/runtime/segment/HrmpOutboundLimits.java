package io.parapipe.protocol.para.runtime.segment;

/**
 * What is left of one outbound HRMP channel at the relay parent ({@code HrmpOutboundLimits}).
 *
 * @param bytesRemaining bytes the channel can still take
 * @param messagesRemaining messages the channel can still take
 */
public record HrmpOutboundLimits(long bytesRemaining, long messagesRemaining) {
  /** Checks both values fit in {@code u32}. */
  public HrmpOutboundLimits {
    U32.check(bytesRemaining, "bytes_remaining");
    U32.check(messagesRemaining, "messages_remaining");
  }
}
