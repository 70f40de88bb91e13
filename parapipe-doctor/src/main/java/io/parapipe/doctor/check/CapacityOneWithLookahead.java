package io.parapipe.doctor.check;

import io.parapipe.doctor.extract.ParamKey;
import java.util.List;

/** Field-notes §5.5: a lookahead or slot-based collator with capacity 1 still gives 12 s blocks. */
final class CapacityOneWithLookahead implements RuleCheck {
  @Override
  public void check(CheckInput in, List<Finding> out) {
    if (in.capacity == null || in.capacity > 1 || !in.asyncCollator) {
      return;
    }
    out.add(in.finding(Severity.WARN, Rule.CAPACITY_ONE_WITH_LOOKAHEAD,
        "the node runs the " + in.kind.json() + " collator but the unincluded segment capacity is " + in.capacity
            + ": capacity 1 means 12 s blocks whatever the collator (fine as the guide's phase 2, until phase 3)",
        in.at(ParamKey.UNINCLUDED_SEGMENT_CAPACITY), in.kindAt));
  }
}
