package io.parapipe.protocol.para.runtime.segment;

import io.parapipe.protocol.primitives.ParaId;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The relay chain's messaging state for this para at the relay parent, as read from the relay
 * chain state proof ({@code MessagingStateSnapshot}, without MQC heads and ingress channels,
 * which parapipe does not model).
 *
 * @param umpRemainingCount {@code relay_dispatch_queue_remaining_capacity.remaining_count}
 * @param umpRemainingSize {@code relay_dispatch_queue_remaining_capacity.remaining_size}
 * @param egressChannels outbound HRMP channels by recipient, ascending
 */
public record MessagingStateSnapshot(
    long umpRemainingCount, long umpRemainingSize, SortedMap<ParaId, AbridgedHrmpChannel> egressChannels) {

  /** Checks the UMP values fit in {@code u32}; copies the channel map. */
  public MessagingStateSnapshot {
    U32.check(umpRemainingCount, "remaining_count");
    U32.check(umpRemainingSize, "remaining_size");
    egressChannels = Collections.unmodifiableSortedMap(new TreeMap<>(egressChannels));
  }

  /** A snapshot with the given UMP capacity and no HRMP channels. */
  public static MessagingStateSnapshot ump(long remainingCount, long remainingSize) {
    return new MessagingStateSnapshot(remainingCount, remainingSize, new TreeMap<>());
  }

  /** A snapshot with the given UMP capacity and channels. */
  public static MessagingStateSnapshot of(
      long remainingCount, long remainingSize, Map<ParaId, AbridgedHrmpChannel> channels) {
    return new MessagingStateSnapshot(remainingCount, remainingSize, new TreeMap<>(channels));
  }

  /**
   * This snapshot reduced by what the unincluded segment already uses
   * ({@code adjust_egress_bandwidth_limits}): channels still present get the used traffic added
   * (capped at their limits), the UMP capacity is reduced with saturation.
   */
  public MessagingStateSnapshot adjustedBy(UsedBandwidth used) {
    TreeMap<ParaId, AbridgedHrmpChannel> channels = new TreeMap<>(egressChannels);
    for (Map.Entry<ParaId, HrmpChannelUpdate> e : used.hrmpOutgoing().entrySet()) {
      AbridgedHrmpChannel c = channels.get(e.getKey());
      if (c != null) {
        channels.put(e.getKey(), c.adjustedBy(e.getValue()));
      }
    }
    return new MessagingStateSnapshot(
        U32.saturatingSub(umpRemainingCount, used.umpMsgCount()),
        U32.saturatingSub(umpRemainingSize, used.umpTotalBytes()),
        channels);
  }
}
