package io.parapipe.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code parapipe bench}: not built yet. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Not yet available.")
public final class BenchCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new UserError("'bench' is not yet supported in this build");
  }
}
