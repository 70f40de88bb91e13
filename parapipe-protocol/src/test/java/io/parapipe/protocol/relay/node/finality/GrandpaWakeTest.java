package io.parapipe.protocol.relay.node.finality;

import static io.parapipe.protocol.relay.node.finality.FinalityModelTest.GENESIS;
import static io.parapipe.protocol.relay.node.finality.FinalityModelTest.SHAPE;
import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.host.Timer;
import io.parapipe.protocol.primitives.GrandpaVoteStep;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.relay.node.chain.BlockTree;
import io.parapipe.protocol.relay.node.finality.FinalityModelTest.B;
import io.parapipe.protocol.testing.ManualContext;
import io.parapipe.protocol.wire.GrandpaMessage;
import io.parapipe.protocol.wire.GrandpaVoteMessage;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * Under threshold gossip a voter is woken only when enough posted votes have arrived to change
 * something (docs/kernel.md, "GRANDPA votes posted"): the number it asks for must never be more
 * than the fewest arrivals after which it would act, or it would act late. These tests feed votes
 * one at a time, as exact gossip does, and check each request against every continuation.
 */
class GrandpaWakeTest {
  static final B A1 = FinalityModelTest.block(1);
  static final B A2 = FinalityModelTest.block(2);
  static final int VOTERS = 10; // a supermajority is 7

  /** A voter that records its precommits and the k of its last wake request. */
  static final class Probe {
    final ManualContext ctx = new ManualContext(0);
    final BlockTree<B> tree = new BlockTree<>(SHAPE, GENESIS);
    final List<GrandpaVoteMessage> precommits = new ArrayList<>();
    int lastK = -1;
    long lastFromKey;
    final GrandpaVoter<B> voter = new GrandpaVoter<>(ctx, 0, VOTERS, 1_000_000, tree, SHAPE,
        h -> true, new GrandpaVoter.Actions() {
          public void broadcast(GrandpaMessage m) {
            if (m instanceof GrandpaVoteMessage v && v.step() == GrandpaVoteStep.PRECOMMIT) {
              precommits.add(v);
            }
          }

          public void send(int validator, GrandpaMessage m) {}

          public void onFinalized(Hash block, int number) {}

          public void wakeOnVotes(long fromKey, int k, long urgentKey, Timer timer) {
            lastK = k;
            lastFromKey = fromKey;
          }
        });

    Probe() {
      tree.add(A1);
      tree.add(A2);
      voter.onChainChanged(); // round 1: this voter prevotes A2
    }

    void prevote(int from, B target) {
      voter.onMessage(new GrandpaVoteMessage(0, 1, GrandpaVoteStep.PREVOTE, target.hash(),
          target.number(), from));
    }
  }

  @Test
  void belowASupermajorityTheVoterWaitsForTheMissingPrevotes() {
    Probe p = new Probe();
    assertThat(p.lastK).as("6 more prevotes to the supermajority of 7").isEqualTo(6);
    assertThat(p.lastFromKey).isEqualTo(GrandpaGossip.voteKey(0, 1));
    p.prevote(1, A2);
    assertThat(p.lastK).isEqualTo(5);
  }

  @Test
  void aGhostThatMayRiseIsWaitedOnForAsFewPrevotesAsCouldSettleIt() {
    Probe p = new Probe();
    // Five for A2 (with this voter's), two for A1: GHOST A1; A2 needs two more, and two
    // prevotes for A1 would leave it short for good.
    for (int v = 1; v <= 4; v++) {
      p.prevote(v, A2);
    }
    p.prevote(5, A1);
    p.prevote(6, A1);
    assertThat(p.precommits).isEmpty();
    assertThat(p.lastK).isEqualTo(2);
  }

  /**
   * Whatever prevotes have come, no continuation of fewer prevotes than the voter asked to wait
   * for makes it precommit: each of the at most 2^(k-1) continuations is replayed on a fresh voter.
   */
  @Property(tries = 60)
  void noFewerArrivalsThanRequestedMakeTheVoterAct(
      @ForAll @Size(VOTERS - 1) List<Boolean> forA2) {
    for (int prefix = 0; prefix < VOTERS - 1; prefix++) {
      Probe p = replay(forA2, prefix, List.of());
      if (!p.precommits.isEmpty()) {
        return; // acted: nothing is waited for any more
      }
      int k = p.lastK;
      assertThat(k).isPositive();
      int more = Math.min(k - 1, VOTERS - 1 - prefix);
      for (int bits = 0; bits < 1 << more; bits++) {
        List<Boolean> next = new ArrayList<>();
        for (int i = 0; i < more; i++) {
          next.add((bits >> i & 1) == 1);
        }
        assertThat(replay(forA2, prefix, next).precommits)
            .as("after %s then %s, %d asked for", forA2.subList(0, prefix), next, k).isEmpty();
      }
    }
  }

  private static Probe replay(List<Boolean> forA2, int prefix, List<Boolean> then) {
    Probe p = new Probe();
    int v = 1;
    for (int i = 0; i < prefix; i++) {
      p.prevote(v++, forA2.get(i) ? A2 : A1);
    }
    for (boolean a2 : then) {
      p.prevote(v++, a2 ? A2 : A1);
    }
    return p;
  }
}
