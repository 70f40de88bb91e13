package io.parapipe.protocol.relay.runtime.shared;

/**
 * A validator's identity across sessions: its index in the fixed authority set the simulation
 * starts with (upstream, a public key). The parachain {@code ValidatorIndex} of a validator is its
 * position in the session's shuffled active set and changes every session.
 *
 * @param authority index in the authority set, {@code 0 ≤ authority < number of validators}
 */
public record ValidatorId(int authority) implements Comparable<ValidatorId> {
  /** Requires a non-negative index. */
  public ValidatorId {
    if (authority < 0) {
      throw new IllegalArgumentException("ValidatorId must be non-negative: " + authority);
    }
  }

  /** Shorthand constructor. */
  public static ValidatorId of(int authority) {
    return new ValidatorId(authority);
  }

  @Override
  public int compareTo(ValidatorId o) {
    return Integer.compare(authority, o.authority);
  }

  @Override
  public String toString() {
    return "v" + authority;
  }
}
