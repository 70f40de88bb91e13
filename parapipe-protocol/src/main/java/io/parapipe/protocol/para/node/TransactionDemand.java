package io.parapipe.protocol.para.node;

/**
 * The transactions waiting for a para's collators: either always enough, or a steady rate. Each
 * transaction has the same {@code ref_time} and proof size.
 *
 * @param perSecond arrival rate; {@code +Infinity} means always enough
 * @param txRefTime ref_time of one transaction, picoseconds
 * @param txProofSize proof bytes of one transaction
 */
public record TransactionDemand(double perSecond, long txRefTime, int txProofSize) {
  /** True when there are always enough transactions. */
  public boolean saturated() {
    return Double.isInfinite(perSecond);
  }

  /** Transactions that arrived during {@code micros} (all of them if saturated). */
  public long arrivedDuring(long micros) {
    return saturated() ? Long.MAX_VALUE : (long) Math.floor(perSecond * micros / 1e6);
  }
}
