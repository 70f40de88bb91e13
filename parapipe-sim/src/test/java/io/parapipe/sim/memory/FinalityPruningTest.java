package io.parapipe.sim.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.relay.node.ValidatorNode;
import io.parapipe.sim.NetworkAssembly;
import io.parapipe.sim.kernel.Engine;
import io.parapipe.sim.scenario.ScenarioLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * State that follows the active leaves stays bounded while the chain grows: finality deactivates
 * leaves at or below the finalized block, as polkadot-sdk's overseer does, so a leaf of an
 * abandoned fork does not pin the validator's implicit view (and with it backing, statement
 * distribution and the collator protocol) to the block it was built on.
 */
class FinalityPruningTest {
  private static final long MINUTE = 60_000_000L;

  @Test
  void forkLeavesBelowFinalityAreDeactivatedAndTheViewStaysBounded() {
    // Out-of-turn authors make a fork in about a third of the slots.
    NetworkAssembly net = NetworkAssembly.build(ScenarioLoader.parse("""
        duration = "12m"
        [network]
        validators = 10
        paras = 2
        [relay]
        num_cores = 2
        fork_probability = 0.3
        """, "test scenario"));
    Engine engine = net.engine();
    List<Integer> viewAt4 = new ArrayList<>();
    engine.run(4 * MINUTE);
    for (int v : net.validatorNodes()) {
      viewAt4.add(((ValidatorNode) engine.node(v)).viewBlockCount());
    }
    engine.run(12 * MINUTE);
    // 12 minutes are about 120 relay blocks. The view holds a leaf's ancestry down to its
    // allowed relay parents (allowed_ancestry_len) plus the retained minimum, for the few leaves
    // above finality.
    for (int v : net.validatorNodes()) {
      ValidatorNode node = (ValidatorNode) engine.node(v);
      assertThat(node.activeLeafCount()).as("active leaves of validator %d", v).isBetween(1, 4);
      assertThat(node.viewBlockCount()).as("view of validator %d", v).isBetween(1, 16)
          .isLessThanOrEqualTo(viewAt4.get(v) + 8);
    }
  }
}
