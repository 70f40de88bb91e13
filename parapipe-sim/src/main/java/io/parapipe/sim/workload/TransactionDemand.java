package io.parapipe.sim.workload;

import io.parapipe.protocol.para.node.TransactionSource;
import io.parapipe.protocol.primitives.Weight;

/**
 * The users' demand on a para ({@code [para] demand}, {@code tx_ref_time}, {@code tx_proof_size}
 * in docs/scenario.md): either always enough transactions, or a steady rate. Every transaction has
 * the same {@code ref_time} and proof size. It has no state and draws no random numbers, so one
 * instance can serve all collators of a para.
 *
 * @param perSecond arrival rate; {@code +Infinity} means always enough
 * @param txRefTime ref_time of one transaction, picoseconds (&gt; 0)
 * @param txProofSize proof bytes of one transaction (≥ 0)
 */
public record TransactionDemand(double perSecond, long txRefTime, int txProofSize)
    implements TransactionSource {

  /** True when there are always enough transactions. */
  public boolean saturated() {
    return Double.isInfinite(perSecond);
  }

  /** Transactions that arrived during {@code micros} (all of them if saturated). */
  public long arrivedDuring(long micros) {
    return saturated() ? Long.MAX_VALUE : (long) Math.floor(perSecond * micros / 1e6);
  }

  /**
   * As many whole transactions as arrived since the parent, fit the ref_time limit and fit the
   * proof limit.
   */
  @Override
  public Weight fill(long refTimeLimit, long proofSizeLimit, long sinceParentMicros) {
    long byWeight = refTimeLimit / txRefTime;
    long byPov = txProofSize == 0 ? Long.MAX_VALUE : Math.max(0, proofSizeLimit / txProofSize);
    long txs = Math.min(Math.min(byWeight, byPov), arrivedDuring(sinceParentMicros));
    return new Weight(txs * txRefTime, txs * txProofSize);
  }
}
