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
    out.add(in.finding(Severity.WARN, Rule.BASIC_COLLATOR_CAPACITY,
        "the node runs the basic collator, which only builds on the included parent, with capacity " + in.capacity
            + ": blocks still come every 12 s, and this works only because the basic collator produces once per slot (polkadot-sdk#3308)",
        in.kindAt, in.at(ParamKey.UNINCLUDED_SEGMENT_CAPACITY)));
  }
}
