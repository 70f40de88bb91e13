package io.parapipe.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code parapipe compare}: not built yet. */
@Command(name = "compare", mixinStandardHelpOptions = true, description = "Not yet available.")
public final class CompareCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new UserError("'compare' is not yet supported in this build");
  }
}
