package io.parapipe.protocol.relay.runtime;

import io.parapipe.protocol.relay.runtime.configuration.ConfigUpdateOutcome;
import io.parapipe.protocol.relay.runtime.parasinherent.DroppedBitfield;
import io.parapipe.protocol.relay.runtime.parasinherent.DroppedCandidate;
import java.util.List;
import java.util.Optional;

/**
 * An executed block.
 *
 * @param state the block's state; {@code state.header()} is the block's header
 * @param processedInherent the inherent data the block actually contains (what survived filtering);
 *     backed candidates grouped by para, ascending
 * @param droppedBitfields bitfields {@code sanitize_bitfields} dropped
 * @param droppedCandidates backed candidates that were not backed, with the reason
 * @param configUpdate what became of the governance configuration change, if one was given
 * @param sessionChanged true if a new session started at the end of this block
 */
public record BlockExecution(
    RelayRuntimeState state,
    ParasInherentData processedInherent,
    List<DroppedBitfield> droppedBitfields,
    List<DroppedCandidate> droppedCandidates,
    Optional<ConfigUpdateOutcome> configUpdate,
    boolean sessionChanged) {

  /** Copies the lists. */
  public BlockExecution {
    droppedBitfields = List.copyOf(droppedBitfields);
    droppedCandidates = List.copyOf(droppedCandidates);
  }
}
