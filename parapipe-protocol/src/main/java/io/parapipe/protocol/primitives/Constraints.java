package io.parapipe.protocol.primitives;

import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The constraints a para's next candidate must satisfy at a relay parent, as the relay runtime
 * reports them ({@code async_backing::Constraints}, Era B). The node-side inclusion emulator keeps
 * its own copy with modifications applied.
 *
 * @param minRelayParentNumber the oldest relay parent number a new candidate may use
 * @param maxPovSize maximum PoV size
 * @param maxCodeSize maximum new validation code size
 * @param maxHeadDataSize maximum head size
 * @param umpRemaining UMP messages the queue can still take
 * @param umpRemainingBytes UMP bytes the queue can still take
 * @param maxUmpNumPerCandidate UMP messages per candidate
 * @param dmpRemainingMessages the {@code sent_at} block of each queued DMP message, oldest first
 * @param hrmpInboundValidWatermarks valid HRMP watermarks, ascending
 * @param hrmpChannelsOut budgets of the para's outbound HRMP channels
 * @param maxHrmpNumPerCandidate HRMP messages per candidate
 * @param requiredParent the head the next candidate must build on (the included head)
 * @param validationCodeHash the current validation code hash
 * @param upgradeRestriction present while upgrades are not allowed
 * @param futureValidationCode a scheduled upgrade: the relay block it applies at, and its hash
 */
public record Constraints(
    int minRelayParentNumber,
    int maxPovSize,
    int maxCodeSize,
    int maxHeadDataSize,
    int umpRemaining,
    int umpRemainingBytes,
    int maxUmpNumPerCandidate,
    List<Integer> dmpRemainingMessages,
    List<Integer> hrmpInboundValidWatermarks,
    SortedMap<ParaId, OutboundHrmpChannelLimitations> hrmpChannelsOut,
    int maxHrmpNumPerCandidate,
    HeadData requiredParent,
    Hash validationCodeHash,
    Optional<UpgradeRestriction> upgradeRestriction,
    Optional<FutureValidationCode> futureValidationCode) {

  /** The budget of one outbound HRMP channel. */
  public record OutboundHrmpChannelLimitations(int bytesRemaining, int messagesRemaining) {}

  /** A scheduled code upgrade: applies to candidates whose relay parent is at least {@code at}. */
  public record FutureValidationCode(int at, Hash codeHash) {}

  /** {@code UpgradeRestriction::Present}: upgrades are not allowed for now. */
  public enum UpgradeRestriction {
    /** An upgrade is restricted. */
    PRESENT
  }
}
