package io.parapipe.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Captures {@code System.out} and {@code System.err} for each test, as the CLI prints to them, and
 * puts the originals back afterwards. Register it as a field:
 * {@code @RegisterExtension final StandardStreams streams = new StandardStreams();}.
 */
final class StandardStreams implements BeforeEachCallback, AfterEachCallback {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream savedOut;
  private PrintStream savedErr;

  @Override
  public void beforeEach(ExtensionContext context) {
    savedOut = System.out;
    savedErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    System.setOut(savedOut);
    System.setErr(savedErr);
  }

  /** What the command printed on standard output so far. */
  String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  /** What the command printed on standard error so far. */
  String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  /** Forgets what standard output captured, before the next command of a test. */
  void resetStdout() {
    out.reset();
  }

  /** Forgets what standard error captured. */
  void resetStderr() {
    err.reset();
  }
}
