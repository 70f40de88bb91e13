package io.parapipe.sim.results;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BandwidthTest {
  @Test
  void bytesOverTheRunBecomeMbitPerSecondOverTheValidators() {
    // 10 s: 1.25, 2.5, 3.75 and 5 MB sent are 1, 2, 3 and 4 Mbit/s.
    long[] bytes = {3_750_000, 1_250_000, 5_000_000, 2_500_000};
    Bandwidth b = Bandwidth.ofBytes(bytes, 10_000_000);
    assertThat(b).isEqualTo(new Bandwidth(4, 2.5, 1.0, 2.0, 4.0, 4.0));
    assertThat(bytes).containsExactly(3_750_000, 1_250_000, 5_000_000, 2_500_000); // not sorted
  }

  @Test
  void noValidatorsOrNoTimeIsEmpty() {
    assertThat(Bandwidth.ofBytes(new long[0], 1_000_000)).isEqualTo(Bandwidth.EMPTY);
    assertThat(Bandwidth.ofBytes(new long[] {5}, 0)).isEqualTo(Bandwidth.EMPTY);
  }
}
