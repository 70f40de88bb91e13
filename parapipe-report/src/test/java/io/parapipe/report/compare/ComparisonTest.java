package io.parapipe.report.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.parapipe.report.Fixtures;
import io.parapipe.report.ReportUserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code compare} end to end, with a fake source that answers with the fixture runs. */
class ComparisonTest {
  /** The shipped scenario files, read from the repository as the simulator packs them. */
  private static final BuiltInScenarios SHIPPED = name -> {
    try {
      return Optional.of(Files.readString(Path.of("..", "scenarios", name + ".toml")));
    } catch (java.io.IOException e) {
      return Optional.empty();
    }
  };

  /** Answers each scenario with the fixture named like its label, and records the calls. */
  private static final class FixtureSource implements RunSource {
    final List<String> calls = new ArrayList<>();

    @Override
    public String run(Scenario scenario, OptionalLong seed) {
      calls.add(scenario.label() + "@" + (seed.isPresent() ? seed.getAsLong() : "own"));
      return Fixtures.json(scenario.label());
    }
  }

  @Test
  void syncVsAsyncByDefault(@TempDir Path dir) throws Exception {
    FixtureSource source = new FixtureSource();
    Path out = dir.resolve("out");
    Comparison.Result r = Comparison.run(source, Scenario.syncVsAsync(SHIPPED), OptionalLong.of(7), out,
        null, null);
    assertThat(source.calls).containsExactly("sync@7", "async@7");
    assertThat(r.runFiles()).containsExactly(out.resolve("sync.json"), out.resolve("async.json"));
    assertThat(Files.readString(out.resolve("sync.json"))).isEqualTo(Fixtures.json("sync"));
    assertThat(Files.readString(out.resolve("async.json"))).isEqualTo(Fixtures.json("async"));
    assertThat(r.html()).isEqualTo(out.resolve("compare.html"));
    String html = Files.readString(r.html());
    assertThat(html).contains("<title>parapipe comparison: sync vs async</title>")
        .contains("id=\"pipeline-1\"").contains("id=\"pipeline-2\"");
    assertThat(Files.readString(out.resolve("compare.txt"))).isEqualTo(r.table().toText());
    assertThat(r.table().labels()).containsExactly("sync", "async");
    assertThat(r.table().rows().get(0).formattedRatio(1)).isEqualTo("x0.50");
    try (var files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("sync.json", "async.json", "compare.txt", "compare.html");
    }
  }

  @Test
  void configFilesAreLabelledByName(@TempDir Path dir) throws Exception {
    Path a = Files.writeString(dir.resolve("faults.toml"), "name = \"x\"\n");
    Path b = Files.writeString(dir.resolve("sync.toml"), "name = \"y\"\n");
    FixtureSource source = new FixtureSource();
    Comparison.Result r = Comparison.run(source,
        List.of(Scenario.fromFile(a), Scenario.fromFile(b)), OptionalLong.empty(),
        dir.resolve("o"), 2000, null);
    assertThat(source.calls).containsExactly("faults@own", "sync@own");
    assertThat(r.table().scope()).isEqualTo("para 2000");
    assertThat(r.table().labels()).containsExactly("faults", "sync");
    assertThat(r.table().rows().get(0).formatted(0)).isEqualTo("8.50 s");
    assertThat(r.table().rows().get(0).formattedRatio(1)).isEqualTo("x1.41");
  }

  @Test
  void theScenarioTextReachesTheSource(@TempDir Path dir) throws Exception {
    Path f = Files.writeString(dir.resolve("sync.toml"), "name = \"mine\"\n[relay]\nnum_cores = 9\n");
    List<Scenario> seen = new ArrayList<>();
    Comparison.run((s, seed) -> {
      seen.add(s);
      return Fixtures.json("sync");
    }, List.of(Scenario.fromFile(f)), OptionalLong.empty(), dir.resolve("o"), null, null);
    assertThat(seen).singleElement().satisfies(s -> {
      assertThat(s.toml()).contains("num_cores = 9");
      assertThat(s.origin()).isEqualTo(f.toString());
    });
  }

  @Test
  void repeatedLabelsAreMadeUnique() {
    Scenario s = Scenario.builtIn(SHIPPED, "sync");
    List<String> labels = Comparison.uniqueLabels(List.of(s, s,
        new Scenario("my run/1", "", "x"), new Scenario("compare", "", "y"),
        new Scenario("..", "", "z")));
    assertThat(labels).containsExactly("sync", "sync-2", "my-run-1", "run-compare", "run");
  }

  @Test
  void withoutTheSimulatorCompareSaysSoAndWritesNothing(@TempDir Path dir) {
    Path out = dir.resolve("out");
    assertThatThrownBy(() -> Comparison.run(RunSource.UNAVAILABLE, Scenario.syncVsAsync(SHIPPED),
        OptionalLong.empty(), out, null, null))
        .isInstanceOf(ReportUserError.class)
        .hasMessageStartingWith("simulation is unavailable in this build");
    assertThat(out).doesNotExist();
  }

  @Test
  void invalidResultsFromTheSourceAreABugNotAUserError(@TempDir Path dir) {
    assertThatThrownBy(() -> Comparison.run((s, seed) -> "{\"schema\": \"x\"}",
        Scenario.syncVsAsync(SHIPPED), OptionalLong.empty(), dir, null, null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the simulator returned invalid results for scenarios/sync.toml");
  }

  @Test
  void badInputIsAUserError(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> Scenario.fromFile(dir.resolve("missing.toml")))
        .isInstanceOf(ReportUserError.class).hasMessageEndingWith("missing.toml: no such file");
    Path file = Files.writeString(dir.resolve("file"), "");
    assertThatThrownBy(() -> Comparison.run(new FixtureSource(), Scenario.syncVsAsync(SHIPPED),
        OptionalLong.empty(), file, null, null))
        .isInstanceOf(ReportUserError.class).hasMessageContaining("exists and is not a directory");
    assertThatThrownBy(() -> Comparison.run(new FixtureSource(), List.of(),
        OptionalLong.empty(), dir, null, null))
        .isInstanceOf(ReportUserError.class).hasMessageContaining("nothing to compare");
  }

  @Test
  void builtInScenariosComeFromTheCatalogueTheCommandLineGives() {
    assertThat(Scenario.syncVsAsync(SHIPPED)).extracting(Scenario::label, Scenario::origin)
        .containsExactly(tuple("sync", "scenarios/sync.toml"),
            tuple("async", "scenarios/async.toml"));
    assertThat(Scenario.builtIn(SHIPPED, "async").toml()).contains("max_candidate_depth = 3");
    assertThatThrownBy(() -> Scenario.builtIn(name -> Optional.empty(), "sync"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("no built-in scenario sync");
  }
}
