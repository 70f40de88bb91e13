package io.parapipe.protocol.primitives;

/** An erasure chunk's index (u32). */
public record ChunkIndex(int value) implements Comparable<ChunkIndex> {
  /** Requires a non-negative value: the upstream type is unsigned and we never exceed 2^31. */
  public ChunkIndex {
    if (value < 0) {
      throw new IllegalArgumentException("ChunkIndex must be non-negative: " + value);
    }
  }

  /** Shorthand constructor. */
  public static ChunkIndex of(int value) {
    return new ChunkIndex(value);
  }

  @Override
  public int compareTo(ChunkIndex o) {
    return Integer.compare(value, o.value);
  }

  @Override
  public String toString() {
    return Integer.toString(value);
  }
}
