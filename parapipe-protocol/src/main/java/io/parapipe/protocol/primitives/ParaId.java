package io.parapipe.protocol.primitives;

/** A parachain's id (u32). Ordered ascending, as the runtime iterates paras. */
public record ParaId(int value) implements Comparable<ParaId> {
  /** Requires a non-negative value: the upstream type is unsigned and we never exceed 2^31. */
  public ParaId {
    if (value < 0) {
      throw new IllegalArgumentException("ParaId must be non-negative: " + value);
    }
  }

  /** Shorthand constructor. */
  public static ParaId of(int value) {
    return new ParaId(value);
  }

  @Override
  public int compareTo(ParaId o) {
    return Integer.compare(value, o.value);
  }

  @Override
  public String toString() {
    return Integer.toString(value);
  }
}
