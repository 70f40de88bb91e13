package io.parapipe.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code parapipe conformance}: not built yet. */
@Command(name = "conformance", mixinStandardHelpOptions = true, description = "Not yet available.")
public final class ConformanceCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new UserError("'conformance' is not yet supported in this build");
  }
}
