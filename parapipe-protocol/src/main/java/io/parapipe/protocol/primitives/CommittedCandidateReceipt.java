package io.parapipe.protocol.primitives;

import java.util.Iterator;
import java.util.Optional;
import java.util.SortedSet;

/**
 * A receipt carrying the full commitments. Its hash is that of the plain receipt, computed once.
 */
public final class CommittedCandidateReceipt {
  private final CandidateDescriptor descriptor;
  private final CandidateCommitments commitments;
  private final Hash hash;

  /** Builds the receipt and computes the candidate hash. */
  public CommittedCandidateReceipt(CandidateDescriptor descriptor, CandidateCommitments commitments) {
    this.descriptor = descriptor;
    this.commitments = commitments;
    this.hash = toPlain().hash();
  }

  private CommittedCandidateReceipt(CandidateDescriptor descriptor, CandidateCommitments commitments,
      Hash hash) {
    this.descriptor = descriptor;
    this.commitments = commitments;
    this.hash = hash;
  }

  /**
   * A receipt whose hash the caller already knows from a trusted source (the relay runtime's
   * record of a candidate pending availability), so it is not recomputed.
   */
  public static CommittedCandidateReceipt withKnownHash(CandidateDescriptor descriptor,
      CandidateCommitments commitments, Hash hash) {
    return new CommittedCandidateReceipt(descriptor, commitments, hash);
  }

  /** The descriptor. */
  public CandidateDescriptor descriptor() {
    return descriptor;
  }

  /** The commitments. */
  public CandidateCommitments commitments() {
    return commitments;
  }

  /** The plain receipt: descriptor plus commitments hash. */
  public CandidateReceipt toPlain() {
    return new CandidateReceipt(descriptor, commitments.hash());
  }

  /**
   * {@code parse_ump_signals(cores_per_para)}: the candidate's UMP signals, checked against the
   * claim queue at its relay parent ({@code polkadot/primitives/src/vstaging/mod.rs}).
   * <ol>
   *   <li>the signals must be well formed ({@link CandidateCommitments#umpSignals});
   *   <li>a V1 descriptor may send no signal ({@code UMPSignalWithV1Decriptor}) and is otherwise
   *       not checked; an unknown version fails with {@code UnknownVersion};
   *   <li>a V2 descriptor's core index must be the one {@link #checkCoreIndex} derives, at the
   *       signal's claim-queue offset, or offset 0 without a {@code SelectCore} signal.
   * </ol>
   */
  public UmpSignalCheck parseUmpSignals(TransposedClaimQueue coresPerPara) {
    UmpSignalCheck signals = commitments.umpSignals();
    if (!(signals instanceof UmpSignalCheck.Valid valid)) {
      return signals;
    }
    switch (descriptor.version()) {
      case V1:
        return valid.signals().isEmpty() ? new UmpSignalCheck.Valid(CandidateUmpSignals.NONE)
            : new UmpSignalCheck.Invalid(CommittedCandidateReceiptError.UMP_SIGNAL_WITH_V1_DECRIPTOR);
      case UNKNOWN:
        return new UmpSignalCheck.Invalid(CommittedCandidateReceiptError.UNKNOWN_VERSION);
      default:
        break;
    }
    Optional<UmpSignal.SelectCore> select = valid.signals().selectCore();
    Optional<CommittedCandidateReceiptError> err = checkCoreIndex(coresPerPara,
        select.map(UmpSignal.SelectCore::selector),
        select.map(UmpSignal.SelectCore::offset).orElse(ClaimQueueOffset.DEFAULT));
    return err.isPresent() ? new UmpSignalCheck.Invalid(err.get()) : valid;
  }

  /**
   * {@code check_core_index}: the para's cores at claim-queue depth {@code offset} must exist
   * ({@code NoAssignment}). With a selector, the descriptor's core must be
   * {@code cores[selector mod |cores|]} (ascending order), else {@code CoreIndexMismatch}. Without
   * one, a single core is selected as by selector 0, and with several the descriptor's core need
   * only be among them ({@code InvalidCoreIndex}).
   */
  public Optional<CommittedCandidateReceiptError> checkCoreIndex(TransposedClaimQueue coresPerPara,
      Optional<CoreSelector> selector, ClaimQueueOffset offset) {
    SortedSet<CoreIndex> assigned = coresPerPara.coresAt(descriptor.paraId(), offset.value());
    if (assigned.isEmpty()) {
      return Optional.of(CommittedCandidateReceiptError.NO_ASSIGNMENT);
    }
    CoreIndex descriptorCore = descriptor.coreIndex();
    int chosen;
    if (selector.isPresent()) {
      chosen = selector.get().value();
    } else if (assigned.size() > 1) {
      return assigned.contains(descriptorCore) ? Optional.empty()
          : Optional.of(CommittedCandidateReceiptError.INVALID_CORE_INDEX);
    } else {
      chosen = 0;
    }
    Iterator<CoreIndex> it = assigned.iterator();
    CoreIndex core = it.next();
    for (int i = chosen % assigned.size(); i > 0; i--) {
      core = it.next();
    }
    return core.equals(descriptorCore) ? Optional.empty()
        : Optional.of(CommittedCandidateReceiptError.CORE_INDEX_MISMATCH);
  }

  /** The candidate hash. */
  public Hash hash() {
    return hash;
  }

  /** Shorthand for {@code descriptor().paraId()}. */
  public ParaId paraId() {
    return descriptor.paraId();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CommittedCandidateReceipt c && c.hash.equals(hash);
  }

  @Override
  public int hashCode() {
    return hash.hashCode();
  }

  @Override
  public String toString() {
    return "Candidate(" + hash.shortHex() + ", para " + descriptor.paraId() + ")";
  }
}
