package io.parapipe.sim.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PanicGroupsTest {
  private static final String H1 = "0x5e5ed508306b4e51218cf1380307b3d562be2b8b173cdcec7a12c5a87e7480e5";
  private static final String H2 = "0x7951717813e600cef8a4b0ffa6800d93cb933652d5daff51921239c166e00818";
  private static final String H3 = "0x78a415079baa398b11abb8417b53d83221b9ee4af9b78d5831d1f1d7863e3c7f";

  private static String parentNotIncluded(String left, String right) {
    return "assertion `left == right` failed: expected parent to be included\n  left: " + left
        + "\n right: " + right;
  }

  @Test
  void hashesAndAssertedValuesAreSetAside() {
    assertThat(PanicGroups.shape(parentNotIncluded(H1, H2))).isEqualTo(
        "assertion `left == right` failed: expected parent to be included\n  left: ...\n right: ...");
    assertThat(PanicGroups.shape("assertion `left == right` failed: slot number mismatch\n"
        + "  left: Slot(83334)\n right: Slot(83335)")).isEqualTo(
        "assertion `left == right` failed: slot number mismatch\n  left: ...\n right: ...");
    assertThat(PanicGroups.shape("head " + H3 + " unknown")).isEqualTo("head 0x... unknown");
    assertThat(PanicGroups.shape("Slot must increase")).isEqualTo("Slot must increase");
    // Outside an assertion, left: and right: are words of the message.
    assertThat(PanicGroups.shape("x\n  left: 5")).isEqualTo("x\n  left: 5");
  }

  @Test
  void groupsCountAndKeepTheFirstAndLastRelayBlockAndOneExample() {
    List<RunResult.Panic> panics = List.of(
        new RunResult.Panic(1000.0, 20, 3, parentNotIncluded(H1, H2)),
        new RunResult.Panic(2000.0, 21, 4, "Slot must increase"),
        new RunResult.Panic(3000.0, 20, 4, parentNotIncluded(H2, H3)),
        new RunResult.Panic(9000.0, 21, 5, parentNotIncluded(H3, H1)));
    List<RunResult.PanicGroup> groups = PanicGroups.of(panics, new int[] {0, 1, 1, 2});
    assertThat(groups).containsExactly(
        new RunResult.PanicGroup(PanicGroups.shape(parentNotIncluded(H1, H2)), 3, 0, 2, 1000.0,
            9000.0, parentNotIncluded(H1, H2)),
        new RunResult.PanicGroup("Slot must increase", 1, 1, 1, 2000.0, 2000.0,
            "Slot must increase"));
  }

  @Test
  void aPanicBelongsToTheNewestBestChainBlockOfItsTime() {
    long[] times = {6_000_000, 12_000_000, 24_000_000};
    int[] numbers = {1, 2, 3};
    assertThat(MetricsCollector.relayBlocksAt(
        List.of(1L, 6_000_000L, 11_999_999L, 12_000_000L, 30_000_000L), times, numbers))
        .containsExactly(0, 1, 1, 2, 3);
  }
}
