package io.parapipe.report;

import io.parapipe.report.run.RunReader;
import io.parapipe.report.run.RunView;
import io.parapipe.report.run.TraceReader;
import io.parapipe.report.run.TraceView;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The fixture runs under {@code src/test/resources/runs}: test data only, never results. */
public final class Fixtures {
  private Fixtures() {}

  /**
   * @param name {@code sync}, {@code async} or {@code faults}
   * @return the fixture's JSON text
   */
  public static String json(String name) {
    return resource("/runs/" + name + ".json");
  }

  /**
   * @param name {@code sync}, {@code async} or {@code faults}
   * @return the fixture run
   */
  public static RunView run(String name) {
    return RunReader.parse(json(name), name + ".json");
  }

  /** @return the trace of the async fixture */
  public static TraceView asyncTrace() {
    return TraceReader.parse(resource("/runs/async.trace.jsonl"), "async.trace.jsonl");
  }

  /**
   * @param path a classpath resource
   * @return its text
   */
  public static String resource(String path) {
    try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
