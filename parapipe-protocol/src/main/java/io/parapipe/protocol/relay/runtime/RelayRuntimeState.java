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
 * runtime API reads it through {@link #api()}, one instance per block whose answers are computed
 * once and shared read-only by every node. Components that a block does not change are shared
 * with the parent.
 */
public final class RelayRuntimeState {
  private final RelayBlockHeader header;
  private final int sessionLength;
  private final Hash genesisRandomness;
  private final SessionIndex session;
  private final int sessionStartBlock;
  private final HostConfiguration activeConfig;
  private final PendingConfigs pendingConfigs;
  private final List<ValidatorId> validators;
  private final ValidatorGroups validatorGroups;
  private final ClaimQueue claimQueue;
  private final AllowedRelayParentsTracker allowedRelayParents;
  private final Paras paras;
  private final PendingAvailability pendingAvailability;
  private final List<CandidateEvent> events;
  /**
   * The runtime API at this block, created once: its answers are pure functions of this immutable
   * state, so every node importing the block shares them (see {@link RuntimeApi}).
   */
  private final RuntimeApi api;

  /**
   * A state; copies the lists and rejects nulls.
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
  public RelayRuntimeState(
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
    this.header = Objects.requireNonNull(header, "header");
    this.sessionLength = sessionLength;
    this.genesisRandomness = Objects.requireNonNull(genesisRandomness, "genesisRandomness");
    this.session = Objects.requireNonNull(session, "session");
    this.sessionStartBlock = sessionStartBlock;
    this.activeConfig = Objects.requireNonNull(activeConfig, "activeConfig");
    this.pendingConfigs = Objects.requireNonNull(pendingConfigs, "pendingConfigs");
    this.validators = List.copyOf(validators);
    this.validatorGroups = Objects.requireNonNull(validatorGroups, "validatorGroups");
    this.claimQueue = Objects.requireNonNull(claimQueue, "claimQueue");
    this.allowedRelayParents = Objects.requireNonNull(allowedRelayParents, "allowedRelayParents");
    this.paras = Objects.requireNonNull(paras, "paras");
    this.pendingAvailability = Objects.requireNonNull(pendingAvailability, "pendingAvailability");
    this.events = List.copyOf(events);
    if (sessionLength < 1) {
      throw new IllegalArgumentException("session length must be at least 1 block: " + sessionLength);
    }
    this.api = new RuntimeApi(this);
  }

  /** The block's header. */
  public RelayBlockHeader header() {
    return header;
  }

  /** Blocks per session. */
  public int sessionLength() {
    return sessionLength;
  }

  /** Seed of the per-session validator shuffle. */
  public Hash genesisRandomness() {
    return genesisRandomness;
  }

  /** {@code shared::CurrentSessionIndex}. */
  public SessionIndex session() {
    return session;
  }

  /** {@code scheduler::SessionStartBlock}. */
  public int sessionStartBlock() {
    return sessionStartBlock;
  }

  /** {@code configuration::ActiveConfig}. */
  public HostConfiguration activeConfig() {
    return activeConfig;
  }

  /** {@code configuration::PendingConfigs}. */
  public PendingConfigs pendingConfigs() {
    return pendingConfigs;
  }

  /** The session's active validators, by {@code ValidatorIndex}. */
  public List<ValidatorId> validators() {
    return validators;
  }

  /** {@code scheduler::ValidatorGroups}. */
  public ValidatorGroups validatorGroups() {
    return validatorGroups;
  }

  /** {@code scheduler::ClaimQueue}. */
  public ClaimQueue claimQueue() {
    return claimQueue;
  }

  /** {@code shared::AllowedRelayParents}. */
  public AllowedRelayParentsTracker allowedRelayParents() {
    return allowedRelayParents;
  }

  /** The {@code paras} pallet. */
  public Paras paras() {
    return paras;
  }

  /** {@code inclusion::PendingAvailability}. */
  public PendingAvailability pendingAvailability() {
    return pendingAvailability;
  }

  /** The candidate events this block emitted. */
  public List<CandidateEvent> events() {
    return events;
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
    return api;
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
