package io.parapipe.report.compare;

import io.parapipe.report.ReportUserError;
import io.parapipe.report.html.HtmlReport;
import io.parapipe.report.pipeline.PipelineWindow;
import io.parapipe.report.run.ComparisonTable;
import io.parapipe.report.run.RunReader;
import io.parapipe.report.run.RunView;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Runs scenarios through a {@link RunSource} on one seed and writes the comparison into a
 * directory:
 *
 * <pre>
 * OUT/&lt;label&gt;.json   each run's results, as the source returned them
 * OUT/compare.txt      the side-by-side table
 * OUT/compare.html     the HTML comparison (self-contained)
 * </pre>
 *
 * All runs finish before anything is written, so a failed run leaves no partial output.
 */
public final class Comparison {
  /** Name of the HTML comparison in the output directory. */
  public static final String HTML = "compare.html";

  /** Name of the text table in the output directory. */
  public static final String TABLE = "compare.txt";

  /**
   * What a comparison wrote.
   *
   * @param table the figures side by side
   * @param runFiles each run's results file, in scenario order
   * @param html the HTML comparison
   */
  public record Result(ComparisonTable table, List<Path> runFiles, Path html) {}

  private Comparison() {}

  /**
   * @param source runs a scenario
   * @param scenarios at least one scenario; the first is the baseline of the ratios
   * @param seed the seed of every run, or empty for each scenario's own
   * @param outDir the output directory, created if missing
   * @param paraId the para whose figures and pipeline to show, or null for all paras' mean and
   *     each run's first para
   * @param window the relay blocks of the pipelines, or null for the default
   * @return what was written
   */
  public static Result run(RunSource source, List<Scenario> scenarios, OptionalLong seed,
      Path outDir, Integer paraId, PipelineWindow window) {
    if (scenarios.isEmpty()) {
      throw new ReportUserError("nothing to compare: give --config at least once, or none");
    }
    if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
      throw new ReportUserError("--out " + outDir + ": exists and is not a directory");
    }
    List<String> labels = uniqueLabels(scenarios);
    List<String> texts = new ArrayList<>();
    List<HtmlReport.Entry> entries = new ArrayList<>();
    for (int i = 0; i < scenarios.size(); i++) {
      Scenario s = scenarios.get(i);
      String json = source.run(s, seed);
      RunView view;
      try {
        view = RunReader.parse(json, labels.get(i) + ".json");
      } catch (ReportUserError e) {
        throw new IllegalStateException(
            "the simulator returned invalid results for " + s.origin() + ": " + e.getMessage(), e);
      }
      texts.add(json);
      entries.add(new HtmlReport.Entry(labels.get(i), view, null));
    }
    ComparisonTable table = ComparisonTable.of(labels,
        entries.stream().map(HtmlReport.Entry::run).toList(), paraId);
    String html = HtmlReport.render(entries, paraId, window);
    try {
      Files.createDirectories(outDir);
      List<Path> files = new ArrayList<>();
      for (int i = 0; i < labels.size(); i++) {
        Path f = outDir.resolve(labels.get(i) + ".json");
        Files.writeString(f, texts.get(i), StandardCharsets.UTF_8);
        files.add(f);
      }
      Files.writeString(outDir.resolve(TABLE), table.toText(), StandardCharsets.UTF_8);
      Path htmlFile = outDir.resolve(HTML);
      Files.writeString(htmlFile, html, StandardCharsets.UTF_8);
      return new Result(table, files, htmlFile);
    } catch (IOException e) {
      throw new ReportUserError("--out " + outDir + ": cannot write: " + e.getMessage());
    }
  }

  /**
   * Labels usable as file names, unique in order: characters other than letters, digits, dot,
   * dash and underscore become dashes, leading dots go; a repeated label gets {@code -2}, {@code
   * -3}, ...
   */
  static List<String> uniqueLabels(List<Scenario> scenarios) {
    Set<String> used = new LinkedHashSet<>();
    List<String> labels = new ArrayList<>();
    for (Scenario s : scenarios) {
      String base = s.label().replaceAll("[^A-Za-z0-9._-]", "-").replaceFirst("^\\.+", "");
      if (base.isEmpty()) {
        base = "run";
      } else if (base.equals("compare")) {
        base = "run-compare"; // compare.txt and compare.html are the comparison's own files
      }
      String label = base;
      for (int n = 2; used.contains(label); n++) {
        label = base + "-" + n;
      }
      used.add(label);
      labels.add(label);
    }
    return labels;
  }
}
