package io.parapipe.sim.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.host.Exchange;
import io.parapipe.protocol.host.Message;
import io.parapipe.protocol.host.Node;
import io.parapipe.protocol.host.NodeContext;
import io.parapipe.protocol.host.RelayRoute;
import io.parapipe.protocol.host.Timer;
import io.parapipe.protocol.host.Topic;
import io.parapipe.sim.kernel.TestNode.Msg;
import io.parapipe.sim.network.GossipMode;
import io.parapipe.sim.network.NetworkConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * The engine counts transfers, messages put on the network for one receiver, and their bytes,
 * whatever carries them, alike under both gossip modes: five nodes, 10 ms links, 1 MB/s.
 */
class TransfersTest {
  private static final Msg VOTE = new Msg("vote", 300);

  /** Node 0 sends to 1 and 2, 1 forwards to 3, 2 forwards to 3 and 4 (3 gets it twice). */
  private static final RelayRoute ROUTE = RelayedPostTest.ROUTE;

  /** Forwards what reaches it along {@link #ROUTE} under exact gossip, once. */
  private static final class Relay implements Node {
    NodeContext ctx;
    boolean seen;

    @Override
    public void start(NodeContext c) {
      ctx = c;
    }

    @Override
    public void onMessage(int from, Message m) {
      if (seen) {
        return;
      }
      seen = true;
      int[] out = new int[2];
      int n = ROUTE.forwards(ctx.self(), from, out);
      for (int i = 0; i < n; i++) {
        ctx.send(out[i], m);
      }
    }

    @Override
    public void onTimer(Timer t) {}

    @Override
    public Message answer(int from, Message request, long atMicros) {
      return new ExchangeDrawTest.Piece(true, 10_000);
    }
  }

  private static Engine engine(GossipMode mode) {
    Engine e = new Engine(1, NetworkConfig.IDEAL.withLatency(10_000).withBandwidth(1_000_000));
    e.setGossipMode(mode);
    for (int i = 0; i < 5; i++) {
      e.addNode(new Relay());
      e.network().subscribe(Topic.VALIDATORS, i);
    }
    e.run(0);
    return e;
  }

  @Test
  void aSendIsOneTransferOfItsBytesAndASendToSelfIsNone() {
    Engine e = engine(GossipMode.EXACT);
    e.context(0).send(0, VOTE);
    assertThat(e.transfers()).isZero();
    e.context(0).send(4, VOTE);
    assertThat(e.transfers()).isEqualTo(1);
    assertThat(e.transferBytes()).isEqualTo(300);
  }

  @ParameterizedTest
  @EnumSource(GossipMode.class)
  void aBroadcastOrPostIsOneTransferPerOnlineReceiver(GossipMode mode) {
    Engine e = engine(mode);
    e.network().setOffline(3);
    e.context(0).broadcast(Topic.VALIDATORS, VOTE);
    assertThat(e.transfers()).isEqualTo(3); // 1, 2 and 4
    e.context(1).post(Topic.VALIDATORS, VOTE, 1_000_000);
    assertThat(e.transfers()).isEqualTo(6); // 0, 2 and 4
    assertThat(e.transferBytes()).isEqualTo(6 * 300);
    // Each node's bytes: 0 sent three, got one; 1 sent three, got one; 3 was offline.
    assertThat(e.bytesSent(0)).isEqualTo(900);
    assertThat(e.bytesSent(1)).isEqualTo(900);
    assertThat(e.bytesReceived(0)).isEqualTo(300);
    assertThat(e.bytesReceived(2)).isEqualTo(600);
    assertThat(e.bytesReceived(3)).isZero();
    assertThat(e.transfersByMessage()).containsOnlyKeys("Msg");
    assertThat(e.transfersByMessage().get("Msg")).containsExactly(6, 1800);
  }

  @ParameterizedTest
  @EnumSource(GossipMode.class)
  void aRelayedPostIsOneTransferPerHop(GossipMode mode) {
    Engine e = engine(mode);
    e.context(0).postRelayed(Topic.APPROVALS, VOTE, 1_000_000, 7, 1, ROUTE);
    e.run(100_000);
    // 0 to 1 and 2, 1 to 3, 2 to 3 and 4: five hops, the second copy to 3 included.
    assertThat(e.transfers()).isEqualTo(5);
    assertThat(e.transferBytes()).isEqualTo(5 * 300);
    // Senders: 0 twice, 1 once, 2 twice; 3 got two copies.
    assertThat(e.bytesSent(0)).isEqualTo(600);
    assertThat(e.bytesSent(1)).isEqualTo(300);
    assertThat(e.bytesSent(2)).isEqualTo(600);
    assertThat(e.bytesReceived(3)).isEqualTo(600);
    assertThat(e.bytesReceived(4)).isEqualTo(300);
  }

  @Test
  void aDrawnExchangeCountsItsRequestsAndAnswers() {
    Engine e = engine(GossipMode.THRESHOLD);
    Exchange.Outcome o = e.context(0).exchange(ExchangeDrawTest.twoOf(3));
    assertThat(o.requests()).isEqualTo(2);
    assertThat(e.transfers()).isEqualTo(4); // two requests, two answers
    assertThat(e.transferBytes()).isEqualTo(2 * Message.SMALL + 2 * 10_000);
    assertThat(e.eventsProcessed()).isZero();
    // The requester sent two requests and got two answers; each peer asked got one, sent one.
    assertThat(e.bytesSent(0)).isEqualTo(2 * Message.SMALL);
    assertThat(e.bytesReceived(0)).isEqualTo(20_000);
    assertThat(e.bytesSent(1)).isEqualTo(10_000);
    assertThat(e.bytesReceived(2)).isEqualTo(Message.SMALL);
    assertThat(e.bytesSent(3)).isZero();
    // Named by the exchange's types: its requests' class, and Message for its answers.
    assertThat(e.transfersByMessage()).containsOnlyKeys("Ask", "Message");
  }
}
