package io.parapipe.protocol.primitives;

import java.util.Objects;
import java.util.Optional;

/**
 * The relay runtime's host configuration: the fields of {@code HostConfiguration} that matter to
 * backing, availability and inclusion. Changes take effect at session boundaries. Build one by
 * name: {@link #builder()}, or from {@link #polkadotLike()} with {@link #toBuilder()} or the
 * {@code with*} copies.
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
 * @param executorParams the PVF executor parameters of the session
 * @param availabilityChunkMapping node feature bit 2 ({@code AvailabilityChunkMapping}, RFC-47):
 *     a validator's chunk index depends on the core ({@code ErasureCoding.chunkIndex}), and
 *     approval checkers recover large data from the systematic chunks first
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
    boolean candidateReceiptV2,
    ExecutorParams executorParams,
    boolean availabilityChunkMapping) {

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
   * {@code ElasticScalingMVP} off. Callers adjust it with {@link #toBuilder()} or the
   * {@code with*} methods.
   */
  public static HostConfiguration polkadotLike() {
    return builder()
        .maxCodeSize(MAX_CODE_SIZE)
        .maxHeadDataSize(20 * 1024)
        .maxPovSize(5 * 1024 * 1024)
        .maxUpwardQueueCount(174_762)
        .maxUpwardQueueSize(1_048_576)
        .maxUpwardMessageSize(65_531)
        .maxUpwardMessageNumPerCandidate(16)
        .hrmpMaxMessageNumPerCandidate(10)
        .validationUpgradeCooldown(14_400)
        .validationUpgradeDelay(2)
        .minimumValidationUpgradeDelay(20)
        .asyncBackingParams(AsyncBackingParams.SYNC)
        .neededApprovals(30)
        .minimumBackingVotes(LEGACY_MIN_BACKING_VOTES)
        .noShowSlots(2)
        .nDelayTranches(89)
        .elasticScalingMvp(false)
        .candidateReceiptV2(true)
        .availabilityChunkMapping(false)
        .schedulerParams(SchedulerParams.DEFAULT
            .withGroupRotationFrequency(10)
            .withParasAvailabilityPeriod(10)
            .withLookahead(1)
            .withNumCores(5)
            .withTtl(5))
        .executorParams(ExecutorParams.DEFAULT)
        .build();
  }

  /** An empty builder: every field must be set before {@link Builder#build()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this configuration, to change several fields by name at once. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Copy with other async backing params. */
  public HostConfiguration withAsyncBackingParams(AsyncBackingParams p) {
    return toBuilder().asyncBackingParams(p).build();
  }

  /** Copy with other scheduler params. */
  public HostConfiguration withSchedulerParams(SchedulerParams p) {
    return toBuilder().schedulerParams(p).build();
  }

  /** Copy with another {@code max_pov_size}. */
  public HostConfiguration withMaxPovSize(int bytes) {
    return toBuilder().maxPovSize(bytes).build();
  }

  /** Copy with another backing threshold ({@code minimum_backing_votes}). */
  public HostConfiguration withMinimumBackingVotes(int votes) {
    return toBuilder().minimumBackingVotes(votes).build();
  }

  /** Copy with another number of approval checkers ({@code needed_approvals}). */
  public HostConfiguration withNeededApprovals(int checkers) {
    return toBuilder().neededApprovals(checkers).build();
  }

  /** Copy with the {@code ElasticScalingMVP} node feature set or cleared. */
  public HostConfiguration withElasticScalingMvp(boolean on) {
    return toBuilder().elasticScalingMvp(on).build();
  }

  /** Copy with other PVF executor parameters. */
  public HostConfiguration withExecutorParams(ExecutorParams p) {
    return toBuilder().executorParams(p).build();
  }

  /** Copy with the {@code AvailabilityChunkMapping} node feature set or cleared. */
  public HostConfiguration withAvailabilityChunkMapping(boolean on) {
    return toBuilder().availabilityChunkMapping(on).build();
  }

  /** Copy with the {@code CandidateReceiptV2} node feature set or cleared. */
  public HostConfiguration withCandidateReceiptV2(boolean on) {
    return toBuilder().candidateReceiptV2(on).build();
  }

  /**
   * The text the relay runtime hashes into state roots (genesis, configuration changes). It lists
   * the fields in the record's own format; {@code candidateReceiptV2}, added after the first state
   * roots were defined, is appended only when it is off, {@code executorParams} only when they
   * are not the defaults, and {@code availabilityChunkMapping} only when it is on, so
   * configurations that existed before them keep their roots.
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
        + (candidateReceiptV2 ? "" : ", candidateReceiptV2=false")
        + (executorParams.equals(ExecutorParams.DEFAULT) ? "" : ", executorParams=" + executorParams)
        + (availabilityChunkMapping ? ", availabilityChunkMapping=true" : "")
        + "]";
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

  /**
   * Builds a host configuration field by field. A builder from {@link #toBuilder()} starts
   * with every field set; a new one must have each field set before {@link #build()}.
   */
  public static final class Builder {
    private Integer maxCodeSize;
    private Integer maxHeadDataSize;
    private Integer maxPovSize;
    private Integer maxUpwardQueueCount;
    private Integer maxUpwardQueueSize;
    private Integer maxUpwardMessageSize;
    private Integer maxUpwardMessageNumPerCandidate;
    private Integer hrmpMaxMessageNumPerCandidate;
    private Integer validationUpgradeCooldown;
    private Integer validationUpgradeDelay;
    private Integer minimumValidationUpgradeDelay;
    private AsyncBackingParams asyncBackingParams;
    private Integer neededApprovals;
    private Integer minimumBackingVotes;
    private Integer noShowSlots;
    private Integer nDelayTranches;
    private Boolean elasticScalingMvp;
    private SchedulerParams schedulerParams;
    private Boolean candidateReceiptV2;
    private ExecutorParams executorParams;
    private Boolean availabilityChunkMapping;

    private Builder() {}

    private Builder(HostConfiguration c) {
      maxCodeSize = c.maxCodeSize;
      maxHeadDataSize = c.maxHeadDataSize;
      maxPovSize = c.maxPovSize;
      maxUpwardQueueCount = c.maxUpwardQueueCount;
      maxUpwardQueueSize = c.maxUpwardQueueSize;
      maxUpwardMessageSize = c.maxUpwardMessageSize;
      maxUpwardMessageNumPerCandidate = c.maxUpwardMessageNumPerCandidate;
      hrmpMaxMessageNumPerCandidate = c.hrmpMaxMessageNumPerCandidate;
      validationUpgradeCooldown = c.validationUpgradeCooldown;
      validationUpgradeDelay = c.validationUpgradeDelay;
      minimumValidationUpgradeDelay = c.minimumValidationUpgradeDelay;
      asyncBackingParams = c.asyncBackingParams;
      neededApprovals = c.neededApprovals;
      minimumBackingVotes = c.minimumBackingVotes;
      noShowSlots = c.noShowSlots;
      nDelayTranches = c.nDelayTranches;
      elasticScalingMvp = c.elasticScalingMvp;
      schedulerParams = c.schedulerParams;
      candidateReceiptV2 = c.candidateReceiptV2;
      executorParams = c.executorParams;
      availabilityChunkMapping = c.availabilityChunkMapping;
    }

    /** Sets {@link HostConfiguration#maxCodeSize()}. */
    public Builder maxCodeSize(int v) {
      maxCodeSize = v;
      return this;
    }

    /** Sets {@link HostConfiguration#maxHeadDataSize()}. */
    public Builder maxHeadDataSize(int v) {
      maxHeadDataSize = v;
      return this;
    }

    /** Sets {@link HostConfiguration#maxPovSize()}. */
    public Builder maxPovSize(int v) {
      maxPovSize = v;
      return this;
    }

    /** Sets {@link HostConfiguration#maxUpwardQueueCount()}. */
    public Builder maxUpwardQueueCount(int v) {
      maxUpwardQueueCount = v;
      return this;
    }

    /** Sets {@link HostConfiguration#maxUpwardQueueSize()}. */
    public Builder maxUpwardQueueSize(int v) {
      maxUpwardQueueSize = v;
      return this;
    }

    /** Sets {@link HostConfiguration#maxUpwardMessageSize()}. */
    public Builder maxUpwardMessageSize(int v) {
      maxUpwardMessageSize = v;
      return this;
    }

    /** Sets {@link HostConfiguration#maxUpwardMessageNumPerCandidate()}. */
    public Builder maxUpwardMessageNumPerCandidate(int v) {
      maxUpwardMessageNumPerCandidate = v;
      return this;
    }

    /** Sets {@link HostConfiguration#hrmpMaxMessageNumPerCandidate()}. */
    public Builder hrmpMaxMessageNumPerCandidate(int v) {
      hrmpMaxMessageNumPerCandidate = v;
      return this;
    }

    /** Sets {@link HostConfiguration#validationUpgradeCooldown()}. */
    public Builder validationUpgradeCooldown(int v) {
      validationUpgradeCooldown = v;
      return this;
    }

    /** Sets {@link HostConfiguration#validationUpgradeDelay()}. */
    public Builder validationUpgradeDelay(int v) {
      validationUpgradeDelay = v;
      return this;
    }

    /** Sets {@link HostConfiguration#minimumValidationUpgradeDelay()}. */
    public Builder minimumValidationUpgradeDelay(int v) {
      minimumValidationUpgradeDelay = v;
      return this;
    }

    /** Sets {@link HostConfiguration#asyncBackingParams()}. */
    public Builder asyncBackingParams(AsyncBackingParams v) {
      asyncBackingParams = v;
      return this;
    }

    /** Sets {@link HostConfiguration#neededApprovals()}. */
    public Builder neededApprovals(int v) {
      neededApprovals = v;
      return this;
    }

    /** Sets {@link HostConfiguration#minimumBackingVotes()}. */
    public Builder minimumBackingVotes(int v) {
      minimumBackingVotes = v;
      return this;
    }

    /** Sets {@link HostConfiguration#noShowSlots()}. */
    public Builder noShowSlots(int v) {
      noShowSlots = v;
      return this;
    }

    /** Sets {@link HostConfiguration#nDelayTranches()}. */
    public Builder nDelayTranches(int v) {
      nDelayTranches = v;
      return this;
    }

    /** Sets {@link HostConfiguration#elasticScalingMvp()}. */
    public Builder elasticScalingMvp(boolean v) {
      elasticScalingMvp = v;
      return this;
    }

    /** Sets {@link HostConfiguration#candidateReceiptV2()}. */
    public Builder candidateReceiptV2(boolean v) {
      candidateReceiptV2 = v;
      return this;
    }

    /** Sets {@link HostConfiguration#availabilityChunkMapping()}. */
    public Builder availabilityChunkMapping(boolean v) {
      availabilityChunkMapping = v;
      return this;
    }

    /** Sets {@link HostConfiguration#executorParams()}. */
    public Builder executorParams(ExecutorParams v) {
      executorParams = v;
      return this;
    }

    /** Sets {@link HostConfiguration#schedulerParams()}. */
    public Builder schedulerParams(SchedulerParams v) {
      schedulerParams = v;
      return this;
    }

    /**
     * The host configuration.
     *
     * @throws NullPointerException naming a field that was never set
     */
    public HostConfiguration build() {
      return new HostConfiguration(
          set(maxCodeSize, "maxCodeSize"),
          set(maxHeadDataSize, "maxHeadDataSize"),
          set(maxPovSize, "maxPovSize"),
          set(maxUpwardQueueCount, "maxUpwardQueueCount"),
          set(maxUpwardQueueSize, "maxUpwardQueueSize"),
          set(maxUpwardMessageSize, "maxUpwardMessageSize"),
          set(maxUpwardMessageNumPerCandidate, "maxUpwardMessageNumPerCandidate"),
          set(hrmpMaxMessageNumPerCandidate, "hrmpMaxMessageNumPerCandidate"),
          set(validationUpgradeCooldown, "validationUpgradeCooldown"),
          set(validationUpgradeDelay, "validationUpgradeDelay"),
          set(minimumValidationUpgradeDelay, "minimumValidationUpgradeDelay"),
          set(asyncBackingParams, "asyncBackingParams"),
          set(neededApprovals, "neededApprovals"),
          set(minimumBackingVotes, "minimumBackingVotes"),
          set(noShowSlots, "noShowSlots"),
          set(nDelayTranches, "nDelayTranches"),
          set(elasticScalingMvp, "elasticScalingMvp"),
          set(schedulerParams, "schedulerParams"),
          set(candidateReceiptV2, "candidateReceiptV2"),
          set(executorParams, "executorParams"),
          set(availabilityChunkMapping, "availabilityChunkMapping"));
    }

    private static <T> T set(T value, String field) {
      return Objects.requireNonNull(value, field);
    }
  }
}
