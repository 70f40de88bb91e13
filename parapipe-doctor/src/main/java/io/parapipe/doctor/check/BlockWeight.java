package io.parapipe.doctor.check;

import io.parapipe.doctor.extract.ParamKey;
import io.parapipe.doctor.extract.RuntimeExtractor;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * Field-notes §5.7: the block's ref_time budget against how blocks are backed (0.5 s on an
 * async-backing chain, more than 0.5 s while blocks are backed synchronously).
 */
final class BlockWeight implements RuleCheck {
  private static final BigInteger HALF_SECOND_PS = BigInteger.valueOf(500_000_000_000L);

  @Override
  public void check(CheckInput in, List<Finding> out) {
    if (in.weight == null || in.interval == null) {
      return;
    }
    BigDecimal ms = RuntimeExtractor.refTimeMillis(in.weight);
    if (in.interval < 2 * Checker.RELAY_SLOT_MS && in.weight.compareTo(HALF_SECOND_PS) <= 0) {
      out.add(in.finding(Severity.WARN, Rule.BLOCK_WEIGHT_SYNC_ON_ASYNC,
          "MAXIMUM_BLOCK_WEIGHT allows " + ms.toPlainString() + " ms of ref_time on an async-backing chain, which gives collators about 2 s: blockspace per block stays at the synchronous level",
          in.at(ParamKey.MAX_BLOCK_WEIGHT)));
    } else if (in.interval >= 2 * Checker.RELAY_SLOT_MS && in.weight.compareTo(HALF_SECOND_PS) > 0) {
      out.add(in.finding(Severity.WARN, Rule.BLOCK_WEIGHT_ASYNC_ON_SYNC,
          "MAXIMUM_BLOCK_WEIGHT allows " + ms.toPlainString() + " ms of ref_time but blocks are backed synchronously here ("
              + in.limitedBy() + "), where a block has about 0.5 s of execution",
          in.at(ParamKey.MAX_BLOCK_WEIGHT)));
    }
  }
}
