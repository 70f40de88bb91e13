package io.parapipe.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The shipped vectors: all pass, every component has vectors, every vector names its source, and
 * the runner really compares (a vector with a deliberately altered expectation fails at that
 * operation).
 */
class ShippedVectorsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final ConformanceRunner runner = ConformanceRunner.standard();

  @Test
  void theShippedSetPasses() {
    RunReport report = runner.runShipped();
    List<String> problems = report.lines(false);
    assertThat(report.failed()).as(String.join("\n", problems)).isZero();
    assertThat(report.malformed()).as(String.join("\n", problems)).isZero();
    assertThat(report.passed()).isGreaterThanOrEqualTo(150);
    assertThat(report.exitCode()).isZero();
    assertThat(report.summary()).isEqualTo(report.passed() + " passed, 0 failed");
  }

  @Test
  void everyComponentHasVectorsAndEveryVectorIsFiledUnderItsComponent() throws Exception {
    Map<String, Integer> perComponent = new TreeMap<>();
    for (VectorSource s : VectorCatalog.shipped()) {
      JsonNode v = MAPPER.readTree(s.read());
      String component = v.get("component").textValue();
      assertThat(s.label()).as("folder of %s", s.label()).startsWith("vectors/" + component + "/");
      perComponent.merge(component, 1, Integer::sum);
    }
    assertThat(perComponent.keySet()).containsExactlyInAnyOrderElementsOf(runner.components());
    perComponent.forEach((c, n) -> assertThat(n).as(c).isGreaterThanOrEqualTo(4));
  }

  @Test
  void everyVectorNamesItsSourceAndCarriesNoJavaNames() throws Exception {
    for (VectorSource s : VectorCatalog.shipped()) {
      String text = s.read();
      JsonNode v = MAPPER.readTree(text);
      String source = v.get("source").textValue();
      assertThat(source.equals("parapipe") || source.startsWith("upstream: ")).as("source of %s", s.label()).isTrue();
      assertThat(v.get("description").textValue()).as(s.label()).isNotBlank();
      assertThat(text).as(s.label()).doesNotContain("io.parapipe", "java.", "Exception");
    }
  }

  /**
   * The mutation sanity check: in every shipped vector, altering the expectation of the first and
   * of the last operation that has one makes the vector fail at exactly that operation.
   */
  @Test
  void alteredExpectationsAreReportedAsFailuresAtTheirOperation() throws Exception {
    int mutated = 0;
    for (VectorSource s : VectorCatalog.shipped()) {
      ObjectNode v = (ObjectNode) MAPPER.readTree(s.read());
      List<Integer> candidates = new ArrayList<>();
      JsonNode ops = v.get("operations");
      for (int i = 0; i < ops.size(); i++) {
        if (ops.get(i).has("expect") || ops.get(i).has("expect_error")) {
          candidates.add(i);
        }
      }
      if (candidates.isEmpty()) {
        continue;
      }
      for (int index : List.of(candidates.get(0), candidates.get(candidates.size() - 1))) {
        ObjectNode copy = v.deepCopy();
        Mutations.alterExpectation((ObjectNode) copy.get("operations").get(index));
        VectorResult r = runner.runText(s.label() + " (mutated op #" + index + ")", MAPPER.writeValueAsString(copy));
        assertThat(r).as(r.line()).isInstanceOf(VectorResult.Failed.class);
        assertThat(((VectorResult.Failed) r).opIndex()).as(r.line()).isEqualTo(index);
        mutated++;
      }
    }
    assertThat(mutated).isGreaterThanOrEqualTo(300);
  }
}
