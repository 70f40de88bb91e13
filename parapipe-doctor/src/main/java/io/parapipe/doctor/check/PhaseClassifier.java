package io.parapipe.doctor.check;

import io.parapipe.doctor.eval.Value;
import io.parapipe.doctor.extract.CollatorFacts;
import io.parapipe.doctor.extract.CollatorKind;
import io.parapipe.doctor.extract.ConsensusHooks;
import io.parapipe.doctor.extract.ParamKey;
import io.parapipe.doctor.extract.RuntimeVariant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Decides the phase of one runtime variant together with the node's collator, following the
 * upgrade guide: the runtime's capacity and hook say whether it is still synchronous, prepared
 * (phase 1/2: capacity 1) or activated (capacity ≥ 2); the collator tells phase 1 from phase 2;
 * velocity > 1 is elastic scaling.
 */
public final class PhaseClassifier {
  private PhaseClassifier() {}

  /** The phase of a variant; {@code configFound} false when parachain-system's Config was not found. */
  public static PhaseDecision classify(RuntimeVariant v, CollatorFacts collator, boolean configFound) {
    if (!configFound) {
      return new PhaseDecision(Phase.UNKNOWN, "the parachain-system configuration was not found, so capacity and hook cannot be read");
    }
    Value.Type hook = v.type(ParamKey.CONSENSUS_HOOK);
    Long capacity = v.integer(ParamKey.UNINCLUDED_SEGMENT_CAPACITY);
    if (capacity == null) {
      Value c = v.value(ParamKey.UNINCLUDED_SEGMENT_CAPACITY);
      return new PhaseDecision(Phase.UNKNOWN, "the unincluded segment capacity could not be read" + (c instanceof Value.Unknown u ? ": " + u.reason() : ""));
    }
    String hookName = hook == null ? "an unknown hook" : hook.name();
    boolean api = Boolean.TRUE.equals(v.bool(ParamKey.UNINCLUDED_SEGMENT_API));
    boolean prepared = ConsensusHooks.fixedVelocity(hook) || api;
    CollatorKind kind = collator.kind();
    List<CollatorKind> kinds = collator.kinds();
    if (capacity <= 1) {
      if (!prepared) {
        return new PhaseDecision(Phase.SYNC, "capacity " + capacity + " with " + hookName + " and no unincluded-segment API: synchronous backing, one block per 12 s");
      }
      String runtime = "the runtime is prepared (" + hookName + ", capacity " + capacity + ")";
      if (kind == null && kinds.size() > 1) {
        return new PhaseDecision(Phase.UNKNOWN, runtime + " but the node starts several collators ("
            + kinds.stream().map(CollatorKind::json).collect(Collectors.joining(", ")) + "); phase 1 and phase 2 differ only by the collator");
      }
      if (kind == null) {
        return new PhaseDecision(Phase.PHASE1, runtime + "; the node is not in this repository, so phase 2 (the lookahead collator) cannot be checked");
      }
      if (kind == CollatorKind.BASIC) {
        return new PhaseDecision(Phase.PHASE1, runtime + " and the node still runs the basic collator");
      }
      return new PhaseDecision(Phase.PHASE2, runtime + " and the node runs the " + kind.json() + " collator; blocks stay at 12 s until phase 3 raises the capacity");
    }
    Long velocity = v.integer(ParamKey.BLOCK_PROCESSING_VELOCITY);
    if (velocity != null && velocity > 1) {
      return new PhaseDecision(Phase.ELASTIC, "capacity " + capacity + ", velocity " + velocity + ": up to " + velocity + " blocks per relay block (elastic scaling)");
    }
    String base = "capacity " + capacity + (velocity == null ? " (" + hookName + ")" : ", velocity " + velocity) + ": "
        + (kind == CollatorKind.BASIC ? "the runtime allows one block per relay block" : "one block per relay block");
    if (kind == CollatorKind.BASIC) {
      Long slot = v.integer(ParamKey.SLOT_DURATION);
      base += slot != null && slot >= 2 * Checker.RELAY_SLOT_MS
          ? ", but the node runs the basic collator, which builds once per " + slot + " ms Aura slot (" + slot / 1000 + " s blocks)"
          : ", with the basic collator: one block per Aura slot, at most one ahead of the relay chain";
    }
    return new PhaseDecision(Phase.ASYNC, base);
  }
}
