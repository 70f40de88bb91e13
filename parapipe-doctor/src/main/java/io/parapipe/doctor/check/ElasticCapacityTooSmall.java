package io.parapipe.doctor.check;

import io.parapipe.doctor.extract.ParamKey;
import java.util.List;

/** Field-notes §5.12, P27: the unincluded segment too small for the velocity. */
final class ElasticCapacityTooSmall implements RuleCheck {
  @Override
  public void check(CheckInput in, List<Finding> out) {
    if (in.velocity == null || in.velocity <= 1 || in.capacity == null) {
      return;
    }
    long velocity = in.velocity;
    Long rpo = in.v.integer(ParamKey.RELAY_PARENT_OFFSET);
    long offset = rpo == null ? 0 : rpo;
    long minimum = (2 + offset) * velocity + 1;
    long comfortable = (3 + offset) * velocity;
    if (in.capacity < minimum) {
      out.add(in.finding(Severity.WARN, Rule.ELASTIC_CAPACITY_TOO_SMALL,
          "capacity " + in.capacity + " is below (2 + " + offset + ") × " + velocity + " + 1 = " + minimum + ": the collator stops at can_build_upon and produces fewer blocks than the velocity allows",
          in.at(ParamKey.UNINCLUDED_SEGMENT_CAPACITY), in.at(ParamKey.BLOCK_PROCESSING_VELOCITY)));
    } else if (in.capacity < comfortable) {
      out.add(in.finding(Severity.INFO, Rule.ELASTIC_CAPACITY_TOO_SMALL,
          "capacity " + in.capacity + " meets (2 + " + offset + ") × " + velocity + " + 1 = " + minimum + " but not (3 + " + offset + ") × " + velocity + " = " + comfortable
              + ": with slow backing the segment fills up (polkadot-sdk#5260: 7 was not enough at velocity 3)",
          in.at(ParamKey.UNINCLUDED_SEGMENT_CAPACITY), in.at(ParamKey.BLOCK_PROCESSING_VELOCITY)));
    }
  }
}
