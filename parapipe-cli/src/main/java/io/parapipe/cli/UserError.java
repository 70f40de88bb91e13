package io.parapipe.cli;

import io.parapipe.errors.UserMistake;

/**
 * A mistake of the user's (bad flag, bad file, bad value): printed as one line
 * {@code parapipe: error: ...} with exit code 2, never as a stack trace.
 */
public final class UserError extends UserMistake {
  /** @param message what is wrong, where, and how to fix it */
  public UserError(String message) {
    super(message);
  }
}
