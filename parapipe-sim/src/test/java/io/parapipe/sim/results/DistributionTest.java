package io.parapipe.sim.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class DistributionTest {
  @Test
  void nearestRankOnSmallSets() {
    // ranks: p50 -> ceil(2) = 2 -> 20 ms; p95 -> ceil(3.8) = 4 -> 40 ms
    Distribution ms = Distribution.ofMicros(new long[] {40_000, 10_000, 30_000, 20_000}, 4);
    assertThat(ms).isEqualTo(new Distribution(4, 25.0, 20.0, 40.0, 40.0));
    long[] hundred = new long[100];
    for (int i = 0; i < 100; i++) {
      hundred[i] = (i + 1) * 1000L;
    }
    assertThat(Distribution.ofMicros(hundred, 100).p95()).isEqualTo(95.0);
    assertThat(Distribution.ofMicros(new long[] {7_000}, 1))
        .isEqualTo(new Distribution(1, 7.0, 7.0, 7.0, 7.0));
  }

  @Test
  void roundsToATenthOfAMillisecond() {
    assertThat(Distribution.roundMs(12_345)).isEqualTo(12.3);
    assertThat(Distribution.roundMs(12_350)).isEqualTo(12.4);
    assertThat(Distribution.roundMs(12_349.9)).isEqualTo(12.3);
    assertThat(Distribution.ofMicros(new long[0], 0)).isEqualTo(Distribution.EMPTY);
  }

  @Property
  void nearestRankIsAnObservedValueWithEnoughValuesAtOrBelowIt(
      @ForAll @Size(min = 1, max = 60) long[] values, @ForAll @IntRange(min = 1, max = 100) int p) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    long q = Distribution.nearestRank(sorted, sorted.length, p);
    long atOrBelow = Arrays.stream(sorted).filter(x -> x <= q).count();
    long below = Arrays.stream(sorted).filter(x -> x < q).count();
    double needed = p / 100.0 * sorted.length;
    assertThat(atOrBelow).isGreaterThanOrEqualTo((long) Math.ceil(needed - 1e-9));
    assertThat((double) below).isLessThan(needed);
  }

  @Property
  void summaryIsOrdered(@ForAll @Size(min = 1, max = 60) long[] raw,
      @ForAll @LongRange(min = 0, max = 1_000_000_000L) long scale) {
    long[] v = Arrays.stream(raw).map(x -> Math.floorMod(x, scale + 1)).toArray();
    Distribution d = Distribution.ofMicros(v, v.length);
    assertThat(d.p50()).isLessThanOrEqualTo(d.p95());
    assertThat(d.p95()).isLessThanOrEqualTo(d.max());
    assertThat(d.mean()).isLessThanOrEqualTo(d.max());
  }
}
