package io.parapipe.protocol.relay.node.prospective;

import io.parapipe.protocol.primitives.CommittedCandidateReceipt;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.primitives.PersistedValidationData;
import java.util.Objects;

/**
 * A newly seconded candidate to keep ({@code IntroduceSecondedCandidateRequest}).
 *
 * @param candidatePara the para
 * @param candidateReceipt the committed receipt
 * @param persistedValidationData the validation data it was seconded with
 */
public record IntroduceSecondedCandidateRequest(
    ParaId candidatePara, CommittedCandidateReceipt candidateReceipt, PersistedValidationData persistedValidationData) {
  /** Rejects nulls. */
  public IntroduceSecondedCandidateRequest {
    Objects.requireNonNull(candidatePara, "candidatePara");
    Objects.requireNonNull(candidateReceipt, "candidateReceipt");
    Objects.requireNonNull(persistedValidationData, "persistedValidationData");
  }

  /** A request for the receipt's own para. */
  public static IntroduceSecondedCandidateRequest of(CommittedCandidateReceipt receipt, PersistedValidationData pvd) {
    return new IntroduceSecondedCandidateRequest(receipt.paraId(), receipt, pvd);
  }
}
