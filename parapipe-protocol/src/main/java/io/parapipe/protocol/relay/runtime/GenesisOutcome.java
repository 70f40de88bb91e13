package io.parapipe.protocol.relay.runtime;

import io.parapipe.protocol.primitives.InconsistentError;

/** The result of {@link RelayRuntime#genesis}. */
public sealed interface GenesisOutcome {
  /**
   * The genesis state (block 0).
   *
   * @param state the state
   */
  record Built(RelayRuntimeState state) implements GenesisOutcome {}

  /**
   * The configuration is inconsistent; upstream genesis panics ({@code panic_if_not_consistent}).
   *
   * @param error the first rule violated
   */
  record Inconsistent(InconsistentError error) implements GenesisOutcome {}

  /** The genesis state, or an {@link IllegalArgumentException} naming the inconsistency. */
  default RelayRuntimeState orElseThrow() {
    if (this instanceof Built b) {
      return b.state();
    }
    InconsistentError e = ((Inconsistent) this).error();
    throw new IllegalArgumentException(
        "inconsistent host configuration: " + e.upstreamName() + " (" + e.explanation() + ")");
  }
}
