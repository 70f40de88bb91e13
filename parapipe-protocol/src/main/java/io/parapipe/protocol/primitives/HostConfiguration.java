package io.parapipe.protocol.primitives;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The relay runtime's host configuration: the fields of {@code HostConfiguration} that matter to
 * backing, availability and inclusion. Changes take effect at session boundaries.
 *
 * @param maxCodeSize maximum validation code size in bytes
 * @param maxHeadDataSize maximum head data size in bytes
 * @param maxPovSize maximum PoV size in bytes
 * @param maxUpwardQueueCount UMP queue capacity in messages
 * @param maxUpwardQueueSize UMP queue capacity in bytes
 * @param maxUpwardMessageSize maximum size of one UMP message
 * @param maxUpwardMessageNumPerCandidate UMP messages per candidate
 * @param hrmpMaxMessageNumPerCandidate HRMP messages per candidate
 * @param validationUpgradeCooldown blocks between code upgrades
 * @param validationUpgradeDelay delay before an upgrade applies
 * @param minimumValidationUpgradeDelay lower bound of that delay
 * @param asyncBackingParams the async backing parameters
 * @param neededApprovals approval checkers per candidate
 * @param minimumBackingVotes the backing threshold
 * @param noShowSlots approval no-show slots (only checked for consistency)
 * @param nDelayTranches approval delay tranches (only checked for consistency)
 * @param elasticScalingMvp node feature bit 1 ({@code ElasticScalingMVP}): backed candidates may
 *     carry their core index, so a para may have several candidates backed in one block
 * @param candidateReceiptV2 node feature bit 3 ({@code CandidateReceiptV2}): V2 descriptors (with
 *     core and session index) and UMP signals are accepted
 * @param schedulerParams the scheduler parameters
 */
public record HostConfiguration(
    int maxCodeSize,
    int maxHeadDataSize,
    int maxPovSize,
    int maxUpwardQueueCount,
    int maxUpwardQueueSize,
    int maxUpwardMessageSize,
    int maxUpwardMessageNumPerCandidate,
    int hrmpMaxMessageNumPerCandidate,
    int validationUpgradeCooldown,
    int validationUpgradeDelay,
    int minimumValidationUpgradeDelay,
    AsyncBackingParams asyncBackingParams,
    int neededApprovals,
    int minimumBackingVotes,
    int noShowSlots,
    int nDelayTranches,
    boolean elasticScalingMvp,
    SchedulerParams schedulerParams,
    boolean candidateReceiptV2) {

  /** {@code MAX_CODE_SIZE}: 3 MiB. */
  public static final int MAX_CODE_SIZE = 3 * 1024 * 1024;
  /** {@code MAX_HEAD_DATA_SIZE}: 1 MiB. */
  public static final int MAX_HEAD_DATA_SIZE = 1024 * 1024;
  /** {@code MAX_POV_SIZE}: 10 MiB. */
  public static final int MAX_POV_SIZE = 10 * 1024 * 1024;
  /** {@code MAX_UPWARD_MESSAGE_SIZE_BOUND}: 128 KiB. */
  public static final int MAX_UPWARD_MESSAGE_SIZE_BOUND = 128 * 1024;
  /** {@code LEGACY_MIN_BACKING_VOTES}. */
  public static final int LEGACY_MIN_BACKING_VOTES = 2;
  /** {@code DEFAULT_SCHEDULING_LOOKAHEAD}. */
  public static final int DEFAULT_SCHEDULING_LOOKAHEAD = 3;

  /**
   * A Polkadot-like configuration: 5 MiB PoV, 2 s-era limits, async backing off, the
   * {@code CandidateReceiptV2} node feature on (as on Polkadot since 2025) and
   * {@code ElasticScalingMVP} off. Callers adjust it with the {@code with*} methods.
   */
  public static HostConfiguration polkadotLike() {
    return new HostConfiguration(
        MAX_CODE_SIZE,
        20 * 1024,
        5 * 1024 * 1024,
        174_762,
        1_048_576,
        65_531,
        16,
        10,
        14_400,
        2,
        20,
        AsyncBackingParams.SYNC,
        30,
        LEGACY_MIN_BACKING_VOTES,
        2,
        89,
        false,
        new SchedulerParams(10, 10, OptionalInt.empty(), 1, 5, 5),
        true);
  }

  /** Copy with other async backing params. */
  public HostConfiguration withAsyncBackingParams(AsyncBackingParams p) {
    return new HostConfiguration(maxCodeSize, maxHeadDataSize, maxPovSize, maxUpwardQueueCount,
        maxUpwardQueueSize, maxUpwardMessageSize, maxUpwardMessageNumPerCandidate,
        hrmpMaxMessageNumPerCandidate, validationUpgradeCooldown, validationUpgradeDelay,
        minimumValidationUpgradeDelay, p, neededApprovals, minimumBackingVotes, noShowSlots,
        nDelayTranches, elasticScalingMvp, schedulerParams, candidateReceiptV2);
  }

  /** Copy with other scheduler params. */
  public HostConfiguration withSchedulerParams(SchedulerParams p) {
    return new HostConfiguration(maxCodeSize, maxHeadDataSize, maxPovSize, maxUpwardQueueCount,
        maxUpwardQueueSize, maxUpwardMessageSize, maxUpwardMessageNumPerCandidate,
        hrmpMaxMessageNumPerCandidate, validationUpgradeCooldown, validationUpgradeDelay,
        minimumValidationUpgradeDelay, asyncBackingParams, neededApprovals, minimumBackingVotes,
        noShowSlots, nDelayTranches, elasticScalingMvp, p, candidateReceiptV2);
  }

  /** Copy with other backing, approval and PoV limits. */
  public HostConfiguration withBacking(int maxPovSize, int minimumBackingVotes, int neededApprovals) {
    return new HostConfiguration(maxCodeSize, maxHeadDataSize, maxPovSize, maxUpwardQueueCount,
        maxUpwardQueueSize, maxUpwardMessageSize, maxUpwardMessageNumPerCandidate,
        hrmpMaxMessageNumPerCandidate, validationUpgradeCooldown, validationUpgradeDelay,
        minimumValidationUpgradeDelay, asyncBackingParams, neededApprovals, minimumBackingVotes,
        noShowSlots, nDelayTranches, elasticScalingMvp, schedulerParams, candidateReceiptV2);
  }

  /** Copy with the {@code ElasticScalingMVP} node feature set or cleared. */
  public HostConfiguration withElasticScalingMvp(boolean on) {
    return new HostConfiguration(maxCodeSize, maxHeadDataSize, maxPovSize, maxUpwardQueueCount,
        maxUpwardQueueSize, maxUpwardMessageSize, maxUpwardMessageNumPerCandidate,
        hrmpMaxMessageNumPerCandidate, validationUpgradeCooldown, validationUpgradeDelay,
        minimumValidationUpgradeDelay, asyncBackingParams, neededApprovals, minimumBackingVotes,
        noShowSlots, nDelayTranches, on, schedulerParams, candidateReceiptV2);
  }

  /** Copy with the {@code CandidateReceiptV2} node feature set or cleared. */
  public HostConfiguration withCandidateReceiptV2(boolean on) {
    return new HostConfiguration(maxCodeSize, maxHeadDataSize, maxPovSize, maxUpwardQueueCount,
        maxUpwardQueueSize, maxUpwardMessageSize, maxUpwardMessageNumPerCandidate,
        hrmpMaxMessageNumPerCandidate, validationUpgradeCooldown, validationUpgradeDelay,
        minimumValidationUpgradeDelay, asyncBackingParams, neededApprovals, minimumBackingVotes,
        noShowSlots, nDelayTranches, elasticScalingMvp, schedulerParams, on);
  }

  /**
   * The text the relay runtime hashes into state roots (genesis, configuration changes). It lists
   * the fields in the record's own format; {@code candidateReceiptV2}, added after the first state
   * roots were defined, is appended only when it is off, so configurations that existed before it
   * keep their roots.
   */
  public String stateText() {
    return "HostConfiguration[maxCodeSize=" + maxCodeSize + ", maxHeadDataSize=" + maxHeadDataSize
        + ", maxPovSize=" + maxPovSize + ", maxUpwardQueueCount=" + maxUpwardQueueCount
        + ", maxUpwardQueueSize=" + maxUpwardQueueSize + ", maxUpwardMessageSize=" + maxUpwardMessageSize
        + ", maxUpwardMessageNumPerCandidate=" + maxUpwardMessageNumPerCandidate
        + ", hrmpMaxMessageNumPerCandidate=" + hrmpMaxMessageNumPerCandidate
        + ", validationUpgradeCooldown=" + validationUpgradeCooldown
        + ", validationUpgradeDelay=" + validationUpgradeDelay
        + ", minimumValidationUpgradeDelay=" + minimumValidationUpgradeDelay
        + ", asyncBackingParams=" + asyncBackingParams + ", neededApprovals=" + neededApprovals
        + ", minimumBackingVotes=" + minimumBackingVotes + ", noShowSlots=" + noShowSlots
        + ", nDelayTranches=" + nDelayTranches + ", elasticScalingMvp=" + elasticScalingMvp
        + ", schedulerParams=" + schedulerParams
        + (candidateReceiptV2 ? "" : ", candidateReceiptV2=false") + "]";
  }

  /** {@code max_pov_size} as the network allows: 16 MiB response limit upstream. */
  private static final int MAX_RESPONSE_SIZE = 16 * 1024 * 1024;

  /**
   * {@code check_consistency()}: the first violated rule in upstream order, or empty. Only the
   * rules whose fields parapipe models are checked; the order among them is upstream's.
   */
  public Optional<InconsistentError> checkConsistency() {
    SchedulerParams s = schedulerParams;
    if (s.groupRotationFrequency() == 0) {
      return Optional.of(InconsistentError.ZERO_GROUP_ROTATION_FREQUENCY);
    }
    if (s.parasAvailabilityPeriod() == 0) {
      return Optional.of(InconsistentError.ZERO_PARAS_AVAILABILITY_PERIOD);
    }
    if (noShowSlots == 0) {
      return Optional.of(InconsistentError.ZERO_NO_SHOW_SLOTS);
    }
    if (Integer.compareUnsigned(maxCodeSize, MAX_CODE_SIZE) > 0) {
      return Optional.of(InconsistentError.MAX_CODE_SIZE_EXCEED_HARD_LIMIT);
    }
    if (Integer.compareUnsigned(maxHeadDataSize, MAX_HEAD_DATA_SIZE) > 0) {
      return Optional.of(InconsistentError.MAX_HEAD_DATA_SIZE_EXCEED_HARD_LIMIT);
    }
    if (Integer.compareUnsigned(maxPovSize, MAX_RESPONSE_SIZE) > 0) {
      return Optional.of(InconsistentError.MAX_POV_SIZE_EXCEED_HARD_LIMIT);
    }
    if (Integer.compareUnsigned(minimumValidationUpgradeDelay, s.parasAvailabilityPeriod()) <= 0) {
      return Optional.of(
          InconsistentError.MINIMUM_VALIDATION_UPGRADE_DELAY_LESS_THAN_CHAIN_AVAILABILITY_PERIOD);
    }
    if (Integer.compareUnsigned(validationUpgradeDelay, 1) <= 0) {
      return Optional.of(InconsistentError.VALIDATION_UPGRADE_DELAY_IS_TOO_LOW);
    }
    if (Integer.compareUnsigned(maxUpwardMessageSize, MAX_UPWARD_MESSAGE_SIZE_BOUND) > 0) {
      return Optional.of(InconsistentError.MAX_UPWARD_MESSAGE_SIZE_EXCEEDED);
    }
    if (minimumBackingVotes == 0) {
      return Optional.of(InconsistentError.ZERO_MINIMUM_BACKING_VOTES);
    }
    if (Integer.compareUnsigned(s.ttl(), s.lookahead()) < 0) {
      return Optional.of(InconsistentError.LOOKAHEAD_EXCEEDS_TTL);
    }
    if (s.lookahead() == 0) {
      return Optional.of(InconsistentError.LOOKAHEAD_ZERO);
    }
    if (nDelayTranches == 0) {
      return Optional.of(InconsistentError.ZERO_DELAY_TRANCHES);
    }
    return Optional.empty();
  }
}
