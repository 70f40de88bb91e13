package io.parapipe.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code parapipe simulate}: not built yet. */
@Command(name = "simulate", mixinStandardHelpOptions = true, description = "Not yet available.")
public final class SimulateCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new UserError("'simulate' is not yet supported in this build");
  }
}
