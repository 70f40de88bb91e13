package io.parapipe.doctor.check;

import io.parapipe.doctor.extract.CollatorKind;
import io.parapipe.doctor.extract.ParamKey;
import java.util.List;

/** Field-notes §5.2: {@code AllowMultipleBlocksPerSlot = false} with capacity ≥ 2 and a collator that builds ahead. */
final class MultipleBlocksPerSlotDisallowed implements RuleCheck {
  @Override
  public void check(CheckInput in, List<Finding> out) {
    if (!Boolean.FALSE.equals(in.allowMultiple) || in.capacity == null || in.capacity < 2 || in.kind == CollatorKind.BASIC
        || in.slot == null || in.interval == null) {
      return;
    }
    if (in.interval < in.slot) {
      out.add(in.finding(Severity.ERROR, Rule.MULTIPLE_BLOCKS_PER_SLOT_DISALLOWED,
          "blocks are expected every " + in.interval + " ms but the Aura slot is " + in.slot
              + " ms and AllowMultipleBlocksPerSlot is false: the second block of a slot panics \"Slot must increase\"",
          in.at(ParamKey.ALLOW_MULTIPLE_BLOCKS_PER_SLOT), in.at(ParamKey.SLOT_DURATION), in.at(ParamKey.UNINCLUDED_SEGMENT_CAPACITY)));
    } else {
      out.add(in.finding(Severity.WARN, Rule.MULTIPLE_BLOCKS_PER_SLOT_DISALLOWED,
          "capacity is " + in.capacity + " but AllowMultipleBlocksPerSlot is false: the lookahead collator's extra block on the same relay parent panics \"Slot must increase\", and newer collators that build several blocks per relay parent stall (litentry/heima#4061)",
          in.at(ParamKey.ALLOW_MULTIPLE_BLOCKS_PER_SLOT), in.at(ParamKey.UNINCLUDED_SEGMENT_CAPACITY), in.kindAt));
    }
  }
}
