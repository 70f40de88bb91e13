package io.parapipe.doctor.check;

import io.parapipe.doctor.extract.ParamKey;
import java.util.List;

/** Upgrade guide phase 1 step 8: {@code CheckInherents} still registered with a FixedVelocity hook. */
final class CheckInherentsRegistered implements RuleCheck {
  @Override
  public void check(CheckInput in, List<Finding> out) {
    if (!Boolean.TRUE.equals(in.v.bool(ParamKey.CHECK_INHERENTS)) || !in.fixedVelocity) {
      return;
    }
    out.add(in.finding(Severity.INFO, Rule.CHECK_INHERENTS_REGISTERED,
        "register_validate_block! still passes CheckInherents, which FixedVelocityConsensusHook makes unnecessary",
        in.at(ParamKey.CHECK_INHERENTS)));
  }
}
