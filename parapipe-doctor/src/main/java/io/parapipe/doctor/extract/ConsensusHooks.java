package io.parapipe.doctor.extract;

import io.parapipe.doctor.eval.Value;
import java.util.Set;

/**
 * The consensus hooks the doctor knows (cumulus' and moonkit's), and the hook that decides the
 * capacity when the runtime wraps one: moonkit's {@code ConsensusHookWrapperForRelayTimestamp<
 * Runtime, Inner>} and the like call the inner hook and add checks of their own.
 */
public final class ConsensusHooks {
  /** Hooks whose capacity, velocity and relay slot the doctor reads. */
  public static final Set<String> KNOWN = Set.of("FixedVelocityConsensusHook", "OlderParentFixedVelocityConsensusHook",
      "FixedCapacityUnincludedSegment", "ExpectParentIncluded", "RequireParentIncluded");

  private ConsensusHooks() {}

  /**
   * The hook that decides the unincluded segment: the type itself when it is a known hook, else
   * the one known hook among a wrapper's type arguments (searched two levels deep), else null.
   */
  public static Value.Type effective(Value.Type hook) {
    if (hook == null) {
      return null;
    }
    if (KNOWN.contains(hook.name())) {
      return hook;
    }
    return inner(hook, 2);
  }

  /** True when the effective hook is a FixedVelocity hook. */
  public static boolean fixedVelocity(Value.Type hook) {
    Value.Type e = effective(hook);
    return e != null && e.name().contains("FixedVelocity");
  }

  private static Value.Type inner(Value.Type wrapper, int depth) {
    Value.Type found = null;
    for (Value.Argument a : wrapper.args()) {
      Value.Type candidate = null;
      if (a.value() instanceof Value.Type t) {
        candidate = KNOWN.contains(t.name()) ? t : depth > 1 ? inner(t, depth - 1) : null;
      }
      if (candidate != null) {
        if (found != null) {
          return null; // two hooks inside: which one decides is the wrapper's business
        }
        found = candidate;
      }
    }
    return found;
  }
}
