package io.parapipe.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code parapipe} command: asynchronous backing for Polkadot parachains, simulated. */
@Command(
    name = "parapipe",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Asynchronous backing for Polkadot parachains: simulate, compare, check.",
    subcommands = {
      SimulateCommand.class,
      CompareCommand.class,
      SweepCommand.class,
      SweepWorkerCommand.class,
      ReportCommand.class,
      ConformanceCommand.class,
      DoctorCommand.class,
      BenchCommand.class,
      FaultsCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Entry point: exit code 0 on success, 1 on a bug, 2 on a user error. */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the CLI and returns its exit code (tests call this). */
  public static int run(String... args) {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler(new ErrorReporter());
    cl.setParameterExceptionHandler(new ErrorReporter());
    try {
      return cl.execute(args);
    } catch (OutOfMemoryError e) {
      // The run's state outgrew the heap: a limit the user can raise, not a bug to report.
      System.err.println("parapipe: error: the Java heap is full (" + Runtime.getRuntime().maxMemory()
          / (1 << 20) + " MiB): give the JVM more, e.g. PARAPIPE_JAVA_OPTS=\"-Xmx12g"
          + " -XX:+UseParallelGC\" ./parapipe ..., or run a shorter --duration or fewer validators");
      return 2;
    }
  }
}
