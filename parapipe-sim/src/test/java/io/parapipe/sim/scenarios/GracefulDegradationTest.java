package io.parapipe.sim.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.sim.results.RunResult;
import java.nio.file.Files;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/**
 * Latency and bandwidth degrade the pipeline gradually (docs/model.md, "Latency: graceful
 * degradation" and "Bandwidth: near-maximum PoVs").
 */
class GracefulDegradationTest {
  private static final String[] LATENCIES = {"40ms", "300ms", "550ms", "700ms", "800ms"};

  private static double meanIncluded(RunResult r) {
    return r.paras().stream().mapToInt(RunResult.Para::included).average().orElse(0);
  }

  private static double meanBlockspace(RunResult r) {
    return r.paras().stream().mapToDouble(RunResult.Para::blockspaceMsPerMinute).average().orElse(0);
  }

  /** A shipped scenario with every link's mean one-way latency set, links spread ±50 %. */
  private static RunResult withLatency(String scenario, String latency) throws Exception {
    String text = Files.readString(Networks.SCENARIOS.resolve(scenario));
    String link = "latency = \"" + latency + "\"\nlatency_spread = 0.5\n";
    text = text.contains("[network]")
        ? text.replaceFirst("(?m)^latency = .*$", Matcher.quoteReplacement(link.strip()))
        : text + "\n[network]\n" + link;
    return Networks.run(Networks.toml(text).withDuration(4 * 60_000_000L));
  }

  @Test
  void aLatencySweepDegradesMonotonicallyWithAsyncAhead() throws Exception {
    double previousSync = Double.MAX_VALUE;
    double previousAsync = Double.MAX_VALUE;
    double asyncAt700 = 0;
    for (String latency : LATENCIES) {
      RunResult sync = withLatency("sync.toml", latency);
      RunResult async = withLatency("async.toml", latency);
      double s = meanIncluded(sync);
      double a = meanIncluded(async);
      assertThat(s).as("sync at %s", latency).isLessThanOrEqualTo(previousSync);
      assertThat(a).as("async at %s", latency).isLessThanOrEqualTo(previousAsync);
      // Async includes more blocks while a collation still fits in its relay parent's lifetime;
      // at 550 ms (links up to 825 ms) it is at the edge and includes at least as many; from
      // about 700 ms neither fits and both include about as many, async's four times as heavy,
      // so its blockspace stays ahead throughout.
      int millis = Integer.parseInt(latency.replace("ms", ""));
      if (millis <= 300) {
        assertThat(a).as("async ahead at %s", latency).isGreaterThan(s);
      } else if (millis <= 550) {
        assertThat(a).as("async not behind at %s", latency).isGreaterThanOrEqualTo(s);
      }
      if (latency.equals("800ms")) {
        // Responses that arrive after their request's 1.2 s timeout are not delivered, so at
        // 800 ms one-way both may include nothing.
        assertThat(meanBlockspace(async)).as("async blockspace at %s", latency)
            .isGreaterThanOrEqualTo(meanBlockspace(sync));
      } else {
        assertThat(meanBlockspace(async)).as("async blockspace at %s", latency)
            .isGreaterThan(meanBlockspace(sync));
      }
      if (latency.equals("700ms")) {
        asyncAt700 = a;
      }
      previousSync = s;
      previousAsync = a;
    }
    // No cliff: at 700 ms async still includes blocks.
    assertThat(asyncAt700).isPositive();
  }

  @Test
  void nearMaximumPovsMakeNearlyEveryRelayBlockFrom120MbitAndFinalityKeepsUpAt50() throws Exception {
    // Every block fills the PoV budget: 85 % of 5 MiB, 4.4 MB.
    String bigPovs = "[network]\nbandwidth = \"%s\"\n"
        + "[[paras]]\nid = 2000\ntx_proof_size = \"5KiB\"\n"
        + "[[paras]]\nid = 2001\ntx_proof_size = \"5KiB\"\n"
        + "[[paras]]\nid = 2002\ntx_proof_size = \"5KiB\"\n";
    RunResult slow = Networks.run(Networks.shippedPlus("async.toml",
        String.format(bigPovs, "50Mbit/s")).withDuration(3 * 60_000_000L));
    RunResult fast = Networks.run(Networks.shippedPlus("async.toml",
        String.format(bigPovs, "200Mbit/s")).withDuration(3 * 60_000_000L));
    RunResult tight = Networks.run(Networks.shippedPlus("async.toml",
        String.format(bigPovs, "120Mbit/s")).withDuration(3 * 60_000_000L));
    // Finality keeps up even where backing cannot move 4.4 MB PoVs in time (docs/model.md,
    // "Bandwidth: near-maximum PoVs": below about 120 Mbit/s backing collapses).
    assertThat(slow.relay().finalized()).isGreaterThanOrEqualTo(slow.relay().blocks() - 3);
    for (RunResult.Para p : fast.paras()) {
      assertThat(p.inclusionIntervalMs().mean()).as("para %d at 200 Mbit/s", p.id())
          .isLessThan(6_500.0);
    }
    // At 120 Mbit/s the collator's later copies of a PoV miss the 1.2 s fetch timeout; cutting
    // those uploads off when the requester resets the stream keeps the next collation's upload
    // on time (measured 6.0 s; uploading them in full included 12, 11 and 14 blocks in 5 min).
    for (RunResult.Para p : tight.paras()) {
      assertThat(p.inclusionIntervalMs().mean()).as("para %d at 120 Mbit/s", p.id())
          .isLessThan(7_000.0);
    }
  }
}
