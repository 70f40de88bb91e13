package io.parapipe.doctor.check;

import io.parapipe.doctor.extract.ParamKey;
import java.util.List;

/** Field-notes §5.6: {@code MILLISECS_PER_BLOCK} longer than the interval the configuration produces. */
final class BlockTimeConstantStale implements RuleCheck {
  @Override
  public void check(CheckInput in, List<Finding> out) {
    if (in.millisPerBlock == null || in.interval == null || in.millisPerBlock <= in.interval) {
      return;
    }
    out.add(in.finding(Severity.WARN, Rule.BLOCK_TIME_CONSTANT_STALE,
        "MILLISECS_PER_BLOCK is " + in.millisPerBlock + " but this configuration produces a block about every " + in.interval
            + " ms: MINUTES/HOURS/DAYS and everything derived from MILLISECS_PER_BLOCK run " + CheckInput.ratio(in.millisPerBlock, in.interval) + "× fast",
        in.at(ParamKey.MILLISECS_PER_BLOCK), in.at(ParamKey.UNINCLUDED_SEGMENT_CAPACITY)));
  }
}
