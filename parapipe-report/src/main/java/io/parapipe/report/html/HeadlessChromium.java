package io.parapipe.report.html;

import io.parapipe.report.ReportUserError;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Drives a headless Chromium to load a report: dump the DOM after load (to check the console-error
 * markers of {@link HtmlPage}) or take a screenshot. Each call uses a fresh profile directory and
 * flags that keep Chromium off the network (no background networking, component updates, sync or
 * QUIC); the report's content security policy forbids fetches on top of that.
 */
public final class HeadlessChromium {
  /** Environment variable naming the Chromium binary, checked before the {@code PATH}. */
  public static final String BINARY_ENV = "PARAPIPE_CHROMIUM";

  private static final List<String> NAMES =
      List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");
  private static final long TIMEOUT_SECONDS = 120;

  private final Path binary;

  /**
   * @param binary the Chromium executable
   */
  public HeadlessChromium(Path binary) {
    this.binary = binary;
  }

  /**
   * Finds Chromium: {@value #BINARY_ENV} if set, else the first of {@code chromium}, {@code
   * chromium-browser}, {@code google-chrome} on the {@code PATH}.
   *
   * @return the browser, if installed
   */
  public static Optional<HeadlessChromium> find() {
    String env = System.getenv(BINARY_ENV);
    if (env != null && !env.isBlank()) {
      Path p = Path.of(env);
      return Files.isExecutable(p) ? Optional.of(new HeadlessChromium(p)) : Optional.empty();
    }
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String name : NAMES) {
      for (String dir : path.split(File.pathSeparator)) {
        if (dir.isEmpty()) {
          continue;
        }
        Path p = Path.of(dir, name);
        if (Files.isExecutable(p) && !Files.isDirectory(p)) {
          return Optional.of(new HeadlessChromium(p));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Finds Chromium for a command that cannot do without it.
   *
   * @param option the option that needs it, for the message
   * @return the browser
   * @throws ReportUserError if it is not installed
   */
  public static HeadlessChromium require(String option) {
    return find().orElseThrow(() -> new ReportUserError(option + " needs Chromium: install"
        + " Debian's 'chromium' package, or set " + BINARY_ENV + " to a Chromium binary"));
  }

  /** @return the executable */
  public Path binary() {
    return binary;
  }

  /**
   * What the browser printed for one page.
   *
   * @param dom the serialized DOM after load ({@code --dump-dom}), or empty for screenshots
   * @param log the browser's stderr (its own log, including {@code CONSOLE} lines)
   * @param exitCode the browser's exit code
   */
  public record Result(String dom, String log, int exitCode) {}

  /**
   * Loads a page and returns its DOM after the load event and a short settle time.
   *
   * @param html the page
   * @return the DOM and the log
   */
  public Result dumpDom(Path html) {
    return run(html, List.of("--dump-dom", "--virtual-time-budget=3000"));
  }

  /**
   * Loads a page and writes a PNG of its top part.
   *
   * @param html the page
   * @param png where to write the screenshot
   * @param width viewport width in CSS pixels
   * @param height viewport height in CSS pixels
   * @return the log
   * @throws ReportUserError if no screenshot was written
   */
  public Result screenshot(Path html, Path png, int width, int height) {
    Path target = png.toAbsolutePath();
    Result r = run(html, List.of("--screenshot=" + target, "--window-size=" + width + "," + height,
        "--hide-scrollbars", "--virtual-time-budget=3000"));
    if (!Files.isRegularFile(target)) {
      throw new ReportUserError("chromium wrote no screenshot " + png + " (exit code "
          + r.exitCode() + "): " + lastLines(r.log(), 3));
    }
    return r;
  }

  private Result run(Path html, List<String> extra) {
    Path profile = null;
    Path out = null;
    Path err = null;
    try {
      profile = Files.createTempDirectory("parapipe-chromium-");
      out = Files.createTempFile("parapipe-chromium-", ".out");
      err = Files.createTempFile("parapipe-chromium-", ".err");
      List<String> cmd = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox",
          "--disable-gpu", "--disable-quic", "--no-first-run", "--no-default-browser-check",
          "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--disable-extensions", "--disable-dev-shm-usage", "--enable-logging=stderr", "--v=0",
          "--user-data-dir=" + profile));
      cmd.addAll(extra);
      cmd.add(html.toAbsolutePath().toUri().toString());
      Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
          .start();
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        throw new IllegalStateException("chromium did not finish within " + TIMEOUT_SECONDS + " s");
      }
      return new Result(Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8), p.exitValue());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for chromium", e);
    } finally {
      delete(profile);
      delete(out);
      delete(err);
    }
  }

  private static String lastLines(String text, int n) {
    String[] lines = text.strip().split("\n");
    return String.join(" | ", List.of(lines).subList(Math.max(0, lines.length - n), lines.length));
  }

  private static void delete(Path p) {
    if (p == null) {
      return;
    }
    try (Stream<Path> walk = Files.walk(p)) {
      walk.sorted(Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
    } catch (IOException e) {
      // A leftover temp file is harmless.
    }
  }
}
