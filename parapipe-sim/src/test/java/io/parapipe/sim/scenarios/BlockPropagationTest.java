package io.parapipe.sim.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.sim.results.ResultsJson;
import io.parapipe.sim.results.RunResult;
import io.parapipe.sim.results.Spread;
import org.junit.jupiter.api.Test;

/**
 * Relay blocks by announcement and request over a small sync peer set travel several hops: every
 * link is exactly 40 ms one way (no jitter), so one hop costs at least an announcement, a request
 * and the block's transfer, 120 ms, and a block that arrives after 240 ms took two hops or more.
 */
class BlockPropagationTest {
  private static String scenario(String propagation) {
    return """
        name = "propagation"
        duration = "2m"
        [network]
        validators = 20
        paras = 2
        collators_per_para = 2
        latency = "40ms"
        jitter = "0ms"
        jitter_distribution = "none"
        block_propagation = "%s"
        sync_peers = 2
        """.formatted(propagation);
  }

  @Test
  void announcedBlocksTravelSeveralHopsWhileBroadcastOnesTakeOne() {
    RunResult direct = Networks.run(Networks.toml(scenario("direct")));
    RunResult announce = Networks.run(Networks.toml(scenario("announce")));

    Spread one = direct.relay().blockPropagationMs();
    // 20 validators: each block reaches the 19 others.
    assertThat(one.count()).isGreaterThanOrEqualTo(19 * direct.relay().blocks());
    assertThat(one.p5()).isGreaterThanOrEqualTo(40.0);
    assertThat(one.max()).isLessThan(120.0);

    Spread hops = announce.relay().blockPropagationMs();
    assertThat(hops.count()).isGreaterThanOrEqualTo(19 * announce.relay().blocks());
    assertThat(hops.p5()).isGreaterThanOrEqualTo(120.0);
    // With 2 outgoing peers per node (about 4 peers each) among 24 relay-chain nodes, many
    // validators are two or three hops from the author.
    assertThat(hops.p50()).isGreaterThanOrEqualTo(240.0);
    assertThat(hops.p95()).isGreaterThan(2 * one.p95() + 120.0);

    // Every validator still gets every block, and the chain goes on as before.
    assertThat(announce.relay().blocks()).isEqualTo(direct.relay().blocks());
    assertThat(announce.relay().blockTimeAtNodesMs().count())
        .isEqualTo(20 * (announce.relay().blocks() - 1));
    assertThat(announce.relay().finalized()).isGreaterThanOrEqualTo(announce.relay().blocks() - 3);
    for (RunResult.Para p : announce.paras()) {
      assertThat(p.included()).isGreaterThanOrEqualTo(direct.para(p.id()).included() - 1);
    }
  }

  @Test
  void theSameSeedGivesTheSameResults() {
    String a = ResultsJson.toJson(Networks.run(Networks.toml(scenario("announce"))));
    String b = ResultsJson.toJson(Networks.run(Networks.toml(scenario("announce"))));
    assertThat(strip(a)).isEqualTo(strip(b));
  }

  private static String strip(String json) {
    return json.replaceAll("\"wall_ms\":\\s*[0-9.]+", "").replaceAll("\"events_per_second\":\\s*[0-9.]+", "");
  }
}
