package io.parapipe.doctor.predict;

import io.parapipe.doctor.check.Checker;
import io.parapipe.doctor.eval.Alternative;
import io.parapipe.doctor.eval.Value;
import io.parapipe.doctor.extract.CollatorFacts;
import io.parapipe.doctor.extract.CollatorKind;
import io.parapipe.doctor.extract.ParamKey;
import io.parapipe.doctor.extract.RuntimeFacts;
import io.parapipe.doctor.extract.RuntimeKind;
import io.parapipe.doctor.extract.RuntimeVariant;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns extracted parameters into a {@link ScenarioSpec}. The consensus hook and the values it is
 * parameterised with are essential: when one is unknown, no scenario is built. Other values that
 * are unknown are replaced by stated assumptions.
 */
public final class ScenarioPlanner {
  /**
   * A scenario, or why none can be built.
   *
   * @param spec the scenario, or null
   * @param skipReason why it was not built, or null
   */
  public record Plan(ScenarioSpec spec, String skipReason) {}

  private ScenarioPlanner() {}

  /** Plans the scenario of one runtime variant with the node's collator. */
  public static Plan plan(RuntimeFacts facts, RuntimeVariant v, CollatorFacts collator) {
    if (facts.configOrigin() == null) {
      return skip("the parachain-system configuration was not found, so there is nothing to simulate");
    }
    if (facts.kind() == RuntimeKind.NIMBUS) {
      return skip("Nimbus consensus is not modelled: the simulator runs Aura collators and the Aura-ext consensus hook");
    }
    if (facts.kind() != RuntimeKind.AURA) {
      return skip("no pallet_aura in the runtime: the simulator models Aura parachains only");
    }
    Value.Type hook = v.type(ParamKey.CONSENSUS_HOOK);
    if (hook == null) {
      return skip("the consensus hook could not be read" + reason(v.value(ParamKey.CONSENSUS_HOOK)));
    }
    List<String> assumptions = new ArrayList<>();
    List<String> comments = new ArrayList<>();
    comments.add("Runtime: " + facts.path() + (v.conditions().isEmpty() ? "" : " when " + v.describe()) + ".");
    String hookKind;
    long capacity;
    long velocity = 1;
    long relaySlot = Checker.RELAY_SLOT_MS;
    switch (hook.name()) {
      case "FixedVelocityConsensusHook", "OlderParentFixedVelocityConsensusHook" -> {
        Long c = v.integer(ParamKey.UNINCLUDED_SEGMENT_CAPACITY);
        Long vel = v.integer(ParamKey.BLOCK_PROCESSING_VELOCITY);
        Long r = v.integer(ParamKey.RELAY_CHAIN_SLOT_DURATION);
        List<String> missing = new ArrayList<>();
        if (c == null) {
          missing.add("capacity" + reason(v.value(ParamKey.UNINCLUDED_SEGMENT_CAPACITY)));
        }
        if (vel == null) {
          missing.add("velocity" + reason(v.value(ParamKey.BLOCK_PROCESSING_VELOCITY)));
        }
        if (r == null) {
          missing.add("relay chain slot duration" + reason(v.value(ParamKey.RELAY_CHAIN_SLOT_DURATION)));
        }
        if (!missing.isEmpty()) {
          return skip("the consensus hook's " + String.join(", ", missing) + " could not be read");
        }
        hookKind = "fixed-velocity";
        capacity = c;
        velocity = vel;
        relaySlot = r;
        if (hook.name().startsWith("Older")) {
          assumptions.add("OlderParentFixedVelocityConsensusHook is simulated as FixedVelocityConsensusHook (the relay-parent age is not modelled)");
        }
        assumptions.add("hook_revision H2: the FixedVelocityConsensusHook revision depends on the polkadot-sdk version, which the doctor does not read");
      }
      case "FixedCapacityUnincludedSegment", "RequireParentIncluded" -> {
        Long c = v.integer(ParamKey.UNINCLUDED_SEGMENT_CAPACITY);
        if (c == null) {
          return skip("the capacity of FixedCapacityUnincludedSegment could not be read" + reason(v.value(ParamKey.UNINCLUDED_SEGMENT_CAPACITY)));
        }
        hookKind = "fixed-capacity";
        capacity = c;
      }
      case "ExpectParentIncluded" -> {
        hookKind = "expect-parent-included";
        capacity = 1;
      }
      default -> {
        return skip("the custom consensus hook " + hook.describe() + " is not modelled by the simulator");
      }
    }

    // Collator.
    String kind;
    long authoringMicros;
    CollatorKind k = collator.kind();
    if (k == null && collator.kinds().size() > 1) {
      return skip("the node starts several collators (" + collator.kinds().stream().map(CollatorKind::json).collect(Collectors.joining(", "))
          + "); which one runs is chosen at run time");
    }
    if (k == null) {
      kind = "lookahead";
      authoringMicros = 2_000_000;
      assumptions.add("collator: the parachain template's node (lookahead collator, authoring_duration 2000 ms), because " + (collator.nodeCrates().isEmpty() ? "there is no node in this repository" : "the node's collator was not recognised"));
    } else {
      kind = k.json();
      comments.add("Collator: " + k.json() + " (" + collator.launches().get(0).origin().where() + ").");
      Alternative authoring = collator.agreedAuthoringDuration();
      if (authoring != null && authoring.value() instanceof Value.Duration d) {
        authoringMicros = d.micros().longValueExact();
      } else {
        authoringMicros = k == CollatorKind.BASIC ? 500_000 : 2_000_000;
        String why = authoring != null && authoring.value() instanceof Value.Unknown u ? u.reason() : "not found";
        assumptions.add("authoring_duration " + (authoringMicros / 1000) + " ms (" + why + "; " + (k == CollatorKind.BASIC ? "the guide's pre-phase-2 value" : "the template value") + ")");
      }
    }

    Long slot = v.integer(ParamKey.SLOT_DURATION);
    if (slot == null) {
      Long m = v.integer(ParamKey.MILLISECS_PER_BLOCK);
      slot = m != null ? m : 12_000L;
      assumptions.add("slot_duration " + slot + " ms (" + (m != null ? "SLOT_DURATION = MILLISECS_PER_BLOCK as in the guide's phase 1, step 3" : "scenario default") + ")" + reason(v.value(ParamKey.SLOT_DURATION)));
    }
    Boolean allow = v.bool(ParamKey.ALLOW_MULTIPLE_BLOCKS_PER_SLOT);
    if (allow == null) {
      allow = false;
      assumptions.add("allow_multiple_blocks_per_slot false (pallet_aura's behaviour without the setting)" + reason(v.value(ParamKey.ALLOW_MULTIPLE_BLOCKS_PER_SLOT)));
    }
    Long minimumPeriod = v.integer(ParamKey.MINIMUM_PERIOD);
    if (minimumPeriod == null) {
      minimumPeriod = slot / 2;
      assumptions.add("minimum_period " + minimumPeriod + " ms (SLOT_DURATION / 2, the pre-async template value)" + reason(v.value(ParamKey.MINIMUM_PERIOD)));
    }
    String policy = policy(v.type(ParamKey.RELAY_NUMBER_POLICY));
    if (policy == null) {
      policy = "strictly-increases";
      assumptions.add("relay_number_policy strictly-increases (scenario default)" + reason(v.value(ParamKey.RELAY_NUMBER_POLICY)));
    }
    BigInteger weight = v.big(ParamKey.MAX_BLOCK_WEIGHT);
    long weightPs;
    if (weight == null) {
      weightPs = 500_000_000_000L;
      assumptions.add("max_block_weight 500 ms (scenario default, parachains_common's pre-async value)" + reason(v.value(ParamKey.MAX_BLOCK_WEIGHT)));
    } else {
      weightPs = weight.longValueExact();
    }
    if (velocity > 1) {
      assumptions.add("cores: velocity " + velocity + " needs " + velocity + " cores, but the scenario format has no per-para core assignment; the para gets what the simulated relay's scheduler gives it, with Polkadot's max_candidate_depth 3 (parachain-side §9 #9)");
    }
    String name = "doctor " + facts.path() + (v.conditions().isEmpty() ? "" : " [" + v.describe() + "]");
    return new Plan(new ScenarioSpec(name, hookKind, capacity, velocity, relaySlot, slot, allow, minimumPeriod, policy, weightPs, kind, authoringMicros, assumptions, comments), null);
  }

  private static String policy(Value.Type t) {
    if (t == null) {
      return null;
    }
    return switch (t.name()) {
      case "RelayNumberStrictlyIncreases" -> "strictly-increases";
      case "RelayNumberMonotonicallyIncreases" -> "monotonically-increases";
      case "AnyRelayNumber" -> "any";
      default -> null;
    };
  }

  private static String reason(Value v) {
    return v instanceof Value.Unknown u ? ": " + u.reason() : "";
  }

  private static Plan skip(String reason) {
    return new Plan(null, reason);
  }
}
