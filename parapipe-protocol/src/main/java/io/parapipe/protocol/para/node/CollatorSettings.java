package io.parapipe.protocol.para.node;

import io.parapipe.protocol.para.collator.ParentSearchRevision;

/**
 * A collator node's settings (its binary and command line): which collator, how long it may
 * author, and the switches that changed between releases.
 *
 * @param kind basic or lookahead
 * @param authoringDurationMicros the proposer's deadline
 * @param oncePerSlot basic collator: produce once per Aura slot per relay fork (polkadot-sdk#3308)
 * @param parentSearch lookahead parent search revision
 * @param maxPovPercentage share of {@code max_pov_size} a block may use (lookahead L2)
 */
public record CollatorSettings(CollatorKind kind, long authoringDurationMicros, boolean oncePerSlot,
    ParentSearchRevision parentSearch, int maxPovPercentage) {}
