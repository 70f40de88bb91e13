package io.parapipe.cli;

import io.parapipe.report.ReportUserError;
import io.parapipe.report.html.HeadlessChromium;
import io.parapipe.report.html.HtmlReport;
import io.parapipe.report.pipeline.PipelineDiagram;
import io.parapipe.report.pipeline.PipelineWindow;
import io.parapipe.report.pipeline.TextPipeline;
import io.parapipe.report.run.RunReader;
import io.parapipe.report.run.RunView;
import io.parapipe.report.run.TraceReader;
import io.parapipe.report.run.TraceView;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code parapipe report}: renders an earlier run as HTML, or its pipeline as text. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Render an earlier run: a self-contained HTML report (pipeline diagram, inclusion"
          + " intervals, authoring time and blockspace, unincluded segment, configuration,"
          + " panics), or with --pipeline its pipeline diagram as text in the terminal."
    })
public final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RUN.json",
      description = "Results written by 'parapipe simulate --json'.")
  Path run;

  @Option(names = "--trace", paramLabel = "TRACE.jsonl",
      description = "Trace of the same run ('parapipe simulate --trace'): adds seconding and"
          + " attestation times and bitfields.")
  Path trace;

  @Option(names = "--out", paramLabel = "FILE",
      description = "HTML file to write (default: report.html; with --pipeline, none unless given).")
  Path out;

  @Option(names = "--pipeline", description = "Print the pipeline diagram as text.")
  boolean pipeline;

  @Option(names = "--para", paramLabel = "ID", description = "Para to draw (default: the first).")
  Integer para;

  @Option(names = "--window", paramLabel = "FROM:TO",
      description = "Relay blocks to draw, inclusive (default: 16 blocks after the warm-up).")
  String window;

  @Option(names = "--screenshot", paramLabel = "PNG",
      description = "Also save a screenshot of the HTML report (needs Chromium).")
  Path screenshot;

  @Override
  public Integer call() {
    RunView view = RunReader.read(run);
    TraceView traceView = trace == null ? null : TraceReader.read(trace);
    PipelineWindow w = window == null ? null : PipelineWindow.parse(window);
    HeadlessChromium browser = screenshot == null ? null : HeadlessChromium.require("--screenshot");
    PrintWriter stdout = spec.commandLine().getOut();
    if (pipeline) {
      stdout.print(TextPipeline.render(
          PipelineDiagram.of(view, PipelineDiagram.para(view, para), w)));
    }
    if (!pipeline || out != null || screenshot != null) {
      Path target = out == null ? Path.of("report.html") : out;
      String label = view.name().isEmpty() ? stem(run) : view.name();
      String html = HtmlReport.render(List.of(new HtmlReport.Entry(label, view, traceView)), para, w);
      try {
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        Files.writeString(target, html, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new ReportUserError("--out " + target + ": cannot write: " + e.getMessage());
      }
      stdout.println("wrote " + target);
      if (screenshot != null) {
        browser.screenshot(target, screenshot, 1400, 1000);
        stdout.println("wrote " + screenshot);
      }
    }
    stdout.flush();
    return 0;
  }

  private static String stem(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
  }
}
