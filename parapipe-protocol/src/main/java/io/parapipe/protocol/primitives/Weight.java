package io.parapipe.protocol.primitives;

/**
 * A Substrate weight: {@code ref_time} in picoseconds on reference hardware and {@code proof_size}
 * in bytes. A 2 s block is {@code refTime = 2_000_000_000_000}.
 *
 * @param refTime picoseconds of reference-hardware execution
 * @param proofSize bytes of storage proof
 */
public record Weight(long refTime, long proofSize) {
  /** Picoseconds in one second ({@code WEIGHT_REF_TIME_PER_SECOND}). */
  public static final long REF_TIME_PER_SECOND = 1_000_000_000_000L;
  /** Picoseconds in one millisecond ({@code WEIGHT_REF_TIME_PER_MILLIS}). */
  public static final long REF_TIME_PER_MILLIS = 1_000_000_000L;
  /** Picoseconds in one microsecond ({@code WEIGHT_REF_TIME_PER_MICROS}). */
  public static final long REF_TIME_PER_MICROS = 1_000_000L;
  /** The zero weight. */
  public static final Weight ZERO = new Weight(0, 0);

  /** Sum of two weights. */
  public Weight plus(Weight o) {
    return new Weight(refTime + o.refTime, proofSize + o.proofSize);
  }
}
