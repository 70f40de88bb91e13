package io.parapipe.protocol.relay.node.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BlockAuthorshipTest {
  private static final int SLOTS = 40_000;

  @Test
  void thePrimaryThresholdGivesAPrimaryClaimInAQuarterOfSlots() {
    assertThat(BlockAuthorship.primaryThreshold(0.25, 1)).isEqualTo(0.25, org.assertj.core.data.Offset.offset(1e-12));
    double p = BlockAuthorship.primaryThreshold(0.25, 50);
    assertThat(Math.pow(1 - p, 50)).isEqualTo(0.75, org.assertj.core.data.Offset.offset(1e-12));
    BlockAuthorship a = new BlockAuthorship(7, 50, 0.25, false, 0, 0);
    int withPrimary = 0;
    int multiple = 0;
    for (long s = 0; s < SLOTS; s++) {
      List<BlockAuthorship.Claim> c = a.claims(s);
      assertThat(c).allMatch(BlockAuthorship.Claim::primary);
      if (!c.isEmpty()) {
        withPrimary++;
      }
      if (c.size() > 1) {
        multiple++;
      }
    }
    assertThat(withPrimary / (double) SLOTS).isBetween(0.24, 0.26);
    // Two or more of 50 validators under p: 1 − (1−p)^50 − 50 p (1−p)^49 ≈ 3.6 %.
    assertThat(multiple / (double) SLOTS).isBetween(0.03, 0.043);
  }

  @Test
  void withSecondarySlotsEverySlotHasAnAuthorAndASecondaryOnlyWithoutAPrimaryOfItsOwn() {
    BlockAuthorship a = new BlockAuthorship(3, 20, 0.25, true, 0, 0);
    int two = 0;
    for (long s = 0; s < SLOTS; s++) {
      List<BlockAuthorship.Claim> c = a.claims(s);
      assertThat(c).isNotEmpty();
      long secondaries = c.stream().filter(x -> !x.primary()).count();
      assertThat(secondaries).isLessThanOrEqualTo(1);
      if (secondaries == 1) {
        assertThat(c.stream().filter(x -> !x.primary()).findFirst().orElseThrow().validator())
            .isEqualTo(a.secondaryAuthor(s));
      }
      if (c.size() >= 2) {
        two++;
      }
    }
    // A fork whenever a primary winner is not the secondary author: about c.
    assertThat(two / (double) SLOTS).isBetween(0.22, 0.27);
  }

  @Test
  void everyValidatorComputesTheSameClaimsAndSecondaryAuthorsSpreadEvenly() {
    BlockAuthorship a = new BlockAuthorship(11, 10, 0.25, true, 0.1, 0.1);
    BlockAuthorship b = new BlockAuthorship(11, 10, 0.25, true, 0.1, 0.1);
    int[] secondary = new int[10];
    for (long s = 0; s < SLOTS; s++) {
      assertThat(a.claims(s)).isEqualTo(b.claims(s));
      secondary[a.secondaryAuthor(s)]++;
    }
    for (int count : secondary) {
      assertThat(count).isBetween(3_700, 4_300);
    }
  }

  @Test
  void missedClaimsLeaveSlotsEmpty() {
    BlockAuthorship a = new BlockAuthorship(5, 20, 0.0, true, 0.1, 0);
    int empty = 0;
    for (long s = 0; s < SLOTS; s++) {
      if (a.claims(s).isEmpty()) {
        empty++;
      }
    }
    assertThat(empty / (double) SLOTS).isBetween(0.09, 0.11);
  }
}
