package io.parapipe.protocol.primitives;

import java.util.OptionalInt;

/**
 * The scheduler's part of the host configuration ({@code SchedulerParams}).
 *
 * @param groupRotationFrequency relay blocks between validator-group rotations (non-zero)
 * @param parasAvailabilityPeriod the availability timeout window after a rotation (non-zero)
 * @param maxValidatorsPerCore caps group size, which raises the core count
 * @param lookahead claim queue depth ("scheduling lookahead"), non-zero
 * @param numCores cores managed by coretime
 * @param ttl deprecated upstream; kept for the consistency check {@code ttl >= lookahead}
 */
public record SchedulerParams(
    int groupRotationFrequency,
    int parasAvailabilityPeriod,
    OptionalInt maxValidatorsPerCore,
    int lookahead,
    int numCores,
    int ttl) {
  /** The upstream {@code Default}: frequency 1, period 1, lookahead 1, no cores, ttl 5. */
  public static final SchedulerParams DEFAULT =
      new SchedulerParams(1, 1, OptionalInt.empty(), 1, 0, 5);
}
