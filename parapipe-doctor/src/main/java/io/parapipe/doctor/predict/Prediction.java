package io.parapipe.doctor.predict;

import java.util.List;

/**
 * What the simulator says a configuration does.
 *
 * @param inclusionIntervalMs mean time between two inclusions of the para's candidates, in ms
 * @param authoringMs mean time a collator spends authoring a block, in ms
 * @param panics the runtime panics the para's collators hit while building blocks (such a block
 *     is not produced), grouped by message with how often each occurred; empty when none
 */
public record Prediction(double inclusionIntervalMs, double authoringMs, List<Panic> panics) {
  /**
   * A runtime panic message (the exact upstream text, hashes and numbers of one occurrence left
   * out) and how many build attempts ended in it.
   *
   * @param message the message's first line, e.g. {@code assertion `left == right` failed:
   *     expected parent to be included}
   * @param count how many times
   * @param note what the panic means for this configuration, when the doctor knows, else null
   */
  public record Panic(String message, int count, String note) {
    /** A panic without a note. */
    public Panic(String message, int count) {
      this(message, count, null);
    }
  }

  /** Copies the panic list. */
  public Prediction {
    panics = List.copyOf(panics);
  }
}
