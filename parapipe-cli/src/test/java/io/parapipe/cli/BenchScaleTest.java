package io.parapipe.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.parapipe.sim.scenario.Scenario;
import io.parapipe.sim.scenario.ScenarioLoader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code parapipe bench scale}: the scaled points, the exponent, a tiny real run and bad input. */
class BenchScaleTest {
  @RegisterExtension final StandardStreams streams = new StandardStreams();

  @Test
  void scalesValidatorsParasAndCoresTogether() {
    var tree = ScenarioLoader.parseTree(ScenarioLoader.builtInText("polkadot-scale").orElseThrow(), "t");
    Scenario s = ScalePoints.scaled(tree, "polkadot-scale", 40, "30s");
    assertThat(s.network().integer("validators")).isEqualTo(40);
    assertThat(s.paras()).hasSize(8);
    assertThat(s.relay().integer("num_cores")).isEqualTo(8);
    assertThat(s.durationMicros()).isEqualTo(30_000_000L);
    // The base tree is not changed.
    assertThat(tree.get("network").get("validators").asInt()).isEqualTo(500);
  }

  @Test
  void exponentIsOneForLinearAndTwoForQuadraticCost() {
    assertThat(ScalePoints.growthExponent(100, 3.0, 200, 6.0)).isCloseTo(1.0, within(1e-9));
    assertThat(ScalePoints.growthExponent(100, 3.0, 500, 75.0)).isCloseTo(2.0, within(1e-9));
  }

  @Test
  void parsesIncreasingMultiplesOfFive() {
    assertThat(ScalePoints.parseValidators("100, 200,500")).isEqualTo(List.of(100, 200, 500));
    assertThatThrownBy(() -> ScalePoints.parseValidators("100,42")).isInstanceOf(UserError.class)
        .hasMessageContaining("42 is not a multiple of 5");
    assertThatThrownBy(() -> ScalePoints.parseValidators("200,100")).isInstanceOf(UserError.class)
        .hasMessageContaining("must increase");
    assertThatThrownBy(() -> ScalePoints.parseValidators("1o0")).isInstanceOf(UserError.class)
        .hasMessageContaining("is not a number");
  }

  @Test
  void tinyRunPrintsOneRowPerPointAndTheGrowth() {
    int code = Main.run("bench", "scale", "--validators", "10,20", "--duration", "12s",
        "--warmup", "6s", "--repeat", "1");
    assertThat(code).isZero();
    String out = streams.stdout();
    assertThat(out).contains("cpu s/sim min").contains("ev/block/val").contains("tr/block/val")
        .contains("up Mbit/s")
        .contains("10 ->   20 validators").contains("(warm-up run of 6s, not measured)");
    assertThat(out.lines().filter(l -> l.matches("\\s+(10|20)\\s+[24]\\s.*"))).hasSize(2);
    // The traffic table: a row per message type, the others, and all, each with its growth.
    assertThat(out).contains("transfers (messages to one receiver) per relay block per validator");
    assertThat(out.lines().filter(l -> l.matches("  GrandpaVoteMessage\\s+[0-9.]+\\s+[0-9.]+\\s+x[0-9.]+")))
        .hasSize(1);
    assertThat(out.lines().filter(l -> l.matches("  all\\s+[0-9.]+\\s+[0-9.]+\\s+x[0-9.]+")))
        .hasSize(1);
    assertThat(out).containsPattern("cpu per transfer: [0-9]+ ns at 10, [0-9]+ ns at 20");
  }

  @Test
  void repeatedPointsRunInTurnAndTheGrowthIsBetweenMedians() {
    int code = Main.run("bench", "scale", "--validators", "10,20", "--duration", "6s",
        "--warmup", "0s", "--repeat", "3");
    assertThat(code).isZero();
    String out = streams.stdout();
    // All points, then all again: 10, 20, 10, 20, 10, 20.
    List<String> rows = out.lines().filter(l -> l.matches("\\s+(10|20)\\s+[24]\\s.*")).toList();
    assertThat(rows).hasSize(6);
    for (int i = 0; i < 6; i++) {
      assertThat(rows.get(i)).startsWith(i % 2 == 0 ? "        10" : "        20")
          .endsWith("run " + (i / 2 + 1) + " of 3");
    }
    assertThat(out).contains("median of 3 runs (lowest-highest)")
        .contains("between medians").contains("between the extreme runs");
  }

  @Test
  void theMedianOfAnEvenCountIsTheMiddlePairsMean() {
    assertThat(ScalePoints.median(new double[] {1, 2, 9})).isEqualTo(2);
    assertThat(ScalePoints.median(new double[] {1, 2, 4, 9})).isEqualTo(3);
  }

  @Test
  void aRepeatOutOfRangeIsOneLine() {
    int code = Main.run("bench", "scale", "--validators", "10", "--repeat", "0");
    assertThat(code).isEqualTo(2);
    assertThat(streams.stderr().lines()).hasSize(1);
    assertThat(streams.stderr()).contains("--repeat 0: must be from 1 to 20");
  }

  @Test
  void aBadWarmupIsOneLine() {
    int code = Main.run("bench", "scale", "--validators", "10", "--warmup", "soon");
    assertThat(code).isEqualTo(2);
    assertThat(streams.stderr().lines()).hasSize(1);
    assertThat(streams.stderr()).contains("--warmup soon: must be a duration");
  }

  @Test
  void unknownScenarioIsOneLine() {
    int code = Main.run("bench", "scale", "--scenario", "no-such-thing", "--validators", "10");
    assertThat(code).isEqualTo(2);
    assertThat(streams.stderr().lines()).hasSize(1);
    assertThat(streams.stderr()).contains("--scenario no-such-thing: no shipped scenario");
  }
}
