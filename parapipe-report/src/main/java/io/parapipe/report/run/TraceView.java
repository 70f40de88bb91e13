package io.parapipe.report.run;

import java.util.Map;
import java.util.Optional;

/**
 * The details a run's event trace adds to its results: per-candidate backing times and the
 * number of availability bitfields each relay block carried.
 *
 * @param source the trace file name, for messages
 * @param events number of events read
 * @param timings first time each candidate (by hash) was advertised, seconded and attested
 * @param bitfieldsByBlock bitfields carried by each authored relay block, by block hash
 */
public record TraceView(
    String source, long events, Map<String, CandidateTiming> timings,
    Map<String, Integer> bitfieldsByBlock) {

  /** Copies the maps so the view stays immutable. */
  public TraceView {
    timings = Map.copyOf(timings);
    bitfieldsByBlock = Map.copyOf(bitfieldsByBlock);
  }

  /**
   * @param candidateHash a candidate hash
   * @return its timing, if the trace saw it
   */
  public Optional<CandidateTiming> timing(String candidateHash) {
    return Optional.ofNullable(timings.get(candidateHash));
  }

  /**
   * @param blockHash a relay block hash
   * @return the number of bitfields it carried, if the trace saw it authored
   */
  public Optional<Integer> bitfields(String blockHash) {
    return Optional.ofNullable(bitfieldsByBlock.get(blockHash));
  }
}
