package io.parapipe.doctor.check;

import io.parapipe.doctor.extract.CollatorKind;
import io.parapipe.doctor.extract.ParamKey;
import java.util.List;

/** Field-notes §5.10: the basic collator with capacity ≥ 2. */
final class BasicCollatorCapacity implements RuleCheck {
  @Override
  public void check(CheckInput in, List<Finding> out) {
    if (in.kind != CollatorKind.BASIC || in.capacity == null || in.capacity < 2) {
      return;
    }
    if (in.interval != null && in.interval < 2 * Checker.RELAY_SLOT_MS) {
      // With slots of one relay block the basic collator builds on the candidate pending
      // availability (collation-generation's OccupiedCoreAssumption::Included): 6 s, one block ahead.
      out.add(in.finding(Severity.INFO, Rule.BASIC_COLLATOR_CAPACITY,
          "the node runs the basic collator with capacity " + in.capacity + " and " + in.interval
              + " ms slots: it builds on the candidate pending availability, so blocks can come every " + in.interval
              + " ms, but never more than one block ahead of the relay chain and never two per relay block; the lookahead collator uses the capacity fully",
          in.kindAt, in.at(ParamKey.UNINCLUDED_SEGMENT_CAPACITY)));
      return;
    }
    out.add(in.finding(Severity.WARN, Rule.BASIC_COLLATOR_CAPACITY,
        "the node runs the basic collator with capacity " + in.capacity
            + ": it produces once per Aura slot" + (in.slot == null ? "" : " (" + in.slot + " ms)") + ", so blocks still come every "
            + (in.interval == null ? "slot" : in.interval / 1000 + " s") + ", and the capacity is safe only because of that (polkadot-sdk#3308)",
        in.kindAt, in.at(ParamKey.UNINCLUDED_SEGMENT_CAPACITY)));
  }
}
