package io.parapipe.sim.results;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parapipe.sim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunsTest {
  @Test
  void unwritableTraceFailsBeforeTheRunStarts(@TempDir Path dir) {
    Path trace = dir.resolve("missing/trace.jsonl");
    assertThatThrownBy(() -> Runs.run(ScenarioLoader.defaults(), Optional.of(trace), t -> { }))
        .isInstanceOf(RunFileUserError.class)
        .hasMessage("cannot write trace file " + trace + ": no such file or directory");
  }
}
