package io.parapipe.sim.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.sim.results.RunResult;
import io.parapipe.sim.scenario.UnitText;
import java.nio.file.Files;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Finality crosses session boundaries. A session change reshuffles validator indices, so a
 * validator's chunk index for a candidate backed in the old session is no longer its index in the
 * new one; approval checkers recovering such a candidate ask for chunks by the old indices. Before
 * chunks were served by the index they were stored under, recovery of the candidates included in
 * a session's first block failed, that block was never approved, and finality stopped for good at
 * the first session change (an async run of 2 h finalized 599 of 1,200 blocks).
 */
class SessionChangeFinalityTest {
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sync.toml", "async.toml"})
  void finalityKeepsUpAcrossSessionChanges(String file) throws Exception {
    // Sessions of 20 blocks: a 5-minute run crosses two session boundaries.
    String text = Files.readString(Networks.SCENARIOS.resolve(file))
        .replace("session_length = 600", "").replace("[relay]\n", "[relay]\nsession_length = 20\n");
    assertThat(text).contains("session_length = 20");
    RunResult r = Networks.run(Networks.toml(text).withDuration(UnitText.parseDurationMicros("5m")));
    assertThat(r.relay().sessions()).isGreaterThanOrEqualTo(3);
    assertThat(r.invariants().violations()).isEmpty();
    assertThat(r.relay().unfinalizedTail()).isLessThanOrEqualTo(3);
    assertThat(r.relay().finalityStalls()).isEmpty();
  }
}
