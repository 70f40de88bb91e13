package io.parapipe.protocol.relay.node.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlotLotteryTest {
  @Test
  void everyValidatorComputesTheSameAuthors() {
    SlotLottery a = new SlotLottery(7, 20, 0.1, 0.1);
    SlotLottery b = new SlotLottery(7, 20, 0.1, 0.1);
    for (long s = 0; s < 1000; s++) {
      assertThat(a.authors(s)).isEqualTo(b.authors(s));
    }
  }

  @Test
  void missAndForkRatesFollowTheirProbabilities() {
    SlotLottery l = new SlotLottery(1, 20, 0.1, 0.2);
    int missed = 0, forks = 0, n = 20_000;
    int[] wins = new int[20];
    for (long s = 0; s < n; s++) {
      int[] a = l.authors(s);
      if (a.length == 0) {
        missed++;
      }
      if (a.length == 2) {
        forks++;
        assertThat(a[0]).isNotEqualTo(a[1]);
      }
      for (int v : a) {
        wins[v]++;
      }
    }
    assertThat(missed / (double) n).isBetween(0.09, 0.11);
    assertThat(forks / (double) (n - missed)).isBetween(0.18, 0.22);
    for (int w : wins) {
      assertThat(w).isBetween(900, 1300);
    }
  }

  @Test
  void withoutMissesOrForksEverySlotHasExactlyOneAuthor() {
    SlotLottery l = new SlotLottery(3, 5, 0, 0);
    for (long s = 0; s < 100; s++) {
      assertThat(l.authors(s)).hasSize(1);
    }
  }
}
