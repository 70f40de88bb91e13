package io.parapipe.doctor.predict;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ScenarioTomlTest {
  private static final Path SCENARIO_DOC = Path.of("../docs/scenario.md");
  private static final Pattern HEADING = Pattern.compile("^## (?:`?\\[\\[?([a-z]+)]]?`?|Top level)");
  private static final Pattern ROW = Pattern.compile("^\\| `([a-z_]+)` \\|");
  private static final Pattern DURATION = Pattern.compile("\\d+(us|ms|s)");

  private static ScenarioSpec spec(long relayMs, long slotMs, long minimumPeriodMs, long weightPs, long authoringUs) {
    return new ScenarioSpec("doctor test", "fixed-velocity", 3, 1, relayMs, slotMs, true, minimumPeriodMs, "monotonically-increases",
        weightPs, "lookahead", authoringUs, 1, true, List.of("an assumption"), List.of("a comment"));
  }

  @Test
  void durationsUseTheLargestExactUnit() {
    String toml = ScenarioToml.render(spec(6000, 12_000, 0, 333_333_333_333L, 1_500_000));
    assertThat(toml).contains("relay_chain_slot_duration = \"6s\"").contains("slot_duration = \"12s\"").contains("minimum_period = \"0ms\"")
        .contains("max_block_weight = \"333333us\"").contains("authoring_duration = \"1500ms\"");
    assertThat(ScenarioToml.render(spec(6000, 6000, 3000, 500_000_000_000L, 500_000))).contains("max_block_weight = \"500ms\"")
        .contains("minimum_period = \"3s\"").contains("authoring_duration = \"500ms\"");
  }

  @Test
  void assumptionsAndProvenanceAreTomlComments() throws IOException {
    String toml = ScenarioToml.render(spec(6000, 6000, 0, 2_000_000_000_000L, 2_000_000));
    assertThat(toml).contains("# a comment\n").contains("# Assumed (not found in the code):\n#   - an assumption\n");
    JsonNode t = new TomlMapper().readTree(toml);
    assertThat(t.path("relay").path("max_candidate_depth").asInt()).isEqualTo(3);
    assertThat(t.path("relay").path("allowed_ancestry_len").asInt()).isEqualTo(2);
    assertThat(t.path("relay").path("scheduling_lookahead").asInt()).isEqualTo(3);
    assertThat(t.path("network").path("paras").asInt()).isEqualTo(1);
  }

  /** Every golden scenario of the fixture repositories uses only keys documented in docs/scenario.md. */
  @Test
  void goldenScenariosUseOnlyDocumentedKeys() throws IOException {
    Map<String, Set<String>> documented = documentedKeys();
    assertThat(documented.keySet()).contains("", "network", "relay", "para", "collator");
    List<Path> goldens = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src/test/resources/repos"), 2)) {
      files.filter(p -> p.getFileName().toString().startsWith("expected-scenario")).sorted().forEach(goldens::add);
    }
    assertThat(goldens).hasSizeGreaterThan(20);
    TomlMapper mapper = new TomlMapper();
    for (Path g : goldens) {
      JsonNode t = mapper.readTree(Files.readString(g));
      for (Map.Entry<String, JsonNode> e : t.properties()) {
        if (e.getValue().isObject()) {
          assertThat(documented).as(g + ": table [" + e.getKey() + "]").containsKey(e.getKey());
          e.getValue().fieldNames().forEachRemaining(k -> assertThat(documented.get(e.getKey())).as(g + ": [" + e.getKey() + "] " + k).contains(k));
          e.getValue().properties().forEach(f -> {
            if (f.getKey().endsWith("duration") || f.getKey().equals("minimum_period") || f.getKey().equals("max_block_weight")) {
              assertThat(f.getValue().asText()).as(g + ": " + f.getKey()).matches(DURATION);
            }
          });
        } else if (e.getValue().isArray()) {
          // [[paras]]: its own keys, and any [para] key as an override.
          assertThat(documented).as(g + ": tables [[" + e.getKey() + "]]").containsKey(e.getKey());
          Set<String> allowed = new java.util.TreeSet<>(documented.get(e.getKey()));
          allowed.addAll(documented.get("para"));
          e.getValue().forEach(entry -> entry.fieldNames().forEachRemaining(
              k -> assertThat(allowed).as(g + ": [[" + e.getKey() + "]] " + k).contains(k)));
        } else {
          assertThat(documented.get("")).as(g + ": " + e.getKey()).contains(e.getKey());
        }
      }
      for (String table : List.of("network", "relay", "para", "collator")) {
        assertThat(t.has(table)).as(g + " has [" + table + "]").isTrue();
      }
    }
  }

  private static Map<String, Set<String>> documentedKeys() throws IOException {
    Map<String, Set<String>> out = new TreeMap<>();
    String section = null;
    for (String line : Files.readAllLines(SCENARIO_DOC)) {
      Matcher h = HEADING.matcher(line);
      if (line.startsWith("## ")) {
        section = h.find() ? (h.group(1) == null ? "" : h.group(1)) : null;
        continue;
      }
      Matcher r = ROW.matcher(line);
      if (section != null && r.find()) {
        out.computeIfAbsent(section, k -> new TreeSet<>()).add(r.group(1));
      }
    }
    return out;
  }
}
