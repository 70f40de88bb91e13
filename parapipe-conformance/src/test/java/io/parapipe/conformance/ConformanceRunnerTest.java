package io.parapipe.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parapipe.conformance.drivers.Drivers;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner itself: comparisons, failures, malformed vectors, ordering and the summary line. */
class ConformanceRunnerTest {
  private final ConformanceRunner runner = ConformanceRunner.standard();

  /** A relay_number vector with the given operations (JSON array text). */
  private static String relayNumber(String operations) {
    return "{\"component\": \"relay_number\", \"name\": \"t\", \"source\": \"parapipe\", \"description\": \"d\","
        + " \"initial\": {\"policy\": \"RelayNumberStrictlyIncreases\"}, \"operations\": " + operations + "}";
  }

  private static final String STRICT_PANIC =
      "Relay chain block number needs to strictly increase between Parachain blocks!";

  private VectorResult run(String json) {
    return runner.runText("t.json", json);
  }

  private VectorResult.Malformed malformed(String json) {
    VectorResult r = run(json);
    assertThat(r).as(r.line()).isInstanceOf(VectorResult.Malformed.class);
    return (VectorResult.Malformed) r;
  }

  @Test
  void aCorrectVectorPasses() {
    VectorResult r = run(relayNumber("[{\"op\": \"check\", \"current\": 6, \"previous\": 5, \"expect\": {}},"
        + " {\"op\": \"check\", \"current\": 5, \"previous\": 5, \"expect_error\": {\"error\": \"panic\", \"message\": \""
        + STRICT_PANIC + "\"}}]"));
    assertThat(r).isEqualTo(new VectorResult.Passed("t.json", "t", 2));
  }

  @Test
  void aWrongExpectationIsAFailureNamingTheOperationAndTheDifference() {
    VectorResult r = run(relayNumber("[{\"op\": \"check\", \"current\": 6, \"previous\": 5, \"expect\": {}},"
        + " {\"op\": \"check\", \"current\": 5, \"previous\": 5, \"expect\": {}}]"));
    assertThat(r).isInstanceOf(VectorResult.Failed.class);
    VectorResult.Failed f = (VectorResult.Failed) r;
    assertThat(f.opIndex()).isEqualTo(1);
    assertThat(f.op()).isEqualTo("check");
    assertThat(r.line()).isEqualTo("t.json: op #1 (check): expected {}, got error {\"error\":\"panic\",\"message\":\""
        + STRICT_PANIC + "\"}");
  }

  @Test
  void aWrongFieldValueShowsItsPath() {
    VectorResult r = run(relayNumber("[{\"op\": \"check\", \"current\": 5, \"previous\": 5,"
        + " \"expect_error\": {\"error\": \"panic\", \"message\": \"something else\"}}]"));
    assertThat(r.line()).isEqualTo("t.json: op #0 (check): message: expected \"something else\", got \"" + STRICT_PANIC + "\"");
    VectorResult ok = run(relayNumber("[{\"op\": \"check\", \"current\": 6, \"previous\": 5,"
        + " \"expect_error\": {\"error\": \"panic\"}}]"));
    assertThat(ok.line()).isEqualTo("t.json: op #0 (check): expected error {\"error\":\"panic\"}, got {}");
  }

  @Test
  void onlyTheListedFieldsAreCompared() {
    // The error has a message too, but the vector lists only the error name.
    assertThat(run(relayNumber("[{\"op\": \"check\", \"current\": 0, \"previous\": 0,"
        + " \"expect_error\": {\"error\": \"panic\"}}]"))).isInstanceOf(VectorResult.Passed.class);
    assertThat(run(relayNumber("[{\"op\": \"check\", \"current\": 0, \"previous\": 0,"
        + " \"expect_error\": {\"error\": \"panic\", \"message\": {\"$contains\": \"strictly increase\"}}}]")))
        .isInstanceOf(VectorResult.Passed.class);
    assertThat(run(relayNumber("[{\"op\": \"check\", \"current\": 0, \"previous\": 0,"
        + " \"expect_error\": {\"error\": \"panic\", \"message\": {\"$contains\": \"decrease\"}}}]")))
        .isInstanceOf(VectorResult.Failed.class);
  }

  @Test
  void setsCompareWithoutOrderAndNamedHashesMayBeWrittenInHex() {
    String storage = "{\"component\": \"candidate_storage\", \"name\": \"s\", \"source\": \"parapipe\","
        + " \"description\": \"d\", \"initial\": {\"candidates\": {"
        + cand("A", "0x" + "a1".repeat(32), "0x01") + "," + cand("B", "0x" + "b1".repeat(32), "0x02") + "}},"
        + " \"operations\": [{\"op\": \"add\", \"candidate\": \"A\", \"state\": \"backed\"},"
        + " {\"op\": \"add\", \"candidate\": \"B\", \"state\": \"backed\"},"
        + " {\"op\": \"possible_backed_para_children\", \"parent_head\": \"0x00\","
        + " \"expect\": {\"candidates\": [\"B\", \"0x" + "a1".repeat(32) + "\"]}}]}";
    VectorResult r = run(storage);
    assertThat(r).as(r.line()).isInstanceOf(VectorResult.Passed.class);
  }

  private static String cand(String name, String hash, String head) {
    return "\"" + name + "\": {\"hash\": \"" + hash + "\", \"para_id\": 1, \"relay_parent\": \"0x" + "00".repeat(32)
        + "\", \"relay_parent_number\": 0, \"parent_head\": \"0x00\", \"head_data\": \"" + head + "\","
        + " \"hrmp_watermark\": 0, \"processed_downward_messages\": 0, \"max_pov_size\": 100,"
        + " \"validation_code_hash\": \"0x" + "00".repeat(32) + "\"}";
  }

  @Test
  void malformedVectorsNameTheFieldAndAreNeverPasses() {
    assertThat(malformed("{\"component\": \"nope\", \"name\": \"t\"}").path()).isEqualTo("component");
    assertThat(malformed("{\"component\": \"nope\"}").reason()).startsWith("unknown component \"nope\" (known: ");
    assertThat(malformed("{\"component\": \"relay_number\", \"source\": \"x\"}").path()).isEqualTo("name");
    VectorResult.Malformed typed = malformed(relayNumber("[{\"op\": \"check\", \"current\": \"6\", \"previous\": 5}]"));
    assertThat(typed.path()).isEqualTo("operations[0].current");
    assertThat(typed.reason()).isEqualTo("expected an integer, got a string");
    VectorResult.Malformed missing = malformed(relayNumber("[{\"op\": \"check\", \"current\": 6}]"));
    assertThat(missing.line()).isEqualTo("t.json: malformed: operations[0].previous: missing field");
    assertThat(malformed(relayNumber("[{\"op\": \"check\", \"current\": 6, \"previus\": 5, \"previous\": 5}]")).line())
        .isEqualTo("t.json: malformed: operations[0].previus: unknown field");
    assertThat(malformed(relayNumber("[{\"op\": \"chek\", \"current\": 6, \"previous\": 5}]")).path())
        .isEqualTo("operations[0].op");
    assertThat(malformed(relayNumber("[{\"op\": \"check\", \"current\": -1, \"previous\": 5}]")).reason())
        .isEqualTo("expected a u32 (0 to 4294967295), got -1");
    assertThat(malformed(relayNumber("[]")).path()).isEqualTo("operations");
    assertThat(malformed(relayNumber("[{\"op\": \"check\", \"current\": 6, \"previous\": 5, \"expect\": {},"
        + " \"expect_error\": {\"error\": \"panic\"}}]")).path()).isEqualTo("operations[0]");
    assertThat(malformed(relayNumber("[{\"op\": \"check\", \"current\": 6, \"previous\": 5, \"expect\": []}]")).path())
        .isEqualTo("operations[0].expect");
    assertThat(malformed(relayNumber("[{\"op\": \"check\", \"current\": 6, \"previous\": 5,"
        + " \"expect_error\": {\"message\": \"x\"}}]")).path()).isEqualTo("operations[0].expect_error");
    assertThat(malformed("[1, 2]").path()).isEqualTo("(root)");
    assertThat(malformed("{\"component\": \"relay_number\", \"name\": \"t\", \"source\": \"s\", \"description\": \"d\","
        + " \"initial\": {\"policy\": \"Sometimes\"}, \"operations\": [{\"op\": \"check\", \"current\": 1, \"previous\": 0}]}")
        .path()).isEqualTo("initial.policy");
    assertThat(malformed("{\"component\": \"relay_number\", \"name\": \"t\", \"source\": \"s\", \"description\": \"d\","
        + " \"extra\": 1, \"initial\": {}, \"operations\": [{\"op\": \"check\", \"current\": 1, \"previous\": 0}]}")
        .path()).isEqualTo("extra");
  }

  @Test
  void invalidJsonIsMalformed() {
    VectorResult.Malformed m = malformed("{\"component\": ");
    assertThat(m.path()).isEqualTo("(json)");
    assertThat(m.reason()).startsWith("not valid JSON at line 1");
    assertThat(malformed("{\"a\": 1, \"a\": 2}").path()).isEqualTo("(json)");
    assertThat(malformed("").reason()).isEqualTo("empty file");
  }

  @Test
  void aMalformedOperationAfterAFailingOneMakesTheVectorMalformed() {
    VectorResult r = run(relayNumber("[{\"op\": \"check\", \"current\": 5, \"previous\": 5, \"expect\": {}},"
        + " {\"op\": \"check\", \"current\": 6}]"));
    assertThat(r).isInstanceOf(VectorResult.Malformed.class);
    assertThat(((VectorResult.Malformed) r).path()).isEqualTo("operations[1].previous");
  }

  @Test
  void aVectorThatExpectsNothingIsMalformed() {
    // Both operations succeed, so without the rule this vector would pass.
    VectorResult.Malformed m = malformed(relayNumber("[{\"op\": \"check\", \"current\": 6, \"previous\": 5},"
        + " {\"op\": \"check\", \"current\": 7, \"previous\": 6}]"));
    assertThat(m.line()).isEqualTo("t.json: malformed: operations: no operation states what it expects;"
        + " give at least one operation an expect or expect_error");
    // One expectation anywhere is enough; the other operations are setup steps.
    assertThat(run(relayNumber("[{\"op\": \"check\", \"current\": 6, \"previous\": 5},"
        + " {\"op\": \"check\", \"current\": 7, \"previous\": 6, \"expect\": {}}]")))
        .isInstanceOf(VectorResult.Passed.class);
  }

  @Test
  void anUnknownNameIsMalformed() {
    VectorResult.Malformed m = malformed("{\"component\": \"candidate_storage\", \"name\": \"s\", \"source\": \"parapipe\","
        + " \"description\": \"d\", \"initial\": {\"candidates\": {}}, \"operations\": [{\"op\": \"add\", \"candidate\": \"Z\"}]}");
    assertThat(m.line()).isEqualTo("t.json: malformed: operations[0].candidate: unknown candidate \"Z\"");
  }

  @Test
  void anExceptionOfTheImplementationIsAFailureNotACrash() {
    ComponentDriver throwing = new ComponentDriver() {
      @Override
      public String component() {
        return "boom";
      }

      @Override
      public ComponentSession start(VectorNode initial, NameTable names) {
        return (op, args) -> {
          throw new IllegalStateException("bug");
        };
      }
    };
    List<ComponentDriver> drivers = new ArrayList<>(Drivers.all());
    drivers.add(throwing);
    VectorResult r = new ConformanceRunner(drivers).runText("b.json", "{\"component\": \"boom\", \"name\": \"b\","
        + " \"source\": \"parapipe\", \"description\": \"d\", \"initial\": {}, \"operations\": [{\"op\": \"x\", \"expect\": {}}]}");
    assertThat(r.line()).isEqualTo("b.json: op #0 (x): expected {}, got error "
        + "{\"error\":\"exception\",\"exception\":\"IllegalStateException\",\"message\":\"bug\"}");
  }

  @Test
  void anInitialStateTheImplementationRefusesIsMalformed() {
    ComponentDriver refusing = new ComponentDriver() {
      @Override
      public String component() {
        return "refuse";
      }

      @Override
      public ComponentSession start(VectorNode initial, NameTable names) {
        throw new IllegalArgumentException("capacity is NonZeroU32: 0");
      }
    };
    List<ComponentDriver> drivers = new ArrayList<>(Drivers.all());
    drivers.add(refusing);
    VectorResult r = new ConformanceRunner(drivers).runText("r.json", "{\"component\": \"refuse\", \"name\": \"r\","
        + " \"source\": \"parapipe\", \"description\": \"d\", \"initial\": {}, \"operations\": [{\"op\": \"x\"}]}");
    assertThat(r.line()).isEqualTo("r.json: malformed: initial: the implementation refuses this initial state "
        + "(IllegalArgumentException: capacity is NonZeroU32: 0)");
  }

  @Test
  void filesAreRunInPathOrderAndTheSummaryCountsEachKind(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("sub/c.json"), relayNumber("[{\"op\": \"check\", \"current\": 6, \"previous\": 5, \"expect\": {}}]"));
    Files.writeString(dir.resolve("b.json"), relayNumber("[{\"op\": \"check\", \"current\": 5, \"previous\": 5, \"expect\": {}}]"));
    Files.writeString(dir.resolve("a.json"), "{\"component\": \"nope\"}");
    Files.writeString(dir.resolve("notes.txt"), "not a vector");
    List<VectorSource> sources = VectorCatalog.fromPaths(List.of(dir));
    assertThat(sources).extracting(VectorSource::label).containsExactly(
        dir.resolve("a.json").toString(), dir.resolve("b.json").toString(), dir.resolve("sub/c.json").toString());
    RunReport report = runner.run(sources);
    assertThat(report.summary()).isEqualTo("1 passed, 1 failed, 1 malformed");
    assertThat(report.exitCode()).isEqualTo(2);
    List<String> lines = report.lines(false);
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).startsWith(dir.resolve("a.json") + ": malformed: component: unknown component");
    assertThat(lines.get(1)).startsWith(dir.resolve("b.json") + ": op #0 (check): expected {}, got error");
    assertThat(lines.get(2)).isEqualTo("1 passed, 1 failed, 1 malformed");
    assertThat(report.lines(true)).hasSize(4).element(2).asString().startsWith(dir.resolve("sub/c.json") + ": passed");

    RunReport withoutMalformed = runner.run(sources.subList(1, 3));
    assertThat(withoutMalformed.summary()).isEqualTo("1 passed, 1 failed");
    assertThat(withoutMalformed.exitCode()).isEqualTo(1);
    assertThat(runner.run(sources.subList(2, 3)).exitCode()).isZero();
  }

  @Test
  void aMissingPathIsReported(@TempDir Path dir) {
    assertThatThrownBy(() -> VectorCatalog.fromPaths(List.of(dir.resolve("missing.json"))))
        .isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void theMutationHelperAltersTheFirstLeaf() throws Exception {
    ObjectNode op = (ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree("{\"op\": \"x\", \"expect\": {\"a\": {\"b\": [3, 4]}, \"c\": true}}");
    Mutations.alterExpectation(op);
    assertThat(op.get("expect").toString()).isEqualTo("{\"a\":{\"b\":[4,4]},\"c\":true}");
    ObjectNode empty = (ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"op\": \"x\", \"expect\": {}}");
    Mutations.alterExpectation(empty);
    assertThat(empty.get("expect").toString()).isEqualTo("{\"mutated_field\":true}");
  }
}
