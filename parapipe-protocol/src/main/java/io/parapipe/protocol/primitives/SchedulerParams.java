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
  /**
   * The upstream {@code Default}: frequency 1, period 1, no cap on validators per core, lookahead
   * 1, no cores, ttl 5. Other values are built from it by name with the {@code with*} copies.
   */
  public static final SchedulerParams DEFAULT =
      new SchedulerParams(1, 1, OptionalInt.empty(), 1, 0, 5);

  /** Copy with another {@code group_rotation_frequency}. */
  public SchedulerParams withGroupRotationFrequency(int blocks) {
    return new SchedulerParams(blocks, parasAvailabilityPeriod, maxValidatorsPerCore, lookahead,
        numCores, ttl);
  }

  /** Copy with another {@code paras_availability_period}. */
  public SchedulerParams withParasAvailabilityPeriod(int blocks) {
    return new SchedulerParams(groupRotationFrequency, blocks, maxValidatorsPerCore, lookahead,
        numCores, ttl);
  }

  /** Copy with another {@code max_validators_per_core} (empty: no cap). */
  public SchedulerParams withMaxValidatorsPerCore(OptionalInt cap) {
    return new SchedulerParams(groupRotationFrequency, parasAvailabilityPeriod, cap, lookahead,
        numCores, ttl);
  }

  /** Copy with another {@code lookahead} (claim queue depth); the ttl is left as it is. */
  public SchedulerParams withLookahead(int depth) {
    return new SchedulerParams(groupRotationFrequency, parasAvailabilityPeriod, maxValidatorsPerCore,
        depth, numCores, ttl);
  }

  /** Copy with another {@code num_cores}. */
  public SchedulerParams withNumCores(int cores) {
    return new SchedulerParams(groupRotationFrequency, parasAvailabilityPeriod, maxValidatorsPerCore,
        lookahead, cores, ttl);
  }

  /** Copy with another {@code ttl}. */
  public SchedulerParams withTtl(int blocks) {
    return new SchedulerParams(groupRotationFrequency, parasAvailabilityPeriod, maxValidatorsPerCore,
        lookahead, numCores, blocks);
  }
}
