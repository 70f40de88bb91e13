package io.parapipe.protocol.primitives;

/** A validator's index in the session's active (parachain) validator set (u32). */
public record ValidatorIndex(int value) implements Comparable<ValidatorIndex> {
  /** Requires a non-negative value: the upstream type is unsigned and we never exceed 2^31. */
  public ValidatorIndex {
    if (value < 0) {
      throw new IllegalArgumentException("ValidatorIndex must be non-negative: " + value);
    }
  }

  /** Shorthand constructor. */
  public static ValidatorIndex of(int value) {
    return new ValidatorIndex(value);
  }

  @Override
  public int compareTo(ValidatorIndex o) {
    return Integer.compare(value, o.value);
  }

  @Override
  public String toString() {
    return Integer.toString(value);
  }
}
