package io.parapipe.sim;

import io.parapipe.protocol.host.Node;
import io.parapipe.protocol.host.Topic;
import io.parapipe.protocol.para.node.CollatorConfig;
import io.parapipe.protocol.para.node.CollatorMisbehaviour;
import io.parapipe.protocol.para.node.CollatorNode;
import io.parapipe.protocol.para.node.CollatorSchedule;
import io.parapipe.protocol.para.node.CollatorSettings;
import io.parapipe.protocol.para.runtime.ParachainRuntimeConfig;
import io.parapipe.protocol.para.runtime.ParachainState;
import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.HostConfiguration;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.primitives.ScaleWriter;
import io.parapipe.protocol.primitives.Weight;
import io.parapipe.protocol.relay.node.ValidatorConfig;
import io.parapipe.protocol.relay.node.approval.NoShowCover;
import io.parapipe.protocol.relay.node.prospective.ProspectiveChainsMode;
import io.parapipe.protocol.relay.node.prospective.SharedChainBases;
import io.parapipe.protocol.relay.node.ValidatorNode;
import io.parapipe.protocol.relay.node.chain.RelayBlock;
import io.parapipe.protocol.relay.runtime.GenesisConfig;
import io.parapipe.protocol.relay.runtime.GenesisOutcome;
import io.parapipe.protocol.relay.runtime.ParasInherentData;
import io.parapipe.protocol.relay.runtime.RelayRuntime;
import io.parapipe.protocol.relay.runtime.RelayRuntimeState;
import io.parapipe.protocol.relay.runtime.scheduler.BulkCoretimeAssigner;
import io.parapipe.sim.kernel.Engine;
import io.parapipe.sim.network.GossipMode;
import io.parapipe.sim.network.SyncPeerGraph;
import io.parapipe.sim.network.JitterDistribution;
import io.parapipe.sim.network.NetworkConfig;
import io.parapipe.sim.scenario.CollatorCrash;
import io.parapipe.sim.scenario.Crash;
import io.parapipe.sim.scenario.LatencySpike;
import io.parapipe.sim.scenario.Outage;
import io.parapipe.sim.scenario.Partition;
import io.parapipe.sim.scenario.SlowValidators;
import io.parapipe.sim.scenario.ParaSpec;
import io.parapipe.sim.scenario.Scenario;
import io.parapipe.sim.scenario.ScenarioConfigException;
import io.parapipe.sim.scenario.UpgradeSpec;
import io.parapipe.sim.scenario.Values;
import io.parapipe.sim.workload.TransactionDemand;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Builds the simulated network a scenario describes: the relay genesis, one validator node per
 * validator (node ids {@code 0..V-1}, authority {@code i} on node {@code i}), then the collators of
 * each para, their subscriptions, the faults and the scheduled upgrades.
 *
 * @param engine the kernel with every node added
 * @param validatorNodes node ids of the validators, by authority
 * @param collatorNodes node ids of each para's collators
 */
public record NetworkAssembly(Engine engine, List<Integer> validatorNodes,
    Map<Integer, List<Integer>> collatorNodes) {

  /**
   * The BABE slot of relay block 1. Real slot numbers count from the Unix epoch; starting near 0
   * would put a para's first Aura slot at 0, which its genesis state already holds. The number is
   * odd: with 12 s Aura slots, the phase of the first block against the para slot decides which
   * of two real panics a basic collator on an async relay hits first (see docs/scenario.md).
   */
  public static final long FIRST_SLOT = 1_000_001;

  /** Assembles the network of {@code scenario}. */
  public static NetworkAssembly build(Scenario scenario) {
    Values relay = scenario.relay();
    Values network = scenario.network();
    Values hardware = scenario.hardware();
    HostConfiguration host = ScenarioTranslation.hostConfiguration(relay);
    ScenarioTranslation.checkConsistency(host, "in " + scenario.origin());
    int sessionLength = relay.integer("session_length");

    int validators = network.integer("validators");
    int collatorsPerPara = network.integer("collators_per_para");
    TreeMap<ParaId, GenesisConfig.ParaGenesis> paras = new TreeMap<>();
    Map<Integer, ParachainState> paraGenesis = new LinkedHashMap<>();
    for (ParaSpec p : scenario.paras()) {
      ParachainRuntimeConfig rc = ScenarioTranslation.runtimeConfig(p.runtime());
      ParachainState g = ParachainState.genesis(ParaId.of(p.id()), rc, collatorsPerPara);
      paraGenesis.put(p.id(), g);
      Hash code = new ScaleWriter().u32(p.id()).fixedBytes("validation-code".getBytes()).blake2b256();
      paras.put(ParaId.of(p.id()), new GenesisConfig.ParaGenesis(g.headData(), code));
    }
    Hash randomness = new ScaleWriter().u64(scenario.seed()).fixedBytes("randomness".getBytes()).blake2b256();
    GenesisOutcome genesisOutcome = RelayRuntime.genesis(GenesisConfig.builder()
        .numValidators(validators)
        .paras(paras)
        .config(host)
        .assignmentProvider(new BulkCoretimeAssigner(bulkCoretime(scenario.paras())))
        .sessionLength(sessionLength)
        .randomness(randomness)
        .build());
    if (genesisOutcome instanceof GenesisOutcome.Inconsistent i) {
      throw new ScenarioConfigException("the relay configuration in " + scenario.origin()
          + " is inconsistent: " + i.error().upstreamName() + " (" + i.error().explanation() + ")");
    }
    RelayRuntimeState genesisState = ((GenesisOutcome.Built) genesisOutcome).state();
    RelayBlock genesis = new RelayBlock(genesisState, ParasInherentData.empty(genesisState.header()), -1, 0);

    Engine engine = new Engine(scenario.seed(), networkConfig(network));
    engine.setGossipMode(GossipMode.fromKey(network.text("gossip")));
    List<Integer> authorityNodes = new ArrayList<>();
    for (int i = 0; i < validators; i++) {
      authorityNodes.add(i);
    }
    // Node ids: the validators, then each para's collators; all follow the relay chain.
    List<List<Integer>> syncPeers = syncPeers(network, validators + scenario.paras().size() * collatorsPerPara,
        scenario.seed());
    List<ValidatorConfig.ConfigChange> relayChanges = relayChanges(scenario, sessionLength);
    @SuppressWarnings("unchecked")
    List<Outage> outages = (List<Outage>) scenario.faults().asMap().get("outages");
    @SuppressWarnings("unchecked")
    List<Crash> crashes = (List<Crash>) scenario.faults().asMap().get("crashes");
    @SuppressWarnings("unchecked")
    List<Partition> partitions = (List<Partition>) scenario.faults().asMap().get("partitions");
    List<Integer> legacy = scenario.faults().integers("legacy_validators");
    // What every validator builds alike at a leaf is built once (a cost model: same outcome).
    SharedChainBases chainBases = SharedChainBases.create();
    for (int i = 0; i < validators; i++) {
      ValidatorConfig vc = ValidatorConfig.builder()
          .authority(i)
          .authorityNodes(authorityNodes)
          .genesis(genesis)
          .epochRandomness(scenario.seed())
          .slotDurationMicros(relay.micros("slot_duration"))
          .firstSlot(FIRST_SLOT)
          .primaryProbability(relay.number("primary_probability"))
          .secondarySlots(relay.bool("secondary_slots"))
          .missedSlotProbability(relay.number("missed_slot_probability"))
          .forkProbability(relay.number("fork_probability"))
          .pvfPrepareMicros(hardware.micros("pvf_prepare_duration"))
          .pvfArtifactKey(ScenarioTranslation.pvfArtifactKey(relay.text("pvf_artifact_key")))
          .bitfieldSigningDelayMicros(relay.micros("bitfield_signing_delay"))
          .pvfWorkers(hardware.integer("pvf_workers"))
          .speed(hardware.number("validator_speed") / slowdown(scenario, i))
          .executionFraction(hardware.number("execution_fraction"))
          .finalityRoundIntervalMicros(relay.micros("finality_round_interval"))
          .configChanges(relayChanges)
          .prospectiveChains(ProspectiveChainsMode.fromKey(relay.text("prospective_chains")))
          .noShowCover(NoShowCover.fromKey(relay.text("no_show_cover")))
          .approvalRandomRouting(relay.integer("approval_random_routing"))
          .sharedChainBases(chainBases)
          .syncPeers(syncPeers.isEmpty() ? List.of() : syncPeers.get(i))
          .keptBelowFinality(network.integer("state_pruning"))
          .build();
      List<Outage> mine = new ArrayList<>();
      for (Outage o : outages) {
        if (o.validators().contains(i)) {
          mine.add(o);
        }
      }
      List<Crash> myCrashes = new ArrayList<>();
      for (Crash c : crashes) {
        if (c.validators().contains(i)) {
          myCrashes.add(c);
        }
      }
      boolean faulty = !mine.isEmpty() || !myCrashes.isEmpty() || !partitions.isEmpty();
      Supplier<Node> validator = legacy.contains(i)
          ? () -> FilteredInbound.legacyValidator(new ValidatorNode(vc))
          : () -> new ValidatorNode(vc);
      int node = engine.addNode(faulty ? new FaultyNode(validator, i, mine, myCrashes, partitions)
          : validator.get());
      engine.network().subscribe(Topic.VALIDATORS, node);
      engine.network().subscribe(Topic.GRANDPA_VOTES, node);
      engine.network().subscribe(Topic.RELAY_CHAIN, node);
    }

    @SuppressWarnings("unchecked")
    List<CollatorCrash> collatorCrashes =
        (List<CollatorCrash>) scenario.faults().asMap().get("collator_crashes");
    Map<Integer, List<Integer>> collatorNodes = new LinkedHashMap<>();
    int nextNode = validators;
    for (ParaSpec p : scenario.paras()) {
      CollatorSchedule schedule = schedule(scenario, p, sessionLength);
      Values rt = p.runtime();
      // The demand is stateless: one instance is the transaction pool of all the para's collators.
      TransactionDemand demand = new TransactionDemand(rt.number("demand"),
          rt.micros("tx_ref_time") * Weight.REF_TIME_PER_MICROS, (int) rt.bytes("tx_proof_size"));
      List<Integer> nodes = new ArrayList<>();
      Map<Integer, CollatorMisbehaviour> misbehaving = misbehaving(scenario, p.id());
      for (int c = 0; c < collatorsPerPara; c++) {
        CollatorConfig cc = CollatorConfig.builder()
            .para(ParaId.of(p.id()))
            .authorityIndex(c)
            .relayGenesis(genesis)
            .paraGenesis(paraGenesis.get(p.id()))
            .validatorNodes(authorityNodes)
            .schedule(schedule)
            .speed(hardware.number("collator_speed"))
            .executionFraction(hardware.number("execution_fraction"))
            .relaySlotDurationMs(relay.micros("slot_duration") / 1000)
            .timeOriginMs(timeOriginMs(relay.micros("slot_duration") / 1000))
            .misbehaviour(misbehaving.getOrDefault(c, CollatorMisbehaviour.NONE))
            .syncPeers(syncPeers.isEmpty() ? List.of() : syncPeers.get(nextNode))
            .keptBelowBest(network.integer("state_pruning"))
            .build();
        CollatorMisbehaviour mis = cc.misbehaviour();
        java.util.function.Supplier<Node> collator = mis == CollatorMisbehaviour.WITHHELD_COLLATION
            ? () -> FilteredInbound.withheldCollations(new CollatorNode(cc, demand))
            : () -> new CollatorNode(cc, demand);
        List<Crash> down = new ArrayList<>();
        for (CollatorCrash crash : collatorCrashes) {
          if (crash.para() == p.id() && crash.collator() == c) {
            down.add(crash.asCrash());
          }
        }
        // A collator is on no side of a partition (-1): partitions cut validators only.
        int node = engine.addNode(down.isEmpty() ? collator.get()
            : new FaultyNode(collator, -1, List.of(), down, List.of()));
        if (node != nextNode++) {
          throw new IllegalStateException("collator node " + node + " out of order");
        }
        engine.network().subscribe(Topic.RELAY_CHAIN, node);
        engine.network().subscribe(Topic.paraNetwork(ParaId.of(p.id())), node);
        nodes.add(node);
      }
      collatorNodes.put(p.id(), List.copyOf(nodes));
    }

    @SuppressWarnings("unchecked")
    List<LatencySpike> spikes = (List<LatencySpike>) scenario.faults().asMap().get("latency_spikes");
    for (LatencySpike spike : spikes) {
      engine.network().addLatencySpike(spike.atMicros(), spike.endMicros(), spike.extraMicros());
    }
    for (int v : scenario.faults().integers("offline_validators")) {
      engine.network().setOffline(v);
    }
    for (String s : scenario.faults().texts("offline_collators")) {
      String[] parts = s.split(":");
      engine.network().setOffline(collatorNodes.get(Integer.parseInt(parts[0])).get(Integer.parseInt(parts[1])));
    }
    return new NetworkAssembly(engine, List.copyOf(authorityNodes), collatorNodes);
  }

  /**
   * The wall clock at simulated time 0: relay slot {@link #FIRST_SLOT} starts one slot later, and
   * BABE slot {@code s} starts at {@code s × slot duration} since the Unix epoch.
   */
  static long timeOriginMs(long relaySlotMs) {
    return (FIRST_SLOT - 1) * relaySlotMs;
  }

  /** How many times slower validator {@code v} is ({@code faults.slow_validators}; 1 if not named). */
  private static double slowdown(Scenario scenario, int v) {
    @SuppressWarnings("unchecked")
    List<SlowValidators> slow = (List<SlowValidators>) scenario.faults().asMap().get("slow_validators");
    for (SlowValidators s : slow) {
      if (s.validators().contains(v)) {
        return s.factor();
      }
    }
    return 1;
  }

  /** The misbehaving collators of a para, by index ({@code faults.misbehaving_collators}). */
  private static Map<Integer, CollatorMisbehaviour> misbehaving(Scenario scenario, int para) {
    Map<Integer, CollatorMisbehaviour> out = new java.util.HashMap<>();
    for (String s : scenario.faults().texts("misbehaving_collators")) {
      String[] parts = s.split(":");
      if (Integer.parseInt(parts[0]) == para) {
        out.put(Integer.parseInt(parts[1]), ScenarioTranslation.misbehaviour(parts[2]));
      }
    }
    return out;
  }

  /**
   * The bulk-coretime assignment: the paras in id order, each on {@code cores} consecutive cores
   * from core 0. Cores beyond the sum stay idle.
   */
  static SortedMap<CoreIndex, ParaId> bulkCoretime(List<ParaSpec> paras) {
    TreeMap<CoreIndex, ParaId> cores = new TreeMap<>();
    int core = 0;
    for (ParaSpec p : paras) {
      for (int c = 0; c < p.cores(); c++) {
        cores.put(CoreIndex.of(core++), ParaId.of(p.id()));
      }
    }
    return cores;
  }

  /**
   * Each relay-chain node's sync peers with {@code block_propagation = "announce"} (a random graph
   * from the seed, {@link SyncPeerGraph}); none with {@code "direct"}, where the author broadcasts
   * each relay block to every node.
   */
  private static List<List<Integer>> syncPeers(Values network, int nodes, long seed) {
    if (!network.text("block_propagation").equals("announce")) {
      return List.of();
    }
    return SyncPeerGraph.build(nodes, network.integer("sync_peers"), seed);
  }

  private static NetworkConfig networkConfig(Values network) {
    JitterDistribution dist = switch (network.text("jitter_distribution")) {
      case "uniform" -> JitterDistribution.UNIFORM;
      case "none" -> JitterDistribution.NONE;
      default -> JitterDistribution.EXPONENTIAL;
    };
    return NetworkConfig.IDEAL
        .withLatency(network.micros("latency"))
        .withJitter(network.micros("jitter"), dist)
        .withBandwidth(network.bytes("bandwidth"))
        .withMessageLoss(network.number("message_loss"))
        .withLatencySpread(network.number("latency_spread"));
  }

  /** The relay block number from which an upgrade applies. */
  static int startBlock(UpgradeSpec u, int sessionLength) {
    return u.atRelayBlock() >= 0 ? u.atRelayBlock() : u.atSession() * sessionLength + 1;
  }

  /**
   * Relay changes become governance calls: {@code at_relay_block} submits the change in that
   * block; {@code at_session = S} submits it in the first block of session {@code S − 2}, so that
   * the runtime's two-session delay enacts it at the start of session {@code S}.
   */
  private static List<ValidatorConfig.ConfigChange> relayChanges(Scenario scenario, int sessionLength) {
    List<ValidatorConfig.ConfigChange> out = new ArrayList<>();
    int i = 0;
    for (UpgradeSpec u : scenario.upgrades()) {
      if (!u.relay().isEmpty()) {
        int block;
        if (u.atRelayBlock() >= 0) {
          block = u.atRelayBlock();
        } else {
          if (u.atSession() < 2) {
            throw new ScenarioConfigException("upgrades[" + i + "].at_session = " + u.atSession()
                + " in " + scenario.origin() + ": relay changes need at_session of at least 2, "
                + "because host configuration changes take effect two sessions after they are made");
          }
          block = (u.atSession() - 2) * sessionLength + 1;
        }
        Map<String, Object> changes = u.relay();
        HostConfiguration check = ScenarioTranslation.applyRelayChanges(
            ScenarioTranslation.hostConfiguration(scenario.relay()), changes);
        ScenarioTranslation.checkConsistency(check, "after upgrades[" + i + "]");
        out.add(new ValidatorConfig.ConfigChange(block,
            base -> ScenarioTranslation.applyRelayChanges(base, changes), describe(changes)));
      }
      i++;
    }
    return out;
  }

  private static String describe(Map<String, Object> changes) {
    StringBuilder sb = new StringBuilder();
    new TreeMap<>(changes).forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k)
        .append(" = ").append(v));
    return sb.toString();
  }

  /** The para's runtime and node settings over the run. */
  private static CollatorSchedule schedule(Scenario scenario, ParaSpec p, int sessionLength) {
    List<UpgradeSpec> ups = new ArrayList<>();
    for (UpgradeSpec u : scenario.upgrades()) {
      if (u.appliesTo(p.id()) && (!u.runtime().isEmpty() || !u.collator().isEmpty())) {
        ups.add(u);
      }
    }
    ups.sort(Comparator.comparingInt(u -> startBlock(u, sessionLength)));
    Values runtime = p.runtime();
    Values collator = p.collator();
    List<CollatorSchedule.Change> changes = new ArrayList<>();
    changes.add(new CollatorSchedule.Change(0, ScenarioTranslation.collatorSettings(collator),
        ScenarioTranslation.runtimeConfig(runtime)));
    for (UpgradeSpec u : ups) {
      runtime = runtime.with(u.runtime());
      collator = collator.with(u.collator());
      CollatorSettings s = ScenarioTranslation.collatorSettings(collator);
      changes.add(new CollatorSchedule.Change(startBlock(u, sessionLength), s,
          ScenarioTranslation.runtimeConfig(runtime)));
    }
    return new CollatorSchedule(changes);
  }
}
