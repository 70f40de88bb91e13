package io.parapipe.sim.results;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.sim.Traffic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTableTest {
  private final String text = SummaryTable.render(ResultsJsonTest.goldenRun());

  @Test
  void rendersParaRowsRelayFinalityKernelAndPanics() throws Exception {
    Files.writeString(Path.of("target/summary-table.txt"), text);
    List<String> lines = text.lines().toList();
    assertThat(lines.get(0)).isEqualTo("synthetic: seed 7, 36s of virtual time");
    String groups = lines.get(2);
    String header = lines.get(3);
    String row = lines.get(4);
    assertThat(header).startsWith("para  backing  collator  authored  backed  included");
    assertThat(groups.indexOf("inclusion interval")).isEqualTo(header.indexOf("timed out") + 11);
    assertThat(groups.indexOf("blockspace")).isEqualTo(header.indexOf("authoring") + 11);
    // 550 ms of ref_time over 0.6 min = 916.7 ms/min. Core use: 3 inclusions over the 3 cores
    // they were included on (0, 1, 2) times the best chain's 4 blocks = 25 %, whatever they weigh.
    assertThat(row).matches("2000  async    basic     +5 +4 +3 +1 +6\\.0s +0\\.0s +12\\.0s "
        + "+300ms +0\\.92s/min +25\\.0% +3");
    assertThat(header.indexOf("panics") + "panics".length()).isEqualTo(row.length());
    assertThat(text).contains("relay     4 blocks on the best chain (6 authored, 2 forks, "
        + "1 missed slot), mean block time 8.0s, 3 sessions\n");
    assertThat(text).contains("          validators' traffic, averaged over the run: upload mean "
        + "2.5 Mbit/s (p5 1.0, p95 4.0, max 4.0), download mean 2.0 Mbit/s (max 2.0)\n");
    assertThat(text).contains("finality  finalized #3, lag mean 13.5s, p50 13.0s, p95 19.0s, "
        + "max 19.0s\n          1 block above the finalized block at the end (lag counts "
        + "unfinalized blocks up to the end)\n");
    assertThat(text).contains("kernel    1,000 events in 0.3 s wall (4,000 events/s)\n"
        + "traffic   5,000 transfers (messages to one receiver), 640.0 kB: Vote 100%\n");
    assertThat(text).contains("\nphases: the run from the start and from each upgrade point"
        + " (relay block 3)\n"
        + "                     upgrades[0]  upgrades[1]\n"
        + "para  figure              R1..R2       R3..R4\n"
        + "2000  interval mean            -         6.0s\n");
    assertThat(text).contains("      blockspace       0.00s/min    1.83s/min\n"
        + "      panics                   0            3\n");
    assertThat(text).contains("runtime panics, grouped by message (0x... a hash, ... an asserted"
        + " value)\n"
        + "  para  count  relay blocks  message\n"
        + "  2000      2  R3            Slot must increase\n"
        + "  2000      1  R3            no space left for the block in the unincluded segment\n");
    assertThat(text).endsWith("\nrejected by validators\n"
        + "  2000  1 candidate (2 reports), candidate-validation: CommitmentsHashMismatch\n"
        + "  2000  1 candidate (1 report), collator-protocol: InvalidCoreIndex(1, 0)\n");
  }

  @Test
  void emptyRunPrintsDashes() {
    RunResult empty = new MetricsCollector().result(SyntheticRun.scenario(),
        SyntheticRun.summary());
    String t = SummaryTable.render(empty);
    assertThat(t).contains("finality  no block finalized by a supermajority");
    assertThat(t.lines().toList().get(4)).contains(" -  ");
    assertThat(t).doesNotContain("runtime panics").doesNotContain("rejected");
  }

  @Test
  void trafficNamesTheMessagesCarryingMostTransfersThenTheOthers() {
    RunResult r = ResultsJsonTest.goldenRun();
    RunResult.Kernel k = new RunResult.Kernel(1000, 1000, 2_500_000, List.of(
        new Traffic("A", 50, 100), new Traffic("B", 400, 2_000_000), new Traffic("C", 300, 100),
        new Traffic("D", 100, 100), new Traffic("E", 100, 100), new Traffic("F", 50, 499_600)),
        250, 4000.0);
    String t = SummaryTable.render(new RunResult(r.schema(), r.parapipeVersion(), r.name(),
        r.seed(), r.durationMs(), r.warnings(), r.config(), r.relay(), r.paras(), r.phases(),
        r.invariants(), k));
    // Ties (D and E) in name order; A and F, the smallest, go to the others.
    assertThat(t).contains("traffic   1,000 transfers (messages to one receiver), 2.5 MB: "
        + "B 40%, C 30%, D 10%, E 10%, others 10%\n");
  }

  @Test
  void bytesTakeTheLargestUnitWithADigitBeforeThePoint() {
    assertThat(SummaryTable.bytes(999)).isEqualTo("999 B");
    assertThat(SummaryTable.bytes(1_000)).isEqualTo("1.0 kB");
    assertThat(SummaryTable.bytes(2_500_000)).isEqualTo("2.5 MB");
    assertThat(SummaryTable.bytes(55_068_172_041L)).isEqualTo("55.1 GB");
  }
}
