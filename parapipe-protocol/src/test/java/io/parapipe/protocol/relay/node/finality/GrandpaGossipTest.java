package io.parapipe.protocol.relay.node.finality;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.host.Topic;
import io.parapipe.protocol.primitives.GrandpaVoteStep;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.testing.ManualContext;
import io.parapipe.protocol.wire.GrandpaCatchUpRequest;
import io.parapipe.protocol.wire.GrandpaMessage;
import io.parapipe.protocol.wire.GrandpaVoteMessage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GRANDPA gossip: votes out to every validator, direct messages to one, everything in to the voter. */
class GrandpaGossipTest {
  private final ManualContext ctx = new ManualContext(7);
  private final List<GrandpaMessage> received = new ArrayList<>();
  private final GrandpaGossip gossip = new GrandpaGossip(ctx, a -> 100 + a, received::add);

  @Test
  void votesGoToEveryValidator() {
    GrandpaVoteMessage v = new GrandpaVoteMessage(0, 2, GrandpaVoteStep.PRECOMMIT, Hash.fromLong(5), 11, 3);
    gossip.broadcast(v);
    // Posted on the votes' own topic: with exact gossip, a broadcast to every validator.
    assertThat(ctx.sent).containsExactly(new ManualContext.Sent(-1, Topic.GRANDPA_VOTES, v));
    assertThat(received).isEmpty();
  }

  @Test
  void directMessagesGoToTheAuthoritysNode() {
    GrandpaCatchUpRequest r = new GrandpaCatchUpRequest(1, 4, 3);
    gossip.send(2, r);
    assertThat(ctx.sent).hasSize(1);
    assertThat(ctx.sent.get(0).to()).isEqualTo(102);
    assertThat(ctx.sent.get(0).message()).isEqualTo(r);
  }

  @Test
  void messagesFromTheNetworkGoToTheVoterAsSent() {
    GrandpaVoteMessage v = new GrandpaVoteMessage(0, 4, GrandpaVoteStep.PREVOTE, Hash.fromLong(9), 12, 1);
    gossip.onMessage(v);
    assertThat(received).containsExactly(v);
    assertThat(ctx.sent).isEmpty();
  }
}
