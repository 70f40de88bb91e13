package io.parapipe.protocol.relay.node.finality;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.host.Topic;
import io.parapipe.protocol.primitives.GrandpaVoteStep;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.testing.ManualContext;
import io.parapipe.protocol.wire.GrandpaVoteMessage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GRANDPA gossip: votes out to every validator, votes in to the voter. */
class GrandpaGossipTest {
  private final ManualContext ctx = new ManualContext(7);
  private final List<String> received = new ArrayList<>();
  private final GrandpaGossip gossip = new GrandpaGossip(ctx, 3,
      (v, round, step, target, number) -> received.add(v + " " + round + " " + step + " " + target + " " + number));

  @Test
  void ourVotesGoToEveryValidatorSignedWithOurIndex() {
    Hash target = Hash.fromLong(5);
    gossip.broadcastVote(2, GrandpaVoteStep.PRECOMMIT, target, 11);
    assertThat(ctx.sent).containsExactly(new ManualContext.Sent(-1, Topic.VALIDATORS,
        new GrandpaVoteMessage(2, GrandpaVoteStep.PRECOMMIT, target, 11, 3)));
    assertThat(received).isEmpty();
  }

  @Test
  void votesFromTheNetworkGoToTheVoterAsSent() {
    Hash target = Hash.fromLong(9);
    gossip.onMessage(new GrandpaVoteMessage(4, GrandpaVoteStep.PREVOTE, target, 12, 1));
    assertThat(received).containsExactly("1 4 PREVOTE " + target + " 12");
    assertThat(ctx.sent).isEmpty();
  }
}
