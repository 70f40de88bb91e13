package io.parapipe.sim.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.sim.results.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code scenarios/faults/pvf-recompilation.toml}: governance changes the PVF execution timeouts
 * at session 2 (relay block 41 on). With artifacts keyed by all executor parameters, as when async
 * backing rolled out, every validator compiles each PVF again on first use, and candidate
 * validation and finality lag until it has; with the preparation-params key (polkadot-sdk PR
 * #4211) the same change costs nothing.
 */
class PvfRecompilationTest {
  private static final Path FILE = Networks.SCENARIOS.resolve("faults/pvf-recompilation.toml");

  @Test
  void aTimeoutChangeRecompilesEveryPvfAndFinalityLagsThenRecovers() throws Exception {
    RunResult all = Networks.run(Networks.toml(Files.readString(FILE)));
    RunResult prep = Networks.run(Networks.toml(Files.readString(FILE)
        .replace("pvf_artifact_key = \"all-executor-params\"", "pvf_artifact_key = \"preparation-params\"")));
    assertThat(all.invariants().violations()).isEmpty();
    // Finality lag of the blocks just after the change: compile time (10 s) on top of checking.
    double worstAfterChange = maxLagMs(all, 41, 50);
    assertThat(worstAfterChange).isGreaterThan(10_000.0);
    assertThat(maxLagMs(prep, 41, 50)).isLessThan(8_000.0);
    // Once compiled, finality keeps up again.
    assertThat(all.relay().unfinalizedTail()).isLessThanOrEqualTo(3);
    assertThat(maxLagMs(all, 70, 95)).isLessThan(8_000.0);
  }

  private static double maxLagMs(RunResult r, int from, int to) {
    return r.relay().chain().stream()
        .filter(b -> b.number() >= from && b.number() < to && b.finalizedAtMs() != null)
        .mapToDouble(b -> b.finalizedAtMs() - b.authoredAtMs())
        .max().orElseThrow();
  }
}
