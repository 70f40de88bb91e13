package io.parapipe.doctor.check;

import io.parapipe.doctor.extract.ParamKey;
import java.util.List;

/** Field-notes P25, P28: velocity > 1 needs as many cores, which the code does not show. */
final class ElasticNeedsCores implements RuleCheck {
  @Override
  public void check(CheckInput in, List<Finding> out) {
    if (in.velocity == null || in.velocity <= 1) {
      return;
    }
    out.add(in.finding(Severity.INFO, Rule.ELASTIC_NEEDS_CORES,
        "velocity " + in.velocity + " needs " + in.velocity + " cores assigned to the parachain; core assignments (coretime) are not in the code, so the doctor cannot check them",
        in.at(ParamKey.BLOCK_PROCESSING_VELOCITY)));
  }
}
