package io.parapipe.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.HeadData;
import io.parapipe.protocol.primitives.HostConfiguration;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.relay.runtime.GenesisConfig;
import io.parapipe.protocol.relay.runtime.RelayRuntime;
import io.parapipe.protocol.relay.runtime.RelayRuntimeState;
import io.parapipe.protocol.relay.runtime.scheduler.BulkCoretimeAssigner;
import io.parapipe.sim.scenario.Scenario;
import io.parapipe.sim.scenario.ScenarioLoader;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The coretime and node features an assembled network gives its relay chain. */
class NetworkAssemblyCoresTest {
  @Test
  void aParaWithSeveralCoresHoldsConsecutiveCoresInTheClaimQueue() {
    Scenario s = ScenarioLoader.parse("""
        [relay]
        num_cores = 7
        scheduling_lookahead = 2
        node_features = ["ElasticScalingMVP", "CandidateReceiptV2"]
        [[paras]]
        id = 2000
        cores = 3
        [[paras]]
        id = 2002
        cores = 2
        """, "t.toml");
    var assignment = NetworkAssembly.bulkCoretime(s.paras());
    assertThat(assignment).isEqualTo(new TreeMap<>(Map.of(CoreIndex.of(0), ParaId.of(2000), CoreIndex.of(1),
        ParaId.of(2000), CoreIndex.of(2), ParaId.of(2000), CoreIndex.of(3), ParaId.of(2001), CoreIndex.of(4),
        ParaId.of(2002), CoreIndex.of(5), ParaId.of(2002))));

    HostConfiguration c = ScenarioTranslation.hostConfiguration(s.relay());
    assertThat(c.elasticScalingMvp()).isTrue();
    assertThat(c.candidateReceiptV2()).isTrue();
    TreeMap<ParaId, GenesisConfig.ParaGenesis> paras = new TreeMap<>();
    for (int id : List.of(2000, 2001, 2002)) {
      paras.put(ParaId.of(id), new GenesisConfig.ParaGenesis(HeadData.of(new byte[] {1}), Hash.fromLong(id)));
    }
    RelayRuntimeState genesis = RelayRuntime.genesis(new GenesisConfig(20, paras, c,
        new BulkCoretimeAssigner(assignment), 600, Hash.fromLong(1))).orElseThrow();
    // the claim queue holds para 2000 on cores 0..2 at every depth; core 6 is idle
    assertThat(genesis.api().claimQueue()).containsEntry(CoreIndex.of(2), List.of(ParaId.of(2000), ParaId.of(2000)))
        .doesNotContainKey(CoreIndex.of(6));
    assertThat(genesis.api().claimQueueTransposed().coresAt(ParaId.of(2000), 1))
        .containsExactly(CoreIndex.of(0), CoreIndex.of(1), CoreIndex.of(2));
    assertThat(genesis.api().claimQueueTransposed().coresAt(ParaId.of(2002), 0))
        .containsExactly(CoreIndex.of(4), CoreIndex.of(5));
  }

  @Test
  void theDefaultNodeFeaturesAreCandidateReceiptV2Only() {
    HostConfiguration c = ScenarioTranslation.hostConfiguration(ScenarioLoader.defaults().relay());
    assertThat(c.candidateReceiptV2()).isTrue();
    assertThat(c.elasticScalingMvp()).isFalse();
  }
}
