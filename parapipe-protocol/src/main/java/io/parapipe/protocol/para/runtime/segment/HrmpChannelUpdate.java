package io.parapipe.protocol.para.runtime.segment;

import io.parapipe.protocol.primitives.ParaId;

/**
 * Traffic on one outbound HRMP channel ({@code HrmpChannelUpdate}).
 *
 * @param msgCount messages sent
 * @param totalBytes bytes sent
 */
public record HrmpChannelUpdate(long msgCount, long totalBytes) {
  /** No traffic (upstream's {@code Default}). */
  public static final HrmpChannelUpdate EMPTY = new HrmpChannelUpdate(0, 0);

  /** Checks both values fit in {@code u32}. */
  public HrmpChannelUpdate {
    U32.check(msgCount, "msg_count");
    U32.check(totalBytes, "total_bytes");
  }

  /** True iff both counters are zero. */
  public boolean isEmpty() {
    return msgCount == 0 && totalBytes == 0;
  }

  /**
   * Adds {@code other} to this channel's traffic and checks the channel's limits: the message
   * count first, then the bytes (upstream order).
   *
   * @throws IllegalStateException {@code "limit for declared hrmp channel must be present; qed"}
   *     if {@code limits} has no entry for {@code recipient} (a bug in the caller)
   */
  public SegmentUpdate<HrmpChannelUpdate> append(
      HrmpChannelUpdate other, ParaId recipient, OutboundBandwidthLimits limits) {
    HrmpOutboundLimits limit = limits.hrmpOutgoing().get(recipient);
    if (limit == null) {
      throw new IllegalStateException("limit for declared hrmp channel must be present; qed");
    }
    long count = U32.saturatingAdd(msgCount, other.msgCount);
    if (count > limit.messagesRemaining()) {
      return new SegmentUpdate.Rejected<>(new BandwidthUpdateError.HrmpMessagesOverflow(
          recipient, limit.messagesRemaining(), count));
    }
    long bytes = U32.saturatingAdd(totalBytes, other.totalBytes);
    if (bytes > limit.bytesRemaining()) {
      return new SegmentUpdate.Rejected<>(new BandwidthUpdateError.HrmpBytesOverflow(
          recipient, limit.bytesRemaining(), bytes));
    }
    return new SegmentUpdate.Accepted<>(new HrmpChannelUpdate(count, bytes));
  }

  /** Removes {@code other}'s traffic (plain subtraction, as upstream). */
  public HrmpChannelUpdate subtract(HrmpChannelUpdate other) {
    return new HrmpChannelUpdate(msgCount - other.msgCount, totalBytes - other.totalBytes);
  }
}
