package io.parapipe.conformance;

import io.parapipe.errors.UserMistake;

/**
 * A vector file breaks the format: unknown component or operation, a missing field, a field of the
 * wrong type or out of range, an unknown field. Carries the JSON path of the offending field so
 * that the report can name it. The runner reports it as the vector's outcome; one that escapes is
 * the user's mistake (a {@link UserMistake}), not a bug.
 */
public final class MalformedVectorException extends UserMistake {
  private final String path;

  /**
   * @param path the JSON path of the offending field, e.g. {@code operations[3].candidate}
   * @param message what is wrong with it
   */
  public MalformedVectorException(String path, String message) {
    super(path + ": " + message);
    this.path = path;
  }

  /** The JSON path of the offending field. */
  public String path() {
    return path;
  }

  /** What is wrong, without the path. */
  public String reason() {
    String m = getMessage();
    return m.substring(path.length() + 2);
  }
}
