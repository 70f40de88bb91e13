package io.parapipe.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens reports in a real headless Chromium (Debian's {@code chromium}). Without one every test
 * is reported as skipped, with the reason. Console errors are detected two independent ways: the
 * page's own hook (see {@link HtmlPage}) writes markers into the DOM, read back with {@code --dump-dom}; and Chromium's log
 * ({@code --enable-logging=stderr}) prints every console message as a {@code CONSOLE} line. The
 * negative tests show that both see a script error, a {@code console.error} and a blocked fetch.
 *
 * <p>With {@code -Dparapipe.screenshot=FILE} the screenshot of the fixture comparison is also
 * copied to FILE (this is how {@code docs/report-example.png} is made).
 */
@EnabledIf(value = "chromiumInstalled",
    disabledReason = "no Chromium: install Debian's 'chromium' (.ci/run does) or set PARAPIPE_CHROMIUM")
class BrowserRenderTest {
  private static final HeadlessChromium chromium = HeadlessChromium.find().orElse(null);

  static boolean chromiumInstalled() {
    return chromium != null;
  }

  private static List<String> consoleLines(String log) {
    return log.lines().filter(l -> l.contains(":CONSOLE")).toList();
  }

  private static HeadlessChromium.Result load(Path dir, String name, String html) throws Exception {
    Path page = dir.resolve(name);
    Files.writeString(page, html);
    return chromium.dumpDom(page);
  }

  /** The start tag of {@code <html>}, where the hook leaves its markers. */
  private static String htmlTag(String dom) {
    int start = dom.indexOf("<html");
    return dom.substring(start, dom.indexOf('>', start) + 1);
  }

  private static void assertClean(HeadlessChromium.Result r) {
    assertThat(htmlTag(r.dom())).contains(HtmlPage.READY_ATTRIBUTE + "=\"1\"")
        .doesNotContain(HtmlPage.ERRORS_ATTRIBUTE);
    assertThat(r.dom()).doesNotContain("class=\"console-error\"");
    assertThat(consoleLines(r.log())).isEmpty();
  }

  @Test
  void comparisonRendersWithoutConsoleErrorsAndWithItsPipelines(@TempDir Path dir)
      throws Exception {
    HeadlessChromium.Result r = load(dir, "compare.html", HtmlReportTest.comparison());
    assertClean(r);
    assertThat(r.dom()).contains("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"pipeline-1\""
        + " class=\"pipeline\"");
    assertThat(r.dom()).contains("id=\"pipeline-2\"");
    assertThat(r.dom()).contains("data-stage=\"INCLUDED\"").contains("data-stage=\"BACKED\"");
    assertThat(r.dom()).contains("<svg class=\"chart\"");
  }

  @Test
  void faultsReportRendersWithoutConsoleErrors(@TempDir Path dir) throws Exception {
    HeadlessChromium.Result r = load(dir, "faults.html", HtmlReportTest.faults());
    assertClean(r);
    assertThat(r.dom()).contains("data-stage=\"TIMED_OUT\"").contains("class=\"panic\"");
  }

  @Test
  void aScriptErrorIsSeen(@TempDir Path dir) throws Exception {
    HeadlessChromium.Result r = load(dir, "error.html",
        HtmlPage.wrap("broken", "<p>x</p>\n<script>notAFunction();</script>\n"));
    assertThat(htmlTag(r.dom())).contains(HtmlPage.ERRORS_ATTRIBUTE + "=\"1\"");
    assertThat(r.dom()).containsPattern("<pre class=\"console-error\">error: [^<]*notAFunction");
    assertThat(consoleLines(r.log())).anySatisfy(l -> assertThat(l).contains("notAFunction"));
  }

  @Test
  void consoleErrorIsSeen(@TempDir Path dir) throws Exception {
    HeadlessChromium.Result r = load(dir, "console.html",
        HtmlPage.wrap("noisy", "<script>console.error('bad', 42);</script>\n"));
    assertThat(r.dom()).contains("<pre class=\"console-error\">console.error: bad 42</pre>");
    assertThat(consoleLines(r.log())).isNotEmpty();
  }

  @Test
  void aRemoteFetchIsBlockedAndSeen(@TempDir Path dir) throws Exception {
    HeadlessChromium.Result r = load(dir, "fetch.html",
        HtmlPage.wrap("fetching", "<img alt=\"\" src=\"https://example.invalid/x.png\">\n"));
    assertThat(htmlTag(r.dom())).contains(HtmlPage.ERRORS_ATTRIBUTE);
    assertThat(r.dom()).containsPattern("<pre class=\"console-error\">blocked: img-src"
        + " https://example.invalid/x.png</pre>");
    assertThat(consoleLines(r.log())).anySatisfy(l -> assertThat(l).contains("Content Security Policy"));
  }

  @Test
  void screenshotOfTheComparison(@TempDir Path dir) throws Exception {
    Path page = dir.resolve("compare.html");
    Files.writeString(page, HtmlReportTest.comparison());
    Path png = dir.resolve("compare.png");
    chromium.screenshot(page, png, 1400, 1000);
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(1400);
    assertThat(image.getHeight()).isEqualTo(1000);
    // Not blank: the pipeline's green "included" cells are in it.
    boolean green = false;
    for (int y = 0; y < image.getHeight() && !green; y += 2) {
      for (int x = 0; x < image.getWidth() && !green; x += 2) {
        green = (image.getRGB(x, y) & 0xffffff) == 0x59a14f;
      }
    }
    assertThat(green).as("screenshot shows included cells").isTrue();
    String keep = System.getProperty("parapipe.screenshot");
    if (keep != null && !keep.isBlank()) {
      Files.copy(png, Path.of(keep), StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
