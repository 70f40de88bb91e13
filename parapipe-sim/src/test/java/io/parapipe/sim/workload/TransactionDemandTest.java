package io.parapipe.sim.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.primitives.Weight;
import org.junit.jupiter.api.Test;

/** The demand model behind a collator's transaction pool. */
class TransactionDemandTest {
  private static final long MS = Weight.REF_TIME_PER_MILLIS;

  @Test
  void saturatedDemandFillsUpToTheTighterLimit() {
    TransactionDemand d = new TransactionDemand(Double.POSITIVE_INFINITY, MS, 1024);
    // 500 by ref_time, 100 by proof: the proof limit binds
    assertThat(d.fill(500 * MS, 100 * 1024 + 1023, 0)).isEqualTo(new Weight(100 * MS, 100 * 1024));
    // 50 by ref_time: ref_time binds, whatever the time since the parent
    assertThat(d.fill(50 * MS + 1, 1 << 20, 0)).isEqualTo(new Weight(50 * MS, 50 * 1024));
  }

  @Test
  void aSteadyRateOffersWhatArrivedSinceTheParent() {
    TransactionDemand d = new TransactionDemand(20, MS, 1024);
    assertThat(d.fill(1000 * MS, 1 << 20, 6_000_000)).isEqualTo(new Weight(120 * MS, 120 * 1024));
    assertThat(d.fill(1000 * MS, 1 << 20, 49_999)).isEqualTo(Weight.ZERO);
  }

  @Test
  void proofFreeTransactionsAreLimitedByRefTimeAlone() {
    TransactionDemand d = new TransactionDemand(Double.POSITIVE_INFINITY, MS, 0);
    assertThat(d.fill(7 * MS, 0, 0)).isEqualTo(new Weight(7 * MS, 0));
  }

  @Test
  void nothingFitsWhenTheBasePovAlreadyExceedsTheBudget() {
    TransactionDemand d = new TransactionDemand(Double.POSITIVE_INFINITY, MS, 1024);
    assertThat(d.fill(100 * MS, -5000, 0)).isEqualTo(Weight.ZERO);
  }
}
