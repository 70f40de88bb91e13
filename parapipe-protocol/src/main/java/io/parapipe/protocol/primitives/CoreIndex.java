package io.parapipe.protocol.primitives;

/** An availability core's index (u32). */
public record CoreIndex(int value) implements Comparable<CoreIndex> {
  /** Requires a non-negative value: the upstream type is unsigned and we never exceed 2^31. */
  public CoreIndex {
    if (value < 0) {
      throw new IllegalArgumentException("CoreIndex must be non-negative: " + value);
    }
  }

  /** Shorthand constructor. */
  public static CoreIndex of(int value) {
    return new CoreIndex(value);
  }

  @Override
  public int compareTo(CoreIndex o) {
    return Integer.compare(value, o.value);
  }

  @Override
  public String toString() {
    return Integer.toString(value);
  }
}
