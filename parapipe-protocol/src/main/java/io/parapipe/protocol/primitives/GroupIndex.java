package io.parapipe.protocol.primitives;

/** A validator group's index (u32). */
public record GroupIndex(int value) implements Comparable<GroupIndex> {
  /** Requires a non-negative value: the upstream type is unsigned and we never exceed 2^31. */
  public GroupIndex {
    if (value < 0) {
      throw new IllegalArgumentException("GroupIndex must be non-negative: " + value);
    }
  }

  /** Shorthand constructor. */
  public static GroupIndex of(int value) {
    return new GroupIndex(value);
  }

  @Override
  public int compareTo(GroupIndex o) {
    return Integer.compare(value, o.value);
  }

  @Override
  public String toString() {
    return Integer.toString(value);
  }
}
