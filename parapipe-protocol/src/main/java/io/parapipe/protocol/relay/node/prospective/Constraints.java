package io.parapipe.protocol.relay.node.prospective;

import io.parapipe.protocol.primitives.Constraints.FutureValidationCode;
import io.parapipe.protocol.primitives.Constraints.OutboundHrmpChannelLimitations;
import io.parapipe.protocol.primitives.Constraints.UpgradeRestriction;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.HeadData;
import io.parapipe.protocol.primitives.ParaId;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The node-side copy of a para's constraints ({@code inclusion_emulator::Constraints}): what the
 * next candidate must satisfy, either at the base (as the runtime reports it) or after applying
 * the modifications of a chain of unincluded candidates. Immutable.
 *
 * @param minRelayParentNumber the minimum relay-parent number accepted
 * @param maxPovSize maximum PoV size, bytes
 * @param maxCodeSize maximum new validation code size, bytes
 * @param maxHeadDataSize maximum head-data size, bytes
 * @param umpRemaining UMP messages the queue can still take
 * @param umpRemainingBytes UMP bytes the queue can still take
 * @param maxUmpNumPerCandidate UMP messages allowed per candidate
 * @param dmpRemainingMessages the {@code sent_at} block of every queued DMP message, oldest first
 * @param hrmpInboundValidWatermarks valid HRMP watermarks, ascending
 * @param hrmpChannelsOut budgets of the outbound HRMP channels
 * @param maxHrmpNumPerCandidate HRMP messages allowed per candidate
 * @param requiredParent the head the next candidate must build on
 * @param validationCodeHash the expected validation code hash
 * @param upgradeRestriction the upgrade restriction signal
 * @param futureValidationCode a scheduled upgrade: minimal relay-parent number and code hash
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

  /** Makes the collections unmodifiable and rejects nulls. */
  public Constraints {
    dmpRemainingMessages = List.copyOf(dmpRemainingMessages);
    hrmpInboundValidWatermarks = List.copyOf(hrmpInboundValidWatermarks);
    hrmpChannelsOut = hrmpChannelsOut.isEmpty()
        ? Collections.emptySortedMap()
        : Collections.unmodifiableSortedMap(new TreeMap<>(hrmpChannelsOut));
    Objects.requireNonNull(requiredParent, "requiredParent");
    Objects.requireNonNull(validationCodeHash, "validationCodeHash");
    Objects.requireNonNull(upgradeRestriction, "upgradeRestriction");
    Objects.requireNonNull(futureValidationCode, "futureValidationCode");
  }

  /** Converts the runtime's constraints ({@code From<PrimitiveConstraints>}). */
  public static Constraints fromPrimitive(io.parapipe.protocol.primitives.Constraints c) {
    return new Constraints(
        c.minRelayParentNumber(),
        c.maxPovSize(),
        c.maxCodeSize(),
        c.maxHeadDataSize(),
        c.umpRemaining(),
        c.umpRemainingBytes(),
        c.maxUmpNumPerCandidate(),
        c.dmpRemainingMessages(),
        c.hrmpInboundValidWatermarks(),
        c.hrmpChannelsOut(),
        c.maxHrmpNumPerCandidate(),
        c.requiredParent(),
        c.validationCodeHash(),
        c.upgradeRestriction(),
        c.futureValidationCode());
  }

  /**
   * Checks modifications against these constraints ({@code check_modifications}), in upstream
   * order: trunk watermark, outbound HRMP (bytes then messages, per channel), UMP messages, UMP
   * bytes, DMP, code upgrade.
   *
   * @return the first violation, or empty if the modifications fit
   */
  public Optional<ModificationError> checkModifications(ConstraintModifications m) {
    if (m.hrmpWatermark().orElse(null) instanceof HrmpWatermarkUpdate.Trunk t
        && !hrmpInboundValidWatermarks.contains(t.watermark())) {
      return Optional.of(new ModificationError.DisallowedHrmpWatermark(t.watermark()));
    }
    for (Map.Entry<ParaId, OutboundHrmpChannelModification> e : m.outboundHrmp().entrySet()) {
      OutboundHrmpChannelLimitations out = hrmpChannelsOut.get(e.getKey());
      if (out == null) {
        return Optional.of(new ModificationError.NoSuchHrmpChannel(e.getKey()));
      }
      OutboundHrmpChannelModification mod = e.getValue();
      if (mod.bytesSubmitted() > out.bytesRemaining()) {
        return Optional.of(new ModificationError.HrmpBytesOverflow(
            e.getKey(), out.bytesRemaining(), mod.bytesSubmitted()));
      }
      if (mod.messagesSubmitted() > out.messagesRemaining()) {
        return Optional.of(new ModificationError.HrmpMessagesOverflow(
            e.getKey(), out.messagesRemaining(), mod.messagesSubmitted()));
      }
    }
    if (m.umpMessagesSent() > umpRemaining) {
      return Optional.of(new ModificationError.UmpMessagesOverflow(umpRemaining, m.umpMessagesSent()));
    }
    if (m.umpBytesSent() > umpRemainingBytes) {
      return Optional.of(new ModificationError.UmpBytesOverflow(umpRemainingBytes, m.umpBytesSent()));
    }
    if (m.dmpMessagesProcessed() > dmpRemainingMessages.size()) {
      return Optional.of(new ModificationError.DmpMessagesUnderflow(
          dmpRemainingMessages.size(), m.dmpMessagesProcessed()));
    }
    if (futureValidationCode.isEmpty() && m.codeUpgradeApplied()) {
      return Optional.of(new ModificationError.AppliedNonexistentCodeUpgrade());
    }
    return Optional.empty();
  }

  /**
   * Applies modifications ({@code apply_modifications}): the result passes every sanity check of
   * {@link #checkModifications}. The watermark is binary-searched in the valid watermarks: an exact
   * match drops the earlier ones; otherwise a {@code Head} update drops those before its insertion
   * point and a {@code Trunk} update is an error.
   */
  public Result<Constraints, ModificationError> applyModifications(ConstraintModifications m) {
    if (m == ConstraintModifications.identity()) {
      return Result.ok(this);
    }
    HeadData newRequiredParent = m.requiredParent().orElse(requiredParent);

    List<Integer> watermarks = hrmpInboundValidWatermarks;
    if (m.hrmpWatermark().isPresent()) {
      HrmpWatermarkUpdate update = m.hrmpWatermark().get();
      int pos = Collections.binarySearch(watermarks, update.watermark());
      if (pos >= 0) {
        watermarks = watermarks.subList(pos, watermarks.size());
      } else if (update instanceof HrmpWatermarkUpdate.Head) {
        watermarks = watermarks.subList(-pos - 1, watermarks.size());
      } else {
        return Result.err(new ModificationError.DisallowedHrmpWatermark(update.watermark()));
      }
    }

    SortedMap<ParaId, OutboundHrmpChannelLimitations> channels = hrmpChannelsOut;
    if (!m.outboundHrmp().isEmpty()) {
      TreeMap<ParaId, OutboundHrmpChannelLimitations> updated = new TreeMap<>(hrmpChannelsOut);
      for (Map.Entry<ParaId, OutboundHrmpChannelModification> e : m.outboundHrmp().entrySet()) {
        OutboundHrmpChannelLimitations out = updated.get(e.getKey());
        if (out == null) {
          return Result.err(new ModificationError.NoSuchHrmpChannel(e.getKey()));
        }
        OutboundHrmpChannelModification mod = e.getValue();
        if (mod.bytesSubmitted() > out.bytesRemaining()) {
          return Result.err(new ModificationError.HrmpBytesOverflow(
              e.getKey(), out.bytesRemaining(), mod.bytesSubmitted()));
        }
        if (mod.messagesSubmitted() > out.messagesRemaining()) {
          return Result.err(new ModificationError.HrmpMessagesOverflow(
              e.getKey(), out.messagesRemaining(), mod.messagesSubmitted()));
        }
        updated.put(e.getKey(), new OutboundHrmpChannelLimitations(
            out.bytesRemaining() - mod.bytesSubmitted(),
            out.messagesRemaining() - mod.messagesSubmitted()));
      }
      channels = updated;
    }

    if (m.umpMessagesSent() > umpRemaining) {
      return Result.err(new ModificationError.UmpMessagesOverflow(umpRemaining, m.umpMessagesSent()));
    }
    if (m.umpBytesSent() > umpRemainingBytes) {
      return Result.err(new ModificationError.UmpBytesOverflow(umpRemainingBytes, m.umpBytesSent()));
    }
    if (m.dmpMessagesProcessed() > dmpRemainingMessages.size()) {
      return Result.err(new ModificationError.DmpMessagesUnderflow(
          dmpRemainingMessages.size(), m.dmpMessagesProcessed()));
    }
    List<Integer> dmp = m.dmpMessagesProcessed() == 0
        ? dmpRemainingMessages
        : dmpRemainingMessages.subList(m.dmpMessagesProcessed(), dmpRemainingMessages.size());

    Hash codeHash = validationCodeHash;
    Optional<FutureValidationCode> future = futureValidationCode;
    if (m.codeUpgradeApplied()) {
      if (future.isEmpty()) {
        return Result.err(new ModificationError.AppliedNonexistentCodeUpgrade());
      }
      codeHash = future.get().codeHash();
      future = Optional.empty();
    }

    return Result.ok(new Constraints(
        minRelayParentNumber,
        maxPovSize,
        maxCodeSize,
        maxHeadDataSize,
        umpRemaining - m.umpMessagesSent(),
        umpRemainingBytes - m.umpBytesSent(),
        maxUmpNumPerCandidate,
        dmp,
        watermarks,
        channels,
        maxHrmpNumPerCandidate,
        newRequiredParent,
        codeHash,
        upgradeRestriction,
        future));
  }

  /** A copy with another minimum relay-parent number (used for candidates pending availability). */
  public Constraints withMinRelayParentNumber(int number) {
    return new Constraints(number, maxPovSize, maxCodeSize, maxHeadDataSize, umpRemaining,
        umpRemainingBytes, maxUmpNumPerCandidate, dmpRemainingMessages, hrmpInboundValidWatermarks,
        hrmpChannelsOut, maxHrmpNumPerCandidate, requiredParent, validationCodeHash,
        upgradeRestriction, futureValidationCode);
  }

  /** A copy with another required parent. */
  public Constraints withRequiredParent(HeadData head) {
    return new Constraints(minRelayParentNumber, maxPovSize, maxCodeSize, maxHeadDataSize,
        umpRemaining, umpRemainingBytes, maxUmpNumPerCandidate, dmpRemainingMessages,
        hrmpInboundValidWatermarks, hrmpChannelsOut, maxHrmpNumPerCandidate, head,
        validationCodeHash, upgradeRestriction, futureValidationCode);
  }

  /** A copy with other queued DMP messages ({@code sent_at} numbers, oldest first). */
  public Constraints withDmpRemainingMessages(List<Integer> sentAt) {
    return new Constraints(minRelayParentNumber, maxPovSize, maxCodeSize, maxHeadDataSize,
        umpRemaining, umpRemainingBytes, maxUmpNumPerCandidate, sentAt,
        hrmpInboundValidWatermarks, hrmpChannelsOut, maxHrmpNumPerCandidate, requiredParent,
        validationCodeHash, upgradeRestriction, futureValidationCode);
  }

  /** A copy with another upgrade restriction. */
  public Constraints withUpgradeRestriction(Optional<UpgradeRestriction> restriction) {
    return new Constraints(minRelayParentNumber, maxPovSize, maxCodeSize, maxHeadDataSize,
        umpRemaining, umpRemainingBytes, maxUmpNumPerCandidate, dmpRemainingMessages,
        hrmpInboundValidWatermarks, hrmpChannelsOut, maxHrmpNumPerCandidate, requiredParent,
        validationCodeHash, restriction, futureValidationCode);
  }

  /** A copy with another scheduled code upgrade. */
  public Constraints withFutureValidationCode(Optional<FutureValidationCode> future) {
    return new Constraints(minRelayParentNumber, maxPovSize, maxCodeSize, maxHeadDataSize,
        umpRemaining, umpRemainingBytes, maxUmpNumPerCandidate, dmpRemainingMessages,
        hrmpInboundValidWatermarks, hrmpChannelsOut, maxHrmpNumPerCandidate, requiredParent,
        validationCodeHash, upgradeRestriction, future);
  }
}
