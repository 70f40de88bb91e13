package io.parapipe.doctor;

/**
 * A problem with what the user asked the doctor to read (missing path, not a parachain codebase,
 * unreadable file). The CLI prints it as one line {@code parapipe: error: ...} with exit code 2;
 * the class name ends in {@code UserError} so the CLI's error reporter recognises it.
 */
public final class DoctorUserError extends RuntimeException {
  /** @param message what is wrong, where, and a hint how to fix it */
  public DoctorUserError(String message) {
    super(message);
  }
}
