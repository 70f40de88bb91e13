package io.parapipe.sim;

import io.parapipe.protocol.para.collator.ParentSearchRevision;
import io.parapipe.protocol.relay.node.validation.PvfArtifactKey;
import io.parapipe.protocol.para.node.CollatorKind;
import io.parapipe.protocol.para.node.CollatorMisbehaviour;
import io.parapipe.protocol.para.node.CollatorSettings;
import io.parapipe.protocol.para.runtime.AuraExtRevision;
import io.parapipe.protocol.para.runtime.ConsensusHookKind;
import io.parapipe.protocol.para.runtime.ParachainRuntimeConfig;
import io.parapipe.protocol.para.runtime.RelayNumberPolicy;
import io.parapipe.protocol.primitives.AsyncBackingParams;
import io.parapipe.protocol.primitives.ExecutorParams;
import io.parapipe.protocol.primitives.HostConfiguration;
import io.parapipe.protocol.primitives.InconsistentError;
import io.parapipe.protocol.primitives.SchedulerParams;
import io.parapipe.protocol.primitives.Weight;
import io.parapipe.sim.scenario.ScenarioConfigException;
import io.parapipe.sim.scenario.Values;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Translates scenario sections into the protocol's configuration types: the relay's host
 * configuration, a para's runtime configuration and a collator's settings. This is the one place
 * where scenario key names meet protocol types.
 */
public final class ScenarioTranslation {
  private ScenarioTranslation() {}

  /** The host configuration a {@code [relay]} section describes. */
  public static HostConfiguration hostConfiguration(Values relay) {
    HostConfiguration base = HostConfiguration.polkadotLike();
    int lookahead = relay.integer("scheduling_lookahead");
    int perCore = relay.integer("max_validators_per_core");
    SchedulerParams sp = base.schedulerParams()
        .withGroupRotationFrequency(relay.integer("group_rotation_frequency"))
        .withParasAvailabilityPeriod(relay.integer("paras_availability_period"))
        .withMaxValidatorsPerCore(perCore == 0 ? OptionalInt.empty() : OptionalInt.of(perCore))
        .withLookahead(lookahead)
        .withNumCores(relay.integer("num_cores"))
        .withTtl(Math.max(base.schedulerParams().ttl(), lookahead));
    return base.toBuilder()
        .asyncBackingParams(new AsyncBackingParams(relay.integer("max_candidate_depth"),
            relay.integer("allowed_ancestry_len")))
        .schedulerParams(sp)
        .maxPovSize((int) relay.bytes("max_pov_size"))
        .minimumBackingVotes(relay.integer("minimum_backing_votes"))
        .neededApprovals(relay.integer("needed_approvals"))
        .elasticScalingMvp(relay.texts("node_features").contains("ElasticScalingMVP"))
        .candidateReceiptV2(relay.texts("node_features").contains("CandidateReceiptV2"))
        .availabilityChunkMapping(relay.texts("node_features").contains("AvailabilityChunkMapping"))
        .executorParams(new ExecutorParams(relay.micros("backing_execution_timeout"),
            relay.micros("approval_execution_timeout")))
        .build();
  }

  /** The {@code [relay] pvf_artifact_key} revision. */
  public static PvfArtifactKey pvfArtifactKey(String name) {
    return name.equals("all-executor-params")
        ? PvfArtifactKey.ALL_EXECUTOR_PARAMS : PvfArtifactKey.PREPARATION_PARAMS;
  }

  /** Applies the relay keys of an upgrade to a host configuration. */
  public static HostConfiguration applyRelayChanges(HostConfiguration base, Map<String, Object> changes) {
    HostConfiguration.Builder c = base.toBuilder();
    AsyncBackingParams ab = base.asyncBackingParams();
    SchedulerParams sp = base.schedulerParams();
    ExecutorParams ep = base.executorParams();
    for (Map.Entry<String, Object> e : changes.entrySet()) {
      if (e.getKey().equals("backing_execution_timeout")) {
        ep = new ExecutorParams((Long) e.getValue(), ep.approvalTimeoutMicros());
        continue;
      }
      if (e.getKey().equals("approval_execution_timeout")) {
        ep = new ExecutorParams(ep.backingTimeoutMicros(), (Long) e.getValue());
        continue;
      }
      int v = e.getValue() instanceof Long l ? (int) (long) l : (Integer) e.getValue();
      switch (e.getKey()) {
        case "max_candidate_depth" -> ab = new AsyncBackingParams(v, ab.allowedAncestryLen());
        case "allowed_ancestry_len" -> ab = new AsyncBackingParams(ab.maxCandidateDepth(), v);
        case "scheduling_lookahead" -> sp = sp.withLookahead(v).withTtl(Math.max(sp.ttl(), v));
        case "group_rotation_frequency" -> sp = sp.withGroupRotationFrequency(v);
        case "paras_availability_period" -> sp = sp.withParasAvailabilityPeriod(v);
        case "max_pov_size" -> c.maxPovSize(v);
        case "minimum_backing_votes" -> c.minimumBackingVotes(v);
        case "needed_approvals" -> c.neededApprovals(v);
        default -> throw new IllegalArgumentException("not an upgradable relay key: " + e.getKey());
      }
    }
    return c.asyncBackingParams(ab).schedulerParams(sp).executorParams(ep).build();
  }

  /** Rejects a host configuration that fails {@code check_consistency}, naming the keys. */
  public static void checkConsistency(HostConfiguration c, String where) {
    c.checkConsistency().ifPresent(err -> {
      throw new ScenarioConfigException("the relay configuration " + where + " is inconsistent: "
          + err.upstreamName() + " (" + explain(err) + ")");
    });
  }

  private static String explain(InconsistentError err) {
    return switch (err) {
      case LOOKAHEAD_ZERO -> "relay.scheduling_lookahead must be at least 1";
      case ZERO_MINIMUM_BACKING_VOTES -> "relay.minimum_backing_votes must be at least 1";
      case MINIMUM_VALIDATION_UPGRADE_DELAY_LESS_THAN_CHAIN_AVAILABILITY_PERIOD ->
          "relay.paras_availability_period must be below the minimum validation upgrade delay (20)";
      case MAX_POV_SIZE_EXCEED_HARD_LIMIT -> "relay.max_pov_size must not exceed 16 MiB";
      default -> err.explanation();
    };
  }

  /** The runtime configuration a {@code [para]} section describes. */
  public static ParachainRuntimeConfig runtimeConfig(Values para) {
    ConsensusHookKind hook = switch (para.text("consensus_hook")) {
      case "expect-parent-included" -> ConsensusHookKind.EXPECT_PARENT_INCLUDED;
      case "fixed-capacity" -> ConsensusHookKind.FIXED_CAPACITY;
      default -> ConsensusHookKind.FIXED_VELOCITY;
    };
    RelayNumberPolicy policy = switch (para.text("relay_number_policy")) {
      case "strictly-increases" -> RelayNumberPolicy.RELAY_NUMBER_STRICTLY_INCREASES;
      case "monotonically-increases" -> RelayNumberPolicy.RELAY_NUMBER_MONOTONICALLY_INCREASES;
      default -> RelayNumberPolicy.ANY_RELAY_NUMBER;
    };
    // Scenarios have no keys for the parachain-system revision and the AuraUnincludedSegmentApi
    // version: they stay the template's (P1, A2), as docs/architecture.md's revision table says.
    return ParachainRuntimeConfig.asyncBackingTemplate().toBuilder()
        .consensusHook(hook)
        .auraExtRevision(AuraExtRevision.valueOf(para.text("hook_revision")))
        .capacity(para.integer("unincluded_segment_capacity"))
        .velocity(para.integer("block_processing_velocity"))
        .relaySlotDurationMs(para.micros("relay_chain_slot_duration") / 1000)
        .auraSlotDurationMs(para.micros("slot_duration") / 1000)
        .allowMultipleBlocksPerSlot(para.bool("allow_multiple_blocks_per_slot"))
        .minimumPeriodMs(para.micros("minimum_period") / 1000)
        .relayNumberPolicy(policy)
        .maximumBlockRefTime(para.micros("max_block_weight") * Weight.REF_TIME_PER_MICROS)
        .selectCoreSignal(para.bool("select_core_signal"))
        .relayParentOffset(para.integer("relay_parent_offset"))
        .build();
  }

  /** A {@code faults.misbehaving_collators} misbehaviour name as the protocol's value. */
  public static CollatorMisbehaviour misbehaviour(String name) {
    return switch (name) {
      case "v1-descriptor" -> CollatorMisbehaviour.V1_DESCRIPTOR;
      case "wrong-core-index" -> CollatorMisbehaviour.WRONG_CORE_INDEX;
      case "strip-ump-signals" -> CollatorMisbehaviour.STRIP_UMP_SIGNALS;
      case "invalid-pov" -> CollatorMisbehaviour.INVALID_POV;
      case "oversized-pov" -> CollatorMisbehaviour.OVERSIZED_POV;
      case "withheld-collation" -> CollatorMisbehaviour.WITHHELD_COLLATION;
      default -> CollatorMisbehaviour.NONE;
    };
  }

  /** The node settings a {@code [collator]} section describes. */
  public static CollatorSettings collatorSettings(Values collator) {
    CollatorKind kind = switch (collator.text("kind")) {
      case "lookahead" -> CollatorKind.LOOKAHEAD;
      case "slot-based" -> CollatorKind.SLOT_BASED;
      default -> CollatorKind.BASIC;
    };
    return CollatorSettings.builder()
        .kind(kind)
        .authoringDurationMicros(collator.micros("authoring_duration"))
        .oncePerSlot(collator.bool("once_per_slot"))
        .parentSearch(ParentSearchRevision.valueOf(collator.text("parent_search")))
        .maxPovPercentage(collator.integer("max_pov_percentage"))
        .slotOffsetMicros(collator.micros("slot_offset"))
        .build();
  }
}
