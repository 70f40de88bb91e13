package io.parapipe.sim.network;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Links differ by a fixed, symmetric base latency around the configured one. */
class LatencySpreadTest {
  private static final long LATENCY = 400_000;

  @Test
  void withoutSpreadEveryLinkHasTheConfiguredLatency() {
    Network n = new Network(NetworkConfig.IDEAL.withLatency(LATENCY));
    for (int a = 0; a < 30; a++) {
      for (int b = 0; b < 30; b++) {
        assertThat(n.linkLatencyMicros(a, b)).isEqualTo(LATENCY);
      }
    }
  }

  @Test
  void eachLinkHasItsOwnLatencyTheSameBothWaysWithinTheSpreadAndMeanPreserved() {
    Network n = new Network(NetworkConfig.IDEAL.withLatency(LATENCY).withLatencySpread(0.5));
    long sum = 0;
    int links = 0;
    long min = Long.MAX_VALUE;
    long max = 0;
    for (int a = 0; a < 60; a++) {
      for (int b = a + 1; b < 60; b++) {
        long l = n.linkLatencyMicros(a, b);
        assertThat(n.linkLatencyMicros(b, a)).isEqualTo(l);
        assertThat(l).isBetween(200_000L, 600_000L);
        sum += l;
        links++;
        min = Math.min(min, l);
        max = Math.max(max, l);
      }
    }
    assertThat(sum / (double) links).isBetween(390_000.0, 410_000.0);
    assertThat(min).isLessThan(220_000L);
    assertThat(max).isGreaterThan(580_000L);
  }
}
