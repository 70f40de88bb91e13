package io.parapipe.report.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parapipe.report.ReportUserError;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads an event trace (JSON Lines, {@code docs/trace.md}) into a {@link TraceView}. Unknown event
 * types are skipped; a line that is not a JSON object with {@code t_us} and {@code type} is a
 * {@link ReportUserError} naming the file and line.
 */
public final class TraceReader {
  /** The trace format this reader reads (the header line\'s {@code schema}). */
  public static final String TRACE_SCHEMA = "parapipe.trace/1";

  private static final ObjectMapper JSON = new ObjectMapper();

  private TraceReader() {}

  /**
   * @param file a trace file
   * @return what it adds to the results
   * @throws ReportUserError if it cannot be read or a line is malformed
   */
  public static TraceView read(Path file) {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(r, file.toString());
    } catch (NoSuchFileException e) {
      throw new ReportUserError(file + ": no such file");
    } catch (IOException e) {
      throw new ReportUserError(file + ": cannot read: " + e.getMessage());
    }
  }

  /**
   * @param text trace text
   * @param source name for messages
   * @return what it adds to the results
   */
  public static TraceView parse(String text, String source) {
    try {
      return parse(new StringReader(text), source);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static TraceView parse(Reader reader, String source) throws IOException {
    Map<String, CandidateTiming> timings = new LinkedHashMap<>();
    Map<String, Integer> bitfields = new LinkedHashMap<>();
    BufferedReader in = new BufferedReader(reader);
    long events = 0;
    int lineNo = 0;
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      JsonNode e;
      try {
        e = JSON.readTree(line);
      } catch (JsonProcessingException ex) {
        throw new ReportUserError(
            source + ": line " + lineNo + ": not JSON: " + RunReader.brief(ex.getOriginalMessage()));
      }
      if (lineNo == 1 && e != null && e.has("schema")) {
        // The header line (docs/trace.md); traces written before it existed have none.
        if (!e.path("schema").asText().equals(TRACE_SCHEMA)) {
          throw new ReportUserError(source + ": line 1: trace schema " + e.get("schema")
              + " is not one this version reads (\"" + TRACE_SCHEMA + "\")");
        }
        continue;
      }
      if (e == null || !e.isObject() || !e.path("t_us").isIntegralNumber()
          || !e.path("type").isTextual()) {
        throw new ReportUserError(
            source + ": line " + lineNo
                + ": not a parapipe trace event (needs integer \"t_us\" and string \"type\")");
      }
      events++;
      long t = e.get("t_us").longValue();
      String candidate = e.path("candidate").asText("");
      switch (e.get("type").textValue()) {
        case "collation_advertised" ->
            timings.merge(candidate, CandidateTiming.NONE.withAdvertised(t),
                (old, n) -> old.withAdvertised(t));
        case "candidate_seconded" ->
            timings.merge(candidate, CandidateTiming.NONE.withSeconded(t),
                (old, n) -> old.withSeconded(t));
        case "candidate_attested" ->
            timings.merge(candidate, CandidateTiming.NONE.withAttested(t),
                (old, n) -> old.withAttested(t));
        case "relay_block_authored" -> {
          JsonNode b = e.path("bitfields");
          int count = b.isArray() ? b.size() : b.isIntegralNumber() ? b.intValue() : -1;
          if (count >= 0 && e.path("hash").isTextual()) {
            bitfields.put(e.get("hash").textValue(), count);
          }
        }
        default -> {
          // Other events add nothing the results file lacks.
        }
      }
    }
    timings.remove("");
    return new TraceView(source, events, timings, bitfields);
  }
}
