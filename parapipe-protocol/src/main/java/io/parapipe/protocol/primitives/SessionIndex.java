package io.parapipe.protocol.primitives;

/** A session's index (u32). */
public record SessionIndex(int value) implements Comparable<SessionIndex> {
  /** Requires a non-negative value: the upstream type is unsigned and we never exceed 2^31. */
  public SessionIndex {
    if (value < 0) {
      throw new IllegalArgumentException("SessionIndex must be non-negative: " + value);
    }
  }

  /** Shorthand constructor. */
  public static SessionIndex of(int value) {
    return new SessionIndex(value);
  }

  @Override
  public int compareTo(SessionIndex o) {
    return Integer.compare(value, o.value);
  }

  @Override
  public String toString() {
    return Integer.toString(value);
  }
}
