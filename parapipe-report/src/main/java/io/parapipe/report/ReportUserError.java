package io.parapipe.report;

import io.parapipe.errors.UserMistake;

/**
 * A mistake in what the user gave the report tools (a file that is not results JSON, a window
 * outside the run, a para that is not in it). The command line prints it as one line {@code
 * parapipe: error: ...} with exit code 2, as every {@link UserMistake}.
 */
public final class ReportUserError extends UserMistake {
  /** @param message what is wrong and where, phrased for the user */
  public ReportUserError(String message) {
    super(message);
  }
}
