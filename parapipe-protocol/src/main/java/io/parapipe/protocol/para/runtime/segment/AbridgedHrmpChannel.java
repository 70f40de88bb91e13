package io.parapipe.protocol.para.runtime.segment;

/**
 * An HRMP channel as the relay chain state proof shows it ({@code AbridgedHrmpChannel}, without
 * the MQC head, which parapipe does not model).
 *
 * @param maxCapacity the maximum number of messages in the channel
 * @param maxTotalSize the maximum total size of messages in the channel
 * @param maxMessageSize the maximum size of one message
 * @param msgCount messages currently in the channel
 * @param totalSize bytes currently in the channel
 */
public record AbridgedHrmpChannel(
    long maxCapacity, long maxTotalSize, long maxMessageSize, long msgCount, long totalSize) {
  /** Checks every value fits in {@code u32}. */
  public AbridgedHrmpChannel {
    U32.check(maxCapacity, "max_capacity");
    U32.check(maxTotalSize, "max_total_size");
    U32.check(maxMessageSize, "max_message_size");
    U32.check(msgCount, "msg_count");
    U32.check(totalSize, "total_size");
  }

  /** An empty channel with the given limits. */
  public static AbridgedHrmpChannel empty(long maxCapacity, long maxTotalSize, long maxMessageSize) {
    return new AbridgedHrmpChannel(maxCapacity, maxTotalSize, maxMessageSize, 0, 0);
  }

  /**
   * This channel after the unincluded segment's {@code used} traffic is added, capped at the
   * limits ({@code adjust_egress_bandwidth_limits}).
   */
  public AbridgedHrmpChannel adjustedBy(HrmpChannelUpdate used) {
    return new AbridgedHrmpChannel(maxCapacity, maxTotalSize, maxMessageSize,
        Math.min(U32.saturatingAdd(msgCount, used.msgCount()), maxCapacity),
        Math.min(U32.saturatingAdd(totalSize, used.totalBytes()), maxTotalSize));
  }
}
