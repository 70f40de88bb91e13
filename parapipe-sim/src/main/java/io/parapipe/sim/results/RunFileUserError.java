package io.parapipe.sim.results;

import io.parapipe.errors.UserMistake;

/**
 * A file of a run (results JSON, event trace) cannot be written or read, or is not what it should
 * be. The message is one line naming the file and the cause; the command line prints it with exit
 * code 2, as every {@link UserMistake}.
 */
public final class RunFileUserError extends UserMistake {
  /** @param message what is wrong and with which file */
  public RunFileUserError(String message) {
    super(message);
  }

  /**
   * @param message what is wrong and with which file
   * @param cause the I/O failure
   */
  public RunFileUserError(String message, Throwable cause) {
    super(message, cause);
  }
}
