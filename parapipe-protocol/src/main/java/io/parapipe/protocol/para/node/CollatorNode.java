package io.parapipe.protocol.para.node;

import io.parapipe.protocol.events.BackingGroupsConnection;
import io.parapipe.protocol.events.CollationAdvertised;
import io.parapipe.protocol.events.ParaBlockAnnounced;
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
import io.parapipe.protocol.para.collator.slotbased.CoreSelection;
import io.parapipe.protocol.para.collator.slotbased.SlotTimer;
import io.parapipe.protocol.para.runtime.BlockInputs;
import io.parapipe.protocol.para.runtime.BlockOutcome;
import io.parapipe.protocol.para.runtime.BuiltBlock;
import io.parapipe.protocol.para.runtime.ParaBlockHeader;
import io.parapipe.protocol.para.runtime.ParachainRuntime;
import io.parapipe.protocol.para.runtime.ParachainRuntimeConfig;
import io.parapipe.protocol.para.runtime.ParachainState;
import io.parapipe.protocol.para.runtime.RelayChainStateProof;
import io.parapipe.protocol.para.runtime.RuntimePanic;
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
import io.parapipe.protocol.relay.node.chain.BlockImportQueue;
import io.parapipe.protocol.relay.node.chain.BlockSync;
import io.parapipe.protocol.relay.node.chain.BlockTree;
import io.parapipe.protocol.relay.runtime.ParasInherentWeights;
import io.parapipe.protocol.relay.node.chain.RelayBlock;
import io.parapipe.protocol.relay.runtime.CoreState;
import io.parapipe.protocol.relay.runtime.OccupiedCoreAssumption;
import io.parapipe.protocol.relay.runtime.RuntimeApi;
import io.parapipe.protocol.relay.runtime.ValidatorGroupsView;
import io.parapipe.protocol.wire.AdvertiseCollation;
import io.parapipe.protocol.wire.CollationFetchRequest;
import io.parapipe.protocol.wire.CollationFetchResponse;
import io.parapipe.protocol.wire.CollationSeconded;
import io.parapipe.protocol.wire.ParaBlockAnnouncement;
import io.parapipe.protocol.wire.BlockAnnounce;
import io.parapipe.protocol.wire.BlockBodyRequest;
import io.parapipe.protocol.wire.BlockBodyResponse;
import io.parapipe.protocol.wire.BlockRequest;
import io.parapipe.protocol.wire.RelayBlockAnnouncement;
import io.parapipe.protocol.wire.ViewUpdate;
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
 * with the basic, lookahead or slot-based collator, gossips them to the para's other collators,
 * and offers each block as a collation to the backing group of its core (collator protocol,
 * collator side). Building takes the time the proposer spends filling the block with transactions
 * from its {@link TransactionSource}; importing another collator's block takes the time to
 * re-execute it.
 *
 * <p>The basic and lookahead collators act on each imported relay block. The slot-based collator
 * acts on its slot timer instead ({@link SlotBasedBlockBuilder}): each attempt builds one block
 * for the core its selector picks, and its collation task submits it there, through connections
 * opened ahead of its Aura slot ({@link BackingGroupConnections}).
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
      long startedMicros, long authoringMicros, RelayBlock relayParent, SlotBasedOrder slotBased)
      implements Timer {}

  private record ImportDone(ParaBlock block) implements Timer {}

  /** A wake-up of the slot-based collator's slot timer, for an Aura slot. */
  private record SlotAttempt(long auraSlot) implements Timer {}

  /** The core a slot-based block was built for and its selector, carried to the collation task. */
  private record SlotBasedOrder(CoreSelection.Core core) {}

  /**
   * Share of the authoring duration sc-basic-authorship's proposer spends pushing transactions: it
   * keeps a third for evaluation and block finalization
   * ({@code substrate/client/basic-authorship/src/basic_authorship.rs}). Applied to the slot-based
   * collator, whose authoring duration ends at the next production attempt.
   */
  static final double PROPOSER_DEADLINE_SHARE = 2.0 / 3.0;

  private final CollatorConfig cfg;
  private final TransactionSource transactions;
  private final ParaId para;
  private NodeContext ctx;
  private BlockTree<RelayBlock> relay;
  private BlockImportQueue<RelayBlock> relayImports;
  /** Multi-hop relay block propagation over the sync peers; null when blocks are broadcast. */
  private BlockSync<RelayBlock> relaySync;
  private final Map<Hash, ParachainState> paraStates = new HashMap<>();
  private final Map<Hash, Long> paraAuthoredAt = new HashMap<>();
  private final Map<Hash, List<Hash>> paraChildren = new HashMap<>();
  /** Para blocks in import order (a parent before its children), for pruning the oldest. */
  private final ArrayDeque<Hash> paraImportOrder = new ArrayDeque<>();
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
  private Hash bestParaHash;
  private SlotBasedBlockBuilder slotBased;
  private BackingGroupConnections connections;
  /**
   * The basic collator's blocks held back until a validator seconds them (cumulus's
   * {@code WaitToAnnounce}), by candidate hash. A block never seconded is never announced; the
   * oldest entries go, as upstream drops the barrier with its collation.
   */
  private final Map<Hash, ParaBlock> waitingToAnnounce = new LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Hash, ParaBlock> e) {
      return size() > KEPT_COLLATIONS;
    }
  };
  private final Map<Hash, Integer> collationsPerRelayParent = new LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Hash, Integer> e) {
      return size() > KEPT_COLLATIONS;
    }
  };

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
    paraImportOrder.add(genesis.headHash());
    bestParaHash = genesis.headHash();
  }

  @Override
  public void start(NodeContext ctx) {
    this.ctx = ctx;
    this.relay = new BlockTree<>(RelayBlock.SHAPE, cfg.relayGenesis());
    // The collator's relay chain node executes each relay block before it joins the chain.
    this.relayImports = new BlockImportQueue<>(ctx, RelayBlock::hash,
        b -> executionMicros(ParasInherentWeights.blockRefTime(b.body(),
            b.state().validators().size())), this::importRelayBlock);
    if (!cfg.syncPeers().isEmpty()) {
      relaySync = BlockSync.over(ctx, cfg.syncPeers(), RelayBlock.class, relay, relayImports);
    }
    Optional<CollatorSettings> slotBasedSettings = cfg.schedule().changes().stream()
        .map(CollatorSchedule.Change::settings).filter(s -> s.kind() == CollatorKind.SLOT_BASED)
        .findFirst();
    if (slotBasedSettings.isPresent()) {
      slotBased = new SlotBasedBlockBuilder(para, slotBasedSettings.get().slotOffsetMicros() / 1000,
          cfg.relaySlotDurationMs(), idx -> idx == cfg.authorityIndex());
      connections = new BackingGroupConnections(ctx, para);
      scheduleSlotAttempt();
    }
  }

  @Override
  public void onMessage(int from, Message m) {
    if (m instanceof RelayBlockAnnouncement a && a.block() instanceof RelayBlock block) {
      if (!relay.contains(block.hash())) {
        relayImports.submit(block, from);
      }
    } else if (m instanceof BlockAnnounce a) {
      if (relaySync != null) {
        relaySync.onAnnounce(from, a);
      }
    } else if (m instanceof BlockBodyRequest r) {
      if (relaySync != null) {
        ctx.send(from, relaySync.answer(r));
      }
    } else if (m instanceof BlockBodyResponse r) {
      if (relaySync != null) {
        relaySync.onResponse(from, r);
      }
    } else if (m instanceof BlockRequest r) {
      // A sync peer that received a relay block from this node asks for its missing parent.
      relay.get(r.hash()).ifPresent(b -> ctx.send(from, new RelayBlockAnnouncement(b)));
    } else if (m instanceof ParaBlockAnnouncement a && a.block() instanceof ParaBlock b) {
      if (!paraStates.containsKey(b.hash())) {
        long micros = executionMicros(b.refTime());
        ctx.schedule(micros, new ImportDone(b));
      }
    } else if (m instanceof CollationFetchRequest r) {
      ParaBlock b = collations.get(r.candidateHash());
      if (b != null) {
        ctx.send(from, new CollationFetchResponse(b.candidate(), b.validationData(), b.pov(),
            r.deadlineMicros()));
      }
    } else if (m instanceof ViewUpdate && connections != null) {
      connections.onViewUpdate(from);
    } else if (m instanceof CollationSeconded s) {
      ParaBlock b = waitingToAnnounce.remove(s.candidateHash());
      if (b != null) {
        announce(b);
      }
    }
  }

  /** An executed relay block joins the chain; its new leaves are relay parents to build on. */
  private void importRelayBlock(RelayBlock block, int from) {
    boolean known = relay.contains(block.hash());
    BlockTree.ImportOutcome<RelayBlock> out = relay.add(block);
    if (!known && out.imported().isEmpty()) {
      ctx.send(from, new BlockRequest(block.parentHash()));
    }
    if (relaySync != null) {
      for (RelayBlock b : out.imported()) {
        relaySync.announce(b);
      }
    }
    if (out.bestChanged()) {
      // The model's collator does not follow relay finality: it keeps as many blocks below its
      // best relay block as a validator keeps below finality.
      relay.pruneBelow(relay.best().number() - cfg.keptBelowBest());
    }
    pendingRelayParents.addAll(out.activated());
    pump();
  }

  @Override
  public void onTimer(Timer t) {
    if (relayImports.onTimer(t) || (relaySync != null && relaySync.onTimer(t))) {
      return;
    }
    if (t instanceof BuildDone d) {
      finishBuild(d);
    } else if (t instanceof ImportDone d) {
      importParaBlock(d.block());
    } else if (t instanceof SlotAttempt a) {
      slotAttempt(a.auraSlot());
    }
  }

  // ---- building ----

  private void pump() {
    while (!building && round == null && !pendingRelayParents.isEmpty()) {
      RelayBlock r = pendingRelayParents.pollFirst();
      CollatorSettings s = cfg.schedule().at(r.number()).settings();
      if (s.kind() == CollatorKind.LOOKAHEAD) {
        startLookahead(r, s);
      } else if (s.kind() == CollatorKind.BASIC) {
        startBasic(r);
      }
    }
  }

  private void startLookahead(RelayBlock r, CollatorSettings s) {
    RuntimeApi api = r.state().api();
    LookaheadCollator.Params params = LookaheadCollator.Params.defaults(para, cfg.relaySlotDurationMs())
        .withMaxPovPercentage(OptionalInt.of(s.maxPovPercentage()))
        .withSchedulingLookahead(api.hostConfiguration().schedulerParams().lookahead())
        .withAncestryLookback(api.asyncBackingParams().allowedAncestryLen())
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
    if (order.isEmpty() || !startBuild(order.get(), parent, r, authoringBudgetMicros(r), null)) {
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
    if (startBuild(order, parent, r, authoringBudgetMicros(r), null)) {
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

  private long authoringBudgetMicros(RelayBlock r) {
    return cfg.schedule().at(r.number()).settings().authoringDurationMicros();
  }

  /**
   * Executes the block now; the result becomes visible when authoring time has passed.
   *
   * @param budgetMicros how long the proposer may fill the block with transactions
   * @param slotBasedOrder the slot-based collator's core, whose {@code CoreInfo} pre-digest the
   *     block carries; null for the other collators
   */
  private boolean startBuild(BuildOrder order, ParachainState parent, RelayBlock r, long budgetMicros,
      SlotBasedOrder slotBasedOrder) {
    CollatorSchedule.Change change = cfg.schedule().at(r.number());
    ParachainRuntimeConfig runtimeNow = parent.config();
    long budgetRefTime = (long) (budgetMicros * cfg.speed() * Weight.REF_TIME_PER_MICROS);
    long maxRefTime = Math.min(runtimeNow.maximumBlockRefTime(), budgetRefTime);
    Weight txs = transactions.fill(maxRefTime, order.allowedPovSize() - BASE_POV_BYTES,
        ctx.now() - paraAuthoredAt.getOrDefault(parent.headHash(), 0L));
    long refTime = txs.refTime();
    int povSize = (int) Math.min(Integer.MAX_VALUE, BASE_POV_BYTES + txs.proofSize());

    RuntimeApi api = r.state().api();
    RelayChainStateProof proof = RelayChainStateProof.of(r.state().stateRoot(),
        api.paraHead(para), r.state().babeSlot());
    BlockInputs inputs = order.toInputs(proof).withConsumedWeight(new Weight(refTime, povSize));
    if (slotBasedOrder != null) {
      inputs = inputs.withCoreInfo(slotBasedOrder.core().coreInfo());
    }
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
        new BuildDone(order, state, refTime, povSize, ctx.now(), authoringMicros, r, slotBasedOrder));
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
    PoV pov = switch (cfg.misbehaviour()) {
      case INVALID_POV -> new PoV(povHash, d.povSize(), d.refTime(), state.commitments().hash(), false);
      // A PoV past the limit of its validation data, as a collator ignoring max_pov_size sends.
      case OVERSIZED_POV -> new PoV(povHash, order.validationData().maxPovSize() + BASE_POV_BYTES,
          d.refTime(), state.commitments().hash());
      default -> new PoV(povHash, d.povSize(), d.refTime(), state.commitments().hash());
    };
    Hash erasureRoot = new ScaleWriter().fixedBytes(povHash.toByteArray())
        .u32(r.state().validators().size()).blake2b256();
    CollationBuilder.Collation collation = CollationBuilder.build(cfg.misbehaviour(), para, r.hash(),
        order.coreIndex(), d.slotBased() == null ? null : d.slotBased().core(), api,
        order.validationData().hash(), povHash, erasureRoot, state, cfg.authorityIndex());
    CommittedCandidateReceipt candidate = collation.receipt();
    CoreIndex core = collation.core();
    ParaBlock block = new ParaBlock(state, d.refTime(), pov, candidate, order.validationData(),
        core, r.number(), ctx.self(), d.startedMicros(), d.authoringMicros());
    importParaBlock(block);
    // Upstream's basic collator announces its block to the para's other nodes only once a
    // validator seconded it (announce_with_barrier, cumulus/client/consensus/aura/src/collators/
    // basic.rs, and WaitToAnnounce in cumulus/client/network/src/lib.rs); the lookahead
    // (lookahead.rs) and slot-based (slot_based/block_builder_task.rs) collators announce it at
    // once with announce_block, as the next author needs it to build on.
    if (cfg.schedule().at(r.number()).settings().kind() == CollatorKind.BASIC) {
      waitingToAnnounce.put(candidate.hash(), block);
    } else {
      announce(block);
    }
    collations.put(candidate.hash(), block);
    ctx.emit(new ParaBlockAuthored(para, state.blockNumber(), state.headHash(),
        state.header().parentHash(), r.number(), r.hash(), candidate.hash(), d.refTime(),
        d.povSize(), d.authoringMicros(), state.currentSlot(), state.unincludedSegment().size(),
        cfg.schedule().at(r.number()).settings().kind().key()));
    if (d.slotBased() != null) {
      slotBased.built(r.hash(), d.slotBased().core().selector());
      submitCollation(api, core, r.hash(), candidate.hash(), state.header().parentHash());
      scheduleSlotAttempt();
      return;
    }
    advertise(api, core, r.hash(), candidate.hash(), state.header().parentHash());
    if (round != null) {
      round = round.afterBuilt(state.header());
      continueRound(r);
    }
    pump();
  }

  /** Gossips a block this collator built to the para's other collators. */
  private void announce(ParaBlock b) {
    ctx.broadcast(Topic.paraNetwork(para), new ParaBlockAnnouncement(b));
    ctx.emit(new ParaBlockAnnounced(para, b.hash(), b.candidate().hash()));
  }

  // ---- the slot-based collator: block-builder and collation tasks ----

  private long nowMs() {
    return cfg.timeOriginMs() + ctx.now() / 1000;
  }

  private ParachainState bestPara() {
    return paraStates.get(bestParaHash);
  }

  /** {@code wait_until_next_slot}: the next wake-up of the slot timer. */
  private void scheduleSlotAttempt() {
    SlotTimer.Tick t = slotBased.nextAttempt(bestPara().config().auraSlotDurationMs(), nowMs());
    ctx.schedule(t.sleepMs() * 1000, new SlotAttempt(t.slot()));
  }

  private void slotAttempt(long auraSlot) {
    RelayBlock best = relay.best();
    CollatorSettings s = cfg.schedule().at(best.number()).settings();
    if (s.kind() != CollatorKind.SLOT_BASED) {
      scheduleSlotAttempt();
      return;
    }
    switch (slotBased.preConnect(auraSlot, bestPara().authoritiesCount())) {
      case CONNECT -> {
        List<Integer> nodes = backingGroupNodes(best.state().api());
        connections.connect(nodes);
        ctx.emit(new BackingGroupsConnection(para, true, nodes.size()));
      }
      case DISCONNECT -> {
        connections.disconnectAll();
        ctx.emit(new BackingGroupsConnection(para, false, 0));
      }
      default -> { }
    }
    SlotBasedBlockBuilder.Attempt a = slotBased.attempt(nowMs(), best, relay::get, relayView, paraTree,
        paraStates::get, bestPara(), s);
    if (a instanceof SlotBasedBlockBuilder.Build b) {
      long budget = Math.round(b.authoringMicros() * PROPOSER_DEADLINE_SHARE);
      if (startBuild(b.order(), b.parent(), b.relayParent(), budget, new SlotBasedOrder(b.core()))) {
        return;
      }
    }
    scheduleSlotAttempt();
  }

  /**
   * The validators of the backing groups of the para's cores in the claim queue at {@code api}'s
   * block, at every depth, in core order ({@code ConnectToBackingGroups}).
   */
  private List<Integer> backingGroupNodes(RuntimeApi api) {
    ValidatorGroupsView groups = api.validatorGroups();
    int cores = groups.groups().size();
    java.util.TreeSet<CoreIndex> paraCores = new java.util.TreeSet<>();
    api.claimQueue().forEach((core, paras) -> {
      if (paras.contains(para)) {
        paraCores.add(core);
      }
    });
    List<Integer> nodes = new ArrayList<>();
    for (CoreIndex c : paraCores) {
      if (cores == 0) {
        break;
      }
      GroupIndex g = groups.rotationInfo().groupForCore(c, cores);
      for (ValidatorIndex v : groups.groups().get(g.value())) {
        int node = cfg.validatorNodes().get(api.validators().get(v.value()).authority());
        if (!nodes.contains(node)) {
          nodes.add(node);
        }
      }
    }
    return nodes;
  }

  /**
   * The collation task: submits the collation on its core ({@code SubmitCollation}), within the
   * collator side's limit of {@code max_candidate_depth + 1} collations per relay parent, to the
   * backing group of the core through the connections.
   */
  private void submitCollation(RuntimeApi api, CoreIndex core, Hash relayParent, Hash candidate,
      Hash parentHead) {
    int limit = api.asyncBackingParams().maxCandidateDepth() + 1;
    int distributed = collationsPerRelayParent.getOrDefault(relayParent, 0);
    if (distributed >= limit) {
      return; // "The limit of {} collations per relay parent is already reached"
    }
    collationsPerRelayParent.put(relayParent, distributed + 1);
    ValidatorGroupsView groups = api.validatorGroups();
    int cores = groups.groups().size();
    if (cores == 0) {
      return;
    }
    GroupIndex g = groups.rotationInfo().groupForCore(core, cores);
    for (ValidatorIndex v : groups.groups().get(g.value())) {
      int node = cfg.validatorNodes().get(api.validators().get(v.value()).authority());
      connections.advertise(node, new AdvertiseCollation(para, relayParent, candidate, parentHead));
    }
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
    if (b.state().blockNumber() > paraStates.get(bestParaHash).blockNumber()) {
      bestParaHash = b.hash();
    }
    paraAuthoredAt.put(b.hash(), b.authoringStartedMicros() + b.authoringMicros());
    paraChildren.computeIfAbsent(b.parentHash(), k -> new ArrayList<>()).add(b.hash());
    paraImportOrder.add(b.hash());
    pruneParaBlocks();
    List<ParaBlock> waiting = waitingForParent.remove(b.hash());
    if (waiting != null) {
      waiting.forEach(this::importParaBlock);
    }
  }

  /**
   * Forgets para blocks more than {@link CollatorConfig#keptBelowBest()} below the best one, as a
   * Cumulus node prunes old state: what the collator builds on and searches lies a few blocks
   * above the included head.
   */
  private void pruneParaBlocks() {
    long below = paraStates.get(bestParaHash).blockNumber() - cfg.keptBelowBest();
    boolean pruned = false;
    while (!paraImportOrder.isEmpty()
        && paraStates.get(paraImportOrder.peekFirst()).blockNumber() < below) {
      Hash h = paraImportOrder.pollFirst();
      paraStates.remove(h);
      paraAuthoredAt.remove(h);
      paraChildren.remove(h);
      pruned = true;
    }
    if (pruned && !waitingForParent.isEmpty()) {
      // A block still waiting for a parent this old could never be built on.
      waitingForParent.values().removeIf(w -> w.get(0).state().blockNumber() <= below);
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

  /** The relay blocks this collator's relay block tree holds (for tests and memory figures). */
  public int relayBlockCount() {
    return relay.size();
  }

  /** The para blocks this collator holds a state for (for tests and memory figures). */
  public int paraBlockCount() {
    return paraStates.size();
  }
}
