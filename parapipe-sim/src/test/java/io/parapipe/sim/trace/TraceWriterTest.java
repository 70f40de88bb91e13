package io.parapipe.sim.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parapipe.protocol.events.BlockFinalized;
import io.parapipe.protocol.events.CandidateIncludedEvent;
import io.parapipe.protocol.events.ParaBlockAuthored;
import io.parapipe.protocol.events.RelayBlockAuthored;
import io.parapipe.protocol.events.RelayBlockImported;
import io.parapipe.protocol.events.RuntimePanicEvent;
import io.parapipe.protocol.events.UpgradeApplied;
import io.parapipe.protocol.host.ProtocolEvent;
import io.parapipe.protocol.para.runtime.ParaBlockHeader;
import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.HeadData;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.sim.results.RunFileUserError;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceWriterTest {
  private static final Hash A = Hash.fromLong(0xabcdef);
  private static final Hash B = Hash.fromLong(0x8000_0000_0000_0001L);
  private static final String HA = "0x0000000000abcdef000000000000000000000000000000000000000000000000";
  private static final String HB = "0x8000000000000001000000000000000000000000000000000000000000000000";

  /** The event lines written for {@code events}, after the header line they must follow. */
  private static String write(List<Object[]> events) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TraceWriter w = new TraceWriter(bytes, "test trace")) {
      for (Object[] e : events) {
        w.onEvent((Long) e[0], (Integer) e[1], (ProtocolEvent) e[2]);
      }
    }
    String text = bytes.toString(StandardCharsets.UTF_8);
    String header = "{\"schema\":\"parapipe.trace/1\"}\n";
    assertThat(text).startsWith(header);
    return text.substring(header.length());
  }

  @Test
  void theFirstLineNamesTheFormatAndVersion() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new TraceWriter(bytes, "empty trace").close();
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .isEqualTo("{\"schema\":\"parapipe.trace/1\"}\n");
  }

  private static Object[] ev(long t, int node, ProtocolEvent e) {
    return new Object[] {t, node, e};
  }

  @Test
  void goldenLines() {
    String out = write(List.of(
        ev(6_000_000, 3, new RelayBlockAuthored(A, 1, 1, B, List.of(A), List.of(), List.of(B, A), 17, 3)),
        ev(6_040_123, 4, new RelayBlockImported(A, 1, true)),
        ev(7_000_000, -1, new CandidateIncludedEvent(A, 2, ParaId.of(2000), B, CoreIndex.of(1), paraHead(9))),
        ev(7_500_000, 21, new ParaBlockAuthored(ParaId.of(2001), 3, A, B, 2, A, B,
            500_000_000_000L, 524_288, 500_000, 150, 1, "lookahead")),
        ev(8_000_000, 21, new RuntimePanicEvent(ParaId.of(2001), 4, "Slot must increase")),
        ev(9_000_000, 0, new BlockFinalized(A, 1)),
        ev(10_000_000, -1, new UpgradeApplied("relay", List.of(2000, 2001), "max_candidate_depth=3"))));
    assertThat(out).isEqualTo(String.join("\n",
        "{\"t_us\":6000000,\"node\":3,\"type\":\"relay_block_authored\",\"hash\":\"" + HA
            + "\",\"number\":1,\"slot\":1,\"parent\":\"" + HB + "\",\"backed\":[\"" + HA
            + "\"],\"included\":[],\"timed_out\":[\"" + HB + "\",\"" + HA + "\"],\"bitfields\":17,\"max_candidate_depth\":3,\"primary\":false}",
        "{\"t_us\":6040123,\"node\":4,\"type\":\"relay_block_imported\",\"hash\":\"" + HA
            + "\",\"number\":1,\"best\":true}",
        "{\"t_us\":7000000,\"node\":-1,\"type\":\"candidate_included\",\"block\":\"" + HA
            + "\",\"number\":2,\"para\":2000,\"candidate\":\"" + HB
            + "\",\"core\":1,\"para_block\":9}",
        "{\"t_us\":7500000,\"node\":21,\"type\":\"para_block_authored\",\"para\":2001,"
            + "\"para_block\":3,\"hash\":\"" + HA + "\",\"parent\":\"" + HB
            + "\",\"relay_parent\":2,\"relay_parent_hash\":\"" + HA + "\",\"candidate\":\"" + HB
            + "\",\"ref_time_ps\":500000000000,\"pov_size\":524288,\"authoring_us\":500000,"
            + "\"slot\":150,\"segment_length\":1,\"collator\":\"lookahead\"}",
        "{\"t_us\":8000000,\"node\":21,\"type\":\"runtime_panic\",\"para\":2001,\"para_block\":4,"
            + "\"message\":\"Slot must increase\"}",
        "{\"t_us\":9000000,\"node\":0,\"type\":\"block_finalized\",\"hash\":\"" + HA
            + "\",\"number\":1}",
        "{\"t_us\":10000000,\"node\":-1,\"type\":\"upgrade_applied\",\"what\":\"relay\","
            + "\"paras\":[2000,2001],\"changes\":\"max_candidate_depth=3\"}",
        ""));
  }

  @Test
  void skipsEventsThatAreNotTraceEvents() {
    ProtocolEvent internal = new ProtocolEvent() {};
    String out = write(List.of(ev(1, 0, internal), ev(2, 0, new BlockFinalized(A, 1))));
    assertThat(out.lines()).hasSize(1);
    assertThat(out).startsWith("{\"t_us\":2,");
  }

  @Test
  void escapesStringsAndWritesUtf8() throws IOException {
    String message = "quote \" backslash \\ tab \t newline \n nul \u0000 é € 😀 lone \ud800!";
    String out = write(List.<Object[]>of(ev(Long.MAX_VALUE, Integer.MIN_VALUE,
        new RuntimePanicEvent(ParaId.of(0), 0, message))));
    assertThat(out).contains("\\\" backslash \\\\ tab \\t newline \\n nul \\u0000 é € 😀 lone \\ud800!");
    JsonNode n = new ObjectMapper().readTree(out);
    assertThat(n.get("t_us").asLong()).isEqualTo(Long.MAX_VALUE);
    assertThat(n.get("node").asInt()).isEqualTo(Integer.MIN_VALUE);
    assertThat(n.get("message").asText()).isEqualTo(message);
  }

  @Property
  void everyLineIsJsonThatRoundTrips(@ForAll String message, @ForAll long t, @ForAll int node,
      @ForAll int paraBlock) throws IOException {
    String out = write(List.<Object[]>of(ev(t, node,
        new RuntimePanicEvent(ParaId.of(7), paraBlock, message))));
    assertThat(out).endsWith("}\n");
    assertThat(out.indexOf('\n')).isEqualTo(out.length() - 1);
    JsonNode n = new ObjectMapper().readTree(out);
    assertThat(n.get("t_us").asLong()).isEqualTo(t);
    assertThat(n.get("node").asInt()).isEqualTo(node);
    assertThat(n.get("para_block").asInt()).isEqualTo(paraBlock);
    // Lone surrogates are written as \\u escapes, so even they come back unchanged.
    assertThat(n.get("message").asText()).isEqualTo(message);
  }

  @Test
  void manyLinesAcrossBufferBoundariesAreDeterministic() {
    List<Object[]> events = new java.util.ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      events.add(ev(i * 1000L, i % 50, new RelayBlockImported(Hash.fromLong(i), i, i % 3 == 0)));
    }
    String first = write(events);
    assertThat(first.lines()).hasSize(20_000);
    assertThat(first.lines().skip(12_345).findFirst().orElseThrow())
        .isEqualTo("{\"t_us\":12345000,\"node\":45,\"type\":\"relay_block_imported\",\"hash\":\""
            + Hash.fromLong(12_345).toHex() + "\",\"number\":12345,\"best\":true}");
    assertThat(write(events)).isEqualTo(first);
  }

  @Test
  void openWritesAFileAndCountsLines(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("t.jsonl");
    try (TraceWriter w = TraceWriter.open(file)) {
      w.onEvent(5, 1, new BlockFinalized(A, 1));
      w.onEvent(6, 1, new BlockFinalized(B, 2));
      assertThat(w.lines()).isEqualTo(2);
    }
    assertThat(Files.readAllLines(file)).hasSize(1 + 2);
  }

  @Test
  void unwritableFileIsAUserError(@TempDir Path dir) {
    Path file = dir.resolve("missing/t.jsonl");
    assertThatThrownBy(() -> TraceWriter.open(file))
        .isInstanceOf(RunFileUserError.class)
        .hasMessage("cannot write trace file " + file + ": no such file or directory");
  }

  @Test
  void writeFailureDuringTheRunIsAUserError() {
    OutputStream full = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("No space left on device");
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        throw new IOException("No space left on device");
      }
    };
    TraceWriter w = new TraceWriter(full, "trace file t.jsonl");
    assertThatThrownBy(() -> {
      for (int i = 0; i < 10_000; i++) {
        w.onEvent(i, 0, new BlockFinalized(A, i));
      }
    }).isInstanceOf(RunFileUserError.class)
        .hasMessage("cannot write trace file t.jsonl: No space left on device");
  }

  /** The head data of a para block numbered {@code number}, as the para runtime encodes it. */
  private static HeadData paraHead(int number) {
    return new ParaBlockHeader(Hash.ZERO, number, Hash.ZERO, Hash.ZERO, List.of()).headData();
  }
}
