package io.parapipe.protocol.para.collator;

import io.parapipe.protocol.para.runtime.ParaBlockHeader;
import io.parapipe.protocol.primitives.Hash;

/**
 * A block a new block could be built on ({@code PotentialParent}).
 *
 * @param hash the block hash
 * @param header the block header
 * @param depth the distance from the included block (which has depth 0)
 * @param alignedWithPending whether the block is the included block, the pending block, on the
 *     path between them, or a descendant of the pending block
 */
public record PotentialParent(Hash hash, ParaBlockHeader header, int depth, boolean alignedWithPending) {}
