package io.parapipe.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.doctor.DoctorReport.RuntimeReport;
import io.parapipe.doctor.DoctorReport.VariantReport;
import io.parapipe.doctor.report.JsonReport;
import io.parapipe.doctor.report.TerminalReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the doctor on every synthetic repository under {@code src/test/resources/repos} (one per
 * phase and per rule, written for these tests) and compares the JSON report, the terminal report
 * and every generated scenario with the golden files next to it. Only the absolute repository path
 * is normalised. Run with {@code -Dparapipe.doctor.updateGoldens=true} to rewrite the goldens after
 * an intended change, then review the diff.
 */
class DoctorGoldenTest {
  static final Path REPOS = Path.of("src/test/resources/repos");
  private static final boolean UPDATE = Boolean.getBoolean("parapipe.doctor.updateGoldens");
  private static final List<String> NOT_PARACHAINS = List.of("not-a-parachain");

  static Stream<String> repositories() throws IOException {
    try (Stream<Path> dirs = Files.list(REPOS)) {
      return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).filter(n -> !NOT_PARACHAINS.contains(n)).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("repositories")
  void reportMatchesGolden(String name) throws IOException {
    Path repo = REPOS.resolve(name);
    ArithmeticFakePredictor predictor = new ArithmeticFakePredictor();
    DoctorReport report = new Doctor(Optional.of(predictor)).examine(repo);
    String root = repo.toAbsolutePath().normalize().toString();

    golden(repo.resolve("expected.json"), JsonReport.render(report).replace(root, "<REPO>"));
    golden(repo.resolve("expected.txt"), TerminalReport.render(report).replace(root, "<REPO>"));

    List<String> scenarios = new ArrayList<>();
    for (RuntimeReport r : report.runtimes()) {
      for (VariantReport v : r.variants()) {
        for (var p : v.predictions()) {
          if (p.scenarioToml() != null) {
            scenarios.add(p.scenarioToml());
          }
        }
      }
    }
    // Scenarios with the same settings are simulated once.
    assertThat(scenarios).containsAll(predictor.received);
    for (int i = 0; i < scenarios.size(); i++) {
      String file = scenarios.size() == 1 ? "expected-scenario.toml" : "expected-scenario-" + (i + 1) + ".toml";
      golden(repo.resolve(file), scenarios.get(i));
    }
    if (!UPDATE) {
      try (Stream<Path> files = Files.list(repo)) {
        long goldenScenarios = files.filter(p -> p.getFileName().toString().startsWith("expected-scenario")).count();
        assertThat(goldenScenarios).as("scenario goldens of " + name).isEqualTo(scenarios.size());
      }
    }
  }

  private static void golden(Path file, String actual) throws IOException {
    if (UPDATE) {
      Files.writeString(file, actual);
      return;
    }
    assertThat(Files.exists(file)).as(file + " exists (run with -Dparapipe.doctor.updateGoldens=true to create it)").isTrue();
    assertThat(actual).as(file.toString()).isEqualTo(Files.readString(file));
  }
}
