package io.parapipe.protocol.relay.node.backing;

import io.parapipe.protocol.events.CandidateAttested;
import io.parapipe.protocol.events.CandidateRejected;
import io.parapipe.protocol.events.CandidateSeconded;
import io.parapipe.protocol.events.CandidateValid;
import io.parapipe.protocol.host.NodeContext;
import io.parapipe.protocol.primitives.BitVec;
import io.parapipe.protocol.primitives.CommittedCandidateReceipt;
import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.ExecutorParams;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.primitives.PersistedValidationData;
import io.parapipe.protocol.primitives.PoV;
import io.parapipe.protocol.primitives.SessionIndex;
import io.parapipe.protocol.primitives.Statement;
import io.parapipe.protocol.primitives.ValidatorIndex;
import io.parapipe.protocol.relay.node.availability.AvailabilityStore;
import io.parapipe.protocol.relay.node.chain.RelayBlock;
import io.parapipe.protocol.relay.node.collation.SecondingPort;
import io.parapipe.protocol.relay.node.implicitview.ImplicitView;
import io.parapipe.protocol.relay.node.network.ValidatorDirectory;
import io.parapipe.protocol.relay.node.prospective.HypotheticalCandidate;
import io.parapipe.protocol.relay.node.prospective.HypotheticalMembership;
import io.parapipe.protocol.relay.node.prospective.HypotheticalMembershipRequest;
import io.parapipe.protocol.relay.node.prospective.IntroduceSecondedCandidateRequest;
import io.parapipe.protocol.relay.node.prospective.ProspectiveParachains;
import io.parapipe.protocol.relay.node.validation.InvalidCandidate;
import io.parapipe.protocol.relay.node.validation.PvfArtifactKey;
import io.parapipe.protocol.relay.node.validation.PvfExecutionQueue;
import io.parapipe.protocol.relay.runtime.RelayRuntimeState;
import io.parapipe.protocol.relay.runtime.RuntimeApi;
import io.parapipe.protocol.relay.runtime.inclusion.BackedCandidate;
import io.parapipe.protocol.relay.runtime.inclusion.ValidityAttestation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;

/**
 * The candidate-backing subsystem of one validator (Era B). Per relay parent in the implicit view
 * it knows which core the validator's group serves and which paras it may second (those at any
 * depth of that core's claim queue). It seconds collations after validating them, validates
 * candidates its group-mates seconded (fetching their PoV through the {@link PovFetcher}), imports
 * statements into the relay parent's {@link StatementTable}, and — when a candidate becomes
 * attested — tells prospective parachains and statement distribution, and hands the backed
 * candidate to the provisioner on request.
 */
public final class CandidateBacking implements SecondingPort, StatementImporter, PovFetcher.Requester {
  /** What backing tells the collator protocol. */
  public interface SecondingListener {
    /** The outcome of a {@link #second} request. */
    void onSecondingOutcome(Hash relayParent, Hash candidate, boolean seconded);
  }

  /**
   * Why a validation job runs, and the verdict of the checks candidate validation makes on the
   * PVF's output for backing ({@code invalid}, or null if they pass).
   */
  private record ValidationTag(Hash relayParent, Hash candidate, boolean toSecond, ParaId para,
      InvalidCandidate invalid) {}

  /** A collation being validated for seconding before any statement exists for it. */
  private record PendingSecond(CommittedCandidateReceipt receipt, PersistedValidationData pvd) {}

  private final class PerRelayParent {
    final RelayBlock block;
    final TableContext context;
    final StatementTable table;
    final Set<ParaId> assignedParas = new LinkedHashSet<>();
    final SortedMap<CoreIndex, List<ParaId>> claimQueue;
    final SessionIndex sessionForChild;
    final boolean v2Receipts;
    // Lookups only (upstream's issued_statements, awaiting_validation and backed).
    final Set<Hash> issuedStatements = new HashSet<>();
    final Set<Hash> awaitingValidation = new HashSet<>();
    final Set<Hash> backed = new HashSet<>();
    /** Valid statements that overtook their candidate's Seconded; they count with it. */
    final Map<Hash, List<Integer>> earlyValidVotes = new HashMap<>();

    PerRelayParent(RelayBlock block) {
      this.block = block;
      RelayRuntimeState s = block.state();
      RuntimeApi api = s.api();
      this.claimQueue = api.claimQueue();
      this.sessionForChild = api.sessionIndexForChild();
      this.v2Receipts = api.candidateReceiptV2();
      this.context = TableContext.of(directory.selfIndex(s), api);
      this.table = new StatementTable(context, api.minimumBackingVotes(), TABLE_CONFIG);
      if (context.assignedCore() != null) {
        assignedParas.addAll(claimQueue.getOrDefault(context.assignedCore(), List.of()));
      }
    }

    Hash hash() {
      return block.hash();
    }
  }

  /**
   * With prospective parachains a validator may second several candidates per relay parent
   * (statement distribution bounds how many), as upstream's backing configures its table.
   */
  private static final StatementTable.Config TABLE_CONFIG = new StatementTable.Config(true);

  private final NodeContext ctx;
  private final ValidatorDirectory directory;
  private final ProspectiveParachains prospective;
  private final ImplicitView implicitView;
  private final PvfExecutionQueue pvf;
  private final AvailabilityStore store;
  private final PvfArtifactKey artifactKey;
  private final SecondingListener listener;
  private final StatementSharing statements;
  private final PovFetcher povFetcher;
  private final Map<Hash, PerRelayParent> perRelayParent = new HashMap<>();
  private final Map<Hash, PendingSecond> pendingSeconds = new HashMap<>();

  /**
   * @param artifactKey which executor parameters a PVF artifact depends on (the execution
   *     timeout is the relay parent's session's)
   * @param statements statement distribution, which shares our statements and keeps the
   *     seconding limit
   */
  public CandidateBacking(NodeContext ctx, ValidatorDirectory directory,
      ProspectiveParachains prospective, ImplicitView implicitView, PvfExecutionQueue pvf,
      AvailabilityStore store, PvfArtifactKey artifactKey, SecondingListener listener,
      StatementSharing statements) {
    this.ctx = ctx;
    this.directory = directory;
    this.prospective = prospective;
    this.implicitView = implicitView;
    this.pvf = pvf;
    this.store = store;
    this.artifactKey = artifactKey;
    this.listener = listener;
    this.statements = statements;
    this.povFetcher = new PovFetcher(ctx, directory, store, this);
  }

  /** The PoV fetcher backing uses; the node routes PoV requests, answers and timers to it. */
  public PovFetcher povFetcher() {
    return povFetcher;
  }

  // ---- view ----

  /** A relay block entered the implicit view: build its state. */
  public void addRelayParent(RelayBlock block) {
    if (!perRelayParent.containsKey(block.hash())) {
      perRelayParent.put(block.hash(), new PerRelayParent(block));
    }
  }

  /** Who backs what at a relay parent in the view, or null. */
  public TableContext tableContext(Hash relayParent) {
    PerRelayParent rp = perRelayParent.get(relayParent);
    return rp == null ? null : rp.context;
  }

  /** The statement table of a relay parent in the view, or null. */
  public StatementTable table(Hash relayParent) {
    PerRelayParent rp = perRelayParent.get(relayParent);
    return rp == null ? null : rp.table;
  }

  /** Drops relay parents that left the implicit view. */
  public void retainOnly(Set<Hash> allowed) {
    perRelayParent.keySet().removeIf(h -> !allowed.contains(h));
    povFetcher.retainOnly(allowed);
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

  @Override
  public Optional<RelayParentContext> relayParentContext(Hash relayParent) {
    PerRelayParent rp = perRelayParent.get(relayParent);
    if (rp == null || rp.context.assignedCore() == null) {
      return Optional.empty();
    }
    return Optional.of(new RelayParentContext(rp.context.assignedCore(), rp.sessionForChild, rp.v2Receipts));
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
    if (rp == null || rp.context.localIndex() < 0
        || !pvd.hash().equals(receipt.descriptor().persistedValidationDataHash())
        || !rp.assignedParas.contains(receipt.paraId()) || rp.context.assignedCore() == null) {
      listener.onSecondingOutcome(relayParent, h, false);
      return;
    }
    if (rp.table.hasCandidate(h)
        && (rp.issuedStatements.contains(h) || rp.awaitingValidation.contains(h))) {
      listener.onSecondingOutcome(relayParent, h, false);
      return;
    }
    store.keepPoV(h, pov, rp.block.number());
    validate(rp, receipt, pvd, pov, true);
  }

  private void validate(PerRelayParent rp, CommittedCandidateReceipt receipt,
      PersistedValidationData pvd, PoV pov, boolean toSecond) {
    Hash h = receipt.hash();
    if (rp.table.hasCandidate(h)) {
      rp.awaitingValidation.add(h);
    } else if (toSecond) {
      pendingSeconds.put(h, new PendingSecond(receipt, pvd));
    }
    ParaId para = receipt.paraId();
    if (pov.sizeBytes() > pvd.maxPovSize()) {
      // perform_basic_checks (polkadot/node/core/candidate-validation/src/lib.rs)
      finishValidation(new ValidationTag(rp.hash(), h, toSecond, para,
          new InvalidCandidate.ParamsTooLarge(pov.sizeBytes())), false);
      return;
    }
    Optional<InvalidCandidate> before = InvalidCandidate.beforeExecution(receipt, rp.sessionForChild);
    if (before.isPresent()) {
      finishValidation(new ValidationTag(rp.hash(), h, toSecond, para, before.get()), false);
      return;
    }
    // The output checks do not depend on the execution; they are made now and applied when the
    // job completes, which is when upstream makes them.
    InvalidCandidate after = InvalidCandidate.afterExecution(receipt, pov,
        rp.block.state().api().claimQueueTransposed()).orElse(null);
    // Executor params of the session the candidate is backed in: the relay parent's state is
    // the one its children are built in (upstream's executor_params_at_relay_parent).
    ExecutorParams params = rp.block.state().activeConfig().executorParams();
    pvf.submit(new PvfExecutionQueue.Job(PvfExecutionQueue.Kind.BACKING, pov.blockRefTime(),
        params.backingTimeoutMicros(), new ValidationTag(rp.hash(), h, toSecond, para, after), para,
        artifactKey.of(params)));
  }

  /** A PVF job finished; returns false if it was not a backing job. */
  public boolean onExecuted(PvfExecutionQueue.Job job, boolean valid) {
    if (!(job.tag() instanceof ValidationTag tag)) {
      return false;
    }
    finishValidation(tag, valid && tag.invalid() == null);
    return true;
  }

  private void finishValidation(ValidationTag tag, boolean valid) {
    if (!valid && tag.invalid() != null) {
      ctx.emit(new CandidateRejected(tag.para(), tag.candidate(), tag.relayParent(),
          CandidateRejected.CANDIDATE_VALIDATION, tag.invalid().debug()));
    }
    PerRelayParent rp = perRelayParent.get(tag.relayParent());
    PendingSecond pending = pendingSeconds.remove(tag.candidate());
    if (rp == null) {
      if (tag.toSecond()) {
        listener.onSecondingOutcome(tag.relayParent(), tag.candidate(), false);
      }
      return;
    }
    Hash h = tag.candidate();
    Statement.Seconded known = rp.table.candidate(h);
    if (known != null) {
      rp.awaitingValidation.remove(h);
    }
    if (!valid) {
      if (tag.toSecond()) {
        listener.onSecondingOutcome(tag.relayParent(), h, false);
      }
      return;
    }
    if (tag.toSecond()) {
      CommittedCandidateReceipt receipt = known != null ? known.receipt() : pending.receipt();
      PersistedValidationData pvd = known != null ? known.validationData() : pending.pvd();
      boolean ok = (known == null || !rp.issuedStatements.contains(h))
          && secondingSanityCheck(HypotheticalCandidate.Complete.of(receipt, pvd), receipt.paraId(), rp.hash())
          && issue(rp, new Statement.Seconded(receipt, pvd));
      if (ok) {
        ctx.emit(new CandidateSeconded(receipt.paraId(), h, rp.hash()));
      }
      listener.onSecondingOutcome(tag.relayParent(), h, ok);
    } else if (known != null && !rp.issuedStatements.contains(h)) {
      if (issue(rp, new Statement.Valid(h))) {
        ctx.emit(new CandidateValid(known.receipt().paraId(), h));
      }
    }
  }

  /**
   * Imports a statement of our own, marks us a holder of its data and shares it; false if the
   * seconding limit or the import refused it. A statement that completes the threshold attests
   * the candidate during the import, so {@code Backed} goes out before {@code Share} here.
   */
  private boolean issue(PerRelayParent rp, Statement s) {
    Hash h = s.candidateHash();
    int local = rp.context.localIndex();
    if (s instanceof Statement.Seconded && !statements.withinSecondingLimit(rp.hash(), local, h)) {
      return false;
    }
    if (!importStatement(rp, local, s)) {
      return false;
    }
    rp.issuedStatements.add(h);
    store.markHolder(h, rp.block.number(), rp.table.groupOf(h));
    statements.share(rp.hash(), s);
    checkAttested(rp, h);
    return true;
  }

  // ---- statements ----

  /**
   * {@code CandidateBackingMessage::Statement}: a statement from {@code validator}, handed over by
   * statement distribution.
   *
   * @return false if it was refused: unknown relay parent, a {@code Seconded} for a para its
   *     sender's core does not serve, a candidate prospective parachains rejects, or a sender
   *     outside the candidate's group
   */
  @Override
  public boolean importStatement(Hash relayParent, int validator, Statement s) {
    PerRelayParent rp = perRelayParent.get(relayParent);
    return rp != null && importStatement(rp, validator, s);
  }

  /**
   * Imports a statement into the table: a {@code Seconded} of an unknown candidate first
   * introduces it to prospective parachains (dropped if they refuse); a {@code Valid} that
   * overtook its {@code Seconded} waits for it.
   */
  private boolean importStatement(PerRelayParent rp, int validator, Statement s) {
    Hash h = s.candidateHash();
    if (s instanceof Statement.Seconded sec) {
      // core_index_from_statement: the sender's core must serve the candidate's para.
      CoreIndex core = rp.context.coreOf(validator);
      if (core == null || !rp.claimQueue.getOrDefault(core, List.of()).contains(sec.receipt().paraId())) {
        return false; // CoreIndexUnavailable
      }
      if (!rp.table.hasCandidate(h) && !prospective.introduceSecondedCandidate(
          IntroduceSecondedCandidateRequest.of(sec.receipt(), sec.validationData()))) {
        return false;
      }
      if (rp.table.importStatement(validator, sec, core) == StatementTable.ImportResult.UNAUTHORIZED) {
        return false;
      }
      notePovSource(rp, h, validator, true);
      List<Integer> early = rp.earlyValidVotes.remove(h);
      if (early != null) {
        for (int v : early) {
          importValid(rp, h, v);
        }
      }
    } else {
      if (!rp.table.hasCandidate(h)) {
        rp.earlyValidVotes.computeIfAbsent(h, k -> new ArrayList<>()).add(validator);
        return true;
      }
      if (!importValid(rp, h, validator)) {
        return false;
      }
    }
    maybeAttest(rp, h);
    checkAttested(rp, h);
    return true;
  }

  private boolean importValid(PerRelayParent rp, Hash h, int validator) {
    if (rp.table.importStatement(validator, new Statement.Valid(h), null)
        == StatementTable.ImportResult.UNAUTHORIZED) {
      return false;
    }
    notePovSource(rp, h, validator, false);
    return true;
  }

  /** Validators that vouched for a candidate of our group are where its PoV can be fetched. */
  private void notePovSource(PerRelayParent rp, Hash h, int validator, boolean seconded) {
    if (rp.context.inGroup(rp.table.groupOf(h))) {
      povFetcher.addSource(rp.hash(), rp.block.state(), h, validator, seconded);
    }
  }

  /** If we are in the candidate's group and have not voted, get its PoV and validate it. */
  private void maybeAttest(PerRelayParent rp, Hash h) {
    int local = rp.context.localIndex();
    if (!rp.context.inGroup(rp.table.groupOf(h)) || rp.issuedStatements.contains(h)
        || rp.awaitingValidation.contains(h) || local < 0 || rp.table.hasVote(h, local)) {
      return;
    }
    Optional<PoV> own = store.pov(h);
    if (own.isPresent()) {
      Statement.Seconded c = rp.table.candidate(h);
      validate(rp, c.receipt(), c.validationData(), own.get(), false);
      return;
    }
    if (povFetcher.fetch(h)) {
      rp.awaitingValidation.add(h);
    }
  }

  @Override
  public boolean awaitingPoV(Hash relayParent, Hash candidate) {
    PerRelayParent rp = perRelayParent.get(relayParent);
    return rp != null && rp.table.hasCandidate(candidate)
        && !rp.issuedStatements.contains(candidate) && rp.awaitingValidation.contains(candidate);
  }

  @Override
  public void onPoV(Hash relayParent, Hash candidate, PoV pov) {
    PerRelayParent rp = perRelayParent.get(relayParent);
    Statement.Seconded c = rp.table.candidate(candidate);
    store.keepPoV(candidate, pov, rp.block.number());
    validate(rp, c.receipt(), c.validationData(), pov, false);
  }

  @Override
  public void onTimedOut(Hash relayParent, Hash candidate, boolean retrying) {
    if (!retrying) {
      perRelayParent.get(relayParent).awaitingValidation.remove(candidate);
    }
  }

  private void checkAttested(PerRelayParent rp, Hash h) {
    if (rp.backed.contains(h)) {
      return;
    }
    StatementTable.AttestedCandidate attested = rp.table.attestedCandidate(h);
    if (attested == null) {
      return;
    }
    rp.backed.add(h);
    ParaId para = attested.candidate().paraId();
    prospective.candidateBacked(para, h);
    ctx.emit(new CandidateAttested(para, h));
    statements.backed(rp.hash(), attested);
  }

  // ---- for the provisioner ----

  /**
   * The backed candidate for the block author ({@code GetBackableCandidates}, upstream's
   * {@code table_attested_to_backed}): the votes of the group members in group order, Seconded as
   * implicit and Valid as explicit attestations.
   *
   * @param injectCoreIndex whether {@code ElasticScalingMVP} wants the core index injected
   */
  public Optional<BackedCandidate> backedCandidate(Hash relayParent, Hash candidate,
      boolean injectCoreIndex) {
    PerRelayParent rp = perRelayParent.get(relayParent);
    if (rp == null || !rp.backed.contains(candidate)) {
      return Optional.empty();
    }
    StatementTable.AttestedCandidate attested = rp.table.attestedCandidate(candidate);
    List<ValidatorIndex> group = rp.context.group(attested.group());
    ValidityAttestation[] byPosition = new ValidityAttestation[group.size()];
    for (StatementTable.Vote v : attested.validityVotes()) {
      for (int i = 0; i < byPosition.length; i++) {
        if (group.get(i).value() == v.validator()) {
          byPosition[i] = v.attestation();
          break;
        }
      }
    }
    boolean[] bits = new boolean[byPosition.length];
    List<ValidityAttestation> votes = new ArrayList<>();
    for (int i = 0; i < byPosition.length; i++) {
      if (byPosition[i] != null) {
        bits[i] = true;
        votes.add(byPosition[i]);
      }
    }
    return Optional.of(new BackedCandidate(attested.candidate(), votes, BitVec.fromBits(bits),
        injectCoreIndex ? Optional.of(attested.group()) : Optional.empty()));
  }
}
