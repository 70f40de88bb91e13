package io.parapipe.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.parapipe.doctor.predict.Prediction;
import io.parapipe.doctor.predict.Predictor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in for the simulator in tests: a few lines of arithmetic on the scenario's keys, so the
 * doctor's plumbing (scenario in, figures and panics out, failures reported) can be checked
 * without the simulator. Its figures are not predictions of anything.
 */
final class ArithmeticFakePredictor implements Predictor {
  private static final TomlMapper TOML = new TomlMapper();
  final List<String> received = new ArrayList<>();

  @Override
  public Prediction predict(String scenarioToml) {
    received.add(scenarioToml);
    JsonNode t;
    try {
      t = TOML.readTree(scenarioToml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    JsonNode para = t.path("para");
    JsonNode collator = t.path("collator");
    String kind = collator.path("kind").asText();
    long capacity = para.path("unincluded_segment_capacity").asLong();
    long velocity = para.path("block_processing_velocity").asLong();
    boolean async = capacity >= 2 && !kind.equals("basic");
    double interval = async ? 6000.0 / Math.max(1, velocity) : 12000.0;
    List<Prediction.Panic> panics = new ArrayList<>();
    if (async && para.path("relay_number_policy").asText().equals("strictly-increases")) {
      panics.add(new Prediction.Panic("Relay chain block number needs to strictly increase between Parachain blocks!", 24));
    }
    if (async && !para.path("allow_multiple_blocks_per_slot").asBoolean()) {
      panics.add(new Prediction.Panic("Slot must increase", 12));
    }
    if (kind.equals("basic") && capacity <= 1) {
      // the basic collator's attempt on an occupied core, every other relay block of a 5-minute run
      panics.add(new Prediction.Panic("assertion `left == right` failed: expected parent to be included", 25));
    }
    return new Prediction(interval, millis(collator.path("authoring_duration").asText()), panics);
  }

  private static double millis(String duration) {
    if (duration.endsWith("ms")) {
      return Double.parseDouble(duration.substring(0, duration.length() - 2));
    }
    if (duration.endsWith("us")) {
      return Double.parseDouble(duration.substring(0, duration.length() - 2)) / 1000;
    }
    return Double.parseDouble(duration.substring(0, duration.length() - 1)) * 1000;
  }
}
