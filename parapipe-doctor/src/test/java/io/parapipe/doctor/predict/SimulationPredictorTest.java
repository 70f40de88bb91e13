package io.parapipe.doctor.predict;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.sim.results.RunResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulationPredictorTest {
  private static RunResult.Panic panic(int block, String message) {
    return new RunResult.Panic(block * 6000.0, 20, block, message);
  }

  @Test
  void panicsAreGroupedByMessageWithoutTheHashesOfOneOccurrence() {
    String left = "assertion `left == right` failed: expected parent to be included\n  left:\n      0x81c5\n right:\n      0xc242";
    String other = "assertion `left == right` failed: expected parent to be included\n  left:\n      0xc242\n right:\n      0xf223";
    List<Prediction.Panic> grouped = SimulationPredictor.group(List.of(panic(3, left), panic(5, "Slot must increase"), panic(5, other)));
    assertThat(grouped).containsExactly(
        new Prediction.Panic("assertion `left == right` failed: expected parent to be included", 2),
        new Prediction.Panic("Slot must increase", 1));
  }

  @Test
  void hashesInsideTheFirstLineAreFolded() {
    assertThat(SimulationPredictor.key("unknown parent 0xdeadbeef for block 0x01")).isEqualTo("unknown parent 0x… for block 0x…");
  }

  private static ScenarioSpec slotBased(int velocity, boolean selectCoreSignal) {
    return new ScenarioSpec("s", "fixed-velocity", 3L * velocity, velocity, 6000, 6000, true, 0, "monotonically-increases",
        2_000_000_000_000L, "slot-based", 2_000_000, velocity, selectCoreSignal, List.of(), List.of());
  }

  @Test
  void aSlotBasedChainIsSimulatedOnAsManyCoresAsItsVelocity() {
    Prediction one = new SimulationPredictor().predict(ScenarioToml.render(slotBased(1, true)));
    Prediction three = new SimulationPredictor().predict(ScenarioToml.render(slotBased(3, true)));
    assertThat(one.panics()).isEmpty();
    assertThat(three.panics()).isEmpty();
    // Above 6 s by a few percent: a BABE fork now and then orphans the relay parent of a block.
    assertThat(one.inclusionIntervalMs()).isBetween(5_900.0, 6_400.0);
    // Three cores, but Polkadot's max_candidate_depth 3 keeps at most 4 candidates in the fragment
    // chain, pending availability included: about two blocks per relay block, not three.
    assertThat(three.inclusionIntervalMs()).isBetween(2_400.0, 3_500.0);
  }
}
