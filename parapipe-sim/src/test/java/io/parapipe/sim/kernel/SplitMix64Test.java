package io.parapipe.sim.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SplitMix64Test {
  @Test
  void matchesTheReferenceSequence() {
    // SplitMix64 seeded with 0 (reference implementation by Vigna).
    SplitMix64 r = new SplitMix64(0);
    assertThat(r.nextLong()).isEqualTo(0xe220a8397b1dcdafL);
    assertThat(r.nextLong()).isEqualTo(0x6e789e6aa1b965f4L);
    assertThat(r.nextLong()).isEqualTo(0x06c45d188009454fL);
  }

  @Property(tries = 200)
  void boundedIntsStayInRange(@ForAll long seed, @ForAll @IntRange(min = 1) int bound) {
    SplitMix64 r = new SplitMix64(seed);
    for (int i = 0; i < 20; i++) {
      assertThat(r.nextInt(bound)).isBetween(0, bound - 1);
      assertThat(r.nextLong(bound)).isBetween(0L, bound - 1L);
      assertThat(r.nextDouble()).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
    }
  }

  @Test
  void boundedIntsAreUniform() {
    SplitMix64 r = new SplitMix64(7);
    int[] counts = new int[6];
    int n = 600_000;
    for (int i = 0; i < n; i++) {
      counts[r.nextInt(6)]++;
    }
    for (int c : counts) {
      assertThat(c).isBetween(n / 6 - 1_500, n / 6 + 1_500);
    }
  }

  @Test
  void rejectsBadBounds() {
    SplitMix64 r = new SplitMix64(1);
    assertThatThrownBy(() -> r.nextInt(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> r.nextLong(-3)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> r.nextInt(5, 5)).isInstanceOf(IllegalArgumentException.class);
    assertThat(r.nextInt(-5, 5)).isBetween(-5, 4);
    assertThat(r.nextLong(Long.MIN_VALUE, Long.MAX_VALUE)).isLessThan(Long.MAX_VALUE);
  }

  @Test
  void exponentialAndGaussianHaveTheRightMoments() {
    SplitMix64 r = new SplitMix64(3);
    int n = 200_000;
    double e = 0;
    double g = 0;
    double g2 = 0;
    for (int i = 0; i < n; i++) {
      e += r.nextExponential();
      double x = r.nextGaussian();
      g += x;
      g2 += x * x;
    }
    assertThat(e / n).isBetween(0.99, 1.01);
    assertThat(g / n).isBetween(-0.01, 0.01);
    assertThat(g2 / n).isBetween(0.98, 1.02);
  }
}
