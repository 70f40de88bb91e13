package io.parapipe.protocol.primitives;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code CandidateUMPSignals}: the signals a candidate sent after the separator, at most one of
 * each kind.
 *
 * @param selectCore the {@code SelectCore} signal, if any
 * @param approvedPeer the {@code ApprovedPeer} signal, if any
 */
public record CandidateUmpSignals(Optional<UmpSignal.SelectCore> selectCore,
    Optional<UmpSignal.ApprovedPeer> approvedPeer) {
  /** No signals. */
  public static final CandidateUmpSignals NONE = new CandidateUmpSignals(Optional.empty(), Optional.empty());

  /** Rejects nulls. */
  public CandidateUmpSignals {
    Objects.requireNonNull(selectCore, "selectCore");
    Objects.requireNonNull(approvedPeer, "approvedPeer");
  }

  /** True if there is no signal. */
  public boolean isEmpty() {
    return selectCore.isEmpty() && approvedPeer.isEmpty();
  }
}
