package io.parapipe.report.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parapipe.report.Fixtures;
import io.parapipe.report.ReportUserError;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonTableTest {
  private static ComparisonTable syncVsAsync(Integer para) {
    return ComparisonTable.of(List.of("sync", "async"),
        List.of(Fixtures.run("sync"), Fixtures.run("async")), para);
  }

  private static ComparisonTable.Row row(ComparisonTable t, String figure) {
    return t.rows().stream().filter(r -> r.figure().equals(figure)).findFirst().orElseThrow();
  }

  @Test
  void ratiosAreToTheFirstRun() {
    ComparisonTable t = syncVsAsync(null);
    assertThat(t.scope()).isEqualTo("mean over paras");
    assertThat(row(t, "inclusion interval (mean)").values()).containsExactly(12.0, 6.0);
    assertThat(row(t, "inclusion interval (mean)").ratio(1)).isEqualTo(0.5);
    // Authoring as the collators measured it: the async fixture's blocks took 1.99 s on average.
    assertThat(row(t, "authoring time (mean)").values()).containsExactly(0.5, 1.99);
    // The wiki's "backing to inclusion stays the same": one relay block either way.
    assertThat(row(t, "backing to inclusion (mean)").values()).containsExactly(6.0, 6.0);
    // Blockspace: sync 2236.5 ms/min; async paras 17437.5 and 16897.5, mean 17167.5.
    assertThat(row(t, "blockspace per minute").values()).containsExactly(2.2365, 17.1675);
    assertThat(row(t, "blockspace per minute").ratio(1)).isCloseTo(7.676, org.assertj.core.data.Offset.offset(0.001));
    assertThat(row(t, "finality lag (mean)").values()).containsExactly(7.42, 7.39);
    assertThat(row(t, "unincluded segment (max)").values()).containsExactly(1.0, 2.0);
    assertThat(row(t, "inclusion interval (mean)").ratio(0)).isEqualTo(1.0);
  }

  @Test
  void onePara() {
    ComparisonTable t = ComparisonTable.of(List.of("a", "faults"),
        List.of(Fixtures.run("async"), Fixtures.run("faults")), 2000);
    assertThat(t.scope()).isEqualTo("para 2000");
    assertThat(row(t, "blockspace per minute").values()).containsExactly(17.4375, 12.675);
    assertThat(row(t, "inclusion interval (mean)").formattedRatio(1)).isEqualTo("x1.42");
    assertThatThrownBy(() -> syncVsAsync(2001)).isInstanceOf(ReportUserError.class)
        .hasMessage("sync.json: no para 2001 in this run");
  }

  @Test
  void unknownAndZeroBaselinesHaveNoRatio() {
    RunView empty = RunReader.parse("{\"schema\": \"parapipe.run/1\", \"paras\": [{\"id\": 1,"
        + " \"authoring_budget_ms\": 0.0}]}", "empty.json");
    ComparisonTable t = ComparisonTable.of(List.of("empty", "sync"),
        List.of(empty, Fixtures.run("sync")), null);
    ComparisonTable.Row interval = row(t, "inclusion interval (mean)");
    assertThat(interval.formatted(0)).isEqualTo("n/a");
    assertThat(interval.formattedRatio(1)).isEqualTo("x n/a");
    assertThat(row(t, "authoring time (mean)").formattedRatio(1)).isEqualTo("x n/a");
  }

  @Test
  void theValidatorsUploadIsARowOnlyWhenARunHasIt() {
    RunView withUpload = RunReader.parse("{\"schema\": \"parapipe.run/1\", \"relay\": "
        + "{\"validator_upload_mbit_s\": {\"mean\": 24.2, \"p5\": 23.0, \"p50\": 24.0, "
        + "\"p95\": 27.8, \"max\": 33.8, \"count\": 500}}, \"paras\": []}", "scale.json");
    ComparisonTable t = ComparisonTable.of(List.of("sync", "scale"),
        List.of(Fixtures.run("sync"), withUpload), null);
    ComparisonTable.Row upload = row(t, "validators' upload (mean)");
    assertThat(upload.formatted(0)).isEqualTo("n/a");
    assertThat(upload.formatted(1)).isEqualTo("24.20 Mbit/s");
    assertThat(syncVsAsync(null).rows()).extracting(ComparisonTable.Row::figure)
        .doesNotContain("validators' upload (mean)");
  }

  @Test
  void text() {
    assertThat(syncVsAsync(null).toText()).isEqualTo("""
        figure (mean over paras)                sync                async
        inclusion interval (mean)            12.00 s       6.00 s (x0.50)
        authoring time (mean)                 0.50 s       1.99 s (x3.98)
        blockspace per minute             2.24 s/min  17.17 s/min (x7.68)
        inclusion latency (mean)             11.88 s      11.88 s (x1.00)
        backing to inclusion (mean)           6.00 s       6.00 s (x1.00)
        relay parent to inclusion (mean)     12.00 s      12.00 s (x1.00)
        finality lag (mean)                   7.42 s       7.39 s (x1.00)
        unincluded segment (mean)               1.00         1.95 (x1.95)
        unincluded segment (max)                   1            2 (x2.00)
        """);
  }
}
