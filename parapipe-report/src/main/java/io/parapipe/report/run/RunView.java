package io.parapipe.report.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * One run's results, read from a {@code parapipe.run/1} file.
 *
 * @param source where the results came from (a file name or a run label), for messages
 * @param version {@code parapipe_version}, or empty
 * @param name scenario name, or empty
 * @param seed the seed, or -1
 * @param durationMs virtual duration of the run, or -1
 * @param config the effective scenario (same keys as the TOML file); an empty object if absent
 * @param relay the relay chain
 * @param paras the parachains, in the file's order
 */
public record RunView(
    String source,
    String version,
    String name,
    long seed,
    long durationMs,
    JsonNode config,
    RelayView relay,
    List<ParaView> paras) {

  /** The schema identifier this view reads. */
  public static final String SCHEMA = "parapipe.run/1";

  /** Copies the para list so the view stays immutable. */
  public RunView {
    paras = List.copyOf(paras);
  }

  /**
   * @param id a para id
   * @return that para, if the run has it
   */
  public Optional<ParaView> para(int id) {
    return paras.stream().filter(p -> p.id() == id).findFirst();
  }
}
