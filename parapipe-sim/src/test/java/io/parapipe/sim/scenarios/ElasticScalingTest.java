package io.parapipe.sim.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parapipe.sim.results.RunResult;
import io.parapipe.sim.results.Runs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Elastic scaling on whole simulated networks, against upstream's zombienet expectations
 * ({@code polkadot/zombienet-sdk-tests/tests/elastic_scaling/}): 3 cores give close to 3 blocks
 * per relay block, 12 cores close to 12 (at least 9.6 per relay block, the lower bound of
 * {@code slot_based_12cores.rs}), finality keeps up, and what the relay chain must refuse is
 * refused with upstream's reasons.
 */
class ElasticScalingTest {
  /** Candidates of the para included in relay blocks {@code from..to}, per relay block. */
  static double includedPerRelayBlock(RunResult r, int para, int from, int to) {
    long n = r.para(para).candidates().stream()
        .filter(c -> c.includedIn() != null && c.includedIn() >= from && c.includedIn() <= to).count();
    return (double) n / (to - from + 1);
  }

  @Test
  void threeCoresIncludeThreeBlocksPerRelayBlockWithAndWithoutTheSignal() {
    RunResult r = Networks.run(Networks.shipped("elastic-3-cores.toml", "2m"));
    for (RunResult.Para p : r.paras()) {
      assertThat(p.collator()).isEqualTo("slot-based");
      assertThat(includedPerRelayBlock(r, p.id(), 5, 18)).as("para %d", p.id()).isBetween(2.6, 3.0);
      assertThat(p.inclusionIntervalMs().mean()).isBetween(1_900.0, 2_300.0);
      assertThat(p.authoringBudgetMs()).isEqualTo(2_000.0);
      assertThat(p.panics()).isEmpty();
      assertThat(p.rejections()).isEmpty();
      // Each relay block includes the para's blocks on all three of its cores.
      assertThat(p.candidates().stream().map(RunResult.Candidate::core).distinct().count()).isEqualTo(3);
    }
    assertThat(r.relay().finalityLagMs().mean()).isLessThan(6_000.0);
  }

  @Test
  void twelveCoresMakeFiveHundredMillisecondBlocks(@TempDir Path dir) throws Exception {
    Path trace = dir.resolve("t.jsonl");
    RunResult r = Runs.run(Networks.shipped("elastic-12-cores.toml", "3m"), Optional.of(trace), t -> { });
    // slot_based_12cores.rs: the last collator pre-connects to the backing groups ahead of its slot
    // at least 3 times, and disconnects after it at least 3 times.
    int last = 12 + 5;
    assertThat(count(trace, last, "backing_groups_connect")).isGreaterThanOrEqualTo(3);
    assertThat(count(trace, last, "backing_groups_disconnect")).isGreaterThanOrEqualTo(3);
    RunResult.Para p = r.para(2000);
    // Below 12: BABE forks now and then orphan the relay parent of some of the 12 blocks.
    assertThat(includedPerRelayBlock(r, 2000, 5, 28)).isBetween(9.0, 12.0);
    assertThat(p.authoringBudgetMs()).isEqualTo(500.0);
    assertThat(p.panics()).isEmpty();
    assertThat(p.rejections()).isEmpty();
    assertThat(r.relay().finalityLagMs().mean()).isLessThan(6_000.0);
    assertThat(r.relay().finalized()).isGreaterThanOrEqualTo(r.relay().blocks() - 2);
  }

  @Test
  void misbehavingCollatorsAreRefusedWithUpstreamsReasons() {
    RunResult r = Networks.run(Networks.shipped("elastic-rejections.toml", "1m"));
    assertThat(includedPerRelayBlock(r, 2000, 4, 9)).isBetween(2.6, 3.0);
    assertThat(r.para(2000).rejections()).isEmpty();
    assertThat(reasons(r, 2001)).containsExactly("candidate-validation: InvalidUMPSignals(UMPSignalWithV1Decriptor)");
    assertThat(reasons(r, 2002)).containsExactly("candidate-validation: InvalidUMPSignals(CoreIndexMismatch)");
    assertThat(reasons(r, 2003)).containsExactly("candidate-validation: CommitmentsHashMismatch");
    for (int para = 2001; para <= 2003; para++) {
      assertThat(r.para(para).backed()).isZero();
      assertThat(r.para(para).authored()).isGreaterThan(10);
    }
  }

  private static long count(Path trace, int node, String type) throws Exception {
    ObjectMapper m = new ObjectMapper();
    long n = 0;
    for (String l : Files.readAllLines(trace)) {
      JsonNode e = m.readTree(l);
      if (e.path("node").asInt(-2) == node && e.path("type").asText().equals(type)) {
        n++;
      }
    }
    return n;
  }

  private static List<String> reasons(RunResult r, int para) {
    return r.para(para).rejections().stream().map(x -> x.subsystem() + ": " + x.reason()).toList();
  }
}
