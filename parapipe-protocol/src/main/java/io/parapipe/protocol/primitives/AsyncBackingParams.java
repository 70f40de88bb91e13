package io.parapipe.protocol.primitives;

/**
 * The relay chain's asynchronous backing parameters (Era B). {@code {0, 0}} is synchronous
 * backing: a candidate must build on the included head and the latest relay parent.
 *
 * @param maxCandidateDepth how many para blocks may lie between the head included at a relay
 *     parent and a new candidate; the fragment chain holds at most {@code maxCandidateDepth + 1}
 * @param allowedAncestryLen how many ancestors of the newest relay block candidates may use as
 *     relay parent
 */
public record AsyncBackingParams(int maxCandidateDepth, int allowedAncestryLen) {
  /** Synchronous backing. */
  public static final AsyncBackingParams SYNC = new AsyncBackingParams(0, 0);

  /** Rejects negative values (the upstream fields are {@code u32}). */
  public AsyncBackingParams {
    if (maxCandidateDepth < 0 || allowedAncestryLen < 0) {
      throw new IllegalArgumentException("async backing params are unsigned");
    }
  }

  /** True unless both parameters are zero. */
  public boolean isAsync() {
    return maxCandidateDepth > 0 || allowedAncestryLen > 0;
  }
}
