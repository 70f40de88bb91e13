package io.parapipe.sim.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parapipe.protocol.events.ApprovalSent;
import io.parapipe.protocol.events.BackingGroupsConnection;
import io.parapipe.protocol.events.BitfieldSigned;
import io.parapipe.protocol.events.BlockFinalized;
import io.parapipe.protocol.events.CandidateAttested;
import io.parapipe.protocol.events.CandidateBackedEvent;
import io.parapipe.protocol.events.CandidateIncludedEvent;
import io.parapipe.protocol.events.CandidateRejected;
import io.parapipe.protocol.events.CandidateSeconded;
import io.parapipe.protocol.events.CandidateTimedOutEvent;
import io.parapipe.protocol.events.CandidateValid;
import io.parapipe.protocol.events.ChunkStored;
import io.parapipe.protocol.events.CollationAdvertised;
import io.parapipe.protocol.events.ParaBlockAnnounced;
import io.parapipe.protocol.events.CollationFetched;
import io.parapipe.protocol.events.ParaBlockAuthored;
import io.parapipe.protocol.events.RelayBlockAuthored;
import io.parapipe.protocol.events.RelayBlockImported;
import io.parapipe.protocol.events.RuntimePanicEvent;
import io.parapipe.protocol.events.TraceEvent;
import io.parapipe.protocol.events.UpgradeApplied;
import io.parapipe.protocol.para.runtime.ParaBlockHeader;
import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.HeadData;
import io.parapipe.protocol.primitives.ParaId;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every trace line has exactly the fields docs/trace.md lists for its type, in that order. */
class TraceDocTest {
  private static final Hash H = Hash.fromLong(1);
  private static final ParaId P = ParaId.of(2000);
  private static final CoreIndex C = CoreIndex.of(0);

  static List<TraceEvent> oneOfEach() {
    return List.of(
        new RelayBlockAuthored(H, 1, 1, H, List.of(H), List.of(), List.of(), 3, 0),
        new RelayBlockImported(H, 1, true),
        new ParaBlockAuthored(P, 1, H, H, 1, H, H, 1, 1, 1, 1, 1, "lookahead"),
        new ParaBlockAnnounced(P, H, H),
        new CollationAdvertised(P, H, H, 4),
        new BackingGroupsConnection(P, true, 6),
        new BackingGroupsConnection(P, false, 0),
        new CollationFetched(P, H, 9),
        new CandidateRejected(P, H, H, CandidateRejected.CANDIDATE_VALIDATION, "CommitmentsHashMismatch"),
        new CandidateSeconded(P, H, H),
        new CandidateValid(P, H),
        new CandidateAttested(P, H),
        new CandidateBackedEvent(H, 1, P, H, C, 1),
        new ChunkStored(H),
        new BitfieldSigned(H, 2),
        new CandidateIncludedEvent(H, 1, P, H, C, paraHead(1)),
        new CandidateTimedOutEvent(H, 1, P, H, C),
        new ApprovalSent(H, List.of(H)),
        new BlockFinalized(H, 1),
        new RuntimePanicEvent(P, 1, "m"),
        new UpgradeApplied("relay", List.of(2000), "x"));
  }

  @Test
  void fieldsMatchTheDocumentedTable() throws Exception {
    Map<String, List<String>> documented = new LinkedHashMap<>();
    Pattern row = Pattern.compile("^\\| `([a-z_]+)` \\| (.*) \\|$");
    Pattern name = Pattern.compile("`([a-z_]+)`(?![^(]*\\))");
    for (String line : Files.readAllLines(Path.of("../docs/trace.md"))) {
      Matcher m = row.matcher(line);
      if (m.matches()) {
        List<String> fields = new ArrayList<>(List.of("t_us", "node", "type"));
        Matcher f = name.matcher(m.group(2));
        while (f.find()) {
          fields.add(f.group(1));
        }
        documented.put(m.group(1), fields);
      }
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TraceWriter w = new TraceWriter(bytes, "t")) {
      for (TraceEvent e : oneOfEach()) {
        w.onEvent(1, 0, e);
      }
    }
    Map<String, List<String>> written = new LinkedHashMap<>();
    ObjectMapper mapper = new ObjectMapper();
    String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
    assertThat(lines[0]).isEqualTo(TraceWriter.HEADER_LINE);
    for (String line : java.util.Arrays.copyOfRange(lines, 1, lines.length)) {
      JsonNode n = mapper.readTree(line);
      List<String> fields = new ArrayList<>();
      for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
        fields.add(it.next());
      }
      written.put(n.get("type").asText(), fields);
    }
    assertThat(written).isEqualTo(documented);
  }

  /** The head data of a para block numbered {@code number}, as the para runtime encodes it. */
  private static HeadData paraHead(int number) {
    return new ParaBlockHeader(Hash.ZERO, number, Hash.ZERO, Hash.ZERO, List.of()).headData();
  }
}
