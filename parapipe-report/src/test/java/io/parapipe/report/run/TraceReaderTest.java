package io.parapipe.report.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parapipe.report.Fixtures;
import io.parapipe.report.ReportUserError;
import org.junit.jupiter.api.Test;

class TraceReaderTest {
  @Test
  void collectsFirstBackingStepTimesAndBitfields() {
    TraceView trace = Fixtures.asyncTrace();
    RunView run = Fixtures.run("async");
    CandidateView p1 = run.paras().get(0).candidates().get(0);
    // Authoring of P1 starts at 6.12 s and takes 1.99 s; the fixture seconds it 1.433 s after.
    CandidateTiming t = trace.timing(p1.hash()).orElseThrow();
    assertThat(t.advertisedUs()).isEqualTo(8_171_000);
    assertThat(t.secondedUs()).isEqualTo(9_543_000);
    assertThat(t.attestedUs()).isEqualTo(9_612_000);
    assertThat(trace.bitfields(run.relay().block(5).orElseThrow().hash())).contains(20);
    assertThat(trace.bitfields(run.relay().block(1).orElseThrow().hash())).contains(0);
    assertThat(trace.events()).isEqualTo(77);
  }

  @Test
  void keepsTheEarliestTimeOfEachStep() {
    TraceView trace = TraceReader.parse("""
        {"t_us": 5, "node": 1, "type": "candidate_seconded", "candidate": "0xaa"}
        {"t_us": 9, "node": 2, "type": "candidate_seconded", "candidate": "0xaa"}

        {"t_us": 11, "node": 2, "type": "candidate_attested", "candidate": "0xaa"}
        {"t_us": 12, "node": 3, "type": "some_future_event"}
        """, "t.jsonl");
    assertThat(trace.timing("0xaa")).contains(new CandidateTiming(-1, 5, 11));
    assertThat(trace.events()).isEqualTo(4);
  }

  @Test
  void theHeaderLineIsSkippedAndAnotherVersionRefused() {
    TraceView trace = TraceReader.parse("""
        {"schema":"parapipe.trace/1"}
        {"t_us": 5, "node": 1, "type": "candidate_seconded", "candidate": "0xaa"}
        """, "t.jsonl");
    assertThat(trace.timing("0xaa")).isPresent();
    assertThatThrownBy(() -> TraceReader.parse("{\"schema\":\"parapipe.trace/9\"}\n", "v.jsonl"))
        .isInstanceOf(ReportUserError.class)
        .hasMessageStartingWith("v.jsonl: line 1: trace schema \"parapipe.trace/9\" is not one");
  }

  @Test
  void aBadLineIsNamed() {
    assertThatThrownBy(() -> TraceReader.parse("{\"t_us\": 1, \"type\": \"x\"}\nnot json\n", "t.jsonl"))
        .isInstanceOf(ReportUserError.class)
        .hasMessageStartingWith("t.jsonl: line 2: not JSON: ");
    assertThatThrownBy(() -> TraceReader.parse("{\"type\": \"x\"}\n", "u.jsonl"))
        .hasMessage("u.jsonl: line 1: not a parapipe trace event (needs integer \"t_us\" and"
            + " string \"type\")");
  }
}
