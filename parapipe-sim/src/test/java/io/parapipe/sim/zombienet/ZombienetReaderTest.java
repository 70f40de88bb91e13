package io.parapipe.sim.zombienet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parapipe.sim.scenario.Scenario;
import io.parapipe.sim.scenario.ScenarioConfigException;
import io.parapipe.sim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZombienetReaderTest {
  static final Path EXAMPLES = Path.of("..", "scenarios", "zombienet");

  static Scenario scenario(ZombienetImport z) {
    return ScenarioLoader.parse(z.scenarioTree(), "test");
  }

  @Test
  void theAsyncExampleSetsValidatorsParasCollatorsAndTheHostConfiguration() {
    ZombienetImport z = ZombienetReader.read(EXAMPLES.resolve("async-backing-6s.toml"),
        ScenarioLoader.readTree(Path.of("..", "scenarios", "async.toml")));
    Scenario s = scenario(z);
    assertThat(s.network().integer("validators")).isEqualTo(1 + 4);
    assertThat(s.paras()).hasSize(2);
    assertThat(s.network().integer("collators_per_para")).isEqualTo(2);
    assertThat(s.relay().integer("max_candidate_depth")).isEqualTo(3);
    assertThat(s.relay().integer("allowed_ancestry_len")).isEqualTo(2);
    assertThat(s.relay().integer("num_cores")).isEqualTo(2);
    assertThat(s.relay().integer("scheduling_lookahead")).isEqualTo(3);
    assertThat(s.relay().integer("needed_approvals")).isEqualTo(3);
    // The para runtime comes from the base scenario.
    assertThat(s.paras().get(0).runtime().integer("unincluded_segment_capacity")).isEqualTo(3);
    assertThat(z.ignored()).contains("settings.timeout", "relaychain.chain",
        "relaychain.node_groups[].args", "parachains[].collators[].command")
        .doesNotContain("relaychain.node_groups[].count", "parachains[].id");
    assertThat(z.notes()).isEmpty();
  }

  @Test
  void theSyncExampleRenumbersParasAndSkipsFullNodes() {
    ZombienetImport z = ZombienetReader.read(EXAMPLES.resolve("sync-small.toml"), null);
    Scenario s = scenario(z);
    assertThat(s.network().integer("validators")).isEqualTo(4);
    assertThat(s.relay().integer("num_cores")).isEqualTo(2);
    assertThat(s.relay().integer("max_candidate_depth")).isZero();
    assertThat(s.name()).isEqualTo("sync-small");
    assertThat(z.notes()).contains("relaychain.nodes[4] is a full node, not a validator: not "
        + "simulated", "para ids are numbered from 2000 in file order: 100 as 2000, 1000 as 2001");
  }

  @Test
  void upstreamsMisplacedFieldsAreNamedAsIgnored(@TempDir Path dir) throws Exception {
    // As polkadot-sdk's zombienet tests write them: scheduling_lookahead and needed_approvals in
    // parameter structs that have no such field.
    Path f = Files.writeString(dir.resolve("n.toml"), """
        [relaychain.genesis.runtimeGenesis.patch.configuration.config.scheduler_params]
        max_validators_per_core = 1
        scheduling_lookahead = 2
        num_cores = 3
        [relaychain.genesis.runtimeGenesis.patch.configuration.config.approval_voting_params]
        needed_approvals = 3
        max_approval_coalesce_count = 5
        [relaychain]
        chain = "rococo-local"
        [[relaychain.node_groups]]
        name = "v"
        count = 5
        [[parachains]]
        id = 2000
        [parachains.collator]
        name = "c"
        """);
    ZombienetImport z = ZombienetReader.read(f, null);
    Scenario s = scenario(z);
    assertThat(s.relay().integer("num_cores")).isEqualTo(3);
    assertThat(s.relay().integer("max_validators_per_core")).isEqualTo(1);
    assertThat(s.relay().integer("scheduling_lookahead")).isEqualTo(1);
    assertThat(z.notes()).anySatisfy(n -> assertThat(n).contains(
        "scheduler_params.scheduling_lookahead ignored: SchedulerParams has no "
            + "scheduling_lookahead; its field is scheduler_params.lookahead"));
    assertThat(z.notes()).anySatisfy(n -> assertThat(n).contains(
        "approval_voting_params.needed_approvals ignored"));
    assertThat(z.ignored()).contains("relaychain.genesis.runtimeGenesis.patch.configuration.config"
        + ".approval_voting_params.max_approval_coalesce_count");
  }

  @Test
  void whatCannotBeReadIsAClearError(@TempDir Path dir) throws Exception {
    Path templated = Files.writeString(dir.resolve("t.toml"),
        "[relaychain]\n{% for id in range(2000,2002) %}\n[[parachains]]\nid = {{id}}\n{% endfor %}\n");
    assertThatThrownBy(() -> ZombienetReader.read(templated, null))
        .isInstanceOf(ScenarioConfigException.class).hasMessageContaining("template tags");
    Path noParas = Files.writeString(dir.resolve("p.toml"),
        "[relaychain]\n[[relaychain.nodes]]\nname = \"alice\"\n");
    assertThatThrownBy(() -> ZombienetReader.read(noParas, null))
        .hasMessageContaining("no [[parachains]]");
    assertThatThrownBy(() -> ZombienetReader.read(dir.resolve("missing.toml"), null))
        .hasMessageContaining("does not exist");
    Path json = Files.writeString(dir.resolve("n.json"), """
        {"relaychain": {"nodes": [{"name": "a"}, {"name": "b"}]},
         "parachains": [{"id": 2000, "collator": {"name": "c"}}]}
        """);
    assertThat(scenario(ZombienetReader.read(json, null)).network().integer("validators"))
        .isEqualTo(2);
  }
}
