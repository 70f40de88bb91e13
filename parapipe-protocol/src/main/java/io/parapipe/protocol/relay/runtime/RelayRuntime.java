package io.parapipe.protocol.relay.runtime;

import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.HostConfiguration;
import io.parapipe.protocol.primitives.InconsistentError;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.primitives.ScaleWriter;
import io.parapipe.protocol.primitives.SchedulerParams;
import io.parapipe.protocol.primitives.SessionIndex;
import io.parapipe.protocol.relay.runtime.configuration.ConfigUpdateOutcome;
import io.parapipe.protocol.relay.runtime.configuration.PendingConfigs;
import io.parapipe.protocol.relay.runtime.inclusion.BackedCandidate;
import io.parapipe.protocol.relay.runtime.inclusion.CandidateCheckContext;
import io.parapipe.protocol.relay.runtime.inclusion.CandidateEvent;
import io.parapipe.protocol.relay.runtime.inclusion.CandidateOnCore;
import io.parapipe.protocol.relay.runtime.inclusion.Inclusion;
import io.parapipe.protocol.relay.runtime.inclusion.PendingAvailability;
import io.parapipe.protocol.relay.runtime.inclusion.PendingAvailabilityEntry;
import io.parapipe.protocol.relay.runtime.inclusion.UmpQueueSize;
import io.parapipe.protocol.relay.runtime.paras.ParaInfo;
import io.parapipe.protocol.relay.runtime.paras.Paras;
import io.parapipe.protocol.relay.runtime.parasinherent.DroppedCandidate;
import io.parapipe.protocol.relay.runtime.parasinherent.ParasInherent;
import io.parapipe.protocol.relay.runtime.parasinherent.ProcessInherentDataContext;
import io.parapipe.protocol.relay.runtime.parasinherent.SanitizeReason;
import io.parapipe.protocol.relay.runtime.scheduler.ClaimQueue;
import io.parapipe.protocol.relay.runtime.scheduler.Scheduler;
import io.parapipe.protocol.relay.runtime.scheduler.ValidatorGroups;
import io.parapipe.protocol.relay.runtime.shared.AllowedRelayParentsTracker;
import io.parapipe.protocol.relay.runtime.shared.ValidatorId;
import io.parapipe.protocol.relay.runtime.shared.ValidatorShuffle;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The relay-chain runtime as pure functions: {@link #genesis} builds block 0's state and
 * {@link #executeBlock} derives a child's state from its parent's. Because execution is
 * deterministic, a simulation executes each block once and shares the resulting state with every
 * node that imports it.
 *
 * <p>Sessions: session {@code s} covers blocks {@code s·L + 1 … (s+1)·L} for session length
 * {@code L}. The session change is applied at the end of the last block of a session; the new
 * session starts at the next block ({@code SessionStartBlock}).
 */
public final class RelayRuntime {
  private RelayRuntime() {}

  /**
   * Genesis: checks the configuration ({@code panic_if_not_consistent}), shuffles the validators
   * for session 0, partitions them into groups, fills the claim queue, registers the paras with
   * {@code MostRecentContext = 0}. Session 0 starts at block 1.
   */
  public static GenesisOutcome genesis(GenesisConfig g) {
    Optional<InconsistentError> err = g.config().checkConsistency();
    if (err.isPresent()) {
      return new GenesisOutcome.Inconsistent(err.get());
    }
    SchedulerParams sp = g.config().schedulerParams();
    List<ValidatorId> validators = ValidatorShuffle.shuffle(g.numValidators(), g.randomness(), SessionIndex.of(0));
    ValidatorGroups groups = ValidatorGroups.partition(g.numValidators(), sp);
    ClaimQueue cq = ClaimQueue.empty(g.assignmentProvider()).onNewSession(0, sp.numCores(), sp.lookahead());
    TreeMap<ParaId, ParaInfo> paras = new TreeMap<>();
    g.paras().forEach((id, p) -> paras.put(id, new ParaInfo(p.head(), p.validationCodeHash(), 0)));

    ScaleWriter w = new ScaleWriter();
    w.fixedBytes("parapipe/genesis".getBytes(StandardCharsets.US_ASCII));
    w.u32(g.numValidators()).u32(g.sessionLength());
    g.randomness().writeTo(w);
    w.compact(paras.size());
    paras.forEach((id, p) -> {
      w.u32(id.value());
      p.head().writeTo(w);
      p.currentCodeHash().writeTo(w);
    });
    w.bytes(g.config().stateText().getBytes(StandardCharsets.UTF_8));
    writeClaimQueue(w, cq);
    RelayBlockHeader header = new RelayBlockHeader(Hash.ZERO, 0, w.blake2b256(), Hash.ZERO, 0, ValidatorId.of(0));

    return new GenesisOutcome.Built(new RelayRuntimeState(
        header, g.sessionLength(), g.randomness(), SessionIndex.of(0), 1, g.config(), PendingConfigs.EMPTY,
        validators, groups, cq, AllowedRelayParentsTracker.EMPTY, Paras.genesis(paras), PendingAvailability.EMPTY,
        List.of()));
  }

  /**
   * Executes a block in the block author's context ({@code ProvideInherent}): invalid bitfields
   * and candidates are dropped, never an error. This is the path a simulation uses: the author's
   * filtering and the import are the same deterministic execution.
   *
   * @throws IllegalArgumentException if the inherent's parent header is not the parent's header
   */
  public static BlockExecution executeBlock(RelayRuntimeState parent, BlockInputs inputs) {
    ExecutionOutcome o = executeBlock(parent, inputs, ProcessInherentDataContext.PROVIDE_INHERENT);
    if (o instanceof ExecutionOutcome.Executed e) {
      return e.execution();
    }
    throw new IllegalArgumentException("block rejected: " + ((ExecutionOutcome.Rejected) o).error().upstreamName());
  }

  /**
   * Executes a block: {@code paras_inherent::enter} with {@code process_inherent_data}, then the
   * governance extrinsic, then the session change if this is the last block of its session.
   *
   * <p>{@code process_inherent_data} order: (1) parent header check; (2) allowed relay parents
   * updated with the parent; (6) {@code sanitize_bitfields}; (7)
   * {@code update_pending_availability_and_get_freed_cores}, enacting available prefixes; (8)
   * {@code free_timedout} if {@code availability_timeout_check_required}; (9) occupied cores and
   * {@code eligible_paras}; (10) {@code sanitize_backed_candidates}; (12) {@code process_candidates};
   * then {@code advance_claim_queue(except_for = cores occupied before backing)}. In the last block
   * of a session nothing is backed and the claim queue is not advanced.
   */
  public static ExecutionOutcome executeBlock(
      RelayRuntimeState parent, BlockInputs inputs, ProcessInherentDataContext context) {
    ParasInherentData data = inputs.inherent();
    if (!data.parentHeader().hash().equals(parent.hash())) {
      return new ExecutionOutcome.Rejected(InherentError.INVALID_PARENT_HEADER, List.of());
    }
    int now = parent.number() + 1;
    HostConfiguration cfg = parent.activeConfig();
    SchedulerParams sp = cfg.schedulerParams();
    int nValidators = parent.validators().size();
    int sessionStart = parent.sessionStartBlock();
    List<CandidateEvent> events = new ArrayList<>();

    // (2) allowed relay parents
    // The claim queue as the parent left it is the claim queue at that relay parent.
    AllowedRelayParentsTracker tracker = parent.allowedRelayParents().update(parent.hash(), parent.stateRoot(),
        parent.api().claimQueueTransposed(), parent.number(),
        cfg.asyncBackingParams().allowedAncestryLen());

    // (6) sanitize_bitfields
    ParasInherent.SanitizedBitfields bitfields =
        ParasInherent.sanitizeBitfields(data.bitfields(), parent.validatorGroups().count(), nValidators);

    // (7) availability and enactment
    PendingAvailability.AvailabilityUpdate av = parent.pendingAvailability()
        .updatePendingAvailabilityAndGetFreedCores(nValidators, bitfields.kept(), parent.paras());
    events.addAll(av.events());
    Paras paras = av.paras();
    Map<ParaId, UmpQueueSize> umpQueues = enqueuedUpward(av.enacted());

    // (8) availability timeouts
    PendingAvailability pending = av.pending();
    if (Scheduler.availabilityTimeoutCheckRequired(now, sessionStart, sp)) {
      PendingAvailability.TimeoutUpdate t =
          pending.freeTimedout(Scheduler.availabilityTimeoutPredicate(now, sessionStart, sp));
      pending = t.pending();
      events.addAll(t.events());
    }

    // (9)-(12) scheduling and backing
    boolean sessionEnds = now % parent.sessionLength() == 0;
    ClaimQueue claimQueue = parent.claimQueue();
    List<DroppedCandidate> dropped = new ArrayList<>();
    List<BackedCandidate> backed = new ArrayList<>();
    if (!sessionEnds) {
      Set<CoreIndex> occupied = new TreeSet<>(pending.occupiedCores().keySet());
      TreeMap<ParaId, SortedSet<CoreIndex>> eligible = new TreeMap<>();
      claimQueue.eligibleParas(occupied).forEach((core, para) -> eligible.computeIfAbsent(para, p -> new TreeSet<>()).add(core));
      Inclusion.BlockContext ctx = new Inclusion.BlockContext(
          now, cfg, nValidators, parent.validatorGroups(), sessionStart, tracker, paras, umpQueues,
          parent.session());
      ParasInherent.SanitizedCandidates sanitized = ParasInherent.sanitizeBackedCandidates(
          data.backedCandidates(), ctx, pending, eligible);
      dropped.addAll(sanitized.dropped());
      if (context == ProcessInherentDataContext.ENTER && !dropped.isEmpty()) {
        return new ExecutionOutcome.Rejected(InherentError.CANDIDATES_FILTERED_DURING_EXECUTION, dropped);
      }
      Inclusion.ProcessedCandidates processed = Inclusion.processCandidates(ctx, pending, sanitized.kept());
      if (processed instanceof Inclusion.ProcessedCandidates.Err err) {
        throw new IllegalStateException("process_candidates failed after sanitization: "
            + err.error().upstreamName() + " for " + err.candidate().hash());
      }
      Inclusion.ProcessedCandidates.Ok ok = (Inclusion.ProcessedCandidates.Ok) processed;
      pending = ok.pending();
      events.addAll(ok.events());
      for (List<CandidateOnCore> l : sanitized.kept().values()) {
        for (CandidateOnCore oc : l) {
          backed.add(oc.candidate());
        }
      }
      claimQueue = claimQueue.advance(occupied, sp.numCores(), sp.lookahead());
    } else {
      for (BackedCandidate c : data.backedCandidates()) {
        dropped.add(new DroppedCandidate(c.hash(), c.paraId(), SanitizeReason.SESSION_CHANGE_UPCOMING, Optional.empty()));
      }
      if (context == ProcessInherentDataContext.ENTER && !dropped.isEmpty()) {
        return new ExecutionOutcome.Rejected(InherentError.CANDIDATES_FILTERED_DURING_EXECUTION, dropped);
      }
    }

    // governance extrinsic
    PendingConfigs pendingConfigs = parent.pendingConfigs();
    Optional<ConfigUpdateOutcome> configOutcome = Optional.empty();
    if (inputs.configUpdate().isPresent()) {
      PendingConfigs.Scheduling s = pendingConfigs.schedule(inputs.configUpdate().get(), parent.session(), cfg);
      pendingConfigs = s.pending();
      configOutcome = Optional.of(s.outcome());
    }

    ParasInherentData processedInherent = new ParasInherentData(bitfields.kept(), backed, data.parentHeader());
    ScaleWriter ext = new ScaleWriter();
    processedInherent.writeTo(ext);
    writeConfigOutcome(ext, configOutcome);
    Hash extrinsicsRoot = ext.blake2b256();
    ScaleWriter root = new ScaleWriter();
    root.fixedBytes("parapipe/state".getBytes(StandardCharsets.US_ASCII));
    parent.stateRoot().writeTo(root);
    extrinsicsRoot.writeTo(root);
    root.u32(now).u64(inputs.babeSlot()).u32(inputs.author().authority());
    RelayBlockHeader header = new RelayBlockHeader(
        parent.hash(), now, root.blake2b256(), extrinsicsRoot, inputs.babeSlot(), inputs.author());

    // on_finalize: session change at the end of the session's last block
    SessionIndex session = parent.session();
    HostConfiguration active = cfg;
    List<ValidatorId> validators = parent.validators();
    ValidatorGroups groups = parent.validatorGroups();
    if (sessionEnds) {
      session = SessionIndex.of(session.value() + 1);
      PendingConfigs.SessionChange change = pendingConfigs.onNewSession(session, cfg);
      active = change.newConfig();
      pendingConfigs = change.pending();
      SchedulerParams newSp = active.schedulerParams();
      validators = ValidatorShuffle.shuffle(nValidators, parent.genesisRandomness(), session);
      groups = ValidatorGroups.partition(nValidators, newSp);
      claimQueue = claimQueue.onNewSession(sp.numCores(), newSp.numCores(), newSp.lookahead());
      tracker = tracker.cleared();
      pending = PendingAvailability.EMPTY;
      sessionStart = now + 1;
    }

    RelayRuntimeState state = new RelayRuntimeState(
        header, parent.sessionLength(), parent.genesisRandomness(), session, sessionStart, active, pendingConfigs,
        validators, groups, claimQueue, tracker, paras, pending, events);
    return new ExecutionOutcome.Executed(new BlockExecution(
        state, processedInherent, bitfields.dropped(), dropped, configOutcome, sessionEnds));
  }

  /**
   * Upward messages enqueued by this block's enactments. The message queue services them within
   * the block, so they only count against candidates backed later in the same block.
   */
  private static Map<ParaId, UmpQueueSize> enqueuedUpward(List<PendingAvailabilityEntry> enacted) {
    TreeMap<ParaId, UmpQueueSize> out = new TreeMap<>();
    for (PendingAvailabilityEntry e : enacted) {
      List<byte[]> msgs = CandidateCheckContext.skipUmpSignals(e.commitments().upwardMessages());
      if (msgs.isEmpty()) {
        continue;
      }
      int bytes = 0;
      for (byte[] m : msgs) {
        bytes += m.length;
      }
      out.put(e.paraId(), out.getOrDefault(e.paraId(), UmpQueueSize.EMPTY).plus(msgs.size(), bytes));
    }
    return out;
  }

  private static void writeClaimQueue(ScaleWriter w, ClaimQueue cq) {
    SortedMap<CoreIndex, List<ParaId>> q = cq.queues();
    w.compact(q.size());
    q.forEach((core, paras) -> {
      w.u32(core.value());
      w.compact(paras.size());
      paras.forEach(p -> w.u32(p.value()));
    });
  }

  private static void writeConfigOutcome(ScaleWriter w, Optional<ConfigUpdateOutcome> outcome) {
    w.optionTag(outcome.isPresent());
    if (outcome.isEmpty()) {
      return;
    }
    if (outcome.get() instanceof ConfigUpdateOutcome.Scheduled s) {
      w.u8(0).u32(s.session().value()).bytes(s.config().stateText().getBytes(StandardCharsets.UTF_8));
    } else {
      w.u8(1).bytes(((ConfigUpdateOutcome.InvalidNewValue) outcome.get()).reason().upstreamName()
          .getBytes(StandardCharsets.US_ASCII));
    }
  }
}
