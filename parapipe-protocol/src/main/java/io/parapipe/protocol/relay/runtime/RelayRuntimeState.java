package io.parapipe.protocol.relay.runtime;

import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.HostConfiguration;
import io.parapipe.protocol.primitives.SessionIndex;
import io.parapipe.protocol.relay.runtime.configuration.PendingConfigs;
import io.parapipe.protocol.relay.runtime.inclusion.CandidateEvent;
import io.parapipe.protocol.relay.runtime.inclusion.PendingAvailability;
import io.parapipe.protocol.relay.runtime.paras.Paras;
import io.parapipe.protocol.relay.runtime.scheduler.ClaimQueue;
import io.parapipe.protocol.relay.runtime.scheduler.ValidatorGroups;
import io.parapipe.protocol.relay.runtime.shared.AllowedRelayParentsTracker;
import io.parapipe.protocol.relay.runtime.shared.ValidatorId;
import java.util.List;
import java.util.Objects;

/**
 * The relay runtime's state after executing one block: an immutable snapshot that every node
 * importing the block shares. {@link RelayRuntime#executeBlock} derives the child's state; the
 * runtime API reads it through {@link #api()}. Components that a block does not change are shared
 * with the parent.
 *
 * @param header the block's header (its hash, number, parent, state root, slot, author)
 * @param sessionLength blocks per session (a genesis constant)
 * @param genesisRandomness seed of the per-session validator shuffle (a genesis constant)
 * @param session {@code shared::CurrentSessionIndex}: the session of the block's child
 * @param sessionStartBlock {@code scheduler::SessionStartBlock}: first block of that session
 * @param activeConfig {@code configuration::ActiveConfig}
 * @param pendingConfigs {@code configuration::PendingConfigs}
 * @param validators the session's active validators, by {@code ValidatorIndex}
 * @param validatorGroups {@code scheduler::ValidatorGroups}
 * @param claimQueue {@code scheduler::ClaimQueue} and its assignment provider
 * @param allowedRelayParents {@code shared::AllowedRelayParents}
 * @param paras the {@code paras} pallet
 * @param pendingAvailability {@code inclusion::PendingAvailability}
 * @param events the candidate events this block emitted
 */
public record RelayRuntimeState(
    RelayBlockHeader header,
    int sessionLength,
    Hash genesisRandomness,
    SessionIndex session,
    int sessionStartBlock,
    HostConfiguration activeConfig,
    PendingConfigs pendingConfigs,
    List<ValidatorId> validators,
    ValidatorGroups validatorGroups,
    ClaimQueue claimQueue,
    AllowedRelayParentsTracker allowedRelayParents,
    Paras paras,
    PendingAvailability pendingAvailability,
    List<CandidateEvent> events) {

  /** Copies the lists and rejects nulls. */
  public RelayRuntimeState {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(genesisRandomness, "genesisRandomness");
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(activeConfig, "activeConfig");
    Objects.requireNonNull(pendingConfigs, "pendingConfigs");
    validators = List.copyOf(validators);
    Objects.requireNonNull(validatorGroups, "validatorGroups");
    Objects.requireNonNull(claimQueue, "claimQueue");
    Objects.requireNonNull(allowedRelayParents, "allowedRelayParents");
    Objects.requireNonNull(paras, "paras");
    Objects.requireNonNull(pendingAvailability, "pendingAvailability");
    events = List.copyOf(events);
    if (sessionLength < 1) {
      throw new IllegalArgumentException("session length must be at least 1 block: " + sessionLength);
    }
  }

  /** The block hash. */
  public Hash hash() {
    return header.hash();
  }

  /** The block number. */
  public int number() {
    return header.number();
  }

  /** The parent block's hash. */
  public Hash parentHash() {
    return header.parentHash();
  }

  /** The state root. */
  public Hash stateRoot() {
    return header.stateRoot();
  }

  /** The BABE slot the block was authored in. */
  public long babeSlot() {
    return header.babeSlot();
  }

  /** The runtime API at this block. */
  public RuntimeApi api() {
    return new RuntimeApi(this);
  }

  /** Identity is the block hash: equal hashes mean equal states. */
  @Override
  public boolean equals(Object o) {
    return o instanceof RelayRuntimeState s && s.header.equals(header);
  }

  @Override
  public int hashCode() {
    return header.hashCode();
  }

  @Override
  public String toString() {
    return "RelayRuntimeState(" + header + ", session " + session + ")";
  }
}
