package io.parapipe.sim.results;

/**
 * A file of a run (results JSON, event trace) cannot be written or read, or is not what it should
 * be. The message is one line naming the file and the cause; the command line prints it with exit
 * code 2 (the class name ends in {@code UserError}).
 */
public final class RunFileUserError extends RuntimeException {
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
