package io.parapipe.cli;

import io.parapipe.conformance.ConformanceRunner;
import io.parapipe.conformance.RunReport;
import io.parapipe.conformance.VectorCatalog;
import io.parapipe.conformance.VectorSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code parapipe conformance [PATH ...] [--verbose]}: runs conformance vectors (the shipped set,
 * or the given files and folders) and prints one line per failing or malformed vector, then
 * {@code N passed, N failed}.
 */
@Command(
    name = "conformance",
    mixinStandardHelpOptions = true,
    description = {
      "Run conformance vectors: JSON statements of how the async-backing components behave (fragment chain,"
          + " constraints, unincluded segment, consensus hooks, scheduler, availability, paras_inherent, ...).",
      "Without PATH, runs the vectors shipped with parapipe. Prints one line per failing vector (file, operation"
          + " index, difference) and ends with 'N passed, N failed'. Format: docs/conformance.md.",
      "Exit code 0 when all pass, 1 when some fail, 2 when some vector is malformed or a PATH does not exist."
    })
public final class ConformanceCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "0..*",
      description = "Vector files, or folders searched recursively for *.json files.")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--verbose", description = "Also print a line for every vector that passes.")
  boolean verbose;

  @Override
  public Integer call() {
    List<VectorSource> sources;
    if (paths.isEmpty()) {
      sources = VectorCatalog.shipped();
    } else {
      for (Path p : paths) {
        if (!Files.exists(p)) {
          throw new UserError("no such vector file or folder: " + p
              + " (give .json vector files or folders of them, or no PATH for the shipped vectors)");
        }
      }
      try {
        sources = VectorCatalog.fromPaths(paths);
      } catch (IOException e) {
        throw new UserError("cannot read " + e.getMessage() + ": check the path and its permissions");
      }
      if (sources.isEmpty()) {
        throw new UserError("no vector files (*.json) in " + paths + ": give .json files or folders containing them");
      }
    }
    RunReport report = ConformanceRunner.standard().run(sources);
    PrintWriter out = spec.commandLine().getOut();
    report.lines(verbose).forEach(out::println);
    out.flush();
    return report.exitCode();
  }
}
