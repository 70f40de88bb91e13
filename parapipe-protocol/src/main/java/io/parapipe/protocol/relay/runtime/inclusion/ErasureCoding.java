package io.parapipe.protocol.relay.runtime.inclusion;

import io.parapipe.protocol.primitives.ChunkIndex;
import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.ValidatorIndex;

/**
 * The erasure-coding parameters of {@code polkadot-erasure-coding} and the chunk assignment of
 * {@code availability_chunks.rs}: one chunk per validator; any {@link #recoveryThreshold(int)}
 * chunks recover the data.
 */
public final class ErasureCoding {
  /** {@code MAX_VALIDATORS}: the codec supports at most 65 536 chunks. */
  public static final int MAX_VALIDATORS = 65_536;

  private ErasureCoding() {}

  /**
   * {@code recovery_threshold(n) = (n − 1) / 3 + 1}, defined for {@code 2 ≤ n ≤ 65536}
   * ({@code NotEnoughValidators} / {@code TooManyValidators} upstream).
   */
  public static int recoveryThreshold(int nValidators) {
    if (nValidators <= 1) {
      throw new IllegalArgumentException("NotEnoughValidators: erasure coding needs at least 2, got " + nValidators);
    }
    if (nValidators > MAX_VALIDATORS) {
      throw new IllegalArgumentException("TooManyValidators: at most " + MAX_VALIDATORS + ", got " + nValidators);
    }
    return Thresholds.byzantineThreshold(nValidators) + 1;
  }

  /**
   * {@code systematic_recovery_threshold(n)}: the number of systematic chunks, the {@code k} of the
   * Reed–Solomon code, which rounds the recovery threshold down to a power of two (inferred from
   * {@code reed-solomon-novelpoly}'s parameter derivation).
   */
  public static int systematicRecoveryThreshold(int nValidators) {
    return Integer.highestOneBit(recoveryThreshold(nValidators));
  }

  /**
   * {@code availability_chunk_index}: with the {@code AvailabilityChunkMapping} node feature,
   * {@code (core · systematic_recovery_threshold(n) + v) mod n}; without it, the validator index.
   */
  public static ChunkIndex chunkIndex(
      boolean availabilityChunkMapping, int nValidators, CoreIndex core, ValidatorIndex validator) {
    if (validator.value() >= nValidators) {
      throw new IllegalArgumentException("validator " + validator + " out of " + nValidators);
    }
    if (!availabilityChunkMapping) {
      return ChunkIndex.of(validator.value());
    }
    long start = (long) core.value() * systematicRecoveryThreshold(nValidators);
    return ChunkIndex.of((int) ((start + validator.value()) % nValidators));
  }
}
