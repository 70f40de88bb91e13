package io.parapipe.protocol.relay.runtime.shared;

import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.TransposedClaimQueue;
import java.util.Objects;

/**
 * One allowed relay parent ({@code RelayParentInfo} of {@code shared::AllowedRelayParentsTracker}).
 *
 * @param relayParent the relay block's hash
 * @param stateRoot its state root, which goes into the persisted validation data
 * @param claimQueue the claim queue at that block, transposed: the runtime checks a candidate's
 *     core index against the claims at its relay parent ({@code parse_ump_signals})
 */
public record RelayParentInfo(Hash relayParent, Hash stateRoot, TransposedClaimQueue claimQueue) {
  /** Rejects nulls. */
  public RelayParentInfo {
    Objects.requireNonNull(relayParent, "relayParent");
    Objects.requireNonNull(stateRoot, "stateRoot");
    Objects.requireNonNull(claimQueue, "claimQueue");
  }

  /** An allowed relay parent whose claim queue holds no claims. */
  public RelayParentInfo(Hash relayParent, Hash stateRoot) {
    this(relayParent, stateRoot, TransposedClaimQueue.EMPTY);
  }
}
