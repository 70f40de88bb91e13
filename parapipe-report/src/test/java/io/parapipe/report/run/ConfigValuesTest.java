package io.parapipe.report.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.parapipe.report.Fixtures;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ConfigValuesTest {
  @Test
  void parsesScenarioDurations() {
    assertThat(ConfigValues.parseDurationMs("500ms")).hasValue(500.0);
    assertThat(ConfigValues.parseDurationMs("2s")).hasValue(2000.0);
    assertThat(ConfigValues.parseDurationMs("1.5s")).hasValue(1500.0);
    assertThat(ConfigValues.parseDurationMs("2m")).hasValue(120_000.0);
    assertThat(ConfigValues.parseDurationMs("250us")).hasValue(0.25);
    assertThat(ConfigValues.parseDurationMs("1h")).hasValue(3_600_000.0);
    assertThat(ConfigValues.parseDurationMs("fast")).isEqualTo(OptionalDouble.empty());
    assertThat(ConfigValues.parseDurationMs("5")).isEmpty();
  }

  @Test
  void perParaOverridesWin() throws Exception {
    var config = new ObjectMapper().readTree("""
        {"para": {"max_block_weight": "500ms"},
         "paras": [{"id": 2001, "max_block_weight": "2s", "collator": {"kind": "lookahead"}}],
         "collator": {"kind": "basic"}}
        """);
    assertThat(ConfigValues.maxBlockWeightMs(config, 2000)).hasValue(500.0);
    assertThat(ConfigValues.maxBlockWeightMs(config, 2001)).hasValue(2000.0);
    assertThat(ConfigValues.paraValue(config, 2001, "collator", "kind").asText()).isEqualTo("lookahead");
    assertThat(ConfigValues.paraValue(config, 2000, "collator", "kind").asText()).isEqualTo("basic");
    assertThat(ConfigValues.relaySlotMs(Fixtures.run("sync").config())).hasValue(6000.0);
  }

  @Test
  void inclusionGapsFollowRelayBlockTimes() {
    RunView sync = Fixtures.run("sync");
    assertThat(InclusionGaps.of(sync.paras().get(0), sync.relay()))
        .hasSize(8).containsOnly(12_000.0);
    RunView faults = Fixtures.run("faults");
    // P4 in R6, then the time-out of P5: its re-proposal is included in R10, 24 s later.
    assertThat(InclusionGaps.of(faults.paras().get(0), faults.relay()))
        .containsExactly(6000, 6000, 6000, 24000, 6000, 6000, 18000, 6000, 6000, 6000, 6000, 6000);
  }
}
