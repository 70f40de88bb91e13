package io.parapipe.errors;

/**
 * A mistake of the user's: a bad flag, scenario key or value, a file that cannot be read or is
 * not what it should be. The command line prints the message as one line {@code parapipe: error:
 * <message>} and exits with code 2, never with a stack trace; any other exception is a bug (stack
 * trace, exit code 1).
 *
 * <p>Each module names its own kind of mistake by extending this class (the simulator's {@code
 * ScenarioConfigException} and {@code RunFileUserError}, the report's {@code ReportUserError}, the
 * doctor's {@code DoctorUserError}, the conformance runner's {@code MalformedVectorException}, the
 * command line's {@code UserError}). The message says what is wrong, where, and how to fix it.
 */
public abstract class UserMistake extends RuntimeException {
  /** @param message what is wrong, where, and how to fix it */
  protected UserMistake(String message) {
    super(message);
  }

  /**
   * @param message what is wrong, where, and how to fix it
   * @param cause the failure behind it, e.g. an I/O error
   */
  protected UserMistake(String message, Throwable cause) {
    super(message, cause);
  }
}
