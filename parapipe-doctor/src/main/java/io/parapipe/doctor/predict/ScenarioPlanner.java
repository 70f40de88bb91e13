package io.parapipe.doctor.predict;

import io.parapipe.doctor.check.Checker;
import io.parapipe.doctor.eval.Alternative;
import io.parapipe.doctor.eval.Value;
import io.parapipe.doctor.extract.CollatorFacts;
import io.parapipe.doctor.extract.CollatorKind;
import io.parapipe.doctor.extract.CollatorLaunch;
import io.parapipe.doctor.extract.ConsensusHooks;
import io.parapipe.doctor.extract.ParamKey;
import io.parapipe.doctor.extract.RuntimeFacts;
import io.parapipe.doctor.extract.RuntimeKind;
import io.parapipe.doctor.extract.RuntimeVariant;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns extracted parameters into {@link ScenarioSpec}s. The consensus hook and the values it is
 * parameterised with are essential: when one is unknown, no scenario is built. Other values that
 * are unknown are replaced by stated assumptions. A node that starts several collator kinds
 * (chosen at run time) gets one scenario per kind.
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

  /** The first (or only) plan of a runtime variant with the node's collator. */
  public static Plan plan(RuntimeFacts facts, RuntimeVariant v, CollatorFacts collator) {
    return plans(facts, v, collator).get(0);
  }

  /** The plans of a runtime variant: one per collator kind the node may run (at least one). */
  public static List<Plan> plans(RuntimeFacts facts, RuntimeVariant v, CollatorFacts collator) {
    if (collator.kind() == null && collator.kinds().size() > 1) {
      List<Plan> out = new ArrayList<>();
      String all = collator.kinds().stream().map(CollatorKind::json).collect(Collectors.joining(", "));
      for (CollatorKind k : collator.kinds()) {
        out.add(plan(facts, v, collator, k, "the node starts several collators (" + all + ", chosen at run time): this scenario runs the " + k.json() + " one"));
      }
      return out;
    }
    return List.of(plan(facts, v, collator, collator.kind(), null));
  }

  private static Plan plan(RuntimeFacts facts, RuntimeVariant v, CollatorFacts collator, CollatorKind k, String kindAssumption) {
    if (facts.configOrigin() == null) {
      return skip("the parachain-system configuration was not found, so there is nothing to simulate");
    }
    boolean nimbus = facts.kind() == RuntimeKind.NIMBUS;
    if (facts.kind() != RuntimeKind.AURA && !nimbus) {
      return skip("neither pallet_aura nor Nimbus in the runtime: the simulator models Aura parachains (and Nimbus ones as Aura)");
    }
    Value.Type hook = v.type(ParamKey.CONSENSUS_HOOK);
    if (hook == null) {
      return skip("the consensus hook could not be read" + reason(v.value(ParamKey.CONSENSUS_HOOK)));
    }
    List<String> assumptions = new ArrayList<>();
    List<String> comments = new ArrayList<>();
    comments.add("Runtime: " + facts.path() + (v.conditions().isEmpty() ? "" : " when " + v.describe()) + ".");
    if (nimbus) {
      assumptions.add("Nimbus is simulated as Aura: nimbus (moonkit) authors one block per relay-chain slot (pallet_async_backing's RelaySlot), which the simulator's Aura with 6 s slots reproduces; author selection by nimbus filters is not modelled");
    }
    Value.Type effective = ConsensusHooks.effective(hook);
    if (effective == null) {
      return skip("the custom consensus hook " + hook.describe() + " is not modelled by the simulator");
    }
    if (effective != hook) {
      assumptions.add(hook.name() + " is simulated as the " + effective.name() + " it wraps (its own checks are not modelled)");
    }
    String hookKind;
    long capacity;
    long velocity = 1;
    long relaySlot = Checker.RELAY_SLOT_MS;
    switch (effective.name()) {
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
        if (r == null && !(nimbus && v.value(ParamKey.RELAY_CHAIN_SLOT_DURATION) == null)) {
          missing.add("relay chain slot duration" + reason(v.value(ParamKey.RELAY_CHAIN_SLOT_DURATION)));
        }
        if (!missing.isEmpty()) {
          return skip("the consensus hook's " + String.join(", ", missing) + " could not be read");
        }
        hookKind = "fixed-velocity";
        capacity = c;
        velocity = vel;
        if (r != null) {
          relaySlot = r;
        } else {
          assumptions.add("relay_chain_slot_duration 6 s: moonkit's FixedVelocityConsensusHook takes no relay slot, it reads the relay's");
        }
        if (effective.name().startsWith("Older")) {
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
    if (kindAssumption != null) {
      assumptions.add(kindAssumption);
    }
    if (k == null) {
      kind = "lookahead";
      authoringMicros = 2_000_000;
      assumptions.add("collator: the parachain template's node (lookahead collator, authoring_duration 2000 ms), because " + (collator.nodeCrates().isEmpty() ? "there is no node in this repository" : "the node's collator was not recognised"));
    } else {
      kind = k.json();
      CollatorLaunch launch = collator.launches().stream().filter(l -> l.kind() == k).findFirst().orElseThrow();
      comments.add("Collator: " + k.json() + " (" + launch.origin().where() + ").");
      Alternative authoring = launch.authoringDuration();
      if (kindAssumption == null) {
        authoring = collator.agreedAuthoringDuration();
      }
      if (authoring != null && authoring.value() instanceof Value.Duration d) {
        authoringMicros = d.micros().longValueExact();
      } else {
        authoringMicros = k == CollatorKind.BASIC ? 500_000 : 2_000_000;
        String why = authoring != null && authoring.value() instanceof Value.Unknown u ? u.reason() : "not found";
        assumptions.add("authoring_duration " + (authoringMicros / 1000) + " ms (" + why + "; " + (k == CollatorKind.BASIC ? "the guide's pre-phase-2 value" : "the template value") + ")");
      }
    }

    Long slot = v.integer(ParamKey.SLOT_DURATION);
    if (slot == null && nimbus) {
      slot = Checker.RELAY_SLOT_MS;
    } else if (slot == null) {
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
      weightPs = weight.min(BigInteger.valueOf(Long.MAX_VALUE)).longValueExact();
    }
    // Cores: only the slot-based collator builds on several cores, one block per core per relay
    // block, so it gets as many bulk cores as the runtime's velocity asks for; the others get one.
    int cores = 1;
    boolean selectCoreSignal = true;
    if (kind.equals("slot-based")) {
      cores = (int) Math.max(1, Math.min(velocity, 64));
      Value.Type select = v.type(ParamKey.SELECT_CORE);
      selectCoreSignal = Boolean.TRUE.equals(v.bool(ParamKey.UMP_SIGNALS_FEATURE))
          || (select != null && !select.name().equals("()"));
      if (cores > 1) {
        assumptions.add("cores: " + cores + " bulk cores, one per block of velocity " + velocity + " (the chain's coretime is not in its code)");
        if (ScenarioSpec.MAX_CANDIDATE_DEPTH < 2 * cores) {
          assumptions.add("the relay keeps Polkadot's max_candidate_depth " + ScenarioSpec.MAX_CANDIDATE_DEPTH + ", below 2 x " + cores + " cores, which can hold throughput below the cores (parachain-side §9 #9)");
        }
      }
      if (cores > 1 && !selectCoreSignal) {
        assumptions.add("no SelectCore signal (no `type SelectCore` and no `experimental-ump-signals` found): candidates name their core in the V2 descriptor only");
      }
    } else if (velocity > 1) {
      assumptions.add("cores: one; velocity " + velocity + " needs several, but only the slot-based collator builds on several cores");
    }
    String name = "doctor " + facts.path() + (v.conditions().isEmpty() ? "" : " [" + v.describe() + "]") + (kindAssumption == null ? "" : " (" + kind + ")");
    return new Plan(new ScenarioSpec(name, hookKind, capacity, velocity, relaySlot, slot, allow, minimumPeriod, policy, weightPs, kind, authoringMicros, cores, selectCoreSignal, assumptions, comments), null);
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
