package io.parapipe.sweep;

import io.parapipe.errors.UserMistake;

/**
 * A sweep the user asked for cannot be done as given: an empty grid, a bad seed count, an output
 * directory that cannot be written, a cluster that cannot be reached. One line, exit code 2.
 */
public final class SweepUserError extends UserMistake {
  /** @param message what is wrong, where, and what to do */
  public SweepUserError(String message) {
    super(message);
  }

  /**
   * @param message what is wrong, where, and what to do
   * @param cause the underlying failure
   */
  public SweepUserError(String message, Throwable cause) {
    super(message, cause);
  }
}
