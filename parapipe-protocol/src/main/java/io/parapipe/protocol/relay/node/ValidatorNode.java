package io.parapipe.protocol.relay.node;

import io.parapipe.protocol.events.BlockFinalized;
import io.parapipe.protocol.events.CandidateBackedEvent;
import io.parapipe.protocol.events.CandidateIncludedEvent;
import io.parapipe.protocol.events.CandidateTimedOutEvent;
import io.parapipe.protocol.events.RelayBlockAuthored;
import io.parapipe.protocol.events.RelayBlockImported;
import io.parapipe.protocol.events.UpgradeApplied;
import io.parapipe.protocol.host.Message;
import io.parapipe.protocol.host.Node;
import io.parapipe.protocol.host.NodeContext;
import io.parapipe.protocol.host.PostSink;
import io.parapipe.protocol.host.Timer;
import io.parapipe.protocol.host.Topic;
import io.parapipe.protocol.primitives.AsyncBackingParams;
import io.parapipe.protocol.primitives.BackingState;
import io.parapipe.protocol.primitives.BitVec;
import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.ExecutorParams;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.primitives.PoV;
import io.parapipe.protocol.primitives.SessionIndex;
import io.parapipe.protocol.primitives.Statement;
import io.parapipe.protocol.relay.node.approval.ApprovalDistribution;
import io.parapipe.protocol.relay.node.approval.ApprovalVoting;
import io.parapipe.protocol.relay.node.authoring.BlockAuthorship;
import io.parapipe.protocol.relay.node.availability.AvailabilityDistribution;
import io.parapipe.protocol.relay.node.availability.AvailabilityRecovery;
import io.parapipe.protocol.relay.node.availability.AvailabilityStore;
import io.parapipe.protocol.relay.node.availability.BitfieldSigning;
import io.parapipe.protocol.relay.node.backing.CandidateBacking;
import io.parapipe.protocol.relay.node.backing.TableContext;
import io.parapipe.protocol.relay.node.backing.PovFetcher;
import io.parapipe.protocol.relay.node.backing.StatementSharing;
import io.parapipe.protocol.relay.node.backing.StatementTable;
import io.parapipe.protocol.relay.node.chain.BlockImportQueue;
import io.parapipe.protocol.relay.node.chain.BlockSync;
import io.parapipe.protocol.relay.node.chain.BlockTree;
import io.parapipe.protocol.relay.node.chain.RelayBlock;
import io.parapipe.protocol.relay.node.collation.CollatorProtocolValidator;
import io.parapipe.protocol.relay.node.finality.GrandpaGossip;
import io.parapipe.protocol.relay.node.finality.GrandpaVoter;
import io.parapipe.protocol.relay.node.implicitview.BlockHeader;
import io.parapipe.protocol.relay.node.implicitview.HeaderSource;
import io.parapipe.protocol.relay.node.implicitview.ImplicitView;
import io.parapipe.protocol.relay.node.network.ValidatorDirectory;
import io.parapipe.protocol.relay.node.prospective.ProspectiveParachains;
import io.parapipe.protocol.relay.node.prospective.ProspectiveRuntime;
import io.parapipe.protocol.relay.node.prospective.RelayChainBlockInfo;
import io.parapipe.protocol.relay.node.provisioner.Provisioner;
import io.parapipe.protocol.relay.node.statements.StatementDistribution;
import io.parapipe.protocol.relay.node.validation.PvfExecutionQueue;
import io.parapipe.protocol.relay.runtime.BlockExecution;
import io.parapipe.protocol.relay.runtime.BlockInputs;
import io.parapipe.protocol.relay.runtime.ParasInherentData;
import io.parapipe.protocol.relay.runtime.RelayRuntime;
import io.parapipe.protocol.relay.runtime.RelayRuntimeState;
import io.parapipe.protocol.relay.runtime.configuration.ConfigUpdate;
import io.parapipe.protocol.relay.runtime.inclusion.CandidateEvent;
import io.parapipe.protocol.relay.runtime.ParasInherentWeights;
import io.parapipe.protocol.relay.runtime.shared.ValidatorId;
import io.parapipe.protocol.wire.AdvertiseCollation;
import io.parapipe.protocol.wire.ApprovalsMessage;
import io.parapipe.protocol.wire.ApprovalsResend;
import io.parapipe.protocol.wire.AvailableDataRequest;
import io.parapipe.protocol.wire.AvailableDataResponse;
import io.parapipe.protocol.wire.BackedCandidateManifest;
import io.parapipe.protocol.wire.BitfieldGossip;
import io.parapipe.protocol.wire.BlockAnnounce;
import io.parapipe.protocol.wire.BlockBodyRequest;
import io.parapipe.protocol.wire.BlockBodyResponse;
import io.parapipe.protocol.wire.BlockRequest;
import io.parapipe.protocol.wire.ChunkFetchRequest;
import io.parapipe.protocol.wire.ChunkFetchResponse;
import io.parapipe.protocol.wire.CollationFetchResponse;
import io.parapipe.protocol.wire.Declare;
import io.parapipe.protocol.wire.GrandpaMessage;
import io.parapipe.protocol.wire.PoVFetchRequest;
import io.parapipe.protocol.wire.PoVFetchResponse;
import io.parapipe.protocol.wire.RelayBlockAnnouncement;
import io.parapipe.protocol.wire.StatementMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.SortedMap;

/**
 * A relay-chain validator: a router over upstream's subsystems plus their wiring. It authors
 * blocks in its slots, imports everyone's blocks and keeps the view (active leaves and the
 * implicit view), and dispatches messages and timers to the subsystem that owns them:
 *
 * <ul>
 *   <li>{@link ProspectiveParachains} (prospective-parachains),
 *   <li>{@link CollatorProtocolValidator} (collator-protocol, validator side),
 *   <li>{@link CandidateBacking} with its {@link StatementTable} and {@link PovFetcher}
 *       (candidate-backing),
 *   <li>{@link StatementDistribution} (statement-distribution),
 *   <li>{@link AvailabilityDistribution}, {@link AvailabilityStore}, {@link BitfieldSigning}
 *       and {@link AvailabilityRecovery},
 *   <li>{@link Provisioner}, {@link PvfExecutionQueue} (candidate-validation),
 *   <li>{@link ApprovalVoting} and {@link ApprovalDistribution},
 *   <li>{@link GrandpaVoter} and {@link GrandpaGossip}.
 * </ul>
 *
 * Subsystems call each other directly where upstream's overseer would carry a message.
 */
public final class ValidatorNode implements Node {
  /** How far below the finalized block availability data is kept. */
  private static final int AVAILABILITY_KEEP_BLOCKS = 20;

  private record SlotTick(long slot) implements Timer {}

  /**
   * How long a gossiped bitfield is worth reading: it serves the author of a child of its leaf,
   * which comes a slot later, or a few slots later after missed slots and forks.
   */
  private static final long BITFIELD_LIFETIME_SLOTS = 4;

  /**
   * How long a backed-candidate manifest is worth reading: its relay parent stays an allowed
   * relay parent for {@code allowed_ancestry_len} (at most a few) blocks; forks and missed slots
   * stretch that in time.
   */
  private static final long MANIFEST_LIFETIME_SLOTS = 8;

  /** {@code backedParas} of recent blocks; lookups only, the eldest dropped past 16. */
  private final Map<Hash, Set<ParaId>> backedParasByBlock = new LinkedHashMap<>(32, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Hash, Set<ParaId>> eldest) {
      return size() > 16;
    }
  };

  /** The paras of this validator's group at the last leaf it activated. */
  private Set<ParaId> lastBackedParas = Set.of();

  /** The proposer finished executing the block it builds in {@code slot}. */
  private record Proposed(RelayBlock block, long slot, String description) implements Timer {}

  /** The provisioner is ready to answer for {@code parent}, which the slot's proposer waits on. */
  private record InherentReady(long slot, RelayBlock parent, boolean primary) implements Timer {}

  /**
   * The provisioner answers a request for inherent data on a leaf only this long after the leaf
   * was activated, so that the bitfields signed for it have been gossiped ({@code
   * PRE_PROPOSE_TIMEOUT}, polkadot/node/core/provisioner/src/lib.rs). The requester, BABE's
   * parachains inherent data provider, gives up after {@code PROVISIONER_TIMEOUT} (2.5 s,
   * polkadot/node/core/parachains-inherent/src/lib.rs) and proposes an empty inherent; the
   * parent is always activated before its child's slot claims it, so the 2 s wait ends first.
   */
  static final long PRE_PROPOSE_TIMEOUT_MICROS = 2_000_000;

  /** How many leaves' activation times are kept (the proposer only asks about its best block). */
  private static final int KEPT_ACTIVATIONS = 64;

  private record ApprovalTag(Hash block, Hash candidate) {}

  /** Enough relayed approvals may have arrived to approve another block (threshold gossip). */
  private record ApprovalsArrived() implements Timer {}

  private static final ApprovalsArrived APPROVALS_ARRIVED = new ApprovalsArrived();

  /** Hands approval distribution the relayed approvals taken from the board. */
  private final PostSink approvalSink = (from, at, m) ->
      this.approvalDistribution.onApprovals((ApprovalsMessage) m);

  private final ValidatorConfig cfg;
  private NodeContext ctx;
  private BlockTree<RelayBlock> tree;
  private ValidatorDirectory directory;
  private ProspectiveParachains prospective;
  private final ImplicitView implicitView = new ImplicitView();
  private PvfExecutionQueue pvf;
  private final AvailabilityStore store = new AvailabilityStore();
  private AvailabilityDistribution availability;
  private AvailabilityRecovery recovery;
  private BitfieldSigning bitfieldSigning;
  private final Provisioner provisioner = new Provisioner();
  private CandidateBacking backing;
  private PovFetcher povFetcher;
  private StatementDistribution statements;
  private CollatorProtocolValidator collation;
  private ApprovalVoting approvals;
  private ApprovalDistribution approvalDistribution;
  private GrandpaVoter<RelayBlock> grandpa;
  private GrandpaGossip grandpaGossip;
  private BlockAuthorship authorship;
  private BlockImportQueue<RelayBlock> importQueue;
  /** Multi-hop propagation over the sync peers; null when blocks are broadcast to every node. */
  private BlockSync<RelayBlock> sync;
  /** When each recent leaf was activated on this node (the provisioner's readiness clock). */
  private final Map<Hash, Long> activatedAt = new LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Hash, Long> e) {
      return size() > KEPT_ACTIVATIONS;
    }
  };
  /** The number of validators at the best block, read only where a chunk size needs it. */
  private final IntSupplier bestValidatorCount =
      () -> tree.best().state().validators().size();

  /** A validator with the given configuration. */
  public ValidatorNode(ValidatorConfig cfg) {
    this.cfg = cfg;
  }

  @Override
  public void start(NodeContext ctx) {
    this.ctx = ctx;
    store.publishTo(new AvailabilityStore.Offers() {
      @Override
      public void offer(Hash candidate, int index, int size, PoV data) {
        ctx.offer(candidate, index, size, data);
      }

      @Override
      public void withdraw(Hash candidate) {
        ctx.withdraw(candidate);
      }
    });
    RelayBlock genesis = cfg.genesis();
    tree = new BlockTree<>(RelayBlock.SHAPE, genesis);
    directory = new ValidatorDirectory(cfg.authorityNodes(), cfg.authority());
    prospective = new ProspectiveParachains(runtimePort, cfg.prospectiveChains(),
        cfg.sharedChainBases());
    pvf = new PvfExecutionQueue(ctx, cfg.pvfWorkers(), cfg.speed(), cfg.executionFraction(),
        (job, valid, micros) -> onExecuted(job, valid));
    pvf.enablePreparation(cfg.pvfPrepareMicros(),
        cfg.pvfArtifactKey().of(genesis.state().activeConfig().executorParams()));
    availability = new AvailabilityDistribution(ctx, directory, store);
    recovery = new AvailabilityRecovery(ctx, directory, store, recoveryListener);
    bitfieldSigning = new BitfieldSigning(ctx, directory, store, cfg.bitfieldSigningDelayMicros(),
        tree::contains, s -> {
          provisioner.addBitfield(s.leaf(), s.bitfield());
          // Only a block author reads bitfields, when it proposes: posted gossip, read then.
          ctx.post(Topic.VALIDATORS, new BitfieldGossip(s.leaf(), s.bitfield()),
              BITFIELD_LIFETIME_SLOTS * cfg.slotDurationMicros());
        });
    backing = new CandidateBacking(ctx, directory, prospective, implicitView, pvf, store,
        cfg.pvfArtifactKey(), (rp, c, ok) -> collation.onSecondingOutcome(rp, c, ok),
        statementSharing);
    povFetcher = backing.povFetcher();
    statements = new StatementDistribution(ctx, directory, backing,
        MANIFEST_LIFETIME_SLOTS * cfg.slotDurationMicros());
    collation = new CollatorProtocolValidator(ctx, backing, rp -> tree.get(rp)
        .map(b -> b.state().api().asyncBackingParams().maxCandidateDepth() + 1).orElse(1));
    int n = cfg.authorityNodes().size();
    var genesisConfig = genesis.state().activeConfig();
    approvalDistribution = new ApprovalDistribution(ctx, cfg.authority(), tree::contains,
        cfg.authorityNodes(), cfg.approvalRandomRouting());
    approvals = new ApprovalVoting(ctx, cfg.authority(), n, genesisConfig.neededApprovals(),
        genesisConfig.noShowSlots() * cfg.slotDurationMicros(), cfg.epochRandomness(),
        genesis.hash(), cfg.noShowCover(), approvalActions);
    approvalDistribution.connect(approvals);
    grandpaGossip = new GrandpaGossip(ctx, a -> cfg.authorityNodes().get(a), m -> grandpa.onMessage(m));
    grandpa = new GrandpaVoter<>(ctx, cfg.authority(), n, cfg.finalityRoundIntervalMicros(), tree,
        RelayBlock.SHAPE, approvals::isApproved, b -> b.state().session().value(), grandpaActions);
    authorship = new BlockAuthorship(cfg.epochRandomness(), n, cfg.primaryProbability(),
        cfg.secondarySlots(), cfg.missedSlotProbability(), cfg.forkProbability());
    importQueue = new BlockImportQueue<>(ctx, RelayBlock::hash, this::executionMicros,
        (block, from) -> {
          if (!importBlock(block)) {
            ctx.send(from, new BlockRequest(block.parentHash()));
          }
        });
    if (!cfg.syncPeers().isEmpty()) {
      sync = BlockSync.over(ctx, cfg.syncPeers(), RelayBlock.class, tree, importQueue);
    }
    scheduleNextSlot();
  }

  /**
   * Schedules the tick of the next slot to start. Slot {@code firstSlot + k - 1} starts at
   * {@code k} slot durations; a node started late (a restart) or ticked late (a resumed node)
   * joins the slot the clock says, as BABE's slot worker does (sc-consensus-slots derives the slot
   * from the time, it does not count ticks).
   */
  private void scheduleNextSlot() {
    long d = cfg.slotDurationMicros();
    long k = Math.max(1, ctx.now() / d + 1);
    ctx.schedule(k * d - ctx.now(), new SlotTick(cfg.firstSlot() + k - 1));
  }

  // ---- dispatch ----

  @Override
  public void onMessage(int from, Message m) {
    // Approvals first: at scale three deliveries in four are approvals (docs/performance.md).
    if (m instanceof ApprovalsMessage a) {
      approvalDistribution.onApprovals(a, from);
    } else if (m instanceof RelayBlockAnnouncement a && a.block() instanceof RelayBlock block) {
      if (!tree.contains(block.hash())) {
        importQueue.submit(block, from);
      }
    } else if (m instanceof BlockRequest r) {
      tree.get(r.hash()).ifPresent(b -> ctx.send(from, new RelayBlockAnnouncement(b)));
    } else if (m instanceof AdvertiseCollation a) {
      collation.onAdvertise(from, a);
    } else if (m instanceof Declare d) {
      collation.onDeclare(from, d, List.copyOf(prospective.activeLeaves()));
    } else if (m instanceof CollationFetchResponse r) {
      collation.onFetchResponse(from, r);
    } else if (m instanceof StatementMessage s) {
      statements.onStatement(s);
    } else if (m instanceof BackedCandidateManifest b) {
      statements.onManifest(b);
    } else if (m instanceof PoVFetchRequest r) {
      ctx.send(from, povFetcher.answer(r));
    } else if (m instanceof PoVFetchResponse r) {
      povFetcher.onResponse(r);
    } else if (m instanceof ChunkFetchRequest r) {
      ctx.send(from, availability.answer(r, bestValidatorCount));
    } else if (m instanceof ChunkFetchResponse r) {
      if (r.recovery()) {
        recovery.onChunk(r);
      } else {
        availability.onResponse(r);
      }
    } else if (m instanceof BitfieldGossip b) {
      provisioner.addBitfield(b.leaf(), b.bitfield());
    } else if (m instanceof AvailableDataRequest r) {
      ctx.send(from, recovery.answer(r));
    } else if (m instanceof AvailableDataResponse r) {
      recovery.onResponse(r);
    } else if (m instanceof ApprovalsResend r) {
      takeApprovals();
      approvalDistribution.onResend(r);
      awaitApprovals();
    } else if (m instanceof GrandpaMessage g) {
      grandpaGossip.onMessage(g);
    } else if (sync != null) {
      // Block sync last: a few messages per block, against many statements, chunks and votes.
      if (m instanceof BlockAnnounce a) {
        sync.onAnnounce(from, a);
      } else if (m instanceof BlockBodyRequest r) {
        ctx.send(from, sync.answer(r));
      } else if (m instanceof BlockBodyResponse r) {
        sync.onResponse(from, r);
      }
    }
  }

  /**
   * Chunk requests of drawn recoveries are answered from the store's offers (it publishes each
   * change, {@link AvailabilityStore#publishTo}), but for data held whole, asked of {@link #answer}.
   */
  @Override
  public boolean answersFromOffers() {
    return true;
  }

  /**
   * A recovery chunk request drawn as part of an {@link io.parapipe.protocol.host.Exchange}: the
   * answer {@link #onMessage} would send, from the store as it is now.
   */
  @Override
  public Message answer(int from, Message request, long atMicros) {
    if (request instanceof ChunkFetchRequest r) {
      return availability.answer(r, bestValidatorCount);
    }
    return null;
  }

  @Override
  public void onTimer(Timer t) {
    if (t instanceof SlotTick s) {
      onSlot(s.slot());
    } else if (t instanceof Proposed p) {
      seal(p);
    } else if (t instanceof InherentReady r) {
      propose(r.slot(), r.parent(), r.primary());
    } else if (t == APPROVALS_ARRIVED) {
      takeApprovals();
      awaitApprovals();
    } else if (!importQueue.onTimer(t) && (sync == null || !sync.onTimer(t)) && !recovery.onTimer(t) && !pvf.onTimer(t) && !povFetcher.onTimer(t)
        && !collation.onTimer(t) && !availability.onTimer(t) && !bitfieldSigning.onTimer(t)
        && !onApprovalTimer(t)) {
      grandpa.onTimer(t);
    }
  }

  /** Approval voting's timers, with the relayed approvals that arrived before them read first. */
  private boolean onApprovalTimer(Timer t) {
    if (!ApprovalVoting.ownsTimer(t)) {
      return false;
    }
    takeApprovals();
    approvals.onTimer(t);
    awaitApprovals();
    return true;
  }

  /**
   * Reads the relayed approvals that have arrived (threshold gossip; with exact gossip they came
   * through {@link #onMessage}). Approval voting's decisions read them first: its timers, a
   * finished check, a block import.
   */
  private void takeApprovals() {
    ctx.takeArrived(Topic.APPROVALS, approvalSink);
  }

  /**
   * Asks to be woken at the fewest relayed approvals that could approve another block
   * ({@link ApprovalVoting#approvalsAwaited}): for each block waiting for approvals, as many
   * arrivals of approvals of that block as it misses. A block is then approved, and finality told,
   * when the approval completing it arrives, as with exact gossip. Called after anything that
   * counts approvals, since a take drops the request.
   */
  private void awaitApprovals() {
    if (approvals.approvalsAwaited() > 0) {
      ctx.wakeOnArrivals(Topic.APPROVALS, approvals.awaitedNumbers(), approvals.awaitedMissing(),
          approvals.awaitedBlocks(), APPROVALS_ARRIVED);
    }
  }

  private void onExecuted(PvfExecutionQueue.Job job, boolean valid) {
    if (job.tag() instanceof ApprovalTag a) {
      takeApprovals();
      approvals.onChecked(a.block(), a.candidate(), valid);
      awaitApprovals();
    } else {
      backing.onExecuted(job, valid);
    }
  }

  // ---- block import and the view ----

  /** Imports a block; false if it waits for an unknown parent (the caller should fetch it). */
  private boolean importBlock(RelayBlock block) {
    boolean known = tree.contains(block.hash());
    BlockTree.ImportOutcome<RelayBlock> out = tree.add(block);
    if (!known && out.imported().isEmpty()) {
      // Waiting for its parent, or refused as off the finalized chain: nothing to fetch then.
      return tree.contains(block.parentHash());
    }
    // Approvals that arrived before the import are read first, as messages would have been
    // handled on arrival: those of a block being imported wait for it (pending_known) and are
    // counted when it is, and an aggression re-send below sends every approval known by now.
    takeApprovals();
    for (RelayBlock b : out.imported()) {
      ctx.emit(new RelayBlockImported(b.hash(), b.number(), b == tree.best()));
      availability.onBlockImported(b);
      recovery.onBlockImported(b, tree.get(b.parentHash()).orElse(b).state());
      approvals.onBlockImported(b.hash(), b.parentHash(), b.number(), includedCandidates(b));
      approvalDistribution.onBlockImported(b.hash(), b.number(), tree.finalized().hash(),
          tree.finalized().number());
      if (sync != null) {
        sync.announce(b);
      }
    }
    awaitApprovals();
    List<Hash> deactivated = new ArrayList<>(out.deactivated());
    for (RelayBlock leaf : out.activated()) {
      activatedAt.put(leaf.hash(), ctx.now());
      Set<ParaId> backedHere = runtimePort.backedParas(leaf.hash());
      if (!lastBackedParas.containsAll(backedHere)) {
        // The group takes over a para: it needs the para's candidates others backed so far.
        takePosted();
      }
      lastBackedParas = backedHere;
      prospective.handleActiveLeavesUpdate(Optional.of(leaf.hash()), deactivated);
      implicitView.activateLeaf(leaf.hash(), headerSource, prospective.getMinimumRelayParents(leaf.hash()));
      for (Hash d : deactivated) {
        implicitView.deactivateLeaf(d);
      }
      deactivated.clear();
      implicitView.knownAllowedRelayParentsUnder(leaf.hash(), Optional.empty()).ifPresent(rps -> {
        for (Hash rp : rps) {
          tree.get(rp).ifPresent(this::addRelayParent);
        }
      });
      bitfieldSigning.onLeafActivated(leaf);
    }
    if (!deactivated.isEmpty()) {
      prospective.handleActiveLeavesUpdate(Optional.empty(), deactivated);
      deactivated.forEach(implicitView::deactivateLeaf);
    }
    retainToView();
    grandpa.onChainChanged();
    return true;
  }

  /** Backing, statement distribution and the collator protocol keep state for the view only. */
  private void retainToView() {
    Set<Hash> allowed = implicitView.allAllowedRelayParents();
    backing.retainOnly(allowed);
    statements.retainOnly(allowed);
    collation.retainOnly(allowed);
  }

  /** The active leaves of prospective parachains and the implicit view together. */
  private Set<Hash> activeLeaves() {
    Set<Hash> active = new LinkedHashSet<>(prospective.activeLeaves());
    active.addAll(implicitView.leaves());
    return active;
  }

  /**
   * Reads the posted gossip that has arrived (threshold gossip; with exact gossip it came through
   * {@link #onMessage} and nothing waits): bitfields for the provisioner, backed-candidate
   * manifests for statement distribution. A manifest whose relay parent this node has seen leave
   * its view could not be backed any more and is dropped, rather than waiting as early.
   */
  private void takePosted() {
    ctx.takeArrived(Topic.VALIDATORS, (from, at, m) -> {
      if (m instanceof BitfieldGossip b) {
        provisioner.addBitfield(b.leaf(), b.bitfield());
      } else if (m instanceof BackedCandidateManifest b
          && (statements.inView(b.relayParent()) || !tree.contains(b.relayParent()))) {
        statements.onManifest(b);
      }
    });
  }

  /** A relay parent entered the view: backing first, then the statements that waited for it. */
  private void addRelayParent(RelayBlock rp) {
    backing.addRelayParent(rp);
    statements.addRelayParent(rp, backing.tableContext(rp.hash()));
  }

  private final BlockHeaderSourceAdapter headerSource = new BlockHeaderSourceAdapter();

  /** The implicit view reads headers from the local chain. */
  private final class BlockHeaderSourceAdapter implements HeaderSource {
    @Override
    public Optional<BlockHeader> header(Hash hash) {
      return tree.get(hash).map(b -> new BlockHeader(b.hash(), b.parentHash(), b.number()));
    }
  }

  /** Prospective parachains read the relay chain through the runtime API of local blocks. */
  private final ProspectiveRuntime runtimePort = new ProspectiveRuntime() {
    @Override
    public Optional<RelayChainBlockInfo> blockInfo(Hash block) {
      return tree.get(block).map(b -> new RelayChainBlockInfo(b.hash(), b.number(), b.state().stateRoot()));
    }

    @Override
    public List<Hash> ancestors(Hash block, int k) {
      List<Hash> out = new ArrayList<>();
      for (RelayBlock b : tree.ancestors(block, k)) {
        out.add(b.hash());
      }
      return out;
    }

    @Override
    public SessionIndex sessionIndexForChild(Hash block) {
      return tree.get(block).map(b -> b.state().api().sessionIndexForChild()).orElseThrow();
    }

    @Override
    public Optional<AsyncBackingParams> asyncBackingParams(Hash block) {
      return tree.get(block).map(b -> b.state().api().asyncBackingParams());
    }

    @Override
    public SortedMap<CoreIndex, List<ParaId>> claimQueue(Hash block) {
      return tree.get(block).map(b -> b.state().api().claimQueue()).orElseThrow();
    }

    @Override
    public Optional<BackingState> backingState(Hash block, ParaId para) {
      return tree.get(block).flatMap(b -> b.state().api().backingState(para));
    }

    @Override
    public Set<ParaId> backedParas(Hash block) {
      Optional<RelayBlock> b = tree.get(block);
      if (b.isEmpty()) {
        return Set.of();
      }
      // Asked for each new leaf and again for its ancestors: answered once per block.
      Set<ParaId> known = backedParasByBlock.get(block);
      if (known != null) {
        return known;
      }
      RelayRuntimeState s = b.get().state();
      // The paras of the core this validator's group serves, as backing assigns them.
      TableContext table = TableContext.of(directory.selfIndex(s), s.api());
      CoreIndex core = table.assignedCore();
      Set<ParaId> paras =
          core == null ? Set.of() : Set.copyOf(s.api().claimQueue().getOrDefault(core, List.of()));
      backedParasByBlock.put(block, paras);
      return paras;
    }

  };

  // ---- authoring ----

  /**
   * A new slot: if this validator has a BABE claim on it, it proposes a block on its best block
   * (the slot worker's chain head at the slot's start, sc-consensus-slots). The proposer first
   * asks the provisioner for the inherent data, which it gives once the parent has been an
   * active leaf for {@link #PRE_PROPOSE_TIMEOUT_MICROS}; it then executes the block it builds,
   * so the block is sealed and announced only after its execution time, which grows with what
   * the block carries.
   */
  private void onSlot(long slot) {
    scheduleNextSlot();
    if (ctx.now() != (slot - cfg.firstSlot() + 1) * cfg.slotDurationMicros()) {
      return; // a late tick (the node was down): that slot has passed, do not author in it
    }
    Optional<BlockAuthorship.Claim> claim = authorship.claim(slot, cfg.authority());
    if (claim.isEmpty()) {
      return;
    }
    RelayBlock parent = tree.best();
    if (parent.state().babeSlot() >= slot) {
      return;
    }
    long ready = activatedAt.getOrDefault(parent.hash(), 0L) + PRE_PROPOSE_TIMEOUT_MICROS;
    if (ready > ctx.now()) {
      ctx.schedule(ready - ctx.now(), new InherentReady(slot, parent, claim.get().primary()));
    } else {
      propose(slot, parent, claim.get().primary());
    }
  }

  /**
   * Builds on {@code parent} with the inherent data the provisioner holds now, and seals the
   * block once it is executed.
   */
  private void propose(long slot, RelayBlock parent, boolean primary) {
    takePosted();
    boolean inject = parent.state().api().elasticScalingMvp();
    ParasInherentData inherent = provisioner.inherentData(parent, prospective, backing, inject);
    int number = parent.number() + 1;
    Optional<ConfigUpdate> update = Optional.empty();
    String description = null;
    for (ValidatorConfig.ConfigChange c : cfg.configChanges()) {
      if (c.atRelayBlock() == number) {
        ConfigUpdate previous = update.orElse(null);
        update = Optional.of(previous == null ? c.update() : base -> c.update().apply(previous.apply(base)));
        description = description == null ? c.description() : description + "; " + c.description();
      }
    }
    BlockExecution exec = RelayRuntime.executeBlock(parent.state(),
        new BlockInputs(slot, ValidatorId.of(cfg.authority()), inherent, update));
    RelayBlock block = new RelayBlock(exec.state(), exec.processedInherent(), ctx.self(), 0,
        primary, parent.primaryWeight() + (primary ? 1 : 0));
    long proposal = executionMicros(block);
    ctx.schedule(proposal, new Proposed(block, slot, description));
  }

  /** The proposal is done: seal (stamp the time), announce and import the block. */
  private void seal(Proposed p) {
    RelayBlock b = p.block();
    RelayBlock block = new RelayBlock(b.state(), b.body(), b.authorNode(), ctx.now(), b.primary(),
        b.primaryWeight());
    emitAuthored(block, p.slot());
    if (p.description() != null) {
      ctx.emit(new UpgradeApplied("relay", List.of(), p.description()));
    }
    if (sync == null) {
      ctx.broadcast(Topic.RELAY_CHAIN, new RelayBlockAnnouncement(block));
    }
    // With block sync, importing the block announces it to the sync peers.
    importBlock(block);
  }

  /** Executing a relay block on this validator: its weight at the hardware's speed. */
  private long executionMicros(RelayBlock block) {
    long refTime = ParasInherentWeights.blockRefTime(block.body(), block.state().validators().size());
    return Math.max(1, Math.round(refTime * cfg.executionFraction() / cfg.speed() / 1_000_000.0));
  }

  private void emitAuthored(RelayBlock block, long slot) {
    RelayRuntimeState s = block.state();
    List<Hash> backed = new ArrayList<>();
    List<Hash> included = new ArrayList<>();
    List<Hash> timedOut = new ArrayList<>();
    for (CandidateEvent e : s.events()) {
      if (e instanceof CandidateEvent.CandidateBacked b) {
        backed.add(b.candidateHash());
      } else if (e instanceof CandidateEvent.CandidateIncluded i) {
        included.add(i.candidateHash());
      } else if (e instanceof CandidateEvent.CandidateTimedOut t) {
        timedOut.add(t.candidateHash());
      }
    }
    ctx.emit(new RelayBlockAuthored(block.hash(), block.number(), slot, block.parentHash(), backed,
        included, timedOut, block.body().bitfields().size(),
        s.activeConfig().asyncBackingParams().maxCandidateDepth(), block.primary()));
    for (CandidateEvent e : s.events()) {
      if (e instanceof CandidateEvent.CandidateBacked b) {
        Hash rp = b.receipt().descriptor().relayParent();
        int rpNumber = tree.get(rp).map(RelayBlock::number).orElse(-1);
        ctx.emit(new CandidateBackedEvent(block.hash(), block.number(), b.receipt().descriptor().paraId(),
            b.candidateHash(), b.core(), rpNumber));
      } else if (e instanceof CandidateEvent.CandidateIncluded i) {
        ctx.emit(new CandidateIncludedEvent(block.hash(), block.number(), i.receipt().descriptor().paraId(),
            i.candidateHash(), i.core(), i.head(), backerAuthorities(i.backers(), s)));
      } else if (e instanceof CandidateEvent.CandidateTimedOut t) {
        ctx.emit(new CandidateTimedOutEvent(block.hash(), block.number(), t.receipt().descriptor().paraId(),
            t.candidateHash(), t.core()));
      }
    }
  }

  // ---- wiring between subsystems ----

  /**
   * The authorities of the backers: a backer's bit is its {@code ValidatorIndex} in the session's
   * shuffled validator list, which upstream's {@code reward_backing} maps back to the account the
   * same way (polkadot/runtime/parachains/src/reward_points.rs).
   */
  private static List<Integer> backerAuthorities(BitVec backers, RelayRuntimeState s) {
    List<Integer> out = new ArrayList<>();
    for (int v : backers.ones()) {
      if (v < s.validators().size()) {
        out.add(s.validators().get(v).authority());
      }
    }
    out.sort(null);
    return out;
  }

  /** The candidates a block included, in inclusion order. */
  private static List<Hash> includedCandidates(RelayBlock b) {
    List<Hash> out = new ArrayList<>();
    for (CandidateEvent e : b.state().events()) {
      if (e instanceof CandidateEvent.CandidateIncluded i) {
        out.add(i.candidateHash());
      }
    }
    return out;
  }

  /** Statement distribution is built after backing, which it feeds; backing reaches it here. */
  private final StatementSharing statementSharing = new StatementSharing() {
    @Override
    public boolean withinSecondingLimit(Hash relayParent, int validator, Hash candidate) {
      return statements.withinSecondingLimit(relayParent, validator, candidate);
    }

    @Override
    public void share(Hash relayParent, Statement statement) {
      statements.share(relayParent, statement);
    }

    @Override
    public void backed(Hash relayParent, StatementTable.AttestedCandidate candidate) {
      statements.backed(relayParent, candidate);
    }
  };

  private final ApprovalVoting.Actions approvalActions = new ApprovalVoting.Actions() {
    @Override
    public void recoverAndExecute(Hash block, Hash candidate) {
      recovery.recover(block, candidate);
    }

    @Override
    public void broadcastApprovals(Hash block, BitVec candidateIndices, List<Hash> candidates) {
      approvalDistribution.broadcastApprovals(block, candidateIndices, candidates);
    }

    @Override
    public void onApproved(Hash block) {
      grandpa.onChainChanged();
    }
  };

  /** Approval checking executes a recovered candidate in the PVF queue's approval lane. */
  private void executeForApproval(Hash block, Hash candidate, PoV pov) {
    // The candidate's session (the including block's parent's state) gives the executor params.
    Optional<RelayBlock> including = tree.get(block);
    if (including.isEmpty()) {
      return;
    }
    RelayBlock b = including.get();
    RelayRuntimeState session = tree.get(b.parentHash()).orElse(b).state();
    ExecutorParams params = session.activeConfig().executorParams();
    ParaId para = null;
    for (CandidateEvent e : b.state().events()) {
      if (e instanceof CandidateEvent.CandidateIncluded i && i.candidateHash().equals(candidate)) {
        para = i.receipt().descriptor().paraId();
      }
    }
    pvf.submit(new PvfExecutionQueue.Job(PvfExecutionQueue.Kind.APPROVAL, pov.blockRefTime(),
        params.approvalTimeoutMicros(), new ApprovalTag(block, candidate), para,
        cfg.pvfArtifactKey().of(params)));
  }

  private final AvailabilityRecovery.Listener recoveryListener = new AvailabilityRecovery.Listener() {
    /** Approval checking executes a recovered candidate in the PVF queue's approval lane. */
    @Override
    public void onRecovered(Hash block, Hash candidate, PoV pov) {
      executeForApproval(block, candidate, pov);
    }

    @Override
    public void onUnavailable(Hash block, Hash candidate) {
      approvals.onUnavailable(block, candidate);
    }
  };

  private final GrandpaVoter.Actions grandpaActions = new GrandpaVoter.Actions() {
    @Override
    public void broadcast(GrandpaMessage m) {
      grandpaGossip.broadcast(m);
    }

    @Override
    public void send(int validator, GrandpaMessage m) {
      grandpaGossip.send(validator, m);
    }

    @Override
    public void requestBlock(int validator, Hash block) {
      ctx.send(cfg.authorityNodes().get(validator), new BlockRequest(block));
    }

    @Override
    public void takeVotes(java.util.function.Consumer<GrandpaMessage> sink) {
      grandpaGossip.takeVotes(sink);
    }

    @Override
    public void wakeOnVotes(long fromKey, int k, long urgentKey, Timer timer) {
      grandpaGossip.wakeOnVotes(fromKey, k, urgentKey, timer);
    }

    @Override
    public void onFinalized(Hash block, int number) {
      ctx.emit(new BlockFinalized(block, number));
      store.pruneBelow(number - AVAILABILITY_KEEP_BLOCKS);
      tree.pruneBelow(number - cfg.keptBelowFinality());
      approvals.pruneFinalized(block);
      recovery.pruneFinalized(number);
      deactivateFinalizedLeaves(block, number);
    }
  };

  /**
   * Finality deactivates every active leaf at or below the finalized number except the finalized
   * block itself, as the overseer does on a finality notification (polkadot-sdk
   * {@code polkadot/node/overseer/src/lib.rs}, {@code block_finalized}: "prune all orphaned leaves,
   * but don't prune the finalized block if it is itself a leaf", sent as
   * {@code ActiveLeavesUpdate::deactivated}). Without it a leaf of an abandoned fork stays in the
   * view for good: the implicit view prunes below its lowest leaf, so it, backing, statement
   * distribution and the collator protocol would keep every relay parent since the first fork.
   *
   * <p>Prospective parachains is told too, so its fragment chains, candidate storage and heard
   * candidates follow the view. (Until GRANDPA asked voters for blocks it lacked, doing so left
   * finality stalled after {@code faults/partition-halves-90s.toml} healed: the round in flight
   * then had half its prevotes for a block of one side's fork that the other side never imported.)
   */
  private void deactivateFinalizedLeaves(Hash finalized, int finalizedNumber) {
    List<Hash> stale = new ArrayList<>();
    for (Hash leaf : activeLeaves()) {
      Optional<RelayBlock> b = tree.get(leaf);
      if (b.isPresent() && b.get().number() <= finalizedNumber && !leaf.equals(finalized)) {
        stale.add(leaf);
      }
    }
    if (stale.isEmpty()) {
      return;
    }
    prospective.handleActiveLeavesUpdate(Optional.empty(), stale);
    stale.forEach(implicitView::deactivateLeaf);
    retainToView();
  }

  /** The active leaves of prospective parachains and the implicit view together (for tests). */
  public int activeLeafCount() {
    return activeLeaves().size();
  }

  /**
   * The relay blocks the implicit view holds (for tests): backing, statement distribution and the
   * collator protocol keep per-relay-parent state for these and no others.
   */
  public int viewBlockCount() {
    return implicitView.allAllowedRelayParents().size();
  }

  /** The relay blocks this node's block tree holds (for tests and memory figures). */
  public int blockTreeSize() {
    return tree.size();
  }
}
