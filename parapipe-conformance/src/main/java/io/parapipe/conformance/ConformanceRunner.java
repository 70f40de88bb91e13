package io.parapipe.conformance;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parapipe.conformance.drivers.Drivers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Runs conformance vectors: for each file, builds the component from {@code initial}, applies every
 * operation in order and compares the canonical rendering of each outcome with the operation's
 * {@code expect} or {@code expect_error}. See {@code docs/conformance.md} for the format.
 *
 * <p>A file that breaks the format is {@link VectorResult.Malformed} (this takes precedence over a
 * failure: the remaining operations are still read to find format errors). A vector none of whose
 * operations has an {@code expect} or {@code expect_error} is malformed too: it could not fail. An exception thrown by
 * the implementation under test is a failure of the operation, never a crash of the run.
 */
public final class ConformanceRunner {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final Map<String, ComponentDriver> drivers;

  /** A runner with the given drivers (one per component name). */
  public ConformanceRunner(List<ComponentDriver> drivers) {
    TreeMap<String, ComponentDriver> m = new TreeMap<>();
    for (ComponentDriver d : drivers) {
      if (m.put(d.component(), d) != null) {
        throw new IllegalArgumentException("two drivers for component " + d.component());
      }
    }
    this.drivers = Collections.unmodifiableMap(m);
  }

  /** A runner with every component parapipe implements. */
  public static ConformanceRunner standard() {
    return new ConformanceRunner(Drivers.all());
  }

  /** The component names this runner knows, sorted. */
  public Set<String> components() {
    return drivers.keySet();
  }

  /** Runs the vectors shipped with parapipe. */
  public RunReport runShipped() {
    return run(VectorCatalog.shipped());
  }

  /** Runs the given vector files, in order. */
  public RunReport run(List<VectorSource> sources) {
    List<VectorResult> results = new ArrayList<>(sources.size());
    for (VectorSource s : sources) {
      results.add(runOne(s));
    }
    return new RunReport(results);
  }

  /** Runs one vector file. */
  public VectorResult runOne(VectorSource source) {
    String text;
    try {
      text = source.read();
    } catch (IOException e) {
      return new VectorResult.Malformed(source.label(), "(file)", "cannot read: " + e.getMessage());
    }
    return runText(source.label(), text);
  }

  /** Runs a vector given as JSON text, under the given label. */
  public VectorResult runText(String label, String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" :
          " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      String msg = e.getOriginalMessage().replaceAll("\\s*\\(start marker at .*", "").replaceAll("\\s+", " ").trim();
      return new VectorResult.Malformed(label, "(json)", "not valid JSON" + where + ": " + msg);
    }
    if (root == null || root.isMissingNode()) {
      return new VectorResult.Malformed(label, "(json)", "empty file");
    }
    try {
      return runVector(label, VectorNode.of(root, ""));
    } catch (MalformedVectorException e) {
      return new VectorResult.Malformed(label, e.path().isEmpty() ? "(root)" : e.path(), e.reason());
    }
  }

  private VectorResult runVector(String label, VectorNode root) {
    if (!root.isObject()) {
      throw root.malformed("a vector is a JSON object, got " + VectorNode.describe(root.raw()));
    }
    VectorNode componentNode = root.get("component");
    String component = componentNode.text();
    ComponentDriver driver = drivers.get(component);
    if (driver == null) {
      throw componentNode.malformed("unknown component \"" + component + "\" (known: "
          + String.join(", ", drivers.keySet()) + ")");
    }
    String name = root.get("name").text();
    root.get("source").text();
    root.get("description").text();
    VectorNode initial = root.get("initial");
    if (!initial.isObject()) {
      throw initial.malformed("expected an object, got " + VectorNode.describe(initial.raw()));
    }
    List<VectorNode> operations = root.get("operations").list();
    if (operations.isEmpty()) {
      throw new MalformedVectorException("operations", "a vector needs at least one operation");
    }
    root.checkOwnFieldsRead();

    NameTable names = new NameTable();
    ComponentSession session;
    try {
      session = driver.start(initial, names);
    } catch (MalformedVectorException e) {
      throw e;
    } catch (RuntimeException e) {
      // The implementation refused to build the initial state: the vector describes an impossible one.
      throw new MalformedVectorException("initial", "the implementation refuses this initial state ("
          + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
    }
    initial.checkAllRead();

    VectorResult.Failed firstFailure = null;
    boolean statesExpectation = false;
    for (int i = 0; i < operations.size(); i++) {
      VectorNode opNode = operations.get(i);
      if (!opNode.isObject()) {
        throw opNode.malformed("an operation is an object, got " + VectorNode.describe(opNode.raw()));
      }
      String op = opNode.get("op").text();
      opNode.opt("comment").ifPresent(VectorNode::text);
      Optional<JsonNode> expect = opNode.rawField("expect");
      Optional<JsonNode> expectError = opNode.rawField("expect_error");
      if (expect.isPresent() && expectError.isPresent()) {
        throw opNode.malformed("an operation has expect or expect_error, not both");
      }
      if (expect.isPresent() && !expect.get().isObject()) {
        throw new MalformedVectorException(opNode.path() + ".expect", "expected an object, got "
            + VectorNode.describe(expect.get()));
      }
      statesExpectation |= expect.isPresent() || expectError.isPresent();
      if (expectError.isPresent()) {
        JsonNode e = expectError.get();
        if (!e.isObject() || e.get("error") == null || !e.get("error").isTextual()) {
          throw new MalformedVectorException(opNode.path() + ".expect_error",
              "expected an object with a string field \"error\"");
        }
      }
      OpOutcome outcome;
      try {
        outcome = session.apply(op, opNode);
      } catch (MalformedVectorException e) {
        throw e;
      } catch (RuntimeException e) {
        ObjectNode thrown = Canonical.object();
        thrown.put("error", "exception");
        thrown.put("exception", e.getClass().getSimpleName());
        thrown.put("message", String.valueOf(e.getMessage()));
        outcome = OpOutcome.err(thrown);
      }
      opNode.checkAllRead();
      if (firstFailure == null) {
        Optional<String> difference = judge(outcome, expect, expectError, names);
        if (difference.isPresent()) {
          firstFailure = new VectorResult.Failed(label, name, i, op, difference.get());
        }
      }
    }
    if (!statesExpectation) {
      // Without one the vector could only fail by an exception: it would pass on most broken
      // implementations.
      throw new MalformedVectorException("operations", "no operation states what it expects; give"
          + " at least one operation an expect or expect_error");
    }
    return firstFailure != null ? firstFailure : new VectorResult.Passed(label, name, operations.size());
  }

  private static Optional<String> judge(
      OpOutcome outcome, Optional<JsonNode> expect, Optional<JsonNode> expectError, NameTable names) {
    if (outcome instanceof OpOutcome.Err err) {
      if (expectError.isPresent()) {
        return Comparison.difference(expectError.get(), err.error(), err.sets(), names);
      }
      String wanted = expect.map(e -> "expected " + Comparison.normalise(e, names)).orElse("expected success");
      return Optional.of(wanted + ", got error " + err.error());
    }
    OpOutcome.Ok ok = (OpOutcome.Ok) outcome;
    if (expectError.isPresent()) {
      return Optional.of("expected error " + Comparison.normalise(expectError.get(), names) + ", got " + ok.value());
    }
    if (expect.isPresent()) {
      return Comparison.difference(expect.get(), ok.value(), ok.sets(), names);
    }
    return Optional.empty();
  }
}
