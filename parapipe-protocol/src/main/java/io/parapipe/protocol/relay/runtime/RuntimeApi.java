package io.parapipe.protocol.relay.runtime;

import io.parapipe.protocol.primitives.AsyncBackingParams;
import io.parapipe.protocol.primitives.BackingState;
import io.parapipe.protocol.primitives.CandidatePendingAvailability;
import io.parapipe.protocol.primitives.CommittedCandidateReceipt;
import io.parapipe.protocol.primitives.Constraints;
import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.GroupIndex;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.HeadData;
import io.parapipe.protocol.primitives.HostConfiguration;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.primitives.PersistedValidationData;
import io.parapipe.protocol.primitives.SessionIndex;
import io.parapipe.protocol.primitives.TransposedClaimQueue;
import io.parapipe.protocol.primitives.ValidatorIndex;
import io.parapipe.protocol.relay.runtime.inclusion.CandidateEvent;
import io.parapipe.protocol.relay.runtime.inclusion.PendingAvailabilityEntry;
import io.parapipe.protocol.relay.runtime.paras.ParaInfo;
import io.parapipe.protocol.relay.runtime.scheduler.AvailabilityTimeoutStatus;
import io.parapipe.protocol.relay.runtime.scheduler.Scheduler;
import io.parapipe.protocol.relay.runtime.shared.AllowedRelayParentsTracker;
import io.parapipe.protocol.relay.runtime.shared.ValidatorId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

/**
 * The parachain host runtime API ({@code ParachainHost}) answered from one block's state: what node
 * subsystems ask at a relay parent. Every method is a pure function of the state.
 *
 * <p>Every honest validator asks the same questions of the same block, so the answers that cost
 * more than a field read (groups, claim queue transposed, availability cores, backing states) are
 * computed on first use and kept: {@link RelayRuntimeState#api()} is one instance per block,
 * shared read-only by every node that imports it. The answers are immutable; the lazy fields use
 * the single-check idiom (a race only computes the same value twice) and the backing-state table
 * is concurrent, since a sweep may run simulations on several threads.
 */
public final class RuntimeApi {
  private final RelayRuntimeState state;
  private volatile ValidatorGroupsView validatorGroups;
  private volatile TransposedClaimQueue claimQueueTransposed;
  private volatile List<CoreState> availabilityCores;
  private volatile BackingGroups backingGroups;
  private final ConcurrentHashMap<ParaId, Optional<BackingState>> backingStates = new ConcurrentHashMap<>();

  /** The API at {@code state}; prefer {@link RelayRuntimeState#api()}, which shares its answers. */
  public RuntimeApi(RelayRuntimeState state) {
    this.state = state;
  }

  /** The state queried. */
  public RelayRuntimeState state() {
    return state;
  }

  /** {@code validators()}: the session's active validators; position = {@code ValidatorIndex}. */
  public List<ValidatorId> validators() {
    return state.validators();
  }

  /** The {@code ValidatorIndex} of a validator in this session, if it is active. */
  public Optional<ValidatorIndex> validatorIndexOf(ValidatorId validator) {
    int i = state.validators().indexOf(validator);
    return i < 0 ? Optional.empty() : Optional.of(ValidatorIndex.of(i));
  }

  /** {@code validator_groups()}: groups and rotation info localised to {@code number + 1}. */
  public ValidatorGroupsView validatorGroups() {
    ValidatorGroupsView v = validatorGroups;
    if (v == null) {
      v = computeValidatorGroups();
      validatorGroups = v;
    }
    return v;
  }

  private ValidatorGroupsView computeValidatorGroups() {
    return new ValidatorGroupsView(
        state.validatorGroups().groups(),
        Scheduler.groupRotationInfo(state.number() + 1, state.sessionStartBlock(), state.activeConfig().schedulerParams()));
  }

  /**
   * The group serving each core of {@link #claimQueue()} and each validator's core (what backing
   * derives from {@code validator_groups()} and the claim queue), computed once per block.
   */
  public BackingGroups backingGroups() {
    BackingGroups g = backingGroups;
    if (g == null) {
      g = new BackingGroups(validatorGroups(), claimQueue().keySet());
      backingGroups = g;
    }
    return g;
  }

  /** {@code disabled_validators()}: parapipe does not model disabling. */
  public List<ValidatorIndex> disabledValidators() {
    return List.of();
  }

  /**
   * {@code claim_queue()}: core → paras, front first. The front is the para that may be backed on
   * the core in the child block; cores with an empty queue are absent.
   */
  public SortedMap<CoreIndex, List<ParaId>> claimQueue() {
    return state.claimQueue().queues();
  }

  /**
   * {@code transpose_claim_queue}: para → (depth → cores on which the para sits at that depth).
   */
  public static SortedMap<ParaId, SortedMap<Integer, SortedSet<CoreIndex>>> transposeClaimQueue(
      SortedMap<CoreIndex, List<ParaId>> claimQueue) {
    return TransposedClaimQueue.of(claimQueue).asMap();
  }

  /**
   * This block's claim queue, transposed: what {@code parse_ump_signals} checks a candidate with
   * this block as relay parent against (the runtime keeps the same snapshot with the allowed
   * relay parent). A collator picks its core as {@code claimQueueTransposed().coresAt(para,
   * offset)} at {@code selector mod |cores|}.
   */
  public TransposedClaimQueue claimQueueTransposed() {
    TransposedClaimQueue t = claimQueueTransposed;
    if (t == null) {
      t = TransposedClaimQueue.of(state.claimQueue().queues());
      claimQueueTransposed = t;
    }
    return t;
  }

  /**
   * {@code availability_cores()}: for each core {@code 0..#groups}, occupied (by which candidate,
   * since when, until when, by which group), scheduled (the front of its claim queue) or free.
   */
  public List<CoreState> availabilityCores() {
    List<CoreState> cores = availabilityCores;
    if (cores == null) {
      cores = computeAvailabilityCores();
      availabilityCores = cores;
    }
    return cores;
  }

  private List<CoreState> computeAvailabilityCores() {
    int now = state.number();
    var sp = state.activeConfig().schedulerParams();
    IntFunction<AvailabilityTimeoutStatus> timeOut =
        Scheduler.availabilityTimeoutPredicate(now, state.sessionStartBlock(), sp);
    SortedMap<CoreIndex, PendingAvailabilityEntry> occupied = state.pendingAvailability().occupiedCores();
    SortedMap<CoreIndex, List<ParaId>> cq = state.claimQueue().queues();
    int nCores = state.validatorGroups().count();
    List<CoreState> out = new ArrayList<>(nCores);
    for (int i = 0; i < nCores; i++) {
      CoreIndex core = CoreIndex.of(i);
      Optional<ParaId> front = Optional.ofNullable(cq.get(core)).map(q -> q.get(0));
      PendingAvailabilityEntry e = occupied.get(core);
      if (e != null) {
        GroupIndex responsible = state.validatorGroups()
            .groupAssignedToCore(core, e.relayParentNumber() + 1, state.sessionStartBlock(), sp.groupRotationFrequency())
            .orElse(GroupIndex.of(0));
        out.add(new CoreState.Occupied(core, front, e.backedInNumber(), timeOut.apply(e.backedInNumber()).liveUntil(),
            front, e.availabilityVotes(), responsible, e.hash(), e.descriptor()));
      } else if (front.isPresent()) {
        out.add(new CoreState.Scheduled(core, front.get()));
      } else {
        out.add(new CoreState.Free(core));
      }
    }
    return List.copyOf(out);
  }

  /** {@code session_index_for_child()}. */
  public SessionIndex sessionIndexForChild() {
    return state.session();
  }

  /** {@code SessionStartBlock}: the first block of the child's session. */
  public int sessionStartBlock() {
    return state.sessionStartBlock();
  }

  /** {@code async_backing_params()}. */
  public AsyncBackingParams asyncBackingParams() {
    return state.activeConfig().asyncBackingParams();
  }

  /** {@code minimum_backing_votes()}. */
  public int minimumBackingVotes() {
    return state.activeConfig().minimumBackingVotes();
  }

  /** The active host configuration. */
  public HostConfiguration hostConfiguration() {
    return state.activeConfig();
  }

  /** {@code node_features()} bit 1: {@code ElasticScalingMVP}. */
  public boolean elasticScalingMvp() {
    return state.activeConfig().elasticScalingMvp();
  }

  /**
   * {@code node_features()} bit 2: {@code AvailabilityChunkMapping} (RFC-47). When it is on a
   * validator's chunk index depends on the candidate's core, and approval checkers recover large
   * data from the systematic chunks first.
   */
  public boolean availabilityChunkMapping() {
    return state.activeConfig().availabilityChunkMapping();
  }

  /**
   * {@code node_features()} bit 3: {@code CandidateReceiptV2}. When it is off the runtime drops
   * every candidate with a V2 descriptor.
   */
  public boolean candidateReceiptV2() {
    return state.activeConfig().candidateReceiptV2();
  }

  /** The allowed relay parents for candidates in the child block (before the child adds this block). */
  public AllowedRelayParentsTracker allowedRelayParents() {
    return state.allowedRelayParents();
  }

  /**
   * {@code persisted_validation_data(para, assumption)}: the PVD of a candidate with this block as
   * relay parent — parent head per the assumption, this block's number and state root, and
   * {@code max_pov_size}. Empty for an unknown para, or under {@code FREE} when a candidate of the
   * para is pending.
   */
  public Optional<PersistedValidationData> persistedValidationData(ParaId para, OccupiedCoreAssumption assumption) {
    return headWithAssumption(para, assumption).map(head ->
        new PersistedValidationData(head, state.number(), state.stateRoot(), state.activeConfig().maxPovSize()));
  }

  /** The para's current validation code hash ({@code paras::CurrentCodeHash}), if registered. */
  public Optional<Hash> validationCodeHash(ParaId para) {
    return state.paras().currentCodeHash(para);
  }

  /** {@code validation_code_hash(para, assumption)}. */
  public Optional<Hash> validationCodeHash(ParaId para, OccupiedCoreAssumption assumption) {
    return headWithAssumption(para, assumption).flatMap(h -> state.paras().currentCodeHash(para));
  }

  private Optional<HeadData> headWithAssumption(ParaId para, OccupiedCoreAssumption assumption) {
    Optional<ParaInfo> info = state.paras().get(para);
    if (info.isEmpty()) {
      return Optional.empty();
    }
    List<PendingAvailabilityEntry> pending = state.pendingAvailability().forPara(para);
    return switch (assumption) {
      case INCLUDED -> Optional.of(pending.isEmpty()
          ? info.get().head()
          : pending.get(pending.size() - 1).commitments().headData());
      case TIMED_OUT -> Optional.of(info.get().head());
      case FREE -> pending.isEmpty() ? Optional.of(info.get().head()) : Optional.empty();
    };
  }

  /**
   * {@code para_backing_state(para)} (Era B): base constraints at this block and the para's
   * candidates pending availability in chain order. {@code min_relay_parent_number = now −
   * min(allowed_ancestry_len, allowed relay parents)}; {@code required_parent} is the included head.
   */
  public Optional<BackingState> backingState(ParaId para) {
    Optional<BackingState> known = backingStates.get(para);
    if (known == null) {
      known = computeBackingState(para);
      Optional<BackingState> raced = backingStates.putIfAbsent(para, known);
      if (raced != null) {
        known = raced;
      }
    }
    return known;
  }

  private Optional<BackingState> computeBackingState(ParaId para) {
    Optional<ParaInfo> info = state.paras().get(para);
    if (info.isEmpty()) {
      return Optional.empty();
    }
    HostConfiguration cfg = state.activeConfig();
    int minRp = state.allowedRelayParents()
        .hypotheticalEarliestBlockNumber(state.number(), cfg.asyncBackingParams().allowedAncestryLen());
    Constraints constraints = new Constraints(
        minRp,
        cfg.maxPovSize(),
        cfg.maxCodeSize(),
        cfg.maxHeadDataSize(),
        cfg.maxUpwardQueueCount(),
        cfg.maxUpwardQueueSize(),
        cfg.maxUpwardMessageNumPerCandidate(),
        List.of(),
        List.of(),
        Collections.emptySortedMap(),
        cfg.hrmpMaxMessageNumPerCandidate(),
        info.get().head(),
        info.get().currentCodeHash(),
        Optional.empty(),
        Optional.empty());
    List<CandidatePendingAvailability> pending = new ArrayList<>();
    for (PendingAvailabilityEntry e : state.pendingAvailability().forPara(para)) {
      pending.add(new CandidatePendingAvailability(
          e.hash(), e.descriptor(), e.commitments(), e.relayParentNumber(), cfg.maxPovSize()));
    }
    return Optional.of(new BackingState(constraints, List.copyOf(pending)));
  }

  /** {@code candidate_pending_availability(para)}: the oldest pending candidate of the para. */
  public Optional<CommittedCandidateReceipt> candidatePendingAvailability(ParaId para) {
    List<PendingAvailabilityEntry> q = state.pendingAvailability().forPara(para);
    return q.isEmpty() ? Optional.empty() : Optional.of(q.get(0).candidate());
  }

  /** {@code candidates_pending_availability(para)}: all pending candidates of the para, in chain order. */
  public List<CommittedCandidateReceipt> candidatesPendingAvailability(ParaId para) {
    List<CommittedCandidateReceipt> out = new ArrayList<>();
    for (PendingAvailabilityEntry e : state.pendingAvailability().forPara(para)) {
      out.add(e.candidate());
    }
    return List.copyOf(out);
  }

  /** {@code candidate_events()}: what this block backed, included and timed out, in order. */
  public List<CandidateEvent> candidateEvents() {
    return state.events();
  }

  /** {@code para_head}: the para's included head. */
  public Optional<HeadData> paraHead(ParaId para) {
    return state.paras().head(para);
  }
}
