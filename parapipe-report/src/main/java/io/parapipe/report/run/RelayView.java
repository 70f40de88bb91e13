package io.parapipe.report.run;

import java.util.List;
import java.util.Optional;

/**
 * The relay chain part of a run.
 *
 * @param blocks blocks on the final best chain, or -1
 * @param authored blocks authored on all forks, or -1
 * @param forks blocks authored off the best chain, or -1
 * @param missedSlots slots without a block, or -1
 * @param finalized number of the last finalized block, or -1
 * @param meanBlockTimeMs mean gap between best-chain blocks, or NaN
 * @param blockTimeAtNodesMs the same gaps as each validator imported the blocks (mean, p50, p95,
 *     max), unknown in files written before the figure existed
 * @param blockTimeAtNodesP5Ms the 5th percentile of those gaps, or NaN
 * @param blockPropagationMs a block's seal to its import at each other validator (mean, p50, p95,
 *     max), unknown in files written before the figure existed
 * @param validatorUploadMbits what each validator sent, averaged over the run, in Mbit/s (mean,
 *     p50, p95, max over the validators), unknown in files written before the figure existed
 * @param finalityLagMs import of a best block to its finality
 * @param sessions sessions the run spanned, or -1
 * @param chain the final best chain in block-number order (may be empty)
 */
public record RelayView(
    int blocks,
    int authored,
    int forks,
    int missedSlots,
    int finalized,
    double meanBlockTimeMs,
    Stat blockTimeAtNodesMs,
    double blockTimeAtNodesP5Ms,
    Stat blockPropagationMs,
    Stat validatorUploadMbits,
    Stat finalityLagMs,
    int sessions,
    List<RelayBlockView> chain) {

  /** Copies the chain so the view stays immutable. */
  public RelayView {
    chain = List.copyOf(chain);
  }

  /**
   * @param number a relay block number
   * @return that block of the best chain, if the file lists it
   */
  public Optional<RelayBlockView> block(int number) {
    for (RelayBlockView b : chain) {
      if (b.number() == number) {
        return Optional.of(b);
      }
    }
    return Optional.empty();
  }

  /**
   * @return the highest relay block number the file knows of: the last block of {@code chain},
   *     else {@code blocks}, else -1
   */
  public int lastBlockNumber() {
    if (!chain.isEmpty()) {
      return chain.get(chain.size() - 1).number();
    }
    return blocks;
  }

  /**
   * The best-chain block that was the newest at a moment: the last one authored at or before
   * {@code atMs}.
   *
   * @param atMs virtual time in ms
   * @return the block number, or -1 if the chain is unknown or the moment precedes it
   */
  public int blockAt(long atMs) {
    int found = -1;
    for (RelayBlockView b : chain) {
      if (b.authoredAtMs() >= 0 && b.authoredAtMs() <= atMs) {
        found = b.number();
      }
    }
    return found;
  }
}
