package io.parapipe.doctor.check;

import io.parapipe.doctor.extract.CollatorKind;
import io.parapipe.doctor.extract.ParamKey;
import java.util.List;

/** Field-notes §5.1: capacity ≥ 2 with {@code RelayNumberStrictlyIncreases}. */
final class StrictRelayNumberWithCapacity implements RuleCheck {
  private static final String STRICT = "RelayNumberStrictlyIncreases";
  private static final String PANIC = "\"Relay chain block number needs to strictly increase between Parachain blocks!\"";

  @Override
  public void check(CheckInput in, List<Finding> out) {
    if (in.capacity == null || in.capacity < 2 || in.policy == null || !in.policy.name().equals(STRICT)) {
      return;
    }
    if (in.asyncCollator) {
      out.add(in.finding(Severity.ERROR, Rule.STRICT_RELAY_NUMBER_WITH_CAPACITY,
          "capacity is " + in.capacity + " but CheckAssociatedRelayNumber is " + STRICT + ": the " + in.kind.json()
              + " collator builds a second block on the same relay parent, which panics " + PANIC,
          in.at(ParamKey.RELAY_NUMBER_POLICY), in.at(ParamKey.UNINCLUDED_SEGMENT_CAPACITY), in.kindAt));
      return;
    }
    String who = in.kind == CollatorKind.BASIC
        ? "the basic collator builds at most one block per relay parent, so this only works until the collator is upgraded"
        : "the node is not known here; with a lookahead or slot-based collator the second block on a relay parent panics " + PANIC;
    out.add(in.finding(Severity.WARN, Rule.STRICT_RELAY_NUMBER_WITH_CAPACITY,
        "capacity is " + in.capacity + " but CheckAssociatedRelayNumber is " + STRICT + ": " + who,
        in.at(ParamKey.RELAY_NUMBER_POLICY), in.at(ParamKey.UNINCLUDED_SEGMENT_CAPACITY), in.kindAt));
  }
}
