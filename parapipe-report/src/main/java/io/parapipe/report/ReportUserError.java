package io.parapipe.report;

/**
 * A mistake in what the user gave the report tools (a file that is not results JSON, a window
 * outside the run, a para that is not in it). The command line prints it as one line {@code
 * parapipe: error: ...} with exit code 2: its class name ends in {@code UserError}, which is how
 * the CLI's error reporter recognises user errors from other modules.
 */
public final class ReportUserError extends RuntimeException {
  /** @param message what is wrong and where, phrased for the user */
  public ReportUserError(String message) {
    super(message);
  }
}
