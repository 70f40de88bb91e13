package io.parapipe.protocol.relay.runtime.shared;

import io.parapipe.protocol.primitives.Hash;
import java.util.Objects;

/**
 * One allowed relay parent ({@code RelayParentInfo}).
 *
 * @param relayParent the relay block's hash
 * @param stateRoot its state root, which goes into the persisted validation data
 */
public record RelayParentInfo(Hash relayParent, Hash stateRoot) {
  /** Rejects nulls. */
  public RelayParentInfo {
    Objects.requireNonNull(relayParent, "relayParent");
    Objects.requireNonNull(stateRoot, "stateRoot");
  }
}
