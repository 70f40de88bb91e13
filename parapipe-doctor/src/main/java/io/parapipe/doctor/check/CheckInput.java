package io.parapipe.doctor.check;

import io.parapipe.doctor.eval.Alternative;
import io.parapipe.doctor.eval.Origin;
import io.parapipe.doctor.eval.Value;
import io.parapipe.doctor.extract.CollatorFacts;
import io.parapipe.doctor.extract.CollatorKind;
import io.parapipe.doctor.extract.ConsensusHooks;
import io.parapipe.doctor.extract.ParamKey;
import io.parapipe.doctor.extract.RuntimeFacts;
import io.parapipe.doctor.extract.RuntimeKind;
import io.parapipe.doctor.extract.RuntimeVariant;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What every rule of the checker's table looks at: one runtime variant, the node's collator, the
 * repository's SDK pins and the variant's phase, with the values several rules share read once.
 * A value the code does not give is null, and a rule that needs it stays silent.
 */
final class CheckInput {
  final RuntimeFacts facts;
  final RuntimeVariant v;
  final CollatorFacts collator;
  final List<SdkPin> pins;
  final Phase phase;
  final String runtime;
  final Long capacity;
  final Long velocity;
  final Long relaySlot;
  final Long slot;
  final Long millisPerBlock;
  final Boolean allowMultiple;
  final Value.Type policy;
  final Long minimumPeriod;
  final BigInteger weight;
  final Value.Type hook;
  final Boolean api;
  final Value.Type apiHook;
  final CollatorKind kind;
  final boolean asyncCollator;
  final Origin kindAt;
  final Alternative authoring;
  final BigDecimal authoringMs;
  final Long interval;
  final boolean fixedVelocity;
  final boolean nimbus;

  CheckInput(RuntimeFacts facts, RuntimeVariant v, CollatorFacts collator, List<SdkPin> pins, Phase phase) {
    this.facts = facts;
    this.v = v;
    this.collator = collator;
    this.pins = pins;
    this.phase = phase;
    this.runtime = facts.path();
    this.capacity = v.integer(ParamKey.UNINCLUDED_SEGMENT_CAPACITY);
    this.velocity = v.integer(ParamKey.BLOCK_PROCESSING_VELOCITY);
    this.relaySlot = v.integer(ParamKey.RELAY_CHAIN_SLOT_DURATION);
    this.slot = v.integer(ParamKey.SLOT_DURATION);
    this.millisPerBlock = v.integer(ParamKey.MILLISECS_PER_BLOCK);
    this.allowMultiple = v.bool(ParamKey.ALLOW_MULTIPLE_BLOCKS_PER_SLOT);
    this.policy = v.type(ParamKey.RELAY_NUMBER_POLICY);
    this.minimumPeriod = v.integer(ParamKey.MINIMUM_PERIOD);
    this.weight = v.big(ParamKey.MAX_BLOCK_WEIGHT);
    this.hook = v.type(ParamKey.CONSENSUS_HOOK);
    this.api = v.bool(ParamKey.UNINCLUDED_SEGMENT_API);
    this.apiHook = v.type(ParamKey.UNINCLUDED_SEGMENT_API_HOOK);
    this.kind = collator.kind();
    this.asyncCollator = kind == CollatorKind.LOOKAHEAD || kind == CollatorKind.SLOT_BASED;
    this.kindAt = collator.launches().isEmpty() ? null : collator.launches().get(0).origin();
    this.authoring = collator.agreedAuthoringDuration();
    this.authoringMs = authoring != null && authoring.value() instanceof Value.Duration d
        ? new BigDecimal(d.micros()).divide(BigDecimal.valueOf(1000)).stripTrailingZeros() : null;
    this.interval = Checker.expectedInterval(capacity, velocity, kind, nimbusOrAuraSlot(facts, slot));
    this.fixedVelocity = ConsensusHooks.fixedVelocity(hook);
    this.nimbus = facts.kind() == RuntimeKind.NIMBUS;
  }

  // Nimbus runtimes author on relay-chain slots.
  private static Long nimbusOrAuraSlot(RuntimeFacts facts, Long slot) {
    return slot == null && facts.kind() == RuntimeKind.NIMBUS ? Long.valueOf(Checker.RELAY_SLOT_MS) : slot;
  }

  /** Where a parameter was read. */
  Origin at(ParamKey key) {
    return v.origin(key);
  }

  /** A finding of this runtime with the rule's own fix. */
  Finding finding(Severity severity, Rule rule, String message, Origin at, Origin... more) {
    return new Finding(severity, rule, message, at, evidence(more), rule.fix(), runtime, List.of());
  }

  /** A finding of this runtime with a fix of its own. */
  Finding finding(Severity severity, Rule rule, String message, Origin at, List<Origin> evidence, String fix) {
    return new Finding(severity, rule, message, at, evidence, fix, runtime, List.of());
  }

  /** The non-null origins. */
  static List<Origin> evidence(Origin... more) {
    return Arrays.stream(more).filter(Objects::nonNull).toList();
  }

  /** What limits the block interval here, in words. */
  String limitedBy() {
    if (capacity != null && capacity <= 1) {
      return "capacity " + capacity;
    }
    if (kind == CollatorKind.BASIC) {
      return "the basic collator builds once per " + (slot == null ? "Aura slot" : slot + " ms Aura slot") + ", at most one block ahead of the relay chain";
    }
    return "one block per relay block at this velocity";
  }

  /** a / b with two decimals, trailing zeros dropped. */
  static String ratio(long a, long b) {
    return BigDecimal.valueOf(a).divide(BigDecimal.valueOf(b), 2, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }
}
