package io.parapipe.sim.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.sim.results.RunResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * When a relay block is sealed: the proposer waits for the provisioner, which answers for a
 * parent only 2 s after the parent became an active leaf ({@code PRE_PROPOSE_TIMEOUT}), then
 * executes the block.
 */
class RelayBlockProposalTest {
  @Test
  void aParentThatArrivedLateDelaysItsChildUntilTheProvisionerIsReady() {
    // 4.5 s one-way: another author's block arrives 4.5 s into its slot, so the provisioner is
    // ready 0.5 s into the next slot; an author that built the parent itself has it at once.
    RunResult r = Networks.run(Networks.toml("""
        duration = "3m"
        [network]
        latency = "4500ms"
        jitter = "0ms"
        """));
    Map<Integer, RunResult.ChainBlock> byNumber = new HashMap<>();
    for (RunResult.ChainBlock b : r.relay().chain()) {
      byNumber.put(b.number(), b);
    }
    List<Double> waited = new ArrayList<>();
    List<Double> afterOwn = new ArrayList<>();
    for (RunResult.ChainBlock b : r.relay().chain()) {
      RunResult.ChainBlock parent = byNumber.get(b.number() - 1);
      if (parent == null || b.authoredAtMs() - parent.authoredAtMs() > 6_000.0 + 1_000.0) {
        continue;
      }
      double intoSlot = b.authoredAtMs() % 6_000.0;
      double parentIntoSlot = parent.authoredAtMs() % 6_000.0;
      if (parent.author() == b.author()) {
        afterOwn.add(intoSlot);
      } else {
        // The parent arrives 4.5 s after its seal and is imported: the provisioner is ready
        // 2 s later, past the next slot's start, so the child is sealed about 0.5 s after its
        // parent's moment in the slot (plus both blocks' execution): lateness compounds.
        waited.add(intoSlot - parentIntoSlot);
      }
    }
    assertThat(waited).hasSizeGreaterThan(10);
    assertThat(waited).allSatisfy(ms -> assertThat(ms).isBetween(500.0, 540.0));
    // An author building on its own block activated it when sealing it: no wait.
    assertThat(afterOwn).allSatisfy(ms -> assertThat(ms).isLessThan(100.0));
  }
}
