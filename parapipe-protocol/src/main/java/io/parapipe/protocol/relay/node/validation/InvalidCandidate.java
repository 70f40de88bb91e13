package io.parapipe.protocol.relay.node.validation;

import io.parapipe.protocol.primitives.CandidateDescriptorVersion;
import io.parapipe.protocol.primitives.CommittedCandidateReceipt;
import io.parapipe.protocol.primitives.CommittedCandidateReceiptError;
import io.parapipe.protocol.primitives.PoV;
import io.parapipe.protocol.primitives.SessionIndex;
import io.parapipe.protocol.primitives.TransposedClaimQueue;
import io.parapipe.protocol.primitives.UmpSignalCheck;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Candidate validation's {@code InvalidCandidate} verdicts that the RFC-103 checks add for backing
 * ({@code polkadot/node/core/candidate-validation/src/lib.rs}, {@code PvfExecKind::Backing}):
 * the session check before the PVF runs, and after it the commitments check and the UMP-signal
 * check against the claim queue at the relay parent. Approval checking makes none of them. Also
 * the two verdicts any candidate can get: {@code ParamsTooLarge} (basic checks) and
 * {@code ExecutionError} (the PVF failed).
 */
public sealed interface InvalidCandidate {
  /** The verdict as Rust's {@code Debug} prints it. */
  String debug();

  /** {@code InvalidSessionIndex}: a V2 descriptor names another session than the relay parent's child. */
  record InvalidSessionIndex() implements InvalidCandidate {
    @Override
    public String debug() {
      return "InvalidSessionIndex";
    }
  }

  /**
   * {@code ParamsTooLarge(size)}: the PoV is larger than the {@code max_pov_size} of its
   * validation data ({@code perform_basic_checks}, before the PVF runs).
   *
   * @param size the PoV's size in bytes
   */
  record ParamsTooLarge(long size) implements InvalidCandidate {
    @Override
    public String debug() {
      return "ParamsTooLarge(" + size + ")";
    }
  }

  /**
   * {@code ExecutionError(msg)}: the PVF worker reported the candidate invalid
   * ({@code WasmInvalidCandidate::WorkerReportedInvalid}), here because {@code validate_block}
   * panicked on a PoV its block cannot be proven from.
   *
   * @param message what the worker reported
   */
  record ExecutionError(String message) implements InvalidCandidate {
    @Override
    public String debug() {
      return "ExecutionError(\"" + message + "\")";
    }
  }

  /**
   * The message of {@link ExecutionError} for a PoV {@code validate_block} fails on. Upstream's
   * text is the panic of whichever check failed; the model does not say which, so it is not an
   * upstream message.
   */
  String INVALID_POV_MESSAGE = "validate_block panicked on the PoV";

  /** {@code CommitmentsHashMismatch}: the PVF's commitments are not the receipt's. */
  record CommitmentsHashMismatch() implements InvalidCandidate {
    @Override
    public String debug() {
      return "CommitmentsHashMismatch";
    }
  }

  /**
   * {@code InvalidUMPSignals(err)}: {@code parse_ump_signals} failed against the claim queue at
   * the relay parent.
   *
   * @param error why
   */
  record InvalidUmpSignals(CommittedCandidateReceiptError error) implements InvalidCandidate {
    @Override
    public String debug() {
      return "InvalidUMPSignals(" + error.upstreamName() + ")";
    }
  }

  /**
   * The check made before execution: a V2 descriptor's session must be
   * {@code session_index_for_child} at the relay parent.
   */
  static Optional<InvalidCandidate> beforeExecution(CommittedCandidateReceipt receipt,
      SessionIndex expected) {
    if (receipt.descriptor().version() != CandidateDescriptorVersion.V2) {
      return Optional.empty();
    }
    OptionalLong s = receipt.descriptor().versionedSessionIndex();
    return s.isPresent() && s.getAsLong() != expected.value()
        ? Optional.of(new InvalidSessionIndex()) : Optional.empty();
  }

  /**
   * The checks made on the PVF's output: its commitments must be the receipt's
   * ({@code CommitmentsHashMismatch}), then {@code parse_ump_signals} must pass
   * ({@code InvalidUMPSignals}).
   *
   * @param pov the PoV, which records what executing it yields
   * @param claimQueue the claim queue at the relay parent, transposed
   */
  static Optional<InvalidCandidate> afterExecution(CommittedCandidateReceipt receipt, PoV pov,
      TransposedClaimQueue claimQueue) {
    if (!pov.blockValid()) {
      return Optional.of(new ExecutionError(INVALID_POV_MESSAGE));
    }
    if (!pov.outputCommitmentsHash().equals(receipt.commitments().hash())) {
      return Optional.of(new CommitmentsHashMismatch());
    }
    UmpSignalCheck check = receipt.parseUmpSignals(claimQueue);
    if (check instanceof UmpSignalCheck.Invalid invalid) {
      return Optional.of(new InvalidUmpSignals(invalid.error()));
    }
    return Optional.empty();
  }
}
