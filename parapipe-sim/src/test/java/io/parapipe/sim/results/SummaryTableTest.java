package io.parapipe.sim.results;

import static org.assertj.core.api.Assertions.assertThat;

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
    assertThat(text).contains("finality  finalized #3, lag mean 13.5s, p50 13.0s, p95 19.0s, "
        + "max 19.0s\n          1 block above the finalized block at the end (lag counts "
        + "unfinalized blocks up to the end)\n");
    assertThat(text).contains("kernel    1,000 events in 0.3 s wall (4,000 events/s)\n");
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
}
