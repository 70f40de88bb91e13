package io.parapipe.protocol.para.node;

import io.parapipe.protocol.primitives.Weight;

/**
 * Where a collator's block proposer gets transactions: the port to the para's transaction pool,
 * which the host provides (the simulator models the users' demand behind it).
 *
 * <p>Block filling: the proposer asks once per block, when it starts building on a parent. The
 * block may take the transactions that reached the pool since the parent block was authored;
 * the parent took those that came before, and what a block leaves behind is not carried to its
 * children. It includes whole transactions while both limits hold: the ref_time limit (the lesser
 * of the runtime's {@code MAXIMUM_BLOCK_WEIGHT} and what the collator's hardware executes within
 * the authoring duration) and the PoV limit (the block's PoV budget less the bytes that do not
 * depend on transactions). The answer is the included transactions' total weight; the collator
 * then spends their ref_time authoring and adds their proof size to the PoV.
 *
 * <p>Implementations answer from their arguments and their own state only; a deterministic host
 * gives the same answer to the same questions in the same order.
 */
@FunctionalInterface
public interface TransactionSource {
  /**
   * The transactions one block includes.
   *
   * @param refTimeLimit ref_time the block may spend on transactions, picoseconds (≥ 0)
   * @param proofSizeLimit proof bytes the block may spend on transactions; zero or less means
   *     none fits
   * @param sinceParentMicros time since the parent block was authored, µs: how long the pool has
   *     been collecting the transactions this block may take
   * @return the included transactions' total {@code ref_time} and proof size, within both limits
   */
  Weight fill(long refTimeLimit, long proofSizeLimit, long sinceParentMicros);
}
