package io.parapipe.report.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parapipe.report.Fixtures;
import io.parapipe.report.ReportUserError;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReaderTest {
  @Test
  void readsEveryFieldOfTheSyncFixture() {
    RunView run = Fixtures.run("sync");
    assertThat(run.name()).isEqualTo("sync");
    assertThat(run.version()).isEqualTo("0.1.0");
    assertThat(run.seed()).isEqualTo(1);
    assertThat(run.durationMs()).isEqualTo(120_000);
    assertThat(run.config().path("relay").path("max_candidate_depth").asInt()).isZero();

    RelayView relay = run.relay();
    assertThat(relay.blocks()).isEqualTo(20);
    assertThat(relay.finalized()).isEqualTo(18);
    assertThat(relay.meanBlockTimeMs()).isEqualTo(6000.0);
    assertThat(relay.finalityLagMs().mean()).isEqualTo(7420.0);
    assertThat(relay.finalityLagMs().max()).isNaN();
    assertThat(relay.chain()).hasSize(20);
    assertThat(relay.block(3)).get().extracting(RelayBlockView::authoredAtMs).isEqualTo(18_000L);
    assertThat(relay.lastBlockNumber()).isEqualTo(20);

    ParaView para = run.paras().get(0);
    assertThat(para.id()).isEqualTo(2000);
    assertThat(para.backing()).isEqualTo("sync");
    assertThat(para.collator()).isEqualTo("basic");
    assertThat(para.included()).isEqualTo(9);
    assertThat(para.inclusionIntervalMs()).isEqualTo(new Stat(12000, 12000, 12000, 12000));
    assertThat(para.authoringBudgetMs()).isEqualTo(500.0);
    assertThat(para.segmentSeries()).startsWith(new SegmentPoint(1, 1), new SegmentPoint(3, 1));
    assertThat(para.panics()).isEmpty();

    CandidateView first = para.candidates().get(0);
    assertThat(first.paraBlock()).isEqualTo(1);
    assertThat(first.parentParaBlock()).isZero();
    assertThat(first.relayParent()).isEqualTo(1);
    assertThat(first.backedIn()).isEqualTo(2);
    assertThat(first.includedIn()).isEqualTo(3);
    assertThat(first.timedOutIn()).isNull();
    assertThat(first.refTimePs()).isEqualTo(497_000_000_000L);
    assertThat(first.hash()).startsWith("0x").hasSize(66);
    CandidateView last = para.candidates().get(para.candidates().size() - 1);
    assertThat(last.includedIn()).isNull();
    assertThat(last.lastActiveBlock()).isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void readsPanicsAndTimeoutsOfTheFaultsFixture() {
    ParaView para = Fixtures.run("faults").paras().get(0);
    assertThat(para.panics()).containsExactly(new PanicView(72_340, 21, 8, "Slot must increase"));
    assertThat(para.candidates()).filteredOn(c -> c.timedOutIn() != null)
        .singleElement().satisfies(c -> {
          assertThat(c.paraBlock()).isEqualTo(5);
          assertThat(c.timedOutIn()).isEqualTo(8);
          assertThat(c.lastActiveBlock()).isEqualTo(8);
        });
  }

  @Test
  void missingOptionalFieldsReadAsUnknown() {
    RunView run = RunReader.parse("""
        {"schema": "parapipe.run/1",
         "paras": [{"id": 2000, "candidates": [{"para_block": 1, "relay_parent": 4}]}]}
        """, "minimal.json");
    assertThat(run.name()).isEmpty();
    assertThat(run.seed()).isEqualTo(-1);
    assertThat(run.config().isObject()).isTrue();
    assertThat(run.relay().chain()).isEmpty();
    assertThat(run.relay().lastBlockNumber()).isEqualTo(-1);
    assertThat(run.relay().finalityLagMs()).isEqualTo(Stat.UNKNOWN);
    ParaView p = run.paras().get(0);
    assertThat(p.inclusionIntervalMs().hasMean()).isFalse();
    assertThat(p.authoringBudgetMs()).isNaN();
    assertThat(p.included()).isEqualTo(-1);
    assertThat(p.segmentSeries()).isEmpty();
    CandidateView c = p.candidates().get(0);
    assertThat(c.backedIn()).isNull();
    assertThat(c.authoringMs()).isNaN();
    assertThat(c.core()).isEqualTo(-1);
    assertThat(c.lastActiveBlock()).isEqualTo(4);
  }

  @Test
  void unknownFieldsAreIgnored() {
    RunView run = RunReader.parse("""
        {"schema": "parapipe.run/1", "future_field": [1, 2], "paras": [{"id": 7, "new": {}}]}
        """, "future.json");
    assertThat(run.paras()).extracting(ParaView::id).containsExactly(7);
  }

  @Test
  void textThatIsNotJsonNamesFileAndPosition() {
    assertThatThrownBy(() -> RunReader.parse("{\"schema\": \"parapipe.run/1\",\n  \"paras\": [", "r.json"))
        .isInstanceOf(ReportUserError.class)
        .hasMessageStartingWith("r.json: not JSON at line ")
        .hasMessageNotContaining("Source:");
  }

  @Test
  void jsonWithoutSchemaIsNotAResultsFile() {
    assertThatThrownBy(() -> RunReader.parse("{\"paras\": []}", "other.json"))
        .isInstanceOf(ReportUserError.class)
        .hasMessageContaining("other.json: not a parapipe results file")
        .hasMessageContaining("parapipe.run/1");
    assertThatThrownBy(() -> RunReader.parse("[1, 2]", "array.json"))
        .hasMessageContaining("array.json: not a parapipe results file");
    assertThatThrownBy(() -> RunReader.parse("", "empty.json"))
        .hasMessageContaining("empty.json: empty file");
  }

  @Test
  void anotherSchemaIsNamed() {
    assertThatThrownBy(() -> RunReader.parse("{\"schema\": \"parapipe.run/2\", \"paras\": []}", "v2.json"))
        .isInstanceOf(ReportUserError.class)
        .hasMessage("v2.json: unsupported schema \"parapipe.run/2\" (expected \"parapipe.run/1\")");
  }

  @Test
  void requiredFieldsAreNamedByPath() {
    assertThatThrownBy(() -> RunReader.parse("{\"schema\": \"parapipe.run/1\"}", "a.json"))
        .hasMessage("a.json: paras: missing (required by parapipe.run/1)");
    assertThatThrownBy(() -> RunReader.parse(
        "{\"schema\": \"parapipe.run/1\", \"paras\": [{\"id\": 1, \"candidates\": [{\"para_block\": 1}]}]}",
        "b.json"))
        .hasMessage("b.json: paras[0].candidates[0].relay_parent: missing (required by parapipe.run/1)");
  }

  @Test
  void wrongTypesAreNamedByPath() {
    assertThatThrownBy(() -> RunReader.parse("""
        {"schema": "parapipe.run/1", "paras": [{"id": 1, "candidates": [
          {"para_block": 1, "relay_parent": 2, "included_in": "3"}]}]}
        """, "c.json"))
        .isInstanceOf(ReportUserError.class)
        .hasMessage("c.json: paras[0].candidates[0].included_in: expected an integer, found \"3\"");
    assertThatThrownBy(() -> RunReader.parse(
        "{\"schema\": \"parapipe.run/1\", \"paras\": {}}", "d.json"))
        .hasMessage("d.json: paras: expected an array, found {}");
    assertThatThrownBy(() -> RunReader.parse(
        "{\"schema\": \"parapipe.run/1\", \"relay\": {\"finality_lag_ms\": {\"mean\": \"x\"}}, \"paras\": []}",
        "e.json"))
        .hasMessage("e.json: relay.finality_lag_ms.mean: expected a number, found \"x\"");
    assertThatThrownBy(() -> RunReader.parse("""
        {"schema": "parapipe.run/1", "paras": [{"id": 1,
          "unincluded_segment": {"series": [[1, 2, 3]]}}]}
        """, "f.json"))
        .hasMessage("f.json: paras[0].unincluded_segment.series[0]: expected [relay parent number,"
            + " segment length]");
  }

  @Test
  void aMissingFileIsAUserError(@TempDir Path dir) {
    assertThatThrownBy(() -> RunReader.read(dir.resolve("nope.json")))
        .isInstanceOf(ReportUserError.class)
        .hasMessageEndingWith("nope.json: no such file");
  }

  @Test
  void readsFromAFile(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("async.json");
    Files.writeString(f, Fixtures.json("async"));
    RunView run = RunReader.read(f);
    assertThat(run.source()).isEqualTo(f.toString());
    assertThat(run.paras()).extracting(ParaView::id).containsExactly(2000, 2001);
    assertThat(run.para(2001)).isPresent();
    assertThat(run.para(2002)).isEmpty();
  }
}
