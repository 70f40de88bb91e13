package io.parapipe.doctor.check;

import io.parapipe.doctor.extract.ParamKey;
import java.util.List;

/** Parachain-side §9 #8: capacity above Polkadot's {@code max_candidate_depth} at velocity ≤ 1. */
final class CapacityAboveRelayDepth implements RuleCheck {
  @Override
  public void check(CheckInput in, List<Finding> out) {
    if (in.capacity == null || in.capacity <= Checker.RELAY_MAX_CANDIDATE_DEPTH || (in.velocity != null && in.velocity > 1)) {
      return;
    }
    out.add(in.finding(Severity.INFO, Rule.CAPACITY_ABOVE_RELAY_DEPTH,
        "capacity " + in.capacity + " exceeds Polkadot's max_candidate_depth (" + Checker.RELAY_MAX_CANDIDATE_DEPTH + "): the relay chain ignores candidates beyond that depth, so the extra capacity is not used",
        in.at(ParamKey.UNINCLUDED_SEGMENT_CAPACITY)));
  }
}
