package io.parapipe.doctor.check;

import io.parapipe.doctor.extract.ParamKey;
import java.util.List;

/** Field-notes §5.9: a non-zero {@code MinimumPeriod} while blocks may share a slot. */
final class MinimumPeriodNonzeroMultiBlock implements RuleCheck {
  @Override
  public void check(CheckInput in, List<Finding> out) {
    if (!Boolean.TRUE.equals(in.allowMultiple) || in.minimumPeriod == null || in.minimumPeriod <= 0) {
      return;
    }
    boolean shared = in.interval != null && in.slot != null && in.interval < in.slot;
    boolean tooClose = in.interval != null && in.minimumPeriod > in.interval;
    if (shared || tooClose) {
      out.add(in.finding(Severity.ERROR, Rule.MINIMUM_PERIOD_NONZERO_MULTI_BLOCK,
          "MinimumPeriod is " + in.minimumPeriod + " ms while blocks come every " + in.interval + " ms"
              + (shared ? " in " + in.slot + " ms slots (blocks of one slot carry the same timestamp)" : "")
              + ": the next block panics \"Timestamp must increment by at least <MinimumPeriod> between sequential blocks\"",
          in.at(ParamKey.MINIMUM_PERIOD), in.at(ParamKey.ALLOW_MULTIPLE_BLOCKS_PER_SLOT)));
    } else {
      out.add(in.finding(Severity.WARN, Rule.MINIMUM_PERIOD_NONZERO_MULTI_BLOCK,
          "MinimumPeriod is " + in.minimumPeriod + " ms with AllowMultipleBlocksPerSlot = true: blocks sharing a slot carry the same timestamp, so an extra block on the same relay parent fails with \"Timestamp must increment by at least <MinimumPeriod> between sequential blocks\", and blocks faster than "
              + in.minimumPeriod + " ms would stall",
          in.at(ParamKey.MINIMUM_PERIOD), in.at(ParamKey.ALLOW_MULTIPLE_BLOCKS_PER_SLOT)));
    }
  }
}
