package io.parapipe.doctor;

import io.parapipe.errors.UserMistake;

/**
 * A problem with what the user asked the doctor to read (missing path, not a parachain codebase,
 * unreadable file). The CLI prints it as one line {@code parapipe: error: ...} with exit code 2,
 * as every {@link UserMistake}.
 */
public final class DoctorUserError extends UserMistake {
  /** @param message what is wrong, where, and a hint how to fix it */
  public DoctorUserError(String message) {
    super(message);
  }
}
