package io.parapipe.sim.results;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/results-schema.md and the writer name the same fields. */
class SchemaDocTest {
  @Test
  void documentedExampleAndWrittenJsonHaveTheSameFieldNames() throws Exception {
    String doc = Files.readString(Path.of("../docs/results-schema.md"));
    String example = doc.substring(doc.indexOf("```jsonc"), doc.indexOf("```", doc.indexOf("```jsonc") + 3));
    TreeSet<String> documented = new TreeSet<>();
    Matcher m = Pattern.compile("\"([a-z0-9_]+)\":").matcher(example);
    while (m.find()) {
      documented.add(m.group(1));
    }
    JsonNode written = ResultsJson.parse(ResultsJson.toJson(ResultsJsonTest.goldenRun()), "golden");
    TreeSet<String> names = new TreeSet<>();
    collect(written, names);
    assertThat(names).isEqualTo(documented);
  }

  private static void collect(JsonNode n, TreeSet<String> names) {
    if (n.isObject()) {
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        names.add(e.getKey());
        if (!e.getKey().equals("config")) {
          collect(e.getValue(), names);
        }
      }
    } else if (n.isArray()) {
      n.forEach(x -> collect(x, names));
    }
  }
}
