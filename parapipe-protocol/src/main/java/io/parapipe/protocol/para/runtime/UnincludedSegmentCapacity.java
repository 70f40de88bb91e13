package io.parapipe.protocol.para.runtime;

/**
 * What a consensus hook returns ({@code UnincludedSegmentCapacity}): either
 * {@code ExpectParentIncluded} (capacity 1 and the parent must be the included head) or
 * {@code Value(NonZeroU32)}.
 *
 * @param value {@code get()}: 1 for {@code ExpectParentIncluded}
 * @param expectingIncludedParent {@code is_expecting_included_parent()}
 */
public record UnincludedSegmentCapacity(int value, boolean expectingIncludedParent) {
  /** Checks the value is at least 1. */
  public UnincludedSegmentCapacity {
    if (value < 1) {
      throw new IllegalArgumentException("capacity is NonZeroU32: " + value);
    }
  }

  /** {@code ExpectParentIncluded}. */
  public static UnincludedSegmentCapacity expectParentIncluded() {
    return new UnincludedSegmentCapacity(1, true);
  }

  /** {@code Value(n)}, {@code n >= 1}. */
  public static UnincludedSegmentCapacity of(int n) {
    return new UnincludedSegmentCapacity(n, false);
  }
}
