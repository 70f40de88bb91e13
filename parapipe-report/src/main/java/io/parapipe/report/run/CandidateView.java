package io.parapipe.report.run;

/**
 * One candidate (para block) seen on the best relay chain. Relay block numbers that did not
 * happen are {@code null}.
 *
 * @param hash candidate hash, or empty
 * @param paraBlock para block number
 * @param parentParaBlock number of its parent para block, or -1
 * @param relayParent relay parent number: the relay block it was built on
 * @param authoredAtMs when the collator sealed it (results' {@code authored_at_ms}), or -1
 * @param authoringMs time spent building it, or NaN
 * @param refTimePs {@code ref_time} it used, or -1
 * @param povSize proof-of-validity size in bytes, or -1
 * @param backedIn relay block that backed it
 * @param includedIn relay block that included it
 * @param timedOutIn relay block in which its availability timed out
 * @param core availability core, or -1
 */
public record CandidateView(
    String hash,
    int paraBlock,
    int parentParaBlock,
    int relayParent,
    long authoredAtMs,
    double authoringMs,
    long refTimePs,
    long povSize,
    Integer backedIn,
    Integer includedIn,
    Integer timedOutIn,
    int core) {

  /**
   * @return when the collator started building it (sealed time less authoring time), or -1 if
   *     either is unknown
   */
  public long authoringStartMs() {
    return authoredAtMs < 0 || Double.isNaN(authoringMs) ? -1
        : Math.round(authoredAtMs - authoringMs);
  }

  /**
   * @return the last relay block in which this candidate is in the pipeline: its inclusion or
   *     time-out, {@link Integer#MAX_VALUE} while it is still pending availability at the end of
   *     the run, or its relay parent if it was never backed
   */
  public int lastActiveBlock() {
    if (includedIn != null) {
      return includedIn;
    }
    if (timedOutIn != null) {
      return timedOutIn;
    }
    if (backedIn != null) {
      return Integer.MAX_VALUE;
    }
    return relayParent;
  }
}
