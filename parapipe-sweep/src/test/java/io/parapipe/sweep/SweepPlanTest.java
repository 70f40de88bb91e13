package io.parapipe.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parapipe.sim.scenario.ScenarioConfigException;
import org.junit.jupiter.api.Test;

class SweepPlanTest {
  @Test
  void theGridIsTheProductOfItsAxesTimesTheSeeds() {
    SweepPlan p = SweepEngineTest.plan(null, 3, "relay.max_candidate_depth=1,2",
        "network.latency=40ms,200ms");
    assertThat(p.points()).isEqualTo(4);
    assertThat(p.runs()).hasSize(12);
    assertThat(p.seeds()).containsExactly(1L, 2L, 3L);
    assertThat(p.runs().get(0).id())
        .isEqualTo("relay.max_candidate_depth=1__network.latency=40ms__seed=1");
    assertThat(p.runs().get(3).values()).containsExactly("1", "200ms");
    assertThat(p.runs().get(11).id())
        .isEqualTo("relay.max_candidate_depth=2__network.latency=200ms__seed=3");
    assertThat(p.runs().get(5).config().at("/network/latency").asText()).isEqualTo("200ms");
    assertThat(p.runs().get(5).config().at("/seed").asInt()).isEqualTo(3);
  }

  @Test
  void badGridsAreOneLineErrors() {
    assertThatThrownBy(() -> GridAxis.parse("relay.max_candidate_depth="))
        .isInstanceOf(SweepUserError.class).hasMessageContaining("is empty");
    assertThatThrownBy(() -> GridAxis.parse("relay.max_candidate_depth"))
        .isInstanceOf(SweepUserError.class).hasMessageContaining("must be KEY=V1,V2");
    assertThatThrownBy(() -> SweepEngineTest.plan(null, 1))
        .isInstanceOf(SweepUserError.class).hasMessageContaining("the grid is empty");
    assertThatThrownBy(() -> SweepEngineTest.plan(null, 0, "relay.max_candidate_depth=1"))
        .isInstanceOf(SweepUserError.class).hasMessageContaining("--seeds 0");
    assertThatThrownBy(() -> SweepEngineTest.plan(null, 1, "relay.max_depth=1"))
        .isInstanceOf(ScenarioConfigException.class)
        .hasMessageContaining("unknown key relay.max_depth in --grid relay.max_depth=1");
    assertThatThrownBy(() -> SweepEngineTest.plan(null, 1, "relay.max_candidate_depth=1,x"))
        .isInstanceOf(ScenarioConfigException.class)
        .hasMessageContaining("relay.max_candidate_depth = \"x\" in --grid "
            + "relay.max_candidate_depth=x (on tiny.toml): must be an integer");
    assertThatThrownBy(() -> SweepEngineTest.plan(null, 1, "seed=1,2"))
        .isInstanceOf(SweepUserError.class).hasMessageContaining("--seeds");
  }
}
