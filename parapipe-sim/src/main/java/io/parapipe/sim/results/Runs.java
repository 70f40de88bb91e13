package io.parapipe.sim.results;

import io.parapipe.sim.EventObserver;
import io.parapipe.sim.SimulationSummary;
import io.parapipe.sim.Simulator;
import io.parapipe.sim.scenario.Scenario;
import io.parapipe.sim.trace.TraceWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Runs a scenario and returns its results: the simulator with a {@link MetricsCollector} and,
 * when asked, a {@link TraceWriter}. The one call behind {@code simulate}, {@code compare} and
 * {@code doctor}.
 */
public final class Runs {
  private Runs() {}

  /**
   * Runs {@code scenario} to its duration.
   *
   * @param traceFile where to write the JSON Lines trace, if anywhere; created before the run
   *     starts, so an unwritable path fails at once
   * @param progress receives the virtual time (microseconds) now and then; may be a no-op
   * @return the results
   * @throws RunFileUserError if the trace file cannot be written
   */
  public static RunResult run(Scenario scenario, Optional<Path> traceFile, LongConsumer progress) {
    return run(scenario, traceFile, progress, List.of());
  }

  /**
   * Runs {@code scenario} to its duration, with more observers (progress displays, counters).
   *
   * @param extraObservers see every event after the collector and the trace writer
   */
  public static RunResult run(Scenario scenario, Optional<Path> traceFile, LongConsumer progress,
      List<EventObserver> extraObservers) {
    MetricsCollector collector = new MetricsCollector();
    InvariantMonitor invariants = new InvariantMonitor(scenario.network().integer("validators"),
        scenario.relay().integer("minimum_backing_votes"));
    List<EventObserver> observers = new ArrayList<>();
    observers.add(collector);
    observers.add(invariants);
    TraceWriter trace = traceFile.map(TraceWriter::open).orElse(null);
    SimulationSummary summary;
    try {
      if (trace != null) {
        observers.add(trace);
      }
      observers.addAll(extraObservers);
      summary = Simulator.run(scenario, List.copyOf(observers), progress);
    } catch (RuntimeException e) {
      if (trace != null) {
        try {
          trace.close();
        } catch (RuntimeException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw e;
    }
    if (trace != null) {
      trace.close();
    }
    return collector.result(scenario, summary, invariants.result());
  }
}
