package io.parapipe.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code parapipe doctor}: not built yet. */
@Command(name = "doctor", mixinStandardHelpOptions = true, description = "Not yet available.")
public final class DoctorCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new UserError("'doctor' is not yet supported in this build");
  }
}
