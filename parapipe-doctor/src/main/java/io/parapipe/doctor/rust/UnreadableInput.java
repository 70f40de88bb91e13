package io.parapipe.doctor.rust;

/**
 * The reading layers cannot go on with what they were given: a directory or file that cannot be
 * read, a module tree or expression nested beyond what the doctor follows, or a parser that
 * cannot load on this platform. The message is one line for the user (what and where, with a
 * hint); {@code Doctor} reports it as a user error.
 */
public final class UnreadableInput extends RuntimeException {
  /** @param message what cannot be read, where, and what to do */
  public UnreadableInput(String message) {
    super(message);
  }
}
