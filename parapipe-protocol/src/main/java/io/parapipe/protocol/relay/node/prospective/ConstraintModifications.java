package io.parapipe.protocol.relay.node.prospective;

import io.parapipe.protocol.primitives.HeadData;
import io.parapipe.protocol.primitives.ParaId;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How one candidate, or a chain of candidates, changes the constraints of the next candidate
 * ({@code inclusion_emulator::ConstraintModifications}). Immutable: {@link #stack} returns a new
 * value.
 *
 * @param requiredParent the new required parent head, if changed
 * @param hrmpWatermark the new HRMP watermark, if changed
 * @param outboundHrmp what was submitted to each outbound HRMP channel (unmodifiable)
 * @param umpMessagesSent UMP messages sent (UMP signals and the separator excluded)
 * @param umpBytesSent UMP bytes sent (UMP signals and the separator excluded)
 * @param dmpMessagesProcessed DMP messages processed
 * @param codeUpgradeApplied whether a pending code upgrade has been applied
 */
public record ConstraintModifications(
    Optional<HeadData> requiredParent,
    Optional<HrmpWatermarkUpdate> hrmpWatermark,
    SortedMap<ParaId, OutboundHrmpChannelModification> outboundHrmp,
    int umpMessagesSent,
    int umpBytesSent,
    int dmpMessagesProcessed,
    boolean codeUpgradeApplied) {

  private static final ConstraintModifications IDENTITY =
      new ConstraintModifications(
          Optional.empty(), Optional.empty(), Collections.emptySortedMap(), 0, 0, 0, false);

  /** Makes the outbound map unmodifiable (copying it unless it already is one of ours). */
  public ConstraintModifications {
    Objects.requireNonNull(requiredParent, "requiredParent");
    Objects.requireNonNull(hrmpWatermark, "hrmpWatermark");
    outboundHrmp = outboundHrmp.isEmpty()
        ? Collections.emptySortedMap()
        : Collections.unmodifiableSortedMap(new TreeMap<>(outboundHrmp));
  }

  /** The identity: applied to any constraints, yields the same constraints. */
  public static ConstraintModifications identity() {
    return IDENTITY;
  }

  /**
   * Stacks {@code other} on top of these modifications (not commutative): {@code other}'s
   * required parent and watermark replace these when present; counters add up; code upgrades OR.
   * No sanity checks, as upstream.
   */
  public ConstraintModifications stack(ConstraintModifications other) {
    SortedMap<ParaId, OutboundHrmpChannelModification> outbound = outboundHrmp;
    if (!other.outboundHrmp.isEmpty()) {
      TreeMap<ParaId, OutboundHrmpChannelModification> merged = new TreeMap<>(outboundHrmp);
      for (Map.Entry<ParaId, OutboundHrmpChannelModification> e : other.outboundHrmp.entrySet()) {
        merged.merge(e.getKey(), e.getValue(), OutboundHrmpChannelModification::plus);
      }
      outbound = merged;
    }
    return new ConstraintModifications(
        other.requiredParent.isPresent() ? other.requiredParent : requiredParent,
        other.hrmpWatermark.isPresent() ? other.hrmpWatermark : hrmpWatermark,
        outbound,
        umpMessagesSent + other.umpMessagesSent,
        umpBytesSent + other.umpBytesSent,
        dmpMessagesProcessed + other.dmpMessagesProcessed,
        codeUpgradeApplied || other.codeUpgradeApplied);
  }

  /** A copy with the given required parent. */
  public ConstraintModifications withRequiredParent(HeadData head) {
    return new ConstraintModifications(Optional.of(head), hrmpWatermark, outboundHrmp,
        umpMessagesSent, umpBytesSent, dmpMessagesProcessed, codeUpgradeApplied);
  }

  /** A copy with the given HRMP watermark update. */
  public ConstraintModifications withHrmpWatermark(HrmpWatermarkUpdate update) {
    return new ConstraintModifications(requiredParent, Optional.of(update), outboundHrmp,
        umpMessagesSent, umpBytesSent, dmpMessagesProcessed, codeUpgradeApplied);
  }

  /** A copy with the given submission to the outbound channel towards {@code recipient}. */
  public ConstraintModifications withOutboundHrmp(ParaId recipient, OutboundHrmpChannelModification m) {
    TreeMap<ParaId, OutboundHrmpChannelModification> map = new TreeMap<>(outboundHrmp);
    map.put(recipient, m);
    return new ConstraintModifications(requiredParent, hrmpWatermark, map,
        umpMessagesSent, umpBytesSent, dmpMessagesProcessed, codeUpgradeApplied);
  }

  /** A copy with the given UMP counters. */
  public ConstraintModifications withUmp(int messagesSent, int bytesSent) {
    return new ConstraintModifications(requiredParent, hrmpWatermark, outboundHrmp,
        messagesSent, bytesSent, dmpMessagesProcessed, codeUpgradeApplied);
  }

  /** A copy with the given number of processed DMP messages. */
  public ConstraintModifications withDmpMessagesProcessed(int processed) {
    return new ConstraintModifications(requiredParent, hrmpWatermark, outboundHrmp,
        umpMessagesSent, umpBytesSent, processed, codeUpgradeApplied);
  }

  /** A copy with the given code-upgrade flag. */
  public ConstraintModifications withCodeUpgradeApplied(boolean applied) {
    return new ConstraintModifications(requiredParent, hrmpWatermark, outboundHrmp,
        umpMessagesSent, umpBytesSent, dmpMessagesProcessed, applied);
  }
}
