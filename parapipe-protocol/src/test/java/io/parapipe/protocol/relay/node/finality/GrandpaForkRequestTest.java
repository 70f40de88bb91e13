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
 * A vote for a block the voter never imported (the other side's fork after a partition) makes it
 * ask the voter who sent it for that block, as substrate's GRANDPA does with a sync fork request;
 * once the block is imported the round can reach its supermajority.
 */
class GrandpaForkRequestTest {
  record Request(int validator, Hash block) {}

  static final B A1 = new B(Hash.fromLong(1), GENESIS.hash(), 1);
  /** A block of a fork this voter has not seen. */
  static final B X1 = new B(Hash.fromLong(77), GENESIS.hash(), 1);

  final ManualContext ctx = new ManualContext(0);
  final BlockTree<B> tree = new BlockTree<>(SHAPE, GENESIS);
  final List<Request> requests = new ArrayList<>();
  final List<Integer> finalized = new ArrayList<>();
  final GrandpaVoter<B> voter = new GrandpaVoter<>(ctx, 0, 4, 1_000_000, tree, SHAPE, h -> true,
      new GrandpaVoter.Actions() {
        public void broadcast(GrandpaMessage m) {}

        public void send(int validator, GrandpaMessage m) {}

        public void onFinalized(Hash block, int number) {
          finalized.add(number);
        }

        public void requestBlock(int validator, Hash block) {
          requests.add(new Request(validator, block));
        }
      });

  void vote(int from, long round, GrandpaVoteStep step, B target) {
    voter.onMessage(new GrandpaVoteMessage(0, round, step, target.hash(), target.number(), from));
  }

  @Test
  void aVoteTargetStillMissingAfterTheWaitIsAskedOfOneOfItsVoters() {
    tree.add(A1);
    voter.onChainChanged();
    vote(1, 1, GrandpaVoteStep.PREVOTE, A1);
    vote(2, 1, GrandpaVoteStep.PREVOTE, X1);
    vote(3, 1, GrandpaVoteStep.PREVOTE, X1);
    vote(1, 1, GrandpaVoteStep.PRECOMMIT, A1);
    vote(2, 1, GrandpaVoteStep.PRECOMMIT, X1);
    // Upstream waits 15 s for the block to come by itself before it asks sync for it.
    fire(GrandpaVoter.FORK_REQUEST_AFTER_MICROS - 1);
    assertThat(requests).isEmpty();
    fire(GrandpaVoter.FORK_REQUEST_AFTER_MICROS);
    assertThat(requests).containsExactly(new Request(2, X1.hash()));
    fire(2 * GrandpaVoter.FORK_REQUEST_AFTER_MICROS);
    assertThat(requests).containsExactly(new Request(2, X1.hash()), new Request(2, X1.hash()));
  }

  @Test
  void aBlockImportedWhileWaitingIsNotAskedFor() {
    tree.add(A1);
    voter.onChainChanged();
    for (int v = 1; v <= 3; v++) {
      vote(v, 1, GrandpaVoteStep.PREVOTE, X1);
    }
    tree.add(X1);
    voter.onChainChanged();
    fire(2 * GrandpaVoter.FORK_REQUEST_AFTER_MICROS);
    assertThat(requests).isEmpty();
  }

  void fire(long until) {
    ctx.fireUntil(until, voter::onTimer);
  }

  @Test
  void aVoteForAKnownBlockAsksNothing() {
    tree.add(A1);
    voter.onChainChanged();
    vote(1, 1, GrandpaVoteStep.PREVOTE, A1);
    vote(2, 1, GrandpaVoteStep.PRECOMMIT, A1);
    assertThat(requests).isEmpty();
  }

  @Test
  void theRoundThatWaitedForTheBlockCompletesOnceItIsImported() {
    tree.add(A1);
    voter.onChainChanged();
    // 4 voters, threshold 3: three prevotes and precommits for X1, which this voter lacks.
    for (int v = 1; v <= 3; v++) {
      vote(v, 1, GrandpaVoteStep.PREVOTE, X1);
      vote(v, 1, GrandpaVoteStep.PRECOMMIT, X1);
    }
    assertThat(finalized).isEmpty();
    fire(GrandpaVoter.FORK_REQUEST_AFTER_MICROS);
    assertThat(requests).extracting(Request::block).containsOnly(X1.hash());

    tree.add(X1);
    voter.onChainChanged();
    assertThat(finalized).containsExactly(1);
    assertThat(tree.finalized()).isEqualTo(X1);
  }
}
