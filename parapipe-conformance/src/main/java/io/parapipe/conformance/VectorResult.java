package io.parapipe.conformance;

/** What running one vector file gave. */
public sealed interface VectorResult permits VectorResult.Passed, VectorResult.Failed, VectorResult.Malformed {

  /** The file's label: a path as given, or {@code vectors/...} for a shipped vector. */
  String file();

  /** The report line for this result. */
  String line();

  /**
   * Every operation gave what the vector expects.
   *
   * @param file the file's label
   * @param name the vector's name
   * @param operations the number of operations run
   */
  record Passed(String file, String name, int operations) implements VectorResult {
    @Override
    public String line() {
      return file + ": passed (" + name + ", " + operations + " operations)";
    }
  }

  /**
   * An operation gave something else than the vector expects. Only the first failing operation
   * is reported: the state after it has diverged, so later differences would be noise.
   *
   * @param file the file's label
   * @param name the vector's name
   * @param opIndex the index of the failing operation in {@code operations}, from 0
   * @param op the operation's name
   * @param difference what differs, {@code "expected X, got Y"} with a path when nested
   */
  record Failed(String file, String name, int opIndex, String op, String difference) implements VectorResult {
    @Override
    public String line() {
      return file + ": op #" + opIndex + " (" + op + "): " + difference;
    }
  }

  /**
   * The file breaks the format; nothing of it counts as a pass.
   *
   * @param file the file's label
   * @param path the JSON path of the offending field ({@code (json)} for a syntax error)
   * @param reason what is wrong
   */
  record Malformed(String file, String path, String reason) implements VectorResult {
    @Override
    public String line() {
      return file + ": malformed: " + path + ": " + reason;
    }
  }
}
