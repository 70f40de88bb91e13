package io.parapipe.protocol.relay.node.prospective;

import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.ParaId;
import java.util.Objects;

/**
 * A request for the persisted validation data of a prospective candidate
 * ({@code ProspectiveValidationDataRequest}).
 *
 * @param paraId the para
 * @param candidateRelayParent the candidate's relay parent
 * @param parentHeadData the parent head
 */
public record ProspectiveValidationDataRequest(ParaId paraId, Hash candidateRelayParent, ParentHeadData parentHeadData) {
  /** Rejects nulls. */
  public ProspectiveValidationDataRequest {
    Objects.requireNonNull(paraId, "paraId");
    Objects.requireNonNull(candidateRelayParent, "candidateRelayParent");
    Objects.requireNonNull(parentHeadData, "parentHeadData");
  }
}
