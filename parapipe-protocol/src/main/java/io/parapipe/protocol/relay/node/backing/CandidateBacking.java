package io.parapipe.protocol.relay.node.backing;

import io.parapipe.protocol.events.CandidateAttested;
import io.parapipe.protocol.events.CandidateSeconded;
import io.parapipe.protocol.events.CandidateValid;
import io.parapipe.protocol.host.NodeContext;
import io.parapipe.protocol.host.Timer;
import io.parapipe.protocol.host.Topic;
import io.parapipe.protocol.primitives.CommittedCandidateReceipt;
import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.GroupIndex;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.primitives.PersistedValidationData;
import io.parapipe.protocol.primitives.PoV;
import io.parapipe.protocol.primitives.Statement;
import io.parapipe.protocol.primitives.ValidatorIndex;
import io.parapipe.protocol.relay.node.network.ValidatorDirectory;
import io.parapipe.protocol.relay.node.availability.AvailabilityStore;
import io.parapipe.protocol.relay.node.chain.RelayBlock;
import io.parapipe.protocol.relay.node.implicitview.ImplicitView;
import io.parapipe.protocol.relay.node.prospective.HypotheticalCandidate;
import io.parapipe.protocol.relay.node.prospective.HypotheticalMembership;
import io.parapipe.protocol.relay.node.prospective.HypotheticalMembershipRequest;
import io.parapipe.protocol.relay.node.prospective.IntroduceSecondedCandidateRequest;
import io.parapipe.protocol.relay.node.prospective.ProspectiveParachains;
import io.parapipe.protocol.relay.node.validation.PvfExecutionQueue;
import io.parapipe.protocol.relay.runtime.RelayRuntimeState;
import io.parapipe.protocol.relay.runtime.RuntimeApi;
import io.parapipe.protocol.relay.runtime.ValidatorGroupsView;
import io.parapipe.protocol.relay.runtime.inclusion.BackedCandidate;
import io.parapipe.protocol.primitives.BitVec;
import io.parapipe.protocol.relay.runtime.inclusion.ValidityAttestation;
import io.parapipe.protocol.wire.BackedCandidateManifest;
import io.parapipe.protocol.wire.PoVFetchRequest;
import io.parapipe.protocol.wire.PoVFetchResponse;
import io.parapipe.protocol.wire.StatementMessage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The candidate-backing subsystem of one validator (Era B). Per relay parent in the implicit view
 * it knows which core the validator's group serves and which paras it may second (those at any
 * depth of that core's claim queue). It seconds collations after validating them, re-validates
 * candidates its group-mates seconded, keeps the statement table, and — when a candidate reaches
 * {@code min(group size, minimum_backing_votes)} votes — tells prospective parachains and
 * announces the backed candidate to every validator, so whoever authors the next block can
 * include it.
 */
public final class CandidateBacking implements io.parapipe.protocol.relay.node.collation.SecondingPort {
  /** Upstream's PoV request timeout for connected peers. */
  static final long POV_REQUEST_TIMEOUT_MICROS = 1_200_000;

  /** What backing tells the collator protocol. */
  public interface SecondingListener {
    /** The outcome of a {@link #second} request. */
    void onSecondingOutcome(Hash relayParent, Hash candidate, boolean seconded);
  }

  /** Why a validation job runs. */
  private record ValidationTag(Hash relayParent, Hash candidate, boolean toSecond) {}

  private record PoVTimeout(Hash relayParent, Hash candidate, int attempt) implements Timer {}

  private static final class CandidateRecord {
    final CommittedCandidateReceipt receipt;
    final PersistedValidationData pvd;
    final CoreIndex core;
    final Map<Integer, Boolean> votes = new LinkedHashMap<>(); // validator → seconded (implicit)
    final List<Integer> povSources = new ArrayList<>();
    boolean attested;
    boolean issuedStatement;
    boolean validating;
    int povAttempt;

    CandidateRecord(CommittedCandidateReceipt receipt, PersistedValidationData pvd, CoreIndex core) {
      this.receipt = receipt;
      this.pvd = pvd;
      this.core = core;
    }
  }

  private final class PerRelayParent {
    final RelayBlock block;
    final int localIndex;
    final Optional<CoreIndex> assignedCore;
    final Set<ParaId> assignedParas = new LinkedHashSet<>();
    final Map<CoreIndex, List<ValidatorIndex>> groupsByCore = new TreeMap<>();
    final Map<Integer, CoreIndex> coreOfValidator = new HashMap<>();
    final Map<CoreIndex, List<ParaId>> claimQueue;
    final int minimumBackingVotes;
    final Map<Hash, CandidateRecord> candidates = new LinkedHashMap<>();
    final Map<Hash, List<Integer>> earlyValidVotes = new HashMap<>();
    /** Candidates each validator seconded here (statement distribution's seconding limit). */
    final Map<Integer, Integer> secondedBy = new HashMap<>();
    final int secondingLimit;

    PerRelayParent(RelayBlock block) {
      this.block = block;
      RelayRuntimeState s = block.state();
      RuntimeApi api = s.api();
      this.localIndex = directory.selfIndex(s);
      ValidatorGroupsView groups = api.validatorGroups();
      int nCores = groups.groups().size();
      this.claimQueue = api.claimQueue();
      CoreIndex mine = null;
      for (CoreIndex c : claimQueue.keySet()) {
        if (nCores == 0) {
          break;
        }
        GroupIndex g = groups.rotationInfo().groupForCore(c, nCores);
        List<ValidatorIndex> members = groups.groups().get(g.value());
        groupsByCore.put(c, members);
        for (ValidatorIndex v : members) {
          coreOfValidator.put(v.value(), c);
          if (v.value() == localIndex) {
            mine = c;
          }
        }
      }
      this.assignedCore = Optional.ofNullable(mine);
      if (mine != null) {
        assignedParas.addAll(claimQueue.getOrDefault(mine, List.of()));
      }
      this.minimumBackingVotes = api.minimumBackingVotes();
      this.secondingLimit = api.asyncBackingParams().maxCandidateDepth() + 1;
    }

    Hash hash() {
      return block.hash();
    }

    int threshold(CoreIndex core) {
      return Math.min(groupsByCore.getOrDefault(core, List.of()).size(), minimumBackingVotes);
    }

    boolean inGroup(CoreIndex core) {
      return assignedCore.isPresent() && assignedCore.get().equals(core);
    }

    int nodeOf(int validator) {
      return directory.nodeOf(block.state(), validator);
    }
  }

  private final NodeContext ctx;
  private final ValidatorDirectory directory;
  private final ProspectiveParachains prospective;
  private final ImplicitView implicitView;
  private final PvfExecutionQueue pvf;
  private final AvailabilityStore store;
  private final long backingTimeoutMicros;
  private final SecondingListener listener;
  private final Map<Hash, PerRelayParent> perRelayParent = new HashMap<>();
  // Statements for relay parents not imported yet (they can overtake the block on the network).
  private final Map<Hash, ArrayDeque<StatementMessage>> early = new LinkedHashMap<>();

  /**
   * @param backingTimeoutMicros the PVF backing execution timeout
   */
  public CandidateBacking(NodeContext ctx, ValidatorDirectory directory,
      ProspectiveParachains prospective, ImplicitView implicitView, PvfExecutionQueue pvf,
      AvailabilityStore store, long backingTimeoutMicros, SecondingListener listener) {
    this.ctx = ctx;
    this.directory = directory;
    this.prospective = prospective;
    this.implicitView = implicitView;
    this.pvf = pvf;
    this.store = store;
    this.backingTimeoutMicros = backingTimeoutMicros;
    this.listener = listener;
  }

  // ---- view ----

  /** A relay block entered the implicit view: build its state and replay early statements. */
  public void addRelayParent(RelayBlock block) {
    if (perRelayParent.containsKey(block.hash())) {
      return;
    }
    perRelayParent.put(block.hash(), new PerRelayParent(block));
    ArrayDeque<StatementMessage> waiting = early.remove(block.hash());
    if (waiting != null) {
      for (StatementMessage m : waiting) {
        importStatement(perRelayParent.get(block.hash()), m.validator(), m.statement());
      }
    }
  }

  /** Drops relay parents that left the implicit view. */
  public void retainOnly(Set<Hash> allowed) {
    perRelayParent.keySet().removeIf(h -> !allowed.contains(h));
    while (early.size() > 64) {
      early.remove(early.keySet().iterator().next());
    }
  }

  /** True if the relay parent is in the view. */
  @Override
  public boolean knows(Hash relayParent) {
    return perRelayParent.containsKey(relayParent);
  }

  /** The paras this validator may second at the relay parent (empty if not in view or no group). */
  @Override
  public Set<ParaId> assignedParas(Hash relayParent) {
    PerRelayParent rp = perRelayParent.get(relayParent);
    return rp == null ? Set.of() : rp.assignedParas;
  }

  // ---- seconding ----

  /**
   * {@code CanSecond}: whether an advertised collation could be seconded, checked against
   * prospective parachains with an incomplete hypothetical candidate.
   */
  @Override
  public boolean canSecond(ParaId para, Hash relayParent, Hash candidateHash, Hash parentHeadHash) {
    HypotheticalCandidate c =
        new HypotheticalCandidate.Incomplete(candidateHash, para, parentHeadHash, relayParent);
    return secondingSanityCheck(c, para, relayParent);
  }

  /**
   * The seconding sanity check (§5.3): at least one active leaf, under which the relay parent is
   * allowed for the para, has the candidate as a potential member of its fragment chain.
   */
  private boolean secondingSanityCheck(HypotheticalCandidate c, ParaId para, Hash relayParent) {
    for (Hash leaf : prospective.activeLeaves()) {
      Optional<List<Hash>> allowed = implicitView.knownAllowedRelayParentsUnder(leaf, Optional.of(para));
      if (allowed.isEmpty() || !allowed.get().contains(relayParent)) {
        continue;
      }
      List<HypotheticalMembership> m = prospective.getHypotheticalMembership(
          new HypotheticalMembershipRequest(List.of(c), Optional.of(leaf)));
      if (!m.isEmpty() && m.get(0).membership().contains(leaf)) {
        return true;
      }
    }
    return false;
  }

  /** {@code CandidateBackingMessage::Second}: validate a fetched collation and second it if valid. */
  @Override
  public void second(Hash relayParent, CommittedCandidateReceipt receipt,
      PersistedValidationData pvd, PoV pov) {
    PerRelayParent rp = perRelayParent.get(relayParent);
    Hash h = receipt.hash();
    if (rp == null || rp.localIndex < 0 || !pvd.hash().equals(receipt.descriptor().persistedValidationDataHash())
        || !rp.assignedParas.contains(receipt.paraId()) || !rp.assignedCore.isPresent()) {
      listener.onSecondingOutcome(relayParent, h, false);
      return;
    }
    CandidateRecord existing = rp.candidates.get(h);
    if (existing != null && (existing.issuedStatement || existing.validating)) {
      listener.onSecondingOutcome(relayParent, h, false);
      return;
    }
    store.keepPoV(h, pov, rp.block.number());
    validate(rp, receipt, pvd, pov, true);
  }

  private void validate(PerRelayParent rp, CommittedCandidateReceipt receipt,
      PersistedValidationData pvd, PoV pov, boolean toSecond) {
    Hash h = receipt.hash();
    CandidateRecord rec = rp.candidates.get(h);
    if (rec != null) {
      rec.validating = true;
    } else if (toSecond) {
      pendingSeconds.put(h, new Object[] {receipt, pvd});
    }
    if (pov.sizeBytes() > pvd.maxPovSize()) {
      finishValidation(new ValidationTag(rp.hash(), h, toSecond), false);
      return;
    }
    pvf.submit(new PvfExecutionQueue.Job(PvfExecutionQueue.Kind.BACKING, pov.blockRefTime(),
        backingTimeoutMicros, new ValidationTag(rp.hash(), h, toSecond)));
  }

  // Collations being validated for seconding, before any statement exists for them.
  private final Map<Hash, Object[]> pendingSeconds = new HashMap<>();

  /** A PVF job finished; returns false if it was not a backing job. */
  public boolean onExecuted(PvfExecutionQueue.Job job, boolean valid) {
    if (!(job.tag() instanceof ValidationTag tag)) {
      return false;
    }
    finishValidation(tag, valid);
    return true;
  }

  private void finishValidation(ValidationTag tag, boolean valid) {
    PerRelayParent rp = perRelayParent.get(tag.relayParent());
    Object[] pending = pendingSeconds.remove(tag.candidate());
    if (rp == null) {
      if (tag.toSecond()) {
        listener.onSecondingOutcome(tag.relayParent(), tag.candidate(), false);
      }
      return;
    }
    CandidateRecord rec = rp.candidates.get(tag.candidate());
    if (rec != null) {
      rec.validating = false;
    }
    if (!valid) {
      if (tag.toSecond()) {
        listener.onSecondingOutcome(tag.relayParent(), tag.candidate(), false);
      }
      return;
    }
    if (tag.toSecond()) {
      CommittedCandidateReceipt receipt = rec != null ? rec.receipt : (CommittedCandidateReceipt) pending[0];
      PersistedValidationData pvd = rec != null ? rec.pvd : (PersistedValidationData) pending[1];
      boolean ok = (rec == null || !rec.issuedStatement)
          && secondingSanityCheck(HypotheticalCandidate.Complete.of(receipt, pvd), receipt.paraId(), rp.hash())
          && issue(rp, new Statement.Seconded(receipt, pvd));
      if (ok) {
        ctx.emit(new CandidateSeconded(receipt.paraId(), tag.candidate(), rp.hash()));
      }
      listener.onSecondingOutcome(tag.relayParent(), tag.candidate(), ok);
    } else if (rec != null && !rec.issuedStatement) {
      if (issue(rp, new Statement.Valid(tag.candidate()))) {
        ctx.emit(new CandidateValid(rec.receipt.paraId(), tag.candidate()));
      }
    }
  }

  /** Signs, imports and shares a statement of our own; false if the import was rejected. */
  private boolean issue(PerRelayParent rp, Statement s) {
    if (!importStatement(rp, rp.localIndex, s)) {
      return false;
    }
    CandidateRecord rec = rp.candidates.get(s.candidateHash());
    rec.issuedStatement = true;
    store.markHolder(s.candidateHash(), rp.block.number(), rec.core);
    StatementMessage msg = new StatementMessage(rp.hash(), rp.localIndex, s);
    for (ValidatorIndex v : rp.groupsByCore.getOrDefault(rec.core, List.of())) {
      if (v.value() != rp.localIndex) {
        ctx.send(rp.nodeOf(v.value()), msg);
      }
    }
    checkAttested(rp, rec);
    return true;
  }

  // ---- statements from others ----

  /** A statement from a group-mate. */
  public void onStatement(StatementMessage m) {
    PerRelayParent rp = perRelayParent.get(m.relayParent());
    if (rp == null) {
      early.computeIfAbsent(m.relayParent(), k -> new ArrayDeque<>()).add(m);
      return;
    }
    importStatement(rp, m.validator(), m.statement());
  }

  /**
   * A backed candidate announced by a member of its backing group. Every member announces it, so
   * a candidate this node already counts as backed is skipped without re-importing.
   */
  public void onManifest(BackedCandidateManifest m) {
    PerRelayParent rp = perRelayParent.get(m.relayParent());
    if (rp != null && !m.statements().isEmpty()) {
      CandidateRecord rec = rp.candidates.get(m.statements().get(0).statement().candidateHash());
      if (rec != null && rec.attested) {
        return;
      }
    }
    for (BackedCandidateManifest.SignedStatement s : m.statements()) {
      onStatement(new StatementMessage(m.relayParent(), s.validator(), s.statement()));
    }
  }

  /**
   * Imports a statement into the table: a {@code Seconded} of an unknown candidate introduces it
   * to prospective parachains (dropped if they refuse), votes count once per validator.
   */
  private boolean importStatement(PerRelayParent rp, int validator, Statement s) {
    Hash h = s.candidateHash();
    CandidateRecord rec = rp.candidates.get(h);
    if (s instanceof Statement.Seconded sec) {
      CoreIndex core = rp.coreOfValidator.get(validator);
      if (core == null || !rp.claimQueue.getOrDefault(core, List.of()).contains(sec.receipt().paraId())) {
        return false; // CoreIndexUnavailable
      }
      if (rec == null || !rec.votes.containsKey(validator)) {
        // Statement distribution (v2) accepts at most max_candidate_depth + 1 Seconded
        // statements per validator and relay parent.
        int seconded = rp.secondedBy.getOrDefault(validator, 0);
        if (seconded >= rp.secondingLimit) {
          return false;
        }
      }
      if (rec == null) {
        boolean introduced = prospective.introduceSecondedCandidate(
            IntroduceSecondedCandidateRequest.of(sec.receipt(), sec.validationData()));
        if (!introduced) {
          return false;
        }
        rec = new CandidateRecord(sec.receipt(), sec.validationData(), core);
        rp.candidates.put(h, rec);
      }
      if (!rec.core.equals(core)) {
        return false;
      }
      if (rec.votes.putIfAbsent(validator, Boolean.TRUE) == null) {
        rp.secondedBy.merge(validator, 1, Integer::sum);
      }
      if (!rec.povSources.contains(validator)) {
        rec.povSources.add(0, validator);
      }
      List<Integer> early = rp.earlyValidVotes.remove(h);
      if (early != null) {
        for (int v : early) {
          addValidVote(rp, rec, v);
        }
      }
    } else {
      if (rec == null) {
        rp.earlyValidVotes.computeIfAbsent(h, k -> new ArrayList<>()).add(validator);
        return true;
      }
      if (!addValidVote(rp, rec, validator)) {
        return false;
      }
    }
    maybeAttest(rp, rec);
    checkAttested(rp, rec);
    return true;
  }

  private boolean addValidVote(PerRelayParent rp, CandidateRecord rec, int validator) {
    if (!rec.core.equals(rp.coreOfValidator.get(validator))) {
      return false;
    }
    rec.votes.putIfAbsent(validator, Boolean.FALSE);
    if (!rec.povSources.contains(validator)) {
      rec.povSources.add(validator);
    }
    return true;
  }

  /** If we are in the candidate's group and have not voted, fetch its PoV and validate it. */
  private void maybeAttest(PerRelayParent rp, CandidateRecord rec) {
    if (!rp.inGroup(rec.core) || rec.issuedStatement || rec.validating || rp.localIndex < 0
        || rec.votes.containsKey(rp.localIndex)) {
      return;
    }
    Hash h = rec.receipt.hash();
    Optional<PoV> own = store.pov(h);
    if (own.isPresent()) {
      validate(rp, rec.receipt, rec.pvd, own.get(), false);
      return;
    }
    requestPoV(rp, rec);
  }

  private void requestPoV(PerRelayParent rp, CandidateRecord rec) {
    if (rec.povAttempt >= rec.povSources.size()) {
      return;
    }
    rec.validating = true;
    int source = rec.povSources.get(rec.povAttempt);
    ctx.send(rp.nodeOf(source), new PoVFetchRequest(rp.hash(), rec.receipt.hash()));
    ctx.schedule(POV_REQUEST_TIMEOUT_MICROS, new PoVTimeout(rp.hash(), rec.receipt.hash(), rec.povAttempt));
  }

  /** A PoV we asked a group-mate for. */
  public void onPoVResponse(PoVFetchResponse r) {
    PerRelayParent rp = perRelayParent.get(r.relayParent());
    CandidateRecord rec = rp == null ? null : rp.candidates.get(r.candidateHash());
    if (rec == null || rec.issuedStatement || !rec.validating || rec.povAttempt < 0) {
      return;
    }
    if (r.pov() == null) {
      rec.povAttempt++;
      requestPoV(rp, rec);
      return;
    }
    rec.povAttempt = -1; // fetched
    store.keepPoV(r.candidateHash(), r.pov(), rp.block.number());
    validate(rp, rec.receipt, rec.pvd, r.pov(), false);
  }

  /** Answers a group-mate's PoV request from the availability store. */
  public PoVFetchResponse answerPoVRequest(PoVFetchRequest r) {
    return new PoVFetchResponse(r.relayParent(), r.candidateHash(), store.pov(r.candidateHash()).orElse(null));
  }

  /** Handles a PoV timeout; false if the timer is not backing's. */
  public boolean onTimer(Timer t) {
    if (!(t instanceof PoVTimeout pt)) {
      return false;
    }
    PerRelayParent rp = perRelayParent.get(pt.relayParent());
    CandidateRecord rec = rp == null ? null : rp.candidates.get(pt.candidate());
    if (rec != null && rec.validating && rec.povAttempt == pt.attempt()) {
      rec.povAttempt++;
      rec.validating = false;
      requestPoV(rp, rec);
    }
    return true;
  }

  private void checkAttested(PerRelayParent rp, CandidateRecord rec) {
    if (rec.attested || rec.votes.size() < rp.threshold(rec.core) || rp.threshold(rec.core) == 0) {
      return;
    }
    rec.attested = true;
    Hash h = rec.receipt.hash();
    prospective.candidateBacked(rec.receipt.paraId(), h);
    ctx.emit(new CandidateAttested(rec.receipt.paraId(), h));
    if (rp.inGroup(rec.core)) {
      List<BackedCandidateManifest.SignedStatement> statements = new ArrayList<>();
      for (Map.Entry<Integer, Boolean> v : rec.votes.entrySet()) {
        Statement s = v.getValue() ? new Statement.Seconded(rec.receipt, rec.pvd) : new Statement.Valid(h);
        statements.add(new BackedCandidateManifest.SignedStatement(v.getKey(), s));
      }
      ctx.broadcast(Topic.VALIDATORS, new BackedCandidateManifest(rp.hash(), statements));
    }
  }

  // ---- for the provisioner ----

  /**
   * The backed candidate for the block author ({@code GetBackableCandidates}): the votes of the
   * group members in group order, Seconded as implicit and Valid as explicit attestations.
   *
   * @param injectCoreIndex whether {@code ElasticScalingMVP} wants the core index injected
   */
  public Optional<BackedCandidate> backedCandidate(Hash relayParent, Hash candidate,
      boolean injectCoreIndex) {
    PerRelayParent rp = perRelayParent.get(relayParent);
    CandidateRecord rec = rp == null ? null : rp.candidates.get(candidate);
    if (rec == null || !rec.attested) {
      return Optional.empty();
    }
    List<ValidatorIndex> group = rp.groupsByCore.get(rec.core);
    boolean[] bits = new boolean[group.size()];
    List<ValidityAttestation> votes = new ArrayList<>();
    for (int i = 0; i < group.size(); i++) {
      Boolean seconded = rec.votes.get(group.get(i).value());
      if (seconded != null) {
        bits[i] = true;
        votes.add(seconded ? ValidityAttestation.IMPLICIT : ValidityAttestation.EXPLICIT);
      }
    }
    return Optional.of(new BackedCandidate(rec.receipt, votes, BitVec.fromBits(bits),
        injectCoreIndex ? Optional.of(rec.core) : Optional.empty()));
  }
}
