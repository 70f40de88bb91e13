package io.parapipe.sim.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.host.Exchange;
import io.parapipe.protocol.host.ForwardingExchange;
import io.parapipe.protocol.host.Message;
import io.parapipe.protocol.host.Node;
import io.parapipe.protocol.host.NodeContext;
import io.parapipe.protocol.host.Timer;
import io.parapipe.sim.network.GossipMode;
import io.parapipe.sim.network.NetworkConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A request/response exchange drawn at once under threshold gossip, checked against timings
 * worked out by hand: 50 ms latency, no jitter, 1 MB/s links (a 256-byte request takes 256 µs to
 * send, a 10 kB answer 10 ms), a 1 s timeout, answers wanted from two of the peers 1, 2, 3, 4.
 */
class ExchangeDrawTest {
  private static final long LATENCY = 50_000;
  private static final long TIMEOUT = 1_000_000;

  /** A request for a piece, and the answer: the piece ({@code size} bytes) or a refusal. */
  record Ask(int peer) implements Message {}

  record Piece(boolean found, int size) implements Message {
    @Override
    public int sizeBytes() {
      return size;
    }
  }

  /** A peer that answers with {@code answer} (null: says nothing), noting what it was asked. */
  static final class Peer implements Node {
    final Message answer;
    final List<Long> askedAt = new ArrayList<>();

    Peer(Message answer) {
      this.answer = answer;
    }

    @Override
    public void start(NodeContext ctx) {}

    @Override
    public void onMessage(int from, Message m) {}

    @Override
    public void onTimer(Timer timer) {}

    @Override
    public Message answer(int from, Message request, long atMicros) {
      askedAt.add(atMicros);
      return answer;
    }
  }

  private static final Message CHUNK = new Piece(true, 10_000);
  private static final Message REFUSAL = new Piece(false, Message.SMALL);

  private final List<Peer> peers = new ArrayList<>();

  private Engine engine(GossipMode mode, Message... answers) {
    Engine e = new Engine(1, NetworkConfig.IDEAL.withLatency(LATENCY).withBandwidth(1_000_000));
    e.addNode(new TestNode());
    for (Message a : answers) {
      Peer p = new Peer(a);
      peers.add(p);
      e.addNode(p);
    }
    e.setGossipMode(mode);
    return e;
  }

  static Exchange twoOf(int peerCount) {
    return new Exchange() {
      @Override
      public int peers() {
        return peerCount;
      }

      @Override
      public int peer(int i) {
        return i + 1;
      }

      @Override
      public int needed() {
        return 2;
      }

      @Override
      public long timeoutMicros() {
        return TIMEOUT;
      }

      @Override
      public Message request(int i, long deadlineMicros) {
        return new Ask(i + 1);
      }

      @Override
      public boolean useful(Message response) {
        return response instanceof Piece p && p.found();
      }
    };
  }

  @Test
  void exactGossipExchangesByMessages() {
    Engine e = engine(GossipMode.EXACT, CHUNK, CHUNK);
    assertThat(e.context(0).exchange(twoOf(2))).isNull();
  }

  @Test
  void aSilentPeerIsReplacedWhenItsRequestTimesOut() {
    Engine e = engine(GossipMode.THRESHOLD, null, CHUNK, CHUNK, CHUNK);
    Exchange.Outcome o = e.context(0).exchange(twoOf(4));
    // Requests to 1 and 2 leave at 256 and 512 µs (one after the other on the uplink) and
    // arrive 50 ms later. 2 answers at 50,512; its 10 kB leave by 60,512 and arrive at 110,512.
    // 1 says nothing: its request times out at 1 s, when 3 is asked: the request arrives at
    // 1,050,256, the chunk at 1,110,256, the second chunk in. 4 is never asked.
    assertThat(o.atMicros()).isEqualTo(1_110_256);
    assertThat(o.useful()).isEqualTo(2);
    assertThat(o.requests()).isEqualTo(3);
    assertThat(o.lastUseful()).isSameAs(CHUNK);
    assertThat(peers.get(0).askedAt).containsExactly(50_256L);
    assertThat(peers.get(1).askedAt).containsExactly(50_512L);
    assertThat(peers.get(2).askedAt).containsExactly(1_050_256L);
    assertThat(peers.get(3).askedAt).isEmpty();
    assertThat(e.eventsProcessed()).isZero();
  }

  @Test
  void anExchangeThatWantsOneRequestInFlightAsksOneAfterTheOther() {
    Engine e = engine(GossipMode.THRESHOLD, CHUNK, CHUNK);
    List<String> asked = new ArrayList<>();
    Exchange one = new ForwardingExchange(twoOf(2)) {
      @Override
      public int inFlightWanted(int missing, int responses, int errors) {
        asked.add(missing + "/" + responses + "/" + errors);
        return 1;
      }
    };
    Exchange.Outcome o = e.context(0).exchange(one);
    // 1 is asked at once; its chunk comes at 110,256 (as in answersQueueOnTheRequestersDownlink);
    // only then is 2 asked: its request arrives 50 ms after it leaves, its chunk 60 ms later.
    assertThat(peers.get(1).askedAt).containsExactly(160_512L);
    assertThat(o.atMicros()).isEqualTo(220_512);
    assertThat(o.useful()).isEqualTo(2);
    assertThat(asked).startsWith("2/0/0").contains("1/1/0");
  }

  @Test
  void aPeerWithoutThePieceIsReplacedWhenItsRefusalArrives() {
    Engine e = engine(GossipMode.THRESHOLD, REFUSAL, CHUNK, CHUNK);
    Exchange.Outcome o = e.context(0).exchange(twoOf(3));
    // 1's refusal (256 bytes) leaves at 50,512 and arrives at 100,512: 3 is asked then, its
    // request leaves at 100,768, arrives at 150,768; the chunk leaves at 160,768 and arrives at
    // 210,768. 2's chunk came at 110,512.
    assertThat(peers.get(2).askedAt).containsExactly(150_768L);
    assertThat(o.atMicros()).isEqualTo(210_768);
    assertThat(o.useful()).isEqualTo(2);
    assertThat(o.requests()).isEqualTo(3);
  }

  @Test
  void answersQueueOnTheRequestersDownlink() {
    Engine e = engine(GossipMode.THRESHOLD, CHUNK, CHUNK);
    Exchange.Outcome o = e.context(0).exchange(twoOf(2));
    // The chunks arrive at 110,256 and 110,512 on a free downlink; the second waits for the
    // first's 10 ms: in at 120,256.
    assertThat(o.atMicros()).isEqualTo(120_256);
    assertThat(o.useful()).isEqualTo(2);
    // A second exchange of the same node right after queues behind the first's answers.
    Exchange.Outcome again = e.context(0).exchange(twoOf(2));
    assertThat(again.atMicros()).isEqualTo(140_256);
  }

  @Test
  void tooFewAnswersEndWhenTheLastRequestTimesOut() {
    Engine e = engine(GossipMode.THRESHOLD, null, CHUNK, null);
    Exchange.Outcome o = e.context(0).exchange(twoOf(3));
    // 2's chunk comes at 110,512; 1 times out at 1 s, 3 is asked then and times out at 2 s.
    assertThat(o.atMicros()).isEqualTo(2_000_000);
    assertThat(o.useful()).isEqualTo(1);
    assertThat(o.complete(2)).isFalse();
    assertThat(o.requests()).isEqualTo(3);
  }

  @Test
  void anAnswerTheRequesterDoesNotHearTimesOut() {
    Engine e = engine(GossipMode.THRESHOLD, CHUNK, CHUNK, CHUNK);
    Exchange deaf = new ForwardingExchange(twoOf(3)) {
      @Override
      public boolean heard(int from, long requestSentAt, long responseAt, Message response) {
        return from != 1; // across a partition, say
      }
    };
    Exchange.Outcome o = e.context(0).exchange(deaf);
    // 1's chunk is ignored, its request times out at 1 s; 3's chunk then comes at 1,110,256.
    assertThat(o.atMicros()).isEqualTo(1_110_256);
    assertThat(o.useful()).isEqualTo(2);
  }
}
