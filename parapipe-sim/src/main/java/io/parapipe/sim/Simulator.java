package io.parapipe.sim;

import io.parapipe.sim.kernel.Engine;
import io.parapipe.sim.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/** Runs a scenario: builds the network of nodes and drives the kernel for the scenario's duration. */
public final class Simulator {
  private Simulator() {}

  /** Kernel events between progress reports. */
  private static final long PROGRESS_EVERY_EVENTS = 200_000;

  /**
   * Runs {@code scenario} to its duration.
   *
   * @param observers see every emitted event, in processing order
   * @param progress receives the current virtual time (microseconds) now and then; may be a no-op
   * @return the kernel's summary
   */
  public static SimulationSummary run(
      Scenario scenario, List<EventObserver> observers, LongConsumer progress) {
    NetworkAssembly net = NetworkAssembly.build(scenario);
    Engine engine = net.engine();
    for (EventObserver o : observers) {
      engine.addListener(o::onEvent);
    }
    engine.setProgressListener((now, events) -> progress.accept(now), PROGRESS_EVERY_EVENTS);
    long start = System.nanoTime(); // wall clock only for the kept-apart wall_ms figure
    engine.run(scenario.durationMicros());
    long wallMillis = (System.nanoTime() - start) / 1_000_000;
    List<Traffic> traffic = new ArrayList<>();
    engine.transfersByMessage().forEach((k, v) -> traffic.add(new Traffic(k, v[0], v[1])));
    List<Integer> validators = net.validatorNodes();
    long[] sent = new long[validators.size()];
    long[] received = new long[validators.size()];
    for (int i = 0; i < sent.length; i++) {
      sent[i] = engine.bytesSent(validators.get(i));
      received[i] = engine.bytesReceived(validators.get(i));
    }
    return new SimulationSummary(engine.eventsProcessed(), engine.transfers(),
        engine.transferBytes(), traffic, sent, received, wallMillis, scenario.durationMicros(),
        validators, net.collatorNodes());
  }
}
