package io.parapipe.protocol.relay.node;

import io.parapipe.protocol.relay.node.chain.RelayBlock;
import io.parapipe.protocol.relay.runtime.configuration.ConfigUpdate;
import java.util.List;

/**
 * A relay validator node's configuration.
 *
 * @param authority this validator's authority index ({@code ValidatorId})
 * @param authorityNodes node id of every authority
 * @param genesis the relay genesis block
 * @param epochRandomness the shared randomness of the BABE-like lottery and approval assignments
 * @param slotDurationMicros relay slot duration
 * @param firstSlot the BABE slot that starts at time {@code slotDurationMicros}; slot numbers, like
 *     real ones derived from Unix time, are large
 * @param missedSlotProbability chance that a slot has no author
 * @param forkProbability chance that a slot has two authors
 * @param backingTimeoutMicros PVF backing execution timeout
 * @param approvalTimeoutMicros PVF approval execution timeout
 * @param bitfieldSigningDelayMicros wait after a new leaf before signing a bitfield
 * @param pvfWorkers parallel PVF execute workers
 * @param speed hardware speed relative to reference hardware
 * @param executionFraction real execution time as a fraction of ref_time
 * @param finalityRoundIntervalMicros minimum time between finality rounds
 * @param configChanges governance changes of the host configuration, by relay block number
 */
public record ValidatorConfig(
    int authority,
    List<Integer> authorityNodes,
    RelayBlock genesis,
    long epochRandomness,
    long slotDurationMicros,
    long firstSlot,
    double missedSlotProbability,
    double forkProbability,
    long backingTimeoutMicros,
    long approvalTimeoutMicros,
    long bitfieldSigningDelayMicros,
    int pvfWorkers,
    double speed,
    double executionFraction,
    long finalityRoundIntervalMicros,
    List<ConfigChange> configChanges) {

  /**
   * A host-configuration change submitted in a given relay block (it takes effect at a later
   * session boundary, as the runtime schedules it).
   *
   * @param atRelayBlock the block that carries the change
   * @param update the change
   * @param description what changes, for traces
   */
  public record ConfigChange(int atRelayBlock, ConfigUpdate update, String description) {}
}
