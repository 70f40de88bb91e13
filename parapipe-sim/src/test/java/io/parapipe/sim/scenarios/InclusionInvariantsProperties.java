package io.parapipe.sim.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.sim.results.RunResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Whole-network invariants under random seeds, relay forks and message loss: no candidate is
 * included twice, and the included para blocks of each para follow each other one by one (an
 * included chain links head to head).
 */
class InclusionInvariantsProperties {
  @Property(tries = 4)
  void noCandidateIsIncludedTwiceAndIncludedBlocksLinkUp(
      @ForAll @IntRange(min = 1, max = 1_000_000) int seed) throws Exception {
    RunResult r = Networks.run(Networks.shippedPlus("async.toml", """
        [network]
        message_loss = 0.01
        """).withSeed(seed).withDuration(150_000_000L));
    for (RunResult.Para p : r.paras()) {
      Set<Object> included = new HashSet<>();
      List<RunResult.Candidate> inOrder = new ArrayList<>();
      for (RunResult.Candidate c : p.candidates()) {
        if (c.includedIn() != null) {
          assertThat(included.add(c.hash())).as("candidate %s included once", c.hash()).isTrue();
          inOrder.add(c);
        }
      }
      inOrder.sort((a, b) -> Integer.compare(a.includedIn(), b.includedIn()) != 0
          ? Integer.compare(a.includedIn(), b.includedIn())
          : Integer.compare(a.paraBlock(), b.paraBlock()));
      for (int i = 1; i < inOrder.size(); i++) {
        assertThat(inOrder.get(i).paraBlock()).isEqualTo(inOrder.get(i - 1).paraBlock() + 1);
      }
      assertThat(inOrder).isNotEmpty();
    }
  }

  @Property(tries = 3)
  void relayForksNeverIncludeACandidateTwiceOnTheBestChain(
      @ForAll @IntRange(min = 1, max = 1_000_000) int seed) throws Exception {
    String text = java.nio.file.Files.readString(Networks.SCENARIOS.resolve("async.toml"))
        .replace("[relay]\n", "[relay]\nfork_probability = 0.3\n");
    RunResult r = Networks.run(Networks.toml(text).withSeed(seed).withDuration(150_000_000L));
    assertThat(r.relay().forks()).isGreaterThan(0);
    for (RunResult.Para p : r.paras()) {
      Set<Integer> includedBlocks = new HashSet<>();
      for (RunResult.Candidate c : p.candidates()) {
        if (c.includedIn() != null) {
          assertThat(includedBlocks.add(c.paraBlock())).as("para block %d included once", c.paraBlock()).isTrue();
        }
      }
    }
  }
}
