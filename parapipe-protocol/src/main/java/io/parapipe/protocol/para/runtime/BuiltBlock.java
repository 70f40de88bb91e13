package io.parapipe.protocol.para.runtime;

import java.util.Objects;

/**
 * A para block executed without panicking.
 *
 * @param state the state after the block (its header, head data and commitments included)
 */
public record BuiltBlock(ParachainState state) implements BlockOutcome {
  /** Requires the state. */
  public BuiltBlock {
    Objects.requireNonNull(state, "state");
  }
}
