package io.parapipe.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.parapipe.protocol.relay.node.approval.ApprovalDistribution;
import io.parapipe.protocol.relay.node.chain.BlockTree;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScenarioLoaderTest {
  private static final Path ROOT = Path.of("..");

  @Test
  void shippedSyncScenarioIsTheEmbeddedDefault() {
    Scenario file = ScenarioLoader.load(ROOT.resolve("scenarios/sync.toml"));
    Scenario embedded = ScenarioLoader.defaults();
    assertThat(file.toJson()).isEqualTo(embedded.toJson());
    assertThat(embedded.paras()).extracting(ParaSpec::id).containsExactly(2000, 2001, 2002);
    assertThat(embedded.durationMicros()).isEqualTo(600_000_000L);
  }

  @Test
  void builtInSyncAndAsyncDifferOnlyInBacking() throws Exception {
    String syncText = ScenarioLoader.builtInText("sync").orElseThrow();
    String asyncText = ScenarioLoader.builtInText("async").orElseThrow();
    assertThat(syncText).isEqualTo(Files.readString(ROOT.resolve("scenarios/sync.toml")));
    assertThat(ScenarioLoader.builtInText("no-such-scenario")).isEmpty();
    // Same network, hardware and seed: `compare` without --config isolates the backing mode.
    Scenario sync = ScenarioLoader.parse(syncText, "sync");
    Scenario async = ScenarioLoader.parse(asyncText, "async");
    assertThat(async.network()).isEqualTo(sync.network());
    assertThat(async.hardware()).isEqualTo(sync.hardware());
    assertThat(async.seed()).isEqualTo(sync.seed());
    assertThat(async.durationMicros()).isEqualTo(sync.durationMicros());
    JsonNode syncToml = new TomlMapper().readTree(syncText);
    JsonNode asyncToml = new TomlMapper().readTree(asyncText);
    assertThat(syncToml.path("relay").path("max_candidate_depth").asInt()).isZero();
    assertThat(asyncToml.path("relay").path("max_candidate_depth").asInt()).isEqualTo(3);
    assertThat(asyncToml.path("relay").path("allowed_ancestry_len").asInt()).isEqualTo(2);
    assertThat(asyncToml.path("para").path("unincluded_segment_capacity").asInt()).isEqualTo(3);
    assertThat(asyncToml.path("collator").path("kind").asText()).isEqualTo("lookahead");
  }

  @Test
  void everyKeyIsDocumented() throws Exception {
    String docs = Files.readString(ROOT.resolve("docs/scenario.md"));
    for (Section s : ScenarioKeys.ALL) {
      for (String k : s.keyNames()) {
        assertThat(docs).as("docs/scenario.md documents %s.%s", s.name(), k).contains("`" + k + "`");
      }
    }
  }

  @Test
  void defaultsThatMirrorProtocolConstantsMatchThem() {
    // The scenario's defaults are literals (the key table does not read the protocol's classes):
    // these pin the ones whose value is an upstream constant the protocol code also holds.
    assertThat(ScenarioKeys.RELAY.key("approval_random_routing").defaultValue())
        .isEqualTo(ApprovalDistribution.DEFAULT_RANDOM_ROUTING);
    assertThat(ScenarioKeys.NETWORK.key("state_pruning").defaultValue())
        .isEqualTo(BlockTree.KEPT_BELOW_FINALITY);
  }

  @Test
  void perParaOverridesAndUpgradesAreRead() {
    Scenario s = ScenarioLoader.parse("""
        [para]
        unincluded_segment_capacity = 3
        [[paras]]
        id = 2001
        slot_duration = "6s"
        collator = { kind = "lookahead", authoring_duration = "2s" }
        [[upgrades]]
        at_relay_block = 50
        paras = [2000]
        relay = { max_candidate_depth = 3, allowed_ancestry_len = 2 }
        runtime = { allow_multiple_blocks_per_slot = true }
        """, "t.toml");
    ParaSpec p0 = s.paras().get(0);
    ParaSpec p1 = s.paras().get(1);
    assertThat(p0.runtime().integer("unincluded_segment_capacity")).isEqualTo(3);
    assertThat(p0.runtime().micros("slot_duration")).isEqualTo(12_000_000L);
    assertThat(p1.runtime().micros("slot_duration")).isEqualTo(6_000_000L);
    assertThat(p1.runtime().integer("unincluded_segment_capacity")).isEqualTo(3);
    assertThat(p1.collator().text("kind")).isEqualTo("lookahead");
    assertThat(p1.collator().micros("authoring_duration")).isEqualTo(2_000_000L);
    UpgradeSpec u = s.upgrades().get(0);
    assertThat(u.atRelayBlock()).isEqualTo(50);
    assertThat(u.relay()).containsEntry("max_candidate_depth", 3);
    assertThat(u.appliesTo(2000)).isTrue();
    assertThat(u.appliesTo(2001)).isFalse();
    assertThat(s.toJson().get("upgrades").get(0).get("relay").get("allowed_ancestry_len").asInt())
        .isEqualTo(2);
  }

  @Test
  void upgradeChangesKeepTheirKeysSortedSoTheResultsEchoIsStable() {
    // Map.copyOf iterates in an order salted per JVM start, which once made the results JSON of
    // a scenario with upgrades differ between two runs of the same seed.
    Scenario s = ScenarioLoader.parse("""
        [[upgrades]]
        at_relay_block = 40
        runtime = { unincluded_segment_capacity = 3, slot_duration = "6s", allow_multiple_blocks_per_slot = true, minimum_period = "0s", max_block_weight = "2s", block_processing_velocity = 1 }
        """, "t.toml");
    assertThat(s.upgrades().get(0).runtime().keySet()).containsExactly("allow_multiple_blocks_per_slot",
        "block_processing_velocity", "max_block_weight", "minimum_period", "slot_duration",
        "unincluded_segment_capacity");
  }

  static Stream<Arguments> badInputs() {
    return Stream.of(
        Arguments.of("[relay]\nnum_corez = 5", "unknown key relay.num_corez in t.toml"),
        Arguments.of("[relay]\nnum_cores = \"five\"", "relay.num_cores = \"five\" in t.toml: must be an integer from 1 to 1000"),
        Arguments.of("[relay]\nnum_cores = 0", "relay.num_cores = 0 in t.toml: must be an integer from 1 to 1000"),
        Arguments.of("[para]\nslot_duration = 6000", "para.slot_duration = 6000 in t.toml: must be a duration with a unit"),
        Arguments.of("[network]\nparas = 6", "network.paras = 6 exceeds relay.num_cores = 5"),
        Arguments.of("[relay]\nnum_cores = 30", "relay.num_cores = 30 exceeds network.validators = 20"),
        Arguments.of("[[paras]]\nid = 2000\ncores = 4", "the paras hold 6 cores ([[paras]] cores, 1 by default) but "
            + "relay.num_cores = 5: each core is assigned to one para (bulk coretime); raise relay.num_cores to at least 6"),
        Arguments.of("[[paras]]\nid = 2000\ncores = 0", "paras[0].cores = 0 in t.toml: must be an integer from 1 to 1000"),
        Arguments.of("[relay]\nnode_features = [\"ElasticScaling\"]", "relay.node_features = [\"ElasticScaling\"] in t.toml: "
            + "must be an array of node feature names (ElasticScalingMVP, AvailabilityChunkMapping, "
            + "CandidateReceiptV2)"),
        Arguments.of("[[upgrades]]\nat_session = 2\nrelay = { node_features = [] }",
            "upgrades[0].relay.node_features cannot change during a run"),
        Arguments.of("[faults]\noffline_validators = [20]", "faults.offline_validators contains 20"),
        Arguments.of("[faults]\nmisbehaving_collators = [\"2000:0:v1-descriptor\"]",
            "faults.misbehaving_collators contains \"2000:0:v1-descriptor\" but para 2000 does not run the slot-based collator"),
        Arguments.of("[collator]\nkind = \"slot-based\"\n[faults]\nmisbehaving_collators = [\"2000:5:v1-descriptor\"]",
            "faults.misbehaving_collators contains \"2000:5:v1-descriptor\": paras are 2000..2002 and collator indices run from 0 to 1"),
        Arguments.of("[faults]\nmisbehaving_collators = [\"2000:0:lazy\"]",
            "faults.misbehaving_collators"),
        Arguments.of("[collator]\nkind = \"fast\"", "collator.kind = \"fast\" in t.toml: must be one of \"basic\", \"lookahead\", \"slot-based\""),
        Arguments.of("[[upgrades]]\nruntime = { unincluded_segment_capacity = 3 }", "upgrades[0] needs exactly one of at_relay_block and at_session"),
        Arguments.of("[[upgrades]]\nat_session = 1\nrelay = { num_cores = 3 }", "upgrades[0].relay.num_cores cannot change during a run"),
        Arguments.of("[[paras]]\nid = 3000", "paras[0].id = 3000 is not a para of this network; the paras are 2000..2002"),
        Arguments.of("[[paras]]\nid = 2000\n[[paras]]\nid = 2000\nslot_duration = \"6s\"",
            "paras[1].id = 2000 repeats paras[0] in t.toml; give each para one [[paras]] entry with all its overrides"),
        Arguments.of("[faults]\noffline_validators = [3, 1, 3]", "faults.offline_validators lists validator 3 twice in t.toml"),
        Arguments.of("[faults]\nlegacy_validators = [20]",
            "faults.legacy_validators contains 20 but validator indices run from 0 to 19 in t.toml"),
        Arguments.of("[faults]\nlegacy_validators = [0, 1, 0]", "faults.legacy_validators lists validator 0 twice in t.toml"),
        Arguments.of("[faults]\nlegacy_validators = [-1]", "faults.legacy_validators"),
        Arguments.of("[faults]\noffline_collators = [\"2000:1\", \"2000:01\"]",
            "faults.offline_collators lists collator \"2000:01\" twice in t.toml"),
        Arguments.of("[faults]\noffline_collators = [\"99999999999:0\"]",
            "faults.offline_collators contains \"99999999999:0\": paras are 2000..2002"),
        Arguments.of("[faults]\noutages = [{ validators = [1, 1], from = \"1s\", until = \"2s\" }]",
            "faults.outages[0].validators lists validator 1 twice in t.toml"),
        Arguments.of("[faults]\noutages = [{ validators = [1, 2], from = \"1s\", until = \"20s\" },"
            + " { validators = [3, 2], from = \"10s\", until = \"30s\" }]",
            "faults.outages[0] and faults.outages[1] both cut off validator 2 at overlapping times;"
            + " merge them into one window in t.toml"),
        Arguments.of("[[faults.crashes]]\nvalidators = [1]\nat = \"60s\"\nrestart_at = \"30s\"",
            "faults.crashes[0] restarts at 30s, not after it crashes at 1m in t.toml; restart_at must be later than at"),
        Arguments.of("[[faults.crashes]]\nvalidators = [20]\nat = \"1s\"\nrestart_at = \"2s\"",
            "faults.crashes[0] names validator 20 but validator indices run from 0 to 19 in t.toml"),
        Arguments.of("[[faults.crashes]]\nvalidators = [1, 2]\nat = \"1s\"\nrestart_at = \"20s\"\nstate = \"lost\"\n"
            + "[[faults.crashes]]\nvalidators = [2]\nat = \"10s\"\nrestart_at = \"30s\"",
            "faults.crashes[0] and faults.crashes[1] both take down validator 2 at overlapping times in t.toml;"
            + " a validator must restart before it crashes again"),
        Arguments.of("[[faults.crashes]]\nvalidators = [1]\nat = \"1s\"\nrestart_at = \"2s\"\nstate = \"gone\"",
            "faults.crashes = "),
        Arguments.of("[[faults.collator_crashes]]\npara = 2007\ncollator = 0\nat = \"1s\"\nrestart_at = \"2s\"",
            "faults.collator_crashes[0].para = 2007 is not a para of this network; the paras are 2000..2002 in t.toml"),
        Arguments.of("[[faults.collator_crashes]]\npara = 2000\ncollator = 2\nat = \"1s\"\nrestart_at = \"2s\"",
            "faults.collator_crashes[0].collator = 2 but collator indices run from 0 to 1 in t.toml;"
            + " set network.collators_per_para to have more"),
        Arguments.of("[[faults.collator_crashes]]\npara = 2000\ncollator = 1\nat = \"60s\"\nrestart_at = \"30s\"",
            "faults.collator_crashes[0] restarts at 30s, not after it crashes at 1m in t.toml; restart_at must be later than at"),
        Arguments.of("[[faults.collator_crashes]]\npara = 2000\ncollator = 1\nat = \"10s\"\nrestart_at = \"30s\"\n"
            + "[[faults.collator_crashes]]\npara = 2001\ncollator = 1\nat = \"10s\"\nrestart_at = \"30s\"\n"
            + "[[faults.collator_crashes]]\npara = 2000\ncollator = 1\nat = \"20s\"\nrestart_at = \"40s\"",
            "faults.collator_crashes[0] and faults.collator_crashes[2] both take down collator 1 of para 2000 at "
            + "overlapping times in t.toml; a collator must restart before it crashes again"),
        Arguments.of("[[faults.collator_crashes]]\npara = 2000\nat = \"1s\"\nrestart_at = \"2s\"",
            "faults.collator_crashes = "),
        Arguments.of("[[faults.misbehaving_collators]]\npara = 2009\ncollator = 0\nbehaviour = \"invalid-pov\"",
            "faults.misbehaving_collators contains \"2009:0:invalid-pov\": paras are 2000..2002 and collator indices run from 0 to 1"),
        Arguments.of("[[faults.misbehaving_collators]]\npara = 2000\ncollator = 0\nbehaviour = \"lazy\"",
            "faults.misbehaving_collators = "),
        Arguments.of("[[faults.misbehaving_collators]]\npara = 2000\ncollator = 0\nbehaviour = \"invalid-pov\"\n"
            + "[[faults.misbehaving_collators]]\npara = 2000\ncollator = 0\nbehaviour = \"withheld-collation\"",
            "faults.misbehaving_collators names collator \"2000:0\" twice"),
        Arguments.of("[[faults.partitions]]\nsides = [[0, 1], [2, 1]]\nat = \"1s\"\nend = \"2s\"",
            "faults.partitions[0] puts validator 1 on sides 0 and 1 in t.toml; each validator is on at most one side"),
        Arguments.of("[[faults.partitions]]\nsides = [[0, 1], [2, 25]]\nat = \"1s\"\nend = \"2s\"",
            "faults.partitions[0] names validator 25 but validator indices run from 0 to 19 in t.toml"),
        Arguments.of("[[faults.partitions]]\nsides = [[0, 1], [2]]\nat = \"10s\"\nend = \"5s\"",
            "faults.partitions[0] ends at 5s, not after it starts at 10s in t.toml; end must be later than at"),
        Arguments.of("[[faults.latency_spikes]]\nat = \"10s\"\nend = \"10s\"\nextra = \"500ms\"",
            "faults.latency_spikes[0] ends at 10s, not after it starts at 10s in t.toml; end must be later than at"),
        Arguments.of("[[faults.slow_validators]]\nvalidators = [1, 2]\nfactor = 2\n"
            + "[[faults.slow_validators]]\nvalidators = [2]\nfactor = 3",
            "faults.slow_validators[0] and faults.slow_validators[1] both name validator 2 in t.toml; give each validator one factor"),
        Arguments.of("[[faults.slow_validators]]\nvalidators = [20]\nfactor = 2",
            "faults.slow_validators[0] names validator 20 but validator indices run from 0 to 19 in t.toml"),
        Arguments.of("[[faults.slow_validators]]\nvalidators = [1]\nfactor = 0.5",
            "faults.slow_validators = "),
        Arguments.of("[[faults.latency_spikes]]\nat = \"1s\"\nend = \"10s\"",
            "faults.latency_spikes = "),
        Arguments.of("[[faults.partitions]]\nsides = [[0, 1]]\nat = \"1s\"\nend = \"5s\"",
            "faults.partitions = "),
        Arguments.of("[[upgrades]]\nat_relay_block = 5\nparas = []\nruntime = { slot_duration = \"6s\" }",
            "upgrades[0].paras is empty in t.toml; list the para ids, or leave paras out to upgrade every para"),
        Arguments.of("[[upgrades]]\nat_relay_block = 5\nparas = [2001, 2001]\nruntime = { slot_duration = \"6s\" }",
            "upgrades[0].paras lists 2001 twice in t.toml"),
        Arguments.of("[[upgrades]]\nat_relay_block = 5\nparas = [2001]\nrelay = { max_candidate_depth = 3 }",
            "upgrades[0].paras has nothing to apply to (relay changes are for the whole relay chain) in t.toml;"),
        Arguments.of("[[upgrades]]\nat_relay_block = 5\nparas = [2007]\nruntime = { slot_duration = \"6s\" }",
            "upgrades[0].paras contains 2007, which is not a para of this network; the paras are 2000..2002 in t.toml"),
        Arguments.of("[network]\nlatency = \"-5ms\"", "network.latency = \"-5ms\" in t.toml: must be a duration"),
        Arguments.of("[relay]\nslot_duration = \"0s\"", "relay.slot_duration = \"0s\" in t.toml: must be a duration with a unit (like \"6s\" or \"500ms\") from 100ms to 10m"),
        Arguments.of("[collator]\nauthoring_duration = \"0ms\"", "collator.authoring_duration = \"0ms\" in t.toml: must be a duration"),
        Arguments.of("[network]\nblock_propagation = \"flood\"",
            "network.block_propagation = \"flood\" in t.toml: must be one of"),
        Arguments.of("[network]\nsync_peers = 0", "network.sync_peers = 0 in t.toml: must be an integer from 1 to 1000"),
        Arguments.of("[network]\nsync_peers = \"eight\"", "network.sync_peers = \"eight\" in t.toml"),
        Arguments.of("[network]\nstate_pruning = 15", "network.state_pruning = 15 in t.toml: must be an integer from 16 to 10000000"),
        Arguments.of("[network]\nmessage_loss = 1.5", "network.message_loss = 1.5 in t.toml: must be a number from 0 to 1"),
        Arguments.of("[relay]\nmissed_slot_probability = -0.1", "relay.missed_slot_probability = -0.1 in t.toml: must be a number from 0 to 0.99"),
        Arguments.of("[network]\nmessage_loss = nan", "network.message_loss = \"NaN\" in t.toml: must be a number from 0 to 1"),
        Arguments.of("[faults]\noffline_validators = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]",
            "faults.offline_validators contains 20 but validator indices run from 0 to 19"),
        Arguments.of("speed = 3", "unknown key speed in t.toml"),
        Arguments.of("[relay\nx=1", "cannot parse t.toml at line 1"));
  }

  @ParameterizedTest
  @MethodSource("badInputs")
  void badInputIsOneClearLine(String toml, String expectedStart) {
    assertThatThrownBy(() -> ScenarioLoader.parse(toml, "t.toml"))
        .isInstanceOf(ScenarioConfigException.class)
        .hasMessageStartingWith(expectedStart)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  /** An hour of 6 s slots: 600 relay blocks, past the 256 that nodes keep below finality. */
  private static final String HOUR = "duration = \"60m\"\n";

  /** Faults that would need blocks pruned 256 below finality, with the error each gives. */
  static Stream<Arguments> faultsBeyondPruning() {
    return Stream.of(
        Arguments.of(HOUR + "[[faults.crashes]]\nvalidators = [3]\nat = \"20m\"\nrestart_at = \"40m\"\nstate = \"lost\"",
            "faults.crashes[0] restarts validator 3 without its state at 40m, after the 256 relay blocks (25m36s)"
                + " that nodes keep below finality: peers can no longer send it the chain from genesis (warp sync is"
                + " not modelled) in t.toml; restart it before 25m36s, keep the state, or raise"
                + " network.state_pruning to at least 401 (the blocks to fetch)",
            401),
        Arguments.of(HOUR + "[[faults.crashes]]\nvalidators = [1]\nat = \"1m\"\nrestart_at = \"2m\"\n"
                + "[[faults.crashes]]\nvalidators = [3, 4]\nat = \"10m\"\nrestart_at = \"40m\"",
            "faults.crashes[1] keeps validators 3 and 4 down for 30m (10m to 40m), 300 relay slots, while nodes"
                + " keep 256 relay blocks (25m36s) below finality: peers can no longer send them the blocks"
                + " finalized meanwhile in t.toml; restart them less than 25m36s after the crash, or raise"
                + " network.state_pruning to at least 301 (the blocks to fetch)",
            301),
        Arguments.of(HOUR + "[faults]\noutages = [ { validators = [0, 1, 2], from = \"10m\", until = \"40m\" } ]",
            "faults.outages[0] cuts off validators 0, 1 and 2 for 30m (10m to 40m), 300 relay slots, while nodes"
                + " keep 256 relay blocks (25m36s) below finality: peers can no longer send them the blocks"
                + " finalized meanwhile in t.toml; end it less than 25m36s after it starts, or raise"
                + " network.state_pruning to at least 301 (the blocks to fetch)",
            301),
        Arguments.of(HOUR + "[[faults.partitions]]\nsides = [[0, 1, 2, 3, 4, 5], [6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]]\n"
                + "at = \"5m\"\nend = \"1836s\"",
            "faults.partitions[0] splits the validators for 25m36s (5m to 1836s), 256 relay slots, while nodes"
                + " keep 256 relay blocks (25m36s) below finality: a side can no longer fetch the blocks the other"
                + " finalized meanwhile in t.toml; end it less than 25m36s after it starts, or raise"
                + " network.state_pruning to at least 257 (the blocks to fetch)",
            257));
  }

  @ParameterizedTest
  @MethodSource("faultsBeyondPruning")
  void aFaultThatNeedsPrunedBlocksIsRejectedUnlessStatePruningKeepsThem(String toml, String error, int enough) {
    assertThatThrownBy(() -> ScenarioLoader.parse(toml, "t.toml"))
        .isInstanceOf(ScenarioConfigException.class)
        .hasMessage(error);
    assertThatThrownBy(() -> ScenarioLoader.parse(toml + "\n[network]\nstate_pruning = " + (enough - 1), "t.toml"))
        .isInstanceOf(ScenarioConfigException.class)
        .hasMessageContaining("network.state_pruning to at least " + enough);
    Scenario kept = ScenarioLoader.parse(toml + "\n[network]\nstate_pruning = " + enough, "t.toml");
    assertThat(kept.network().integer("state_pruning")).isEqualTo(enough);
  }

  @Test
  void faultsWithinPruningOrOpenAtTheEndPass() {
    // Just under 256 slots down, kept state; a lost-state restart before 25m36s; windows that the
    // run ends inside fetch nothing.
    Scenario s = ScenarioLoader.parse(HOUR
        + "[faults]\noutages = [ { validators = [8], from = \"1m\", until = \"61m\" } ]\n"
        + "[[faults.crashes]]\nvalidators = [1]\nat = \"10m\"\nrestart_at = \"2135s\"\n"
        + "[[faults.crashes]]\nvalidators = [2]\nat = \"1m\"\nrestart_at = \"1535s\"\nstate = \"lost\"\n"
        + "[[faults.crashes]]\nvalidators = [3]\nat = \"20m\"\nrestart_at = \"60m\"\nstate = \"lost\"\n"
        + "[[faults.partitions]]\nsides = [[4, 5], [6, 7]]\nat = \"10m\"\nend = \"2h\"", "t.toml");
    assertThat((java.util.List<?>) s.faults().asMap().get("crashes")).hasSize(3);
  }

  @Test
  void aFileThatIsNotUtf8IsAnErrorNamingTheByteAndWhereItIs(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("latin1.toml");
    Files.write(file, "# scenario\nname = \"caf\u00e9\"\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> ScenarioLoader.load(file))
        .isInstanceOf(ScenarioConfigException.class)
        .hasMessage(file + " is not UTF-8 text: byte 0xE9 at line 2, column 12; save the file as UTF-8");
  }

  @Test
  void aByteOrderMarkIsAccepted(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bom.toml");
    Files.write(file, "\uFEFFname = \"caf\u00e9\"\n".getBytes(StandardCharsets.UTF_8));
    assertThat(ScenarioLoader.load(file).name()).isEqualTo("caf\u00e9");
  }

  @Test
  void aDirectoryIsNotAScenarioFile(@TempDir Path dir) {
    assertThatThrownBy(() -> ScenarioLoader.load(dir))
        .isInstanceOf(ScenarioConfigException.class)
        .hasMessage("scenario file " + dir + " is a directory; give a .toml file (the shipped ones"
            + " are in scenarios/)");
  }

  @Test
  void aParaCanHoldSeveralCores() {
    Scenario s = ScenarioLoader.parse("[relay]\nnum_cores = 6\nnode_features = [\"ElasticScalingMVP\", "
        + "\"CandidateReceiptV2\"]\n[[paras]]\nid = 2001\ncores = 3\n", "t.toml");
    assertThat(s.paras()).extracting(ParaSpec::cores).containsExactly(1, 3, 1);
    assertThat(s.toJson().get("paras").get(1).get("cores").asInt()).isEqualTo(3);
    assertThat(s.relay().texts("node_features")).containsExactly("ElasticScalingMVP", "CandidateReceiptV2");
    assertThat(ScenarioLoader.defaults().relay().texts("node_features")).containsExactly("CandidateReceiptV2");
  }

  @Test
  void missingFileIsAUserError() {
    assertThatThrownBy(() -> ScenarioLoader.load(Path.of("no/such.toml")))
        .isInstanceOf(ScenarioConfigException.class)
        .hasMessage("scenario file no/such.toml does not exist");
  }

  @Test
  void unitsRoundTrip() {
    assertThat(UnitText.parseDurationMicros("1.5s")).isEqualTo(1_500_000L);
    assertThat(UnitText.parseDurationMicros("6 s")).isEqualTo(6_000_000L);
    assertThat(UnitText.parseDurationMicros("6")).isEqualTo(-1);
    assertThat(UnitText.formatDuration(1_500_000L)).isEqualTo("1500ms");
    assertThat(UnitText.formatDuration(3_600_000_000L)).isEqualTo("1h");
    assertThat(UnitText.parseSizeBytes("5MiB")).isEqualTo(5L * 1024 * 1024);
    assertThat(UnitText.parseBandwidthBytesPerSecond("1Gbit/s")).isEqualTo(125_000_000L);
    assertThat(UnitText.formatBandwidth(125_000_000L)).isEqualTo("1Gbit/s");
  }
}
