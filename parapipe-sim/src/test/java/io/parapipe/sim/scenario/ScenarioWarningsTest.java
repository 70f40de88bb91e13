package io.parapipe.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ScenarioWarningsTest {
  private static List<String> warnings(String toml) {
    return ScenarioWarnings.of(ScenarioLoader.parse(toml, "t.toml"));
  }

  @Test
  void theShippedScenariosAndTheDefaultWarnOfNothing() throws IOException {
    assertThat(ScenarioWarnings.of(ScenarioLoader.defaults())).isEmpty();
    try (Stream<Path> files = Files.list(Path.of("../scenarios"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".toml")).sorted().toList()) {
        assertThat(ScenarioWarnings.of(ScenarioLoader.load(f))).as(f.toString()).isEmpty();
      }
    }
  }

  @Test
  void everyValidatorOffline() {
    StringBuilder all = new StringBuilder();
    for (int v = 0; v < 20; v++) {
      all.append(v == 0 ? "" : ", ").append(v);
    }
    assertThat(warnings("[faults]\noffline_validators = [" + all + "]")).containsExactly(
        "every validator is offline (faults.offline_validators lists all 20): no relay block will"
            + " be authored");
  }

  @Test
  void fewerOnlineValidatorsThanASupermajority() {
    // 20 validators: the supermajority is 14; 7 offline leave 13.
    assertThat(warnings("[faults]\noffline_validators = [0, 1, 2, 3, 4, 5, 6]")).containsExactly(
        "only 13 of 20 validators are online (faults.offline_validators): availability and"
            + " finality need 14, so no candidate can be included and no block finalized");
    assertThat(warnings("[faults]\noffline_validators = [0, 1, 2, 3, 4, 5]")).isEmpty();
  }

  @Test
  void everyMessageLost() {
    assertThat(warnings("[network]\nmessage_loss = 1.0")).containsExactly(
        "network.message_loss = 1.0: every message is lost, so no node hears another and no"
            + " candidate can be backed or included");
    assertThat(warnings("[network]\nmessage_loss = 0.99")).isEmpty();
  }

  @Test
  void parasWithoutAnOnlineCollator() {
    assertThat(warnings("[faults]\noffline_collators = [\"2001:0\", \"2001:1\", \"2002:0\"]"))
        .containsExactly("para 2001 has no online collator (faults.offline_collators lists all 2):"
            + " it builds no blocks");
    assertThat(warnings("[network]\nparas = 2\n[faults]\noffline_collators ="
        + " [\"2000:0\", \"2000:1\", \"2001:1\", \"2001:0\"]")).containsExactly(
        "no para has an online collator (faults.offline_collators lists all 2 of every para): no"
            + " para block will be built");
  }

  @Test
  void blocksThatCarryNoTransaction() {
    assertThat(warnings("[para]\ntx_ref_time = \"1s\"")).containsExactly(
        "paras 2000, 2001, 2002: a transaction (para.tx_ref_time = 1s) does not fit in a block (500ms of"
            + " ref_time: the smaller of max_block_weight and authoring_duration x"
            + " collator_speed), so every block is empty");
    assertThat(warnings("[[paras]]\nid = 2002\ntx_proof_size = \"6MiB\"")).containsExactly(
        "para 2002: a transaction's proof (para.tx_proof_size = 6MiB) exceeds relay.max_pov_size"
            + " (5MiB), so every block is empty");
  }

  @Test
  void fullBlocksBeyondTheBackingTimeout() {
    // 500 ms of ref_time executes in 325 ms at execution_fraction 0.65.
    assertThat(warnings("[relay]\nbacking_execution_timeout = \"300ms\"")).containsExactly(
        "paras 2000, 2001, 2002: a full block (500ms of ref_time) takes 325ms to execute on a"
            + " validator, more than relay.backing_execution_timeout (300ms), so its candidates"
            + " cannot be backed");
    assertThat(warnings("[relay]\nbacking_execution_timeout = \"300ms\"\n[para]\ndemand = 5"))
        .as("blocks hold what arrives").isEmpty();
    // Only the upgrade to 2 s blocks and 1.5 s of authoring makes them too slow.
    assertThat(warnings("[relay]\nbacking_execution_timeout = \"900ms\"\n[[upgrades]]\n"
        + "at_relay_block = 30\nparas = [2001]\nruntime = { max_block_weight = \"2s\" }\n"
        + "collator = { authoring_duration = \"1500ms\" }")).containsExactly(
        "para 2001 from relay block 30: a full block (1500ms of ref_time) takes 975ms to execute"
            + " on a validator, more than relay.backing_execution_timeout (900ms), so its"
            + " candidates cannot be backed");
  }

  @Test
  void upgradesAndOutagesAfterTheEndOfTheRun() {
    // 10 minutes of 6 s slots: the last relay block is 99.
    assertThat(warnings("[[upgrades]]\nat_relay_block = 120\nruntime = { slot_duration = \"6s\" }"))
        .containsExactly("upgrades[0] at_relay_block = 120 comes after the run's last relay block"
            + " (about 99): it never takes effect");
    assertThat(warnings("[[upgrades]]\nat_relay_block = 20\nrelay = { max_candidate_depth = 3 }"))
        .containsExactly("upgrades[0] changes the relay configuration at relay block 20, which"
            + " takes effect two session boundaries later (around relay block 1200,"
            + " session_length 600), after the run's last relay block (about 99): the relay"
            + " change never takes effect");
    assertThat(warnings("[relay]\nsession_length = 10\n[[upgrades]]\nat_relay_block = 20\n"
        + "relay = { max_candidate_depth = 3 }")).isEmpty();
    assertThat(warnings("[relay]\nsession_length = 10\n[[upgrades]]\nat_session = 12\n"
        + "relay = { max_candidate_depth = 3 }")).containsExactly("upgrades[0] at_session = 12"
        + " (relay block 121) comes after the run's last relay block (about 99): it never takes"
        + " effect");
    assertThat(warnings("[faults]\noutages = [{ validators = [1], from = \"10m\", until = \"11m\" }]"))
        .containsExactly("faults.outages[0] starts at 10m, when the run (10m) is over: it never"
            + " happens");
    assertThat(warnings("[[faults.crashes]]\nvalidators = [1]\nat = \"12m\"\nrestart_at = \"13m\""))
        .containsExactly("faults.crashes[0] crashes at 12m, when the run (10m) is over: it never happens");
    assertThat(warnings("[[faults.partitions]]\nsides = [[0], [1]]\nat = \"10m\"\nend = \"11m\""))
        .containsExactly("faults.partitions[0] starts at 10m, when the run (10m) is over: it never happens");
  }
}
