package io.parapipe.protocol.relay.node.finality;

import static io.parapipe.protocol.relay.node.finality.FinalityModelTest.GENESIS;
import static io.parapipe.protocol.relay.node.finality.FinalityModelTest.SHAPE;
import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.primitives.GrandpaVoteStep;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.relay.node.chain.BlockTree;
import io.parapipe.protocol.relay.node.finality.FinalityModelTest.B;
import io.parapipe.protocol.testing.ManualContext;
import io.parapipe.protocol.wire.GrandpaMessage;
import io.parapipe.protocol.wire.GrandpaVoteMessage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A voter precommits when the round is completable or its precommit timer fires, as
 * finality-grandpa's voter does, not as soon as the first supermajority of prevotes arrives:
 * prevotes still to come may raise the prevote GHOST.
 */
class GrandpaPrecommitTest {
  static final B A1 = FinalityModelTest.block(1);
  static final B A2 = FinalityModelTest.block(2);

  final ManualContext ctx = new ManualContext(0);
  final BlockTree<B> tree = new BlockTree<>(SHAPE, GENESIS);
  final List<GrandpaVoteMessage> precommits = new ArrayList<>();
  // Four voters: a supermajority is three.
  final GrandpaVoter<B> voter = new GrandpaVoter<>(ctx, 0, 4, 1_000_000, tree, SHAPE, h -> true,
      new GrandpaVoter.Actions() {
        public void broadcast(GrandpaMessage m) {
          if (m instanceof GrandpaVoteMessage v && v.step() == GrandpaVoteStep.PRECOMMIT) {
            precommits.add(v);
          }
        }

        public void send(int validator, GrandpaMessage m) {}

        public void onFinalized(Hash block, int number) {}
      });

  void start() {
    tree.add(A1);
    tree.add(A2);
    voter.onChainChanged(); // round 1: this voter prevotes A2, the best approved block
  }

  void prevote(int from, B target) {
    voter.onMessage(new GrandpaVoteMessage(0, 1, GrandpaVoteStep.PREVOTE, target.hash(),
        target.number(), from));
  }

  @Test
  void aSupermajorityWhoseGhostTheMissingPrevoteCouldRaiseWaitsForIt() {
    start();
    prevote(1, A1);
    prevote(2, A2);
    // Three prevotes: their GHOST is A1, but the fourth could give A2 a supermajority.
    assertThat(precommits).isEmpty();
    prevote(3, A2);
    assertThat(precommits).extracting(GrandpaVoteMessage::targetNumber).containsExactly(2);
  }

  @Test
  void thePrecommitTimerEndsTheWait() {
    start();
    prevote(1, A1);
    prevote(2, A2);
    ctx.fireUntil(GrandpaVoter.PRECOMMIT_TIMER_MICROS - 1, voter::onTimer);
    assertThat(precommits).isEmpty();
    ctx.fireUntil(GrandpaVoter.PRECOMMIT_TIMER_MICROS, voter::onTimer);
    assertThat(precommits).extracting(GrandpaVoteMessage::targetNumber).containsExactly(1);
  }

  @Test
  void aGhostNoPrevoteCanRaiseIsPrecommittedAtOnce() {
    start();
    prevote(1, A2);
    prevote(2, A2);
    assertThat(precommits).extracting(GrandpaVoteMessage::targetNumber).containsExactly(2);
  }
}
