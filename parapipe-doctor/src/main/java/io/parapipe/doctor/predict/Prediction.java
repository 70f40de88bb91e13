package io.parapipe.doctor.predict;

import java.util.List;

/**
 * What the simulator says a configuration does.
 *
 * @param inclusionIntervalMs mean time between two inclusions of the para's candidates, in ms
 * @param authoringMs mean time a collator spends authoring a block, in ms
 * @param panics the distinct runtime panic messages the para hit (exact upstream texts), empty
 *     when none
 */
public record Prediction(double inclusionIntervalMs, double authoringMs, List<String> panics) {
  /** Copies the panic list. */
  public Prediction {
    panics = List.copyOf(panics);
  }
}
