package io.parapipe.cli;

import io.parapipe.errors.UserMistake;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns failures into exit codes: user errors (bad flags, and every {@link UserMistake}: this
 * module's {@link UserError} and the other modules' own kinds) print one line and exit 2; anything
 * else is a bug and keeps its stack trace, exit 1.
 */
final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {
  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    cmd.getErr().println("parapipe: error: " + ex.getMessage());
    cmd.getErr().println("hint: run '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage");
    return 2;
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
    if (isUserError(ex)) {
      cmd.getErr().println("parapipe: error: " + ex.getMessage());
      return 2;
    }
    cmd.getErr().println("parapipe: internal error (a bug, please report it):");
    ex.printStackTrace(cmd.getErr());
    return 1;
  }

  static boolean isUserError(Throwable ex) {
    return ex instanceof UserMistake;
  }
}
