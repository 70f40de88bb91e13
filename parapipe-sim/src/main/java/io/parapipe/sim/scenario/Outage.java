package io.parapipe.sim.scenario;

import java.util.List;

/**
 * A window during which some validators are cut off from the network: nothing they send arrives
 * and nothing sent to them arrives. They keep running and keep their state, as a node behind a
 * failed link does.
 *
 * @param validators the validator indices (authorities) cut off
 * @param fromMicros start of the window
 * @param untilMicros end of the window (exclusive)
 */
public record Outage(List<Integer> validators, long fromMicros, long untilMicros) {
  /** True if the window covers {@code t}. */
  public boolean covers(long t) {
    return t >= fromMicros && t < untilMicros;
  }
}
