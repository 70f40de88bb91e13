package io.parapipe.doctor.check;

import io.parapipe.doctor.extract.ParamKey;
import java.util.List;

/** Upgrade guide phase 1 step 7: no unincluded-segment API on a runtime prepared for async backing. */
final class UnincludedSegmentApiMissing implements RuleCheck {
  @Override
  public void check(CheckInput in, List<Finding> out) {
    if (!Boolean.FALSE.equals(in.api) || !(in.fixedVelocity || (in.capacity != null && in.capacity >= 2))) {
      return;
    }
    String what = in.nimbus ? "UnincludedSegmentApi (async_backing_primitives)" : "AuraUnincludedSegmentApi";
    out.add(in.finding(Severity.WARN, Rule.UNINCLUDED_SEGMENT_API_MISSING,
        what + " is not implemented: a lookahead collator then assumes a maximum backlog size of 1 and never builds on unincluded blocks",
        in.at(ParamKey.CONSENSUS_HOOK)));
  }
}
