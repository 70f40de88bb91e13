package io.parapipe.cli;

import io.parapipe.doctor.Doctor;
import io.parapipe.doctor.DoctorReport;
import io.parapipe.doctor.predict.Predictor;
import io.parapipe.doctor.predict.SimulationPredictor;
import io.parapipe.doctor.report.JsonReport;
import io.parapipe.doctor.report.TerminalReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code parapipe doctor PATH [--json FILE]}: reads a parachain repository, reports its
 * asynchronous-backing phase, parameters, rule findings and the simulator's prediction.
 */
@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    description = {
      "Check a parachain codebase for asynchronous backing: finds the runtime crates and the node, reads the"
          + " async-backing configuration, decides the phase (sync, phase1, phase2, async, elastic), applies the"
          + " checker rules and predicts block times on a Polkadot-like relay.",
      "Exit code 0 when the analysis ran (whatever it found), 2 when PATH is not a parachain codebase."
    })
public final class DoctorCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PATH", description = "Root of the parachain repository (the directory with the workspace Cargo.toml).")
  Path path;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the report as JSON (schema parapipe.doctor/2) to FILE; '-' writes only JSON to standard output.")
  Path json;

  /** Predictions come from simulating the extracted configuration. */
  static Optional<Predictor> predictor() {
    return Optional.of(new SimulationPredictor());
  }

  @Override
  public Integer call() {
    DoctorReport report = new Doctor(predictor()).examine(path);
    PrintWriter out = spec.commandLine().getOut();
    boolean jsonToStdout = json != null && json.toString().equals("-");
    if (jsonToStdout) {
      out.print(JsonReport.render(report));
      out.flush();
      return 0;
    }
    if (json != null) {
      try {
        Path parent = json.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        Files.writeString(json, JsonReport.render(report));
      } catch (IOException e) {
        throw new UserError("cannot write --json file " + json + ": " + e.getMessage());
      }
    }
    out.print(TerminalReport.render(report));
    if (json != null) {
      out.println();
      out.println("JSON report written to " + json);
    }
    out.flush();
    return 0;
  }
}
