package io.parapipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code parapipe faults} on the shipped outage scenario, shortened, and its input errors. */
class FaultsCommandTest {
  @RegisterExtension final StandardStreams streams = new StandardStreams();

  private static final String OUTAGE = "../scenarios/faults/outage-7-for-90s.toml";

  @Test
  void outageRowInMarkdownAndJson(@TempDir Path dir) throws Exception {
    Path json = dir.resolve("faults.json");
    int code = Main.run("faults", "--duration", "4m", "--markdown", "--json", json.toString(),
        OUTAGE);
    assertThat(code).as(streams.stderr()).isZero();
    String[] lines = streams.stdout().split("\n");
    assertThat(lines[0]).startsWith("| scenario | fault window | best chain | finalized |");
    assertThat(lines[2]).startsWith("| faults-outage-7-for-90s | 60s to 150s | ");
    JsonNode row = new ObjectMapper().readTree(json.toFile()).get("rows").get(0);
    assertThat(row.get("fault_window").get("from_ms").asDouble()).isEqualTo(60_000.0);
    assertThat(row.get("invariant_violations").asInt()).isZero();
    // 7 of 20 cut off: no finality during the outage, a short lag before and after it.
    assertThat(row.get("finality_lag_mean_during_ms").asDouble())
        .isGreaterThan(4 * row.get("finality_lag_mean_before_ms").asDouble());
    assertThat(row.get("finality_lag_mean_after_ms").asDouble()).isLessThan(10_000.0);
    assertThat(row.get("recovered").asBoolean()).isTrue();
    assertThat(row.get("blocks_to_recover").asInt()).isBetween(0, 15);
    assertThat(row.get("para_blocks_included").asInt()).isPositive();
  }

  @Test
  void missingScenarioFileIsOneLine() {
    int code = Main.run("faults", "no-such.toml");
    assertThat(code).isEqualTo(2);
    assertThat(streams.stderr().lines()).hasSize(1);
    assertThat(streams.stderr()).startsWith("parapipe: error: ").contains("no-such.toml");
  }

  @Test
  void noDefaultDirectoryIsOneLine() {
    // Tests run in parapipe-cli/, which has no scenarios/faults.
    int code = Main.run("faults");
    assertThat(code).isEqualTo(2);
    assertThat(streams.stderr().lines()).hasSize(1);
    assertThat(streams.stderr()).contains("no scenarios/faults directory");
  }

  @Test
  void badWorkersIsOneLine() {
    int code = Main.run("faults", "--workers", "0", OUTAGE);
    assertThat(code).isEqualTo(2);
    assertThat(streams.stderr()).isEqualTo("parapipe: error: --workers 0: must be an integer "
        + "from 1 to 1024" + System.lineSeparator());
  }
}
