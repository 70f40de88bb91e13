package io.parapipe.conformance;

import java.util.ArrayList;
import java.util.List;

/**
 * The results of a run, in file order, with the summary line and exit code of
 * {@code parapipe conformance}.
 *
 * @param results one result per vector file, ordered by file label
 */
public record RunReport(List<VectorResult> results) {
  /** Copies the list. */
  public RunReport {
    results = List.copyOf(results);
  }

  /** Vectors that passed. */
  public long passed() {
    return results.stream().filter(r -> r instanceof VectorResult.Passed).count();
  }

  /** Vectors that failed. */
  public long failed() {
    return results.stream().filter(r -> r instanceof VectorResult.Failed).count();
  }

  /** Vectors that are malformed. */
  public long malformed() {
    return results.stream().filter(r -> r instanceof VectorResult.Malformed).count();
  }

  /** {@code "N passed, N failed"}, with {@code ", N malformed"} when there are malformed files. */
  public String summary() {
    String s = passed() + " passed, " + failed() + " failed";
    return malformed() > 0 ? s + ", " + malformed() + " malformed" : s;
  }

  /** 2 if any vector is malformed, else 1 if any failed, else 0. */
  public int exitCode() {
    if (malformed() > 0) {
      return 2;
    }
    return failed() > 0 ? 1 : 0;
  }

  /**
   * The report: one line per failing or malformed vector (every vector with {@code verbose}), in
   * file order, then the summary line.
   */
  public List<String> lines(boolean verbose) {
    List<String> out = new ArrayList<>();
    for (VectorResult r : results) {
      if (verbose || !(r instanceof VectorResult.Passed)) {
        out.add(r.line());
      }
    }
    out.add(summary());
    return out;
  }
}
