package io.parapipe.doctor.check;

import io.parapipe.doctor.extract.ParamKey;
import java.util.List;

/** Field-notes §0.1–0.2: {@code MILLISECS_PER_BLOCK} shorter than the configuration can achieve. */
final class BlockTimeUnreachable implements RuleCheck {
  @Override
  public void check(CheckInput in, List<Finding> out) {
    if (in.millisPerBlock == null || in.interval == null || in.millisPerBlock >= in.interval) {
      return;
    }
    out.add(in.finding(Severity.WARN, Rule.BLOCK_TIME_UNREACHABLE,
        "MILLISECS_PER_BLOCK is " + in.millisPerBlock + " but this configuration can produce at most one block every " + in.interval
            + " ms (" + in.limitedBy() + "): time constants run " + CheckInput.ratio(in.interval, in.millisPerBlock) + "× slow",
        in.at(ParamKey.MILLISECS_PER_BLOCK), in.at(ParamKey.UNINCLUDED_SEGMENT_CAPACITY), in.kindAt));
  }
}
