package io.parapipe.protocol.relay.runtime;


/**
 * The {@code ref_time} of executing a relay block, from its content: the empty block plus the
 * {@code paras_inherent} with its bitfields and backed candidates. Proposing and importing a relay
 * block take this long (scaled by hardware), so the blocks that carry more candidates arrive
 * later.
 *
 * <p>The figures are Polkadot's benchmarked weights (polkadot-fellows/runtimes,
 * {@code relay/polkadot/src/weights/runtime_parachains_paras_inherent.rs}: {@code enter_empty},
 * {@code enter_bitfields}, {@code enter_backed_candidates_variable(v)}), with their storage
 * accesses at substrate's {@code RocksDbWeight} (25 µs a read, 100 µs a write), plus substrate's
 * default {@code BlockExecutionWeight} (5 ms) for the block around the inherent.
 */
public final class ParasInherentWeights {
  private static final long PS_PER_US = 1_000_000L;
  private static final long READ = 25 * PS_PER_US;
  private static final long WRITE = 100 * PS_PER_US;

  /** Executing a block with no extrinsics ({@code frame_support} {@code BlockExecutionWeight}). */
  public static final long BLOCK_EXECUTION = 5_000 * PS_PER_US;

  /** {@code enter_empty}: 210.9 µs, 19 reads, 10 writes. */
  public static final long ENTER_EMPTY = 210_900_000L + 19 * READ + 10 * WRITE;

  /**
   * What a full set of bitfields adds to {@code enter_empty}: {@code enter_bitfields} is
   * 441.34 µs, 21 reads and 12 writes with a bitfield of every validator of the benchmark.
   */
  public static final long ALL_BITFIELDS = 441_340_000L - 210_900_000L + 2 * READ + 2 * WRITE;

  /**
   * What one backed candidate adds to {@code enter_empty}: {@code enter_backed_candidates_variable}
   * is 1,207.3 µs plus 46.9 µs per validity vote, 35 reads and 21 writes, for one candidate.
   */
  public static final long BACKED_CANDIDATE = 1_207_326_084L - 210_900_000L + 16 * READ + 11 * WRITE;

  /** Each validity vote of a backed candidate (a signature check). */
  public static final long VALIDITY_VOTE = 46_907_155L;

  private ParasInherentWeights() {}

  /**
   * The {@code ref_time} of a relay block carrying {@code body}.
   *
   * @param body the block's inherent data
   * @param validators validators in the session (a full set of bitfields has one per validator)
   */
  public static long blockRefTime(ParasInherentData body, int validators) {
    long w = BLOCK_EXECUTION + ENTER_EMPTY;
    if (validators > 0) {
      w += ALL_BITFIELDS * Math.min(body.bitfields().size(), validators) / validators;
    }
    for (var bc : body.backedCandidates()) {
      w += BACKED_CANDIDATE + VALIDITY_VOTE * bc.validityVotes().size();
    }
    return w;
  }
}
