package io.parapipe.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code parapipe report}: not built yet. */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Not yet available.")
public final class ReportCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new UserError("'report' is not yet supported in this build");
  }
}
