package io.parapipe.protocol.para.node;

import io.parapipe.protocol.para.runtime.ParachainState;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.relay.node.chain.RelayBlock;
import java.util.List;

/**
 * A collator node's configuration.
 *
 * @param para the para
 * @param authorityIndex this collator's index among the para's Aura authorities
 * @param relayGenesis the relay genesis block
 * @param paraGenesis the para's genesis state
 * @param validatorNodes node id of each relay validator, by authority ({@code ValidatorId})
 * @param schedule settings and runtime over the run
 * @param speed collator hardware speed: ref_time it fills per second of authoring
 * @param executionFraction real execution time of a block as a fraction of its ref_time (importing
 *     a block built by another collator re-executes it)
 * @param demand the transaction demand
 * @param relaySlotDurationMs the relay chain's slot duration
 */
public record CollatorConfig(
    ParaId para,
    int authorityIndex,
    RelayBlock relayGenesis,
    ParachainState paraGenesis,
    List<Integer> validatorNodes,
    CollatorSchedule schedule,
    double speed,
    double executionFraction,
    TransactionDemand demand,
    long relaySlotDurationMs) {}
