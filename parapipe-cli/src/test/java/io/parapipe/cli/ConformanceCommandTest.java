package io.parapipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code parapipe conformance}: the shipped set, given paths, exit codes and user errors. */
class ConformanceCommandTest {
  @RegisterExtension final StandardStreams streams = new StandardStreams();

  private String stdout() {
    return streams.stdout();
  }

  private String stderr() {
    return streams.stderr();
  }

  private static String vector(String current) {
    return "{\"component\": \"relay_number\", \"name\": \"t\", \"source\": \"parapipe\", \"description\": \"d\","
        + " \"initial\": {\"policy\": \"RelayNumberStrictlyIncreases\"},"
        + " \"operations\": [{\"op\": \"check\", \"current\": " + current + ", \"previous\": 5, \"expect\": {}}]}";
  }

  @Test
  void theShippedSetPasses() {
    assertThat(Main.run("conformance")).isZero();
    String[] lines = stdout().strip().split("\n");
    assertThat(lines).hasSize(1);
    assertThat(lines[0]).matches("\\d+ passed, 0 failed");
    assertThat(Integer.parseInt(lines[0].split(" ")[0])).isGreaterThanOrEqualTo(150);
  }

  @Test
  void failingVectorsAreListedAndExitWithOne(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("ok.json"), vector("6"));
    Files.writeString(dir.resolve("wrong.json"), vector("5"));
    assertThat(Main.run("conformance", dir.toString())).isEqualTo(1);
    assertThat(stdout()).contains(dir.resolve("wrong.json") + ": op #0 (check): expected {}, got error")
        .endsWith("1 passed, 1 failed" + System.lineSeparator());
    assertThat(stdout()).doesNotContain("ok.json");
  }

  @Test
  void verboseAlsoListsPasses(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("ok.json"), vector("6"));
    assertThat(Main.run("conformance", "--verbose", dir.resolve("ok.json").toString())).isZero();
    assertThat(stdout()).contains(dir.resolve("ok.json") + ": passed (t, 1 operations)");
  }

  @Test
  void malformedVectorsExitWithTwoAfterAllAreReported(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("a.json"), vector("\"six\""));
    Files.writeString(dir.resolve("b.json"), vector("5"));
    assertThat(Main.run("conformance", dir.toString())).isEqualTo(2);
    assertThat(stdout()).contains(dir.resolve("a.json") + ": malformed: operations[0].current: expected an integer, got a string")
        .contains(dir.resolve("b.json") + ": op #0")
        .contains("0 passed, 1 failed, 1 malformed");
    assertThat(stderr()).isEmpty();
  }

  @Test
  void aMissingPathIsAUserError(@TempDir Path dir) {
    assertThat(Main.run("conformance", dir.resolve("nope.json").toString())).isEqualTo(2);
    assertThat(stderr()).startsWith("parapipe: error: no such vector file or folder: " + dir.resolve("nope.json"));
    assertThat(stderr()).doesNotContain("Exception");
  }

  @Test
  void aFolderWithoutVectorsIsAUserError(@TempDir Path dir) {
    assertThat(Main.run("conformance", dir.toString())).isEqualTo(2);
    assertThat(stderr()).startsWith("parapipe: error: no vector files (*.json) in");
  }
}
