package io.parapipe.protocol.para.node;

import io.parapipe.protocol.events.CollationAdvertised;
import io.parapipe.protocol.events.ParaBlockAuthored;
import io.parapipe.protocol.events.RuntimePanicEvent;
import io.parapipe.protocol.host.Message;
import io.parapipe.protocol.host.Node;
import io.parapipe.protocol.host.NodeContext;
import io.parapipe.protocol.host.Timer;
import io.parapipe.protocol.host.Topic;
import io.parapipe.protocol.para.collator.BasicCollator;
import io.parapipe.protocol.para.collator.BuildOrder;
import io.parapipe.protocol.para.collator.LookaheadCollator;
import io.parapipe.protocol.para.collator.ParaBlockTree;
import io.parapipe.protocol.para.collator.RelayBlockInfo;
import io.parapipe.protocol.para.collator.RelayChainView;
import io.parapipe.protocol.para.collator.SlotClaim;
import io.parapipe.protocol.para.collator.UnknownPendingPolicy;
import io.parapipe.protocol.para.runtime.BlockInputs;
import io.parapipe.protocol.para.runtime.BlockOutcome;
import io.parapipe.protocol.para.runtime.BuiltBlock;
import io.parapipe.protocol.para.runtime.ParaBlockHeader;
import io.parapipe.protocol.para.runtime.ParachainRuntime;
import io.parapipe.protocol.para.runtime.ParachainRuntimeConfig;
import io.parapipe.protocol.para.runtime.ParachainState;
import io.parapipe.protocol.para.runtime.RelayChainStateProof;
import io.parapipe.protocol.para.runtime.RuntimePanic;
import io.parapipe.protocol.primitives.CandidateDescriptor;
import io.parapipe.protocol.primitives.CommittedCandidateReceipt;
import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.GroupIndex;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.primitives.PersistedValidationData;
import io.parapipe.protocol.primitives.PoV;
import io.parapipe.protocol.primitives.ScaleWriter;
import io.parapipe.protocol.primitives.SessionIndex;
import io.parapipe.protocol.primitives.ValidatorIndex;
import io.parapipe.protocol.primitives.Weight;
import io.parapipe.protocol.relay.node.chain.BlockTree;
import io.parapipe.protocol.relay.node.chain.RelayBlock;
import io.parapipe.protocol.relay.runtime.CoreState;
import io.parapipe.protocol.relay.runtime.OccupiedCoreAssumption;
import io.parapipe.protocol.relay.runtime.RuntimeApi;
import io.parapipe.protocol.relay.runtime.ValidatorGroupsView;
import io.parapipe.protocol.wire.AdvertiseCollation;
import io.parapipe.protocol.wire.CollationFetchRequest;
import io.parapipe.protocol.wire.CollationFetchResponse;
import io.parapipe.protocol.wire.ParaBlockAnnouncement;
import io.parapipe.protocol.wire.RelayBlockAnnouncement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A parachain collator: it follows the relay chain, keeps the para's block tree, builds blocks
 * with the basic or the lookahead collator, gossips them to the para's other collators, and
 * offers each block as a collation to the backing group of its core (collator protocol, collator
 * side). Building takes the time the proposer spends filling the block with transactions from its
 * {@link TransactionSource}; importing another collator's block takes the time to re-execute it.
 */
public final class CollatorNode implements Node {
  /**
   * Bytes of a PoV that do not depend on transactions: the header, the inherents and the storage
   * proof of the parachain-system items they touch.
   */
  static final int BASE_POV_BYTES = 16 * 1024;

  /** How many collations the node keeps ready for fetching. */
  private static final int KEPT_COLLATIONS = 64;

  private record BuildDone(BuildOrder order, ParachainState state, long refTime, int povSize,
      long startedMicros, long authoringMicros, RelayBlock relayParent) implements Timer {}

  private record ImportDone(ParaBlock block) implements Timer {}

  private final CollatorConfig cfg;
  private final TransactionSource transactions;
  private final ParaId para;
  private NodeContext ctx;
  private BlockTree<RelayBlock> relay;
  private final Map<Hash, ParachainState> paraStates = new HashMap<>();
  private final Map<Hash, Long> paraAuthoredAt = new HashMap<>();
  private final Map<Hash, List<Hash>> paraChildren = new HashMap<>();
  private final Map<Hash, List<ParaBlock>> waitingForParent = new HashMap<>();
  private final Map<Hash, ParaBlock> collations = new LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Hash, ParaBlock> e) {
      return size() > KEPT_COLLATIONS;
    }
  };
  private final ArrayDeque<RelayBlock> pendingRelayParents = new ArrayDeque<>();
  private boolean building;
  private LookaheadCollator.Round round;
  private BasicCollator.SlotGuard slotGuard = BasicCollator.SlotGuard.initial();

  /**
   * A collator with the given configuration.
   *
   * @param cfg the configuration
   * @param transactions the para's transaction pool, asked once per block built
   */
  public CollatorNode(CollatorConfig cfg, TransactionSource transactions) {
    this.cfg = cfg;
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.para = cfg.para();
    ParachainState genesis = cfg.paraGenesis();
    paraStates.put(genesis.headHash(), genesis);
    paraAuthoredAt.put(genesis.headHash(), 0L);
  }

  @Override
  public void start(NodeContext ctx) {
    this.ctx = ctx;
    this.relay = new BlockTree<>(RelayBlock.SHAPE, cfg.relayGenesis());
  }

  @Override
  public void onMessage(int from, Message m) {
    if (m instanceof RelayBlockAnnouncement a && a.block() instanceof RelayBlock block) {
      boolean known = relay.contains(block.hash());
      BlockTree.ImportOutcome<RelayBlock> out = relay.add(block);
      if (!known && out.imported().isEmpty()) {
        ctx.send(from, new io.parapipe.protocol.wire.BlockRequest(block.parentHash()));
      }
      pendingRelayParents.addAll(out.activated());
      pump();
    } else if (m instanceof ParaBlockAnnouncement a && a.block() instanceof ParaBlock b) {
      if (!paraStates.containsKey(b.hash())) {
        long micros = executionMicros(b.refTime());
        ctx.schedule(micros, new ImportDone(b));
      }
    } else if (m instanceof CollationFetchRequest r) {
      ParaBlock b = collations.get(r.candidateHash());
      if (b != null) {
        ctx.send(from, new CollationFetchResponse(b.candidate(), b.validationData(), b.pov()));
      }
    }
  }

  @Override
  public void onTimer(Timer t) {
    if (t instanceof BuildDone d) {
      finishBuild(d);
    } else if (t instanceof ImportDone d) {
      importParaBlock(d.block());
    }
  }

  // ---- building ----

  private void pump() {
    while (!building && round == null && !pendingRelayParents.isEmpty()) {
      RelayBlock r = pendingRelayParents.pollFirst();
      CollatorSettings s = cfg.schedule().at(r.number()).settings();
      if (s.kind() == CollatorKind.LOOKAHEAD) {
        startLookahead(r, s);
      } else {
        startBasic(r);
      }
    }
  }

  private void startLookahead(RelayBlock r, CollatorSettings s) {
    RuntimeApi api = r.state().api();
    LookaheadCollator.Params params = LookaheadCollator.Params.defaults(para, cfg.relaySlotDurationMs())
        .withMaxPovPercentage(OptionalInt.of(s.maxPovPercentage()))
        .withSchedulingLookahead(api.hostConfiguration().schedulerParams().lookahead())
        .withParentSearch(s.parentSearch())
        .withUnknownPendingPolicy(UnknownPendingPolicy.RETURN_EMPTY);
    LookaheadCollator.Decision d = LookaheadCollator.onRelayBlock(params, info(r), api.claimQueue(),
        paraTree, relayView);
    if (d instanceof LookaheadCollator.Round rd) {
      round = rd;
      continueRound(r);
    }
  }

  private void continueRound(RelayBlock r) {
    ParachainState parent = paraStates.get(round.parentHeader().hash());
    Optional<BuildOrder> order = parent == null ? Optional.empty()
        : round.nextBuild(parent, idx -> idx == cfg.authorityIndex());
    if (order.isEmpty() || !startBuild(order.get(), parent, r)) {
      round = null;
    }
  }

  private void startBasic(RelayBlock r) {
    RuntimeApi api = r.state().api();
    Optional<CoreIndex> core = basicCore(api);
    if (core.isEmpty()) {
      return;
    }
    Optional<PersistedValidationData> pvd =
        api.persistedValidationData(para, OccupiedCoreAssumption.INCLUDED);
    if (pvd.isEmpty()) {
      return;
    }
    ParachainState parent = paraStates.get(pvd.get().parentHead().hash());
    if (parent == null) {
      return; // the head to build on is not imported here (yet)
    }
    Optional<SlotClaim> claim = BasicCollator.claimSlot(info(r), cfg.relaySlotDurationMs(), parent,
        idx -> idx == cfg.authorityIndex());
    if (claim.isEmpty()) {
      return;
    }
    CollatorSettings s = cfg.schedule().at(r.number()).settings();
    if (s.oncePerSlot() && slotGuard.shouldSkip(claim.get().paraSlot(), r.number())) {
      return;
    }
    BuildOrder order = new BuildOrder(claim.get(), pvd.get(),
        BasicCollator.allowedPovSize(pvd.get().maxPovSize()), core.get(), info(r));
    if (startBuild(order, parent, r)) {
      slotGuard = slotGuard.processed(claim.get().paraSlot(), r.number());
    }
  }

  /**
   * The core a relay-chain-driven collation request is issued for: a core scheduled for the para,
   * or, with async backing enabled, an occupied core whose claim queue front is the para
   * (collation-generation's rule).
   */
  private Optional<CoreIndex> basicCore(RuntimeApi api) {
    boolean asyncBacking = api.asyncBackingParams().maxCandidateDepth() >= 1;
    var claimQueue = api.claimQueue();
    for (CoreState c : api.availabilityCores()) {
      if (c instanceof CoreState.Scheduled s && s.paraId().equals(para)) {
        return Optional.of(s.core());
      }
      if (c instanceof CoreState.Occupied o && asyncBacking) {
        List<ParaId> q = claimQueue.get(o.core());
        if (q != null && !q.isEmpty() && q.get(0).equals(para)) {
          return Optional.of(o.core());
        }
      }
    }
    return Optional.empty();
  }

  /** Executes the block now; the result becomes visible when authoring time has passed. */
  private boolean startBuild(BuildOrder order, ParachainState parent, RelayBlock r) {
    CollatorSchedule.Change change = cfg.schedule().at(r.number());
    ParachainRuntimeConfig runtimeNow = parent.config();
    long budgetRefTime = (long) (change.settings().authoringDurationMicros() * cfg.speed()
        * Weight.REF_TIME_PER_MICROS);
    long maxRefTime = Math.min(runtimeNow.maximumBlockRefTime(), budgetRefTime);
    Weight txs = transactions.fill(maxRefTime, order.allowedPovSize() - BASE_POV_BYTES,
        ctx.now() - paraAuthoredAt.getOrDefault(parent.headHash(), 0L));
    long refTime = txs.refTime();
    int povSize = (int) Math.min(Integer.MAX_VALUE, BASE_POV_BYTES + txs.proofSize());

    RuntimeApi api = r.state().api();
    RelayChainStateProof proof = RelayChainStateProof.of(r.state().stateRoot(),
        api.paraHead(para), r.state().babeSlot());
    BlockInputs inputs = order.toInputs(proof).withConsumedWeight(new Weight(refTime, povSize));
    if (!runtimeNow.equals(change.runtime())) {
      inputs = inputs.withRuntimeUpgrade(change.runtime());
    }
    BlockOutcome outcome = ParachainRuntime.executeBlock(parent, inputs);
    if (outcome instanceof RuntimePanic p) {
      ctx.emit(new RuntimePanicEvent(para, parent.blockNumber() + 1, p.message()));
      return false;
    }
    ParachainState state = ((BuiltBlock) outcome).state();
    long authoringMicros = Math.max(1, Math.round(refTime / cfg.speed() / Weight.REF_TIME_PER_MICROS));
    building = true;
    ctx.schedule(authoringMicros,
        new BuildDone(order, state, refTime, povSize, ctx.now(), authoringMicros, r));
    return true;
  }

  private void finishBuild(BuildDone d) {
    building = false;
    ParachainState state = d.state();
    RelayBlock r = d.relayParent();
    RuntimeApi api = r.state().api();
    BuildOrder order = d.order();
    Hash povHash = new ScaleWriter().fixedBytes(state.headHash().toByteArray()).u32(d.povSize())
        .blake2b256();
    PoV pov = new PoV(povHash, d.povSize(), d.refTime());
    Hash erasureRoot = new ScaleWriter().fixedBytes(povHash.toByteArray())
        .u32(r.state().validators().size()).blake2b256();
    CandidateDescriptor descriptor = new CandidateDescriptor(para, r.hash(), order.coreIndex(),
        r.state().session(), order.validationData().hash(), povHash, erasureRoot,
        state.headHash(), api.validationCodeHash(para).orElse(Hash.ZERO));
    CommittedCandidateReceipt candidate = new CommittedCandidateReceipt(descriptor, state.commitments());
    ParaBlock block = new ParaBlock(state, d.refTime(), pov, candidate, order.validationData(),
        order.coreIndex(), r.number(), ctx.self(), d.startedMicros(), d.authoringMicros());
    importParaBlock(block);
    ctx.broadcast(Topic.paraNetwork(para), new ParaBlockAnnouncement(block));
    collations.put(candidate.hash(), block);
    ctx.emit(new ParaBlockAuthored(para, state.blockNumber(), state.headHash(),
        state.header().parentHash(), r.number(), r.hash(), candidate.hash(), d.refTime(),
        d.povSize(), d.authoringMicros(), state.currentSlot(), state.unincludedSegment().size(),
        cfg.schedule().at(r.number()).settings().kind().name().toLowerCase(java.util.Locale.ROOT)));
    advertise(api, order.coreIndex(), r.hash(), candidate.hash(), state.header().parentHash());
    if (round != null) {
      round = round.afterBuilt(state.header());
      continueRound(r);
    }
    pump();
  }

  /** Advertises the collation to every member of the backing group of its core at the relay parent. */
  private void advertise(RuntimeApi api, CoreIndex core, Hash relayParent, Hash candidate,
      Hash parentHead) {
    ValidatorGroupsView groups = api.validatorGroups();
    int cores = groups.groups().size();
    if (cores == 0) {
      return;
    }
    GroupIndex g = groups.rotationInfo().groupForCore(core, cores);
    for (ValidatorIndex v : groups.groups().get(g.value())) {
      int authority = api.validators().get(v.value()).authority();
      int node = cfg.validatorNodes().get(authority);
      ctx.send(node, new AdvertiseCollation(para, relayParent, candidate, parentHead));
      ctx.emit(new CollationAdvertised(para, candidate, relayParent, node));
    }
  }

  // ---- the para block tree ----

  private long executionMicros(long refTime) {
    return Math.max(1, Math.round(refTime * cfg.executionFraction() / cfg.speed()
        / Weight.REF_TIME_PER_MICROS));
  }

  private void importParaBlock(ParaBlock b) {
    if (paraStates.containsKey(b.hash())) {
      return;
    }
    if (!paraStates.containsKey(b.parentHash())) {
      waitingForParent.computeIfAbsent(b.parentHash(), k -> new ArrayList<>()).add(b);
      return;
    }
    paraStates.put(b.hash(), b.state());
    paraAuthoredAt.put(b.hash(), b.authoringStartedMicros() + b.authoringMicros());
    paraChildren.computeIfAbsent(b.parentHash(), k -> new ArrayList<>()).add(b.hash());
    List<ParaBlock> waiting = waitingForParent.remove(b.hash());
    if (waiting != null) {
      waiting.forEach(this::importParaBlock);
    }
  }

  private final ParaBlockTree paraTree = new ParaBlockTree() {
    @Override
    public Optional<ParaBlockHeader> header(Hash hash) {
      ParachainState s = paraStates.get(hash);
      return s == null ? Optional.empty() : Optional.of(s.header());
    }

    @Override
    public List<Hash> children(Hash hash) {
      return paraChildren.getOrDefault(hash, List.of());
    }
  };

  private final RelayChainView relayView = new RelayChainView() {
    @Override
    public Optional<RelayBlockInfo> header(Hash hash) {
      return relay.get(hash).map(CollatorNode::info);
    }

    @Override
    public SessionIndex sessionIndexForChild(Hash hash) {
      return relay.get(hash).map(b -> b.state().api().sessionIndexForChild())
          .orElseThrow(() -> new IllegalArgumentException("unknown relay block " + hash));
    }

    @Override
    public Optional<PersistedValidationData> validationDataAssumingTimedOut(Hash rp, ParaId p) {
      return relay.get(rp).flatMap(b -> b.state().api()
          .persistedValidationData(p, OccupiedCoreAssumption.TIMED_OUT));
    }

    @Override
    public Optional<PersistedValidationData> validationDataAssumingIncluded(Hash rp, ParaId p) {
      return relay.get(rp).flatMap(b -> b.state().api()
          .persistedValidationData(p, OccupiedCoreAssumption.INCLUDED));
    }
  };

  private static RelayBlockInfo info(RelayBlock b) {
    return new RelayBlockInfo(b.hash(), b.parentHash(), b.number(), b.state().stateRoot(),
        b.state().babeSlot(), false);
  }
}
