package io.parapipe.protocol.relay.runtime.inclusion;

import io.parapipe.protocol.primitives.CandidateCommitments;
import io.parapipe.protocol.primitives.CandidateDescriptor;
import io.parapipe.protocol.primitives.CommittedCandidateReceipt;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.HeadData;
import io.parapipe.protocol.primitives.HostConfiguration;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.primitives.PersistedValidationData;
import io.parapipe.protocol.relay.runtime.paras.Paras;
import io.parapipe.protocol.relay.runtime.shared.AllowedRelayParentsTracker;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code inclusion::CandidateCheckContext}: checks a backed candidate against the relay chain
 * state in the order upstream does ({@code verify_backed_candidate}, then
 * {@code check_validation_outputs}).
 *
 * <p>Messaging as parapipe models it: no downward messages (so
 * {@code processed_downward_messages} must be 0), no HRMP channels (so no horizontal messages,
 * and the HRMP watermark must equal the relay parent number, the only valid watermark without
 * channel digests), and UMP queues that the message-queue pallet services within the block.
 * Code upgrades are not modelled: new validation code fails with {@code PrematureCodeUpgrade}.
 */
public final class CandidateCheckContext {
  private final HostConfiguration config;
  private final OptionalInt prevContext;
  private final Paras paras;
  private final Map<ParaId, UmpQueueSize> umpQueues;

  /**
   * A context for one check.
   *
   * @param config the active configuration
   * @param prevContext the relay parent number the candidate's relay parent must not precede, if any
   * @param paras the paras state (current code hash)
   * @param umpQueues upward queue sizes per para at this point of the block (absent: empty)
   */
  public CandidateCheckContext(HostConfiguration config, OptionalInt prevContext, Paras paras, Map<ParaId, UmpQueueSize> umpQueues) {
    this.config = config;
    this.prevContext = prevContext;
    this.paras = paras;
    this.umpQueues = umpQueues;
  }

  /**
   * {@code verify_backed_candidate(allowed_relay_parents, candidate, parent_head)}: in order,
   * {@code DisallowedRelayParent}, {@code ValidationDataHashMismatch} (PVD rebuilt from the relay
   * parent's number and state root, {@code parentHead} and {@code max_pov_size}),
   * {@code UnscheduledCandidate}, {@code InvalidValidationCodeHash}, {@code ParaHeadMismatch},
   * then the validation outputs.
   */
  public Verification verifyBackedCandidate(
      AllowedRelayParentsTracker allowedRelayParents, CommittedCandidateReceipt candidate, HeadData parentHead) {
    CandidateDescriptor d = candidate.descriptor();
    Optional<AllowedRelayParentsTracker.AcquiredInfo> info =
        allowedRelayParents.acquireInfo(d.relayParent(), prevContext);
    if (info.isEmpty()) {
      return new Verification.Err(InclusionError.DISALLOWED_RELAY_PARENT);
    }
    int rpNumber = info.get().number();
    PersistedValidationData pvd =
        new PersistedValidationData(parentHead, rpNumber, info.get().info().stateRoot(), config.maxPovSize());
    if (!pvd.hash().equals(d.persistedValidationDataHash())) {
      return new Verification.Err(InclusionError.VALIDATION_DATA_HASH_MISMATCH);
    }
    Optional<Hash> code = paras.currentCodeHash(d.paraId());
    if (code.isEmpty()) {
      return new Verification.Err(InclusionError.UNSCHEDULED_CANDIDATE);
    }
    if (!d.validationCodeHash().equals(code.get())) {
      return new Verification.Err(InclusionError.INVALID_VALIDATION_CODE_HASH);
    }
    CandidateCommitments c = candidate.commitments();
    if (!d.paraHead().equals(c.headData().hash())) {
      return new Verification.Err(InclusionError.PARA_HEAD_MISMATCH);
    }
    Optional<InclusionError> outputs = checkValidationOutputs(d.paraId(), rpNumber, c);
    if (outputs.isPresent()) {
      return new Verification.Err(outputs.get());
    }
    return new Verification.Ok(rpNumber);
  }

  /** {@code check_validation_outputs}, as far as parapipe models messaging and code. */
  private Optional<InclusionError> checkValidationOutputs(ParaId para, int rpNumber, CandidateCommitments c) {
    if (Integer.compareUnsigned(c.headData().size(), config.maxHeadDataSize()) > 0) {
      return Optional.of(InclusionError.HEAD_DATA_TOO_LARGE);
    }
    if (c.newValidationCode().isPresent()) {
      return Optional.of(InclusionError.PREMATURE_CODE_UPGRADE);
    }
    if (c.processedDownwardMessages() != 0) {
      // Underflow: the para claims to have processed messages from an empty queue.
      return Optional.of(InclusionError.INCORRECT_DOWNWARD_MESSAGE_HANDLING);
    }
    if (!upwardMessagesAcceptable(para, c.upwardMessages())) {
      return Optional.of(InclusionError.INVALID_UPWARD_MESSAGES);
    }
    if (c.hrmpWatermark() != rpNumber) {
      return Optional.of(InclusionError.HRMP_WATERMARK_MISHANDLING);
    }
    if (!c.horizontalMessages().isEmpty()) {
      // More than permitted, or a message on a channel that does not exist.
      return Optional.of(InclusionError.INVALID_OUTBOUND_HRMP);
    }
    return Optional.empty();
  }

  /** {@code check_upward_messages}: signals after the separator are not messages. */
  private boolean upwardMessagesAcceptable(ParaId para, List<byte[]> upward) {
    List<byte[]> msgs = skipUmpSignals(upward);
    if (Integer.compareUnsigned(msgs.size(), config.maxUpwardMessageNumPerCandidate()) > 0) {
      return false;
    }
    UmpQueueSize queued = umpQueues.getOrDefault(para, UmpQueueSize.EMPTY);
    if ((long) queued.count() + msgs.size() > Integer.toUnsignedLong(config.maxUpwardQueueCount())) {
      return false;
    }
    long size = queued.bytes();
    for (byte[] m : msgs) {
      if (Integer.compareUnsigned(m.length, config.maxUpwardMessageSize()) > 0) {
        return false;
      }
      if (size + m.length > Integer.toUnsignedLong(config.maxUpwardQueueSize())) {
        return false;
      }
      size += m.length;
    }
    return true;
  }

  /** The upward messages before the first empty message ({@code UMP_SEPARATOR}). */
  public static List<byte[]> skipUmpSignals(List<byte[]> upward) {
    return CandidateCommitments.skipUmpSignals(upward);
  }
}
