package io.parapipe.doctor.check;

import io.parapipe.doctor.extract.ParamKey;
import io.parapipe.doctor.extract.RuntimeExtractor;
import java.math.BigDecimal;
import java.util.List;

/** Field-notes §5.8: the collator stops authoring before the block's ref_time budget is used. */
final class AuthoringBelowWeightBudget implements RuleCheck {
  @Override
  public void check(CheckInput in, List<Finding> out) {
    if (in.authoringMs == null || in.weight == null) {
      return;
    }
    BigDecimal ms = RuntimeExtractor.refTimeMillis(in.weight);
    if (in.authoringMs.compareTo(ms) < 0) {
      out.add(in.finding(Severity.WARN, Rule.AUTHORING_BELOW_WEIGHT_BUDGET,
          "authoring_duration is " + in.authoringMs.toPlainString() + " ms but MAXIMUM_BLOCK_WEIGHT allows " + ms.toPlainString()
              + " ms of ref_time: the proposer stops long before a full block",
          in.authoring.origin(), in.at(ParamKey.MAX_BLOCK_WEIGHT)));
    }
  }
}
