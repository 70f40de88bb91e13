package io.parapipe.sim.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.para.node.CollatorNode;
import io.parapipe.protocol.relay.node.ValidatorNode;
import io.parapipe.protocol.relay.node.chain.BlockTree;
import io.parapipe.sim.NetworkAssembly;
import io.parapipe.sim.kernel.Engine;
import io.parapipe.sim.scenario.ScenarioLoader;
import io.parapipe.sim.scenario.ScenarioOverrides;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Nodes forget history deep below finality, as Substrate prunes state 256 blocks down, so a run's
 * memory does not grow with its length: from 30 to 40 minutes of async backing (relay and para
 * blocks 300 to 400, relay forks in about a third of the slots) what each node holds stays the
 * same, at least a window of
 * {@value BlockTree#KEPT_BELOW_FINALITY} blocks; {@code network.state_pruning} sets that window.
 */
class HistoryPruningTest {
  private static final long MINUTE = 60_000_000L;
  private static final int KEPT = BlockTree.KEPT_BELOW_FINALITY;

  @Test
  void validatorsAndCollatorsKeepAWindowOfHistory() {
    NetworkAssembly net = network("40m", Map.of());
    Engine engine = net.engine();
    List<Integer> collators = net.collatorNodes().values().iterator().next();
    engine.run(30 * MINUTE);
    int[] at30 = held(engine, net.validatorNodes(), collators);
    engine.run(40 * MINUTE);
    int[] at40 = held(engine, net.validatorNodes(), collators);
    // Without pruning each count grows by the 100 blocks of those ten minutes (and their forks).
    // The forks inside the window come and go: the relay counts fall by 25 from 30 to 40 minutes
    // and a collator's para blocks by 30 or 31 (438 to 408 before sibling blocks shared their
    // approval checks, 423 to 392 since), so a fall is bounded by the window, a rise by 30.
    for (int i = 0; i < at40.length; i++) {
      assertThat(at40[i]).as("blocks held, count %d", i).isBetween(KEPT, at30[i] + 30);
    }
  }

  @Test
  void aSmallerStatePruningKeepsFewerBlocks() {
    int kept = 64;
    NetworkAssembly net = network("20m", Map.of("state_pruning", kept));
    Engine engine = net.engine();
    List<Integer> collators = net.collatorNodes().values().iterator().next();
    // From 15 minutes on (about 150 relay blocks) each node holds a window of 64 heights: with
    // this scenario's forks about 1.6 blocks a height (some 100 blocks, against some 400 with the
    // default 256), and the few above finality.
    for (long t = 15 * MINUTE; t <= 20 * MINUTE; t += MINUTE) {
      engine.run(t);
      int[] held = held(engine, net.validatorNodes(), collators);
      for (int i = 0; i < held.length; i++) {
        assertThat(held[i]).as("blocks held at %d min, count %d", t / MINUTE, i)
            .isBetween(kept, 2 * kept);
      }
    }
  }

  /**
   * The shipped {@code async.toml} with five validators, one para and relay forks in about a third
   * of the slots, for {@code duration}; {@code networkKeys} are more {@code network.*} settings.
   */
  private static NetworkAssembly network(String duration, Map<String, Integer> networkKeys) {
    Map<String, JsonNode> changes = new LinkedHashMap<>();
    changes.put("duration", ScenarioOverrides.value("\"" + duration + "\""));
    changes.put("network.validators", ScenarioOverrides.value("5"));
    changes.put("network.paras", ScenarioOverrides.value("1"));
    changes.put("relay.num_cores", ScenarioOverrides.value("1"));
    changes.put("relay.fork_probability", ScenarioOverrides.value("0.3"));
    networkKeys.forEach((k, v) -> changes.put("network." + k, ScenarioOverrides.value("" + v)));
    JsonNode root = ScenarioLoader.readTree(Path.of("..", "scenarios", "async.toml"));
    return NetworkAssembly.build(ScenarioLoader.parse(
        ScenarioOverrides.apply(root, changes, "test"), "async.toml, scaled down"));
  }

  /** Relay blocks each validator holds, then relay and para blocks each collator holds. */
  private static int[] held(Engine engine, List<Integer> validators, List<Integer> collators) {
    int[] out = new int[validators.size() + 2 * collators.size()];
    int i = 0;
    for (int v : validators) {
      out[i++] = ((ValidatorNode) engine.node(v)).blockTreeSize();
    }
    for (int c : collators) {
      out[i++] = ((CollatorNode) engine.node(c)).relayBlockCount();
      out[i++] = ((CollatorNode) engine.node(c)).paraBlockCount();
    }
    return out;
  }
}
