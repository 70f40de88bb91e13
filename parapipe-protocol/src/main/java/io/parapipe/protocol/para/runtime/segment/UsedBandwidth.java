package io.parapipe.protocol.para.runtime.segment;

import io.parapipe.protocol.primitives.ParaId;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Outbound traffic of one block or of a whole segment ({@code UsedBandwidth}).
 *
 * @param umpMsgCount upward messages
 * @param umpTotalBytes upward bytes
 * @param hrmpOutgoing per-recipient HRMP traffic, ascending by recipient
 */
public record UsedBandwidth(
    long umpMsgCount, long umpTotalBytes, SortedMap<ParaId, HrmpChannelUpdate> hrmpOutgoing) {
  /** No traffic (upstream's {@code Default}). */
  public static final UsedBandwidth EMPTY = new UsedBandwidth(0, 0, new TreeMap<>());

  /** Checks the UMP values fit in {@code u32}; copies the map. */
  public UsedBandwidth {
    U32.check(umpMsgCount, "ump_msg_count");
    U32.check(umpTotalBytes, "ump_total_bytes");
    hrmpOutgoing = Collections.unmodifiableSortedMap(new TreeMap<>(hrmpOutgoing));
  }

  /** UMP traffic only. */
  public static UsedBandwidth ump(long msgCount, long totalBytes) {
    return new UsedBandwidth(msgCount, totalBytes, new TreeMap<>());
  }

  /** HRMP traffic only. */
  public static UsedBandwidth hrmp(Map<ParaId, HrmpChannelUpdate> channels) {
    return new UsedBandwidth(0, 0, new TreeMap<>(channels));
  }

  /**
   * Adds {@code other} and checks the limits in upstream order: UMP messages, UMP bytes, then each
   * HRMP channel of {@code other} by ascending recipient. This value is unchanged either way.
   */
  public SegmentUpdate<UsedBandwidth> append(UsedBandwidth other, OutboundBandwidthLimits limits) {
    long umpCount = U32.saturatingAdd(umpMsgCount, other.umpMsgCount);
    if (umpCount > limits.umpMessagesRemaining()) {
      return new SegmentUpdate.Rejected<>(new BandwidthUpdateError.UmpMessagesOverflow(
          limits.umpMessagesRemaining(), umpCount));
    }
    long umpBytes = U32.saturatingAdd(umpTotalBytes, other.umpTotalBytes);
    if (umpBytes > limits.umpBytesRemaining()) {
      return new SegmentUpdate.Rejected<>(new BandwidthUpdateError.UmpBytesOverflow(
          limits.umpBytesRemaining(), umpBytes));
    }
    TreeMap<ParaId, HrmpChannelUpdate> hrmp = new TreeMap<>(hrmpOutgoing);
    for (Map.Entry<ParaId, HrmpChannelUpdate> e : other.hrmpOutgoing.entrySet()) {
      HrmpChannelUpdate current = hrmp.getOrDefault(e.getKey(), HrmpChannelUpdate.EMPTY);
      SegmentUpdate<HrmpChannelUpdate> updated = current.append(e.getValue(), e.getKey(), limits);
      if (updated instanceof SegmentUpdate.Rejected<HrmpChannelUpdate> r) {
        return new SegmentUpdate.Rejected<>(r.error());
      }
      hrmp.put(e.getKey(), ((SegmentUpdate.Accepted<HrmpChannelUpdate>) updated).value());
    }
    return new SegmentUpdate.Accepted<>(new UsedBandwidth(umpCount, umpBytes, hrmp));
  }

  /**
   * Removes {@code other}'s traffic; channels left empty are dropped from the map.
   *
   * @throws IllegalStateException {@code "entry's been inserted earlier with `append`; qed"} if
   *     {@code other} has a channel this value lacks (a bug in the caller)
   */
  public UsedBandwidth subtract(UsedBandwidth other) {
    TreeMap<ParaId, HrmpChannelUpdate> hrmp = new TreeMap<>(hrmpOutgoing);
    for (Map.Entry<ParaId, HrmpChannelUpdate> e : other.hrmpOutgoing.entrySet()) {
      HrmpChannelUpdate current = hrmp.get(e.getKey());
      if (current == null) {
        throw new IllegalStateException("entry's been inserted earlier with `append`; qed");
      }
      hrmp.put(e.getKey(), current.subtract(e.getValue()));
    }
    hrmp.values().removeIf(HrmpChannelUpdate::isEmpty);
    return new UsedBandwidth(umpMsgCount - other.umpMsgCount, umpTotalBytes - other.umpTotalBytes, hrmp);
  }
}
