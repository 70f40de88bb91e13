package io.parapipe.sim.scenario;

import static io.parapipe.sim.scenario.KeyType.bandwidth;
import static io.parapipe.sim.scenario.KeyType.bool;
import static io.parapipe.sim.scenario.KeyType.demand;
import static io.parapipe.sim.scenario.KeyType.duration;
import static io.parapipe.sim.scenario.KeyType.integer;
import static io.parapipe.sim.scenario.KeyType.integerList;
import static io.parapipe.sim.scenario.KeyType.number;
import static io.parapipe.sim.scenario.KeyType.oneOf;
import static io.parapipe.sim.scenario.KeyType.size;
import static io.parapipe.sim.scenario.KeyType.text;
import static io.parapipe.sim.scenario.KeyType.textList;

import java.util.List;

/**
 * Every scenario key with its type and embedded default. The defaults are the synchronous
 * backing network of {@code scenarios/sync.toml}: 20 validators, 5 cores, 3 paras, 10 minutes.
 * docs/scenario.md documents each key; a test keeps the two in step.
 */
public final class ScenarioKeys {
  private ScenarioKeys() {}

  private static final long US = 1, MS = 1_000, S = 1_000_000, MIN = 60 * S, H = 60 * MIN;
  private static final long MIB = 1024 * 1024;

  private static KeyDef k(String name, KeyType type, Object def) {
    return new KeyDef(name, type, def);
  }

  /** Top-level keys. */
  public static final Section TOP = new Section("",
      k("name", text(), "sync"),
      k("seed", integer(0, Integer.MAX_VALUE), 1),
      k("duration", duration(6 * S, 48 * H), 10 * MIN));

  /** {@code [network]}. */
  public static final Section NETWORK = new Section("network",
      k("validators", integer(1, 2000), 20),
      k("paras", integer(1, 1000), 3),
      k("collators_per_para", integer(1, 100), 2),
      k("latency", duration(0, 10 * S), 40 * MS),
      k("jitter", duration(0, 10 * S), 20 * MS),
      k("jitter_distribution", oneOf("exponential", "uniform", "none"), "exponential"),
      k("bandwidth", bandwidth(1_000), 125_000_000L),
      k("message_loss", number(0, 1), 0.0),
      k("latency_spread", number(0, 0.95), 0.0),
      k("gossip", oneOf("exact", "threshold"), "exact"),
      k("block_propagation", oneOf("direct", "announce"), "direct"),
      k("sync_peers", integer(1, 1000), 8),
      k("state_pruning", integer(16, 10_000_000), 256));

  /** {@code [hardware]}. */
  public static final Section HARDWARE = new Section("hardware",
      k("validator_speed", number(0.01, 100), 1.0),
      k("collator_speed", number(0.01, 100), 1.0),
      k("execution_fraction", number(0.01, 1), 0.65),
      k("pvf_workers", integer(1, 64), 2),
      k("pvf_prepare_duration", duration(0, 10 * MIN), 10 * S));

  /** The node features a scenario can switch on ({@code node_features::FeatureIndex} names). */
  public static final List<String> NODE_FEATURES =
      List.of("ElasticScalingMVP", "AvailabilityChunkMapping", "CandidateReceiptV2");

  /** The collator misbehaviours {@code faults.misbehaving_collators} names. */
  public static final List<String> MISBEHAVIOURS =
      List.of("v1-descriptor", "wrong-core-index", "strip-ump-signals", "invalid-pov",
          "oversized-pov", "withheld-collation");

  /** The misbehaviours modelled for the slot-based collator only (they concern its descriptors). */
  public static final List<String> SLOT_BASED_MISBEHAVIOURS =
      List.of("v1-descriptor", "wrong-core-index", "strip-ump-signals");

  /** {@code [relay]}. */
  public static final Section RELAY = new Section("relay",
      k("slot_duration", duration(100 * MS, 10 * MIN), 6 * S),
      k("session_length", integer(2, 100_000), 600),
      k("num_cores", integer(1, 1000), 5),
      k("max_validators_per_core", integer(0, 1000), 0),
      k("group_rotation_frequency", integer(1, 100_000), 10),
      k("paras_availability_period", integer(1, 100_000), 10),
      k("minimum_backing_votes", integer(1, 1000), 2),
      k("needed_approvals", integer(0, 2000), 5),
      k("max_candidate_depth", integer(0, 100), 0),
      k("allowed_ancestry_len", integer(0, 100), 0),
      k("scheduling_lookahead", integer(1, 100), 1),
      k("max_pov_size", size(1024, 16 * MIB), 5 * MIB),
      k("backing_execution_timeout", duration(1 * MS, 10 * MIN), 2 * S),
      k("approval_execution_timeout", duration(1 * MS, 10 * MIN), 12 * S),
      k("pvf_artifact_key", oneOf("preparation-params", "all-executor-params"), "preparation-params"),
      k("bitfield_signing_delay", duration(0, 10 * MIN), 1500 * MS),
      k("primary_probability", number(0, 1), 0.25),
      k("secondary_slots", bool(), true),
      k("missed_slot_probability", number(0, 0.99), 0.0),
      k("fork_probability", number(0, 1), 0.0),
      k("finality_round_interval", duration(100 * MS, 10 * MIN), 1 * S),
      k("prospective_chains", oneOf("exact", "on-demand"), "exact"),
      k("no_show_cover", oneOf("tranche", "per-no-show"), "tranche"),
      k("approval_random_routing", integer(0, 100), 4),
      k("node_features", textList(NODE_FEATURES::contains,
          "node feature names (" + String.join(", ", NODE_FEATURES) + ")"), List.of("CandidateReceiptV2")));

  /** {@code [para]}: parachain runtime settings. */
  public static final Section PARA = new Section("para",
      k("consensus_hook", oneOf("expect-parent-included", "fixed-capacity", "fixed-velocity"),
          "expect-parent-included"),
      k("hook_revision", oneOf("H1", "H2", "H3"), "H2"),
      k("unincluded_segment_capacity", integer(0, 1000), 1),
      k("block_processing_velocity", integer(0, 1000), 1),
      k("relay_chain_slot_duration", duration(1 * MS, 10 * MIN), 6 * S),
      k("slot_duration", duration(1 * MS, 10 * MIN), 12 * S),
      k("allow_multiple_blocks_per_slot", bool(), false),
      k("minimum_period", duration(0, 10 * MIN), 6 * S),
      k("relay_number_policy", oneOf("strictly-increases", "monotonically-increases", "any"),
          "strictly-increases"),
      k("select_core_signal", bool(), true),
      k("relay_parent_offset", integer(0, 100), 0),
      k("max_block_weight", duration(1 * US, 10 * MIN), 500 * MS),
      k("demand", demand(), Double.POSITIVE_INFINITY),
      k("tx_ref_time", duration(1 * US, 10 * S), 1 * MS),
      k("tx_proof_size", size(0, 16 * MIB), 1024L));

  /** {@code [collator]}: collator node settings. */
  public static final Section COLLATOR = new Section("collator",
      k("kind", oneOf("basic", "lookahead", "slot-based"), "basic"),
      k("authoring_duration", duration(1 * MS, 60 * S), 500 * MS),
      k("once_per_slot", bool(), true),
      k("parent_search", oneOf("F1", "F2"), "F1"),
      k("max_pov_percentage", integer(1, 100), 85),
      k("slot_offset", duration(0, 60 * S), 1 * S));

  /**
   * The keys of a {@code [[paras]]} entry besides {@code id}, {@code collator} and the
   * {@code [para]} keys: what the relay chain gives the para.
   */
  public static final Section PARAS = new Section("paras",
      k("cores", integer(1, 1000), 1));

  /** {@code [faults]}. */
  public static final Section FAULTS = new Section("faults",
      k("offline_validators", integerList(0, 1_000_000), List.of()),
      k("legacy_validators", integerList(0, 1_000_000), List.of()),
      k("offline_collators", textList(s -> s.matches("[0-9]+:[0-9]+"), "\"para:index\" strings"),
          List.of()),
      k("outages", KeyType.outages(1_000_000), List.of()),
      k("crashes", KeyType.crashes(1_000_000), List.of()),
      k("partitions", KeyType.partitions(1_000_000), List.of()),
      k("latency_spikes", KeyType.latencySpikes(), List.of()),
      k("slow_validators", KeyType.slowValidators(1_000_000), List.of()),
      k("misbehaving_collators", KeyType.misbehavingCollators(MISBEHAVIOURS), List.of()),
      k("collator_crashes", KeyType.collatorCrashes(), List.of()));

  /** The relay keys an upgrade may change (they go through the host configuration). */
  public static final List<String> RELAY_UPGRADABLE = List.of("max_candidate_depth",
      "allowed_ancestry_len", "scheduling_lookahead", "minimum_backing_votes", "needed_approvals",
      "group_rotation_frequency", "paras_availability_period", "max_pov_size",
      "backing_execution_timeout", "approval_execution_timeout");

  /** Every section, in file order. */
  public static final List<Section> ALL =
      List.of(TOP, NETWORK, HARDWARE, RELAY, PARA, COLLATOR, PARAS, FAULTS);
}
