package io.parapipe.sim;

import io.parapipe.sim.scenario.Scenario;
import java.util.List;
import java.util.function.LongConsumer;

/** Runs a scenario: builds the network of nodes and drives the kernel for the scenario's duration. */
public final class Simulator {
  private Simulator() {}

  /**
   * Runs {@code scenario} to its duration.
   *
   * @param observers see every emitted event, in processing order
   * @param progress receives the current virtual time (microseconds) now and then; may be a no-op
   * @return the kernel's summary
   */
  public static SimulationSummary run(
      Scenario scenario, List<EventObserver> observers, LongConsumer progress) {
    // Wired to the node hosts during integration.
    throw new UnsupportedOperationException("the simulator is not wired yet");
  }
}
