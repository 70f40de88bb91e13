package io.parapipe.protocol.relay.runtime;

import io.parapipe.protocol.relay.runtime.parasinherent.DroppedCandidate;
import java.util.List;

/** The result of {@link RelayRuntime#executeBlock(RelayRuntimeState, BlockInputs, io.parapipe.protocol.relay.runtime.parasinherent.ProcessInherentDataContext)}. */
public sealed interface ExecutionOutcome {
  /**
   * The block executed.
   *
   * @param execution the new state and what was filtered
   */
  record Executed(BlockExecution execution) implements ExecutionOutcome {}

  /**
   * The block is invalid.
   *
   * @param error why
   * @param filtered for {@code CandidatesFilteredDuringExecution}, the candidates that had to be dropped
   */
  record Rejected(InherentError error, List<DroppedCandidate> filtered) implements ExecutionOutcome {
    /** Copies the list. */
    public Rejected {
      filtered = List.copyOf(filtered);
    }
  }
}
