package io.parapipe.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScenarioOverridesTest {
  static final String BASE = """
      name = "base"
      [relay]
      max_candidate_depth = 3
      [[paras]]
      id = 2001
      unincluded_segment_capacity = 2
      """;

  static Scenario with(String... pairs) {
    Map<String, JsonNode> changes = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      changes.put(pairs[i], ScenarioOverrides.value(pairs[i + 1]));
    }
    JsonNode tree = ScenarioOverrides.apply(ScenarioLoader.parseTree(BASE, "base.toml"), changes,
        "--grid");
    return ScenarioLoader.parse(tree, "base.toml with --grid");
  }

  @Test
  void valuesReadAsTomlLiteralsElseAsStrings() {
    assertThat(ScenarioOverrides.value("3").isInt()).isTrue();
    assertThat(ScenarioOverrides.value("0.05").isNumber()).isTrue();
    assertThat(ScenarioOverrides.value("true").isBoolean()).isTrue();
    assertThat(ScenarioOverrides.value("200ms").asText()).isEqualTo("200ms");
    assertThat(ScenarioOverrides.value("\"3\"").isTextual()).isTrue();
    assertThat(ScenarioOverrides.value("[0, 1]").isArray()).isTrue();
  }

  @Test
  void setsSectionTopLevelAndPerParaKeys() {
    Scenario s = with("relay.max_candidate_depth", "2", "network.latency", "200ms",
        "duration", "2m", "para.unincluded_segment_capacity", "3",
        "paras.2001.unincluded_segment_capacity", "5", "paras.2002.collator.kind", "lookahead");
    assertThat(s.relay().integer("max_candidate_depth")).isEqualTo(2);
    assertThat(s.network().micros("latency")).isEqualTo(200_000);
    assertThat(s.durationMicros()).isEqualTo(120_000_000L);
    assertThat(s.paras().get(0).runtime().integer("unincluded_segment_capacity")).isEqualTo(3);
    assertThat(s.paras().get(1).runtime().integer("unincluded_segment_capacity")).isEqualTo(5);
    assertThat(s.paras().get(2).collator().text("kind")).isEqualTo("lookahead");
    assertThat(s.name()).isEqualTo("base");
  }

  @Test
  void theBaseTreeIsNotChanged() {
    JsonNode base = ScenarioLoader.parseTree(BASE, "base.toml");
    String before = base.toString();
    ScenarioOverrides.apply(base, Map.of("relay.max_candidate_depth",
        ScenarioOverrides.value("1"), "paras.2000.slot_duration", ScenarioOverrides.value("6s")),
        "--grid");
    assertThat(base.toString()).isEqualTo(before);
  }

  @Test
  void theLoaderChecksKeysAndTypes() {
    assertThatThrownBy(() -> with("relay.max_candidate_dept", "2"))
        .isInstanceOf(ScenarioConfigException.class)
        .hasMessageContaining("unknown key relay.max_candidate_dept");
    assertThatThrownBy(() -> with("relay.max_candidate_depth", "deep"))
        .isInstanceOf(ScenarioConfigException.class)
        .hasMessageContaining("relay.max_candidate_depth = \"deep\"")
        .hasMessageContaining("must be an integer from 0 to 100");
    assertThatThrownBy(() -> with("network.latency", "5"))
        .hasMessageContaining("must be a duration");
    assertThatThrownBy(() -> with("paras.2005.unincluded_segment_capacity", "2"))
        .hasMessageContaining("not a para of this network");
  }

  @Test
  void pathsOfAnUnknownShapeAreRefused() {
    for (String bad : new String[] {"relays.max_candidate_depth", "relay.a.b", "paras.x.kind",
        "paras.2000", "relay.", ".relay", "paras.2000.runtime.kind"}) {
      assertThatThrownBy(() -> ScenarioOverrides.checkPath(bad, "--grid"))
          .as(bad)
          .isInstanceOf(ScenarioConfigException.class)
          .hasMessageStartingWith("unknown key " + bad + " in --grid; a key is KEY (top level)");
    }
  }
}
