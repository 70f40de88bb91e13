package io.parapipe.protocol.para.runtime.segment;

import io.parapipe.protocol.primitives.ParaId;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The outbound budget the whole unincluded segment shares ({@code OutboundBandwidthLimits}).
 *
 * @param umpMessagesRemaining UMP messages the relay dispatch queue can still take
 * @param umpBytesRemaining UMP bytes the relay dispatch queue can still take
 * @param hrmpOutgoing per-recipient HRMP limits, ascending by recipient
 */
public record OutboundBandwidthLimits(
    long umpMessagesRemaining, long umpBytesRemaining, SortedMap<ParaId, HrmpOutboundLimits> hrmpOutgoing) {

  /** Checks the UMP values fit in {@code u32}; copies the map. */
  public OutboundBandwidthLimits {
    U32.check(umpMessagesRemaining, "ump_messages_remaining");
    U32.check(umpBytesRemaining, "ump_bytes_remaining");
    hrmpOutgoing = Collections.unmodifiableSortedMap(new TreeMap<>(hrmpOutgoing));
  }

  /** Limits with the given UMP budget and HRMP channels. */
  public static OutboundBandwidthLimits of(
      long umpMessagesRemaining, long umpBytesRemaining, Map<ParaId, HrmpOutboundLimits> hrmp) {
    return new OutboundBandwidthLimits(umpMessagesRemaining, umpBytesRemaining, new TreeMap<>(hrmp));
  }

  /**
   * {@code from_relay_chain_state}: the UMP budget is the relay dispatch queue's remaining
   * capacity; each egress channel offers {@code max ⊖ current} bytes and messages.
   */
  public static OutboundBandwidthLimits fromRelayChainState(MessagingStateSnapshot state) {
    TreeMap<ParaId, HrmpOutboundLimits> hrmp = new TreeMap<>();
    for (Map.Entry<ParaId, AbridgedHrmpChannel> e : state.egressChannels().entrySet()) {
      AbridgedHrmpChannel c = e.getValue();
      hrmp.put(e.getKey(), new HrmpOutboundLimits(
          U32.saturatingSub(c.maxTotalSize(), c.totalSize()),
          U32.saturatingSub(c.maxCapacity(), c.msgCount())));
    }
    return new OutboundBandwidthLimits(state.umpRemainingCount(), state.umpRemainingSize(), hrmp);
  }
}
