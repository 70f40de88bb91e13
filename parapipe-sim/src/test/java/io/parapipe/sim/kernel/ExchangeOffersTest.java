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
 * A drawn exchange answered from offers ({@code NodeContext.offer}) gives what asking each node
 * gives: the same answers, hence the same outcome. Peers 1 to 4 hold slots 1 to 4 of key "k"
 * (peer 3 offers nothing, peer 4 asks to be asked); the requester wants two answers.
 */
class ExchangeOffersTest {
  private static final String KEY = "k";

  record Ask(int slot) implements Message {}

  record Piece(int slot, int size, Object payload) implements Message {
    @Override
    public int sizeBytes() {
      return Math.max(size, SMALL);
    }
  }

  /** A holder of one slot that offers it (or not), and answers when asked, noting that it was. */
  static final class Holder implements Node {
    final int slot;
    final int offerAs;
    final boolean hears;
    final List<Long> askedAt = new ArrayList<>();

    Holder(int slot, int offerAs, boolean hears) {
      this.slot = slot;
      this.offerAs = offerAs;
      this.hears = hears;
    }

    @Override
    public void start(NodeContext ctx) {
      if (offerAs != ServeIndex.NONE) {
        ctx.offer(KEY, offerAs, 1_000 * slot, "data");
      }
    }

    @Override
    public void onMessage(int from, Message m) {}

    @Override
    public void onTimer(Timer timer) {}

    @Override
    public Message answer(int from, Message request, long atMicros) {
      askedAt.add(atMicros);
      Ask a = (Ask) request;
      return offerAs == ServeIndex.NONE || a.slot() != slot
          ? new Piece(a.slot(), -1, null) : new Piece(a.slot(), 1_000 * slot, "data");
    }

    @Override
    public boolean answersFromOffers() {
      return true;
    }

    @Override
    public boolean hears(int from, long atMicros) {
      return hears;
    }

    @Override
    public boolean screensArrivals() {
      return !hears;
    }
  }

  private final List<Holder> holders = new ArrayList<>();

  private Engine engine(Holder... hs) {
    Engine e = new Engine(1, NetworkConfig.IDEAL.withLatency(10_000).withBandwidth(1_000_000));
    e.setGossipMode(GossipMode.THRESHOLD);
    e.addNode(new TestNode());
    for (Holder h : hs) {
      holders.add(h);
      e.addNode(h);
    }
    e.run(0);
    return e;
  }

  private static Exchange twoOfFour(boolean keyed) {
    return new Exchange() {
      @Override
      public int peers() {
        return 4;
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
        return 1_000_000;
      }

      @Override
      public Message request(int i, long deadlineMicros) {
        return new Ask(i + 1);
      }

      @Override
      public boolean useful(Message response) {
        return response instanceof Piece p && p.size() >= 0;
      }

      @Override
      public Object offerKey() {
        return keyed ? KEY : null;
      }

      @Override
      public int offerSlot(int i) {
        return i + 1;
      }

      @Override
      public Message answerFromOffer(int i, int size, Object payload, long deadlineMicros) {
        return new Piece(i + 1, size, payload);
      }
    };
  }

  private Holder[] fourHolders(boolean thirdHears) {
    return new Holder[] {new Holder(1, 1, true), new Holder(2, 2, true),
        new Holder(3, ServeIndex.NONE, thirdHears), new Holder(4, NodeContext.ASK_NODE, true)};
  }

  @Test
  void offersGiveTheSameOutcomeAsAskingEachNode() {
    Exchange.Outcome asked = engine(fourHolders(true)).context(0).exchange(twoOfFour(false));
    holders.clear();
    Engine e = engine(fourHolders(true));
    Exchange.Outcome offered = e.context(0).exchange(twoOfFour(true));
    assertThat(offered).isEqualTo(asked);
    assertThat(offered.useful()).isEqualTo(2);
    // Only the holder that asked to be asked was: 1 and 2 answered from their offers.
    assertThat(holders.get(0).askedAt).isEmpty();
    assertThat(holders.get(1).askedAt).isEmpty();
    assertThat(holders.get(3).askedAt).isEmpty(); // not reached: two answers were in first
  }

  @Test
  void onlyTheLastUsefulAnswerFromAnOfferIsMadeAMessage() {
    int[] made = new int[1];
    Exchange naming = new ForwardingExchange(twoOfFour(true)) {
      @Override
      public Message answerFromOffer(int i, int size, Object payload, long deadlineMicros) {
        made[0]++;
        return super.answerFromOffer(i, size, payload, deadlineMicros);
      }

      @Override
      public int offerAnswerBytes(int i, int size, Object payload) {
        return Math.max(size, Message.SMALL);
      }

      @Override
      public boolean offerAnswerUseful(int i, int size, Object payload) {
        return size >= 0;
      }
    };
    Exchange.Outcome expected = engine(fourHolders(true)).context(0).exchange(twoOfFour(true));
    holders.clear();
    Exchange.Outcome o = engine(fourHolders(true)).context(0).exchange(naming);
    assertThat(o).isEqualTo(expected);
    assertThat(made[0]).isEqualTo(1);
  }

  @Test
  void anExchangeThatScreensAnswersIsAskedAboutEachAnswerFromAnOffer() {
    List<Integer> askedAbout = new ArrayList<>();
    Exchange screening = new ForwardingExchange(twoOfFour(true)) {
      @Override
      public boolean heard(int from, long requestSentAt, long responseAt, Message response) {
        askedAbout.add(from);
        return from != 1; // holder 1's answer is not heard: its request times out
      }

      @Override
      public boolean screensAnswers() {
        return true;
      }
    };
    Exchange.Outcome o = engine(fourHolders(true)).context(0).exchange(screening);
    assertThat(askedAbout).contains(1, 2);
    assertThat(o.useful()).isEqualTo(2);
    assertThat(o.atMicros()).isGreaterThanOrEqualTo(1_000_000); // 4 asked after 1's timeout
  }

  @Test
  void noOfferIsARefusalAndAnAskingOfferAsksTheNode() {
    // Holder 1 offers nothing now: its refusal frees a slot, so 3 (refuses) and 4 are asked too.
    Engine e = engine(new Holder(1, ServeIndex.NONE, true), new Holder(2, 2, true),
        new Holder(3, ServeIndex.NONE, true), new Holder(4, NodeContext.ASK_NODE, true));
    Exchange.Outcome o = e.context(0).exchange(twoOfFour(true));
    assertThat(o.useful()).isEqualTo(2);
    assertThat(o.requests()).isEqualTo(4);
    assertThat(holders.get(3).askedAt).hasSize(1);
    assertThat(holders.get(0).askedAt).isEmpty();
  }

  @Test
  void aPeerThatWouldNotHearIsNotAnswered() {
    Engine e = engine(new Holder(1, ServeIndex.NONE, false), new Holder(2, 2, true),
        new Holder(3, 3, true), new Holder(4, 4, true));
    Exchange.Outcome o = e.context(0).exchange(twoOfFour(true));
    // 1 says nothing (its request times out after 1 s), so 2 and 3 answer without it.
    assertThat(o.useful()).isEqualTo(2);
    assertThat(o.requests()).isEqualTo(3);
  }

  @Test
  void aWithdrawnOfferIsForgottenAndItsRowWithIt() {
    ServeIndex index = new ServeIndex();
    index.offer(2, 4, KEY, 7, 100, "x");
    index.offer(3, 4, KEY, 8, 200, "y");
    assertThat(index.row(KEY).slot[2]).isEqualTo(7);
    index.withdraw(2, KEY);
    index.withdraw(2, KEY); // twice: still counted once
    assertThat(index.row(KEY).slot[2]).isEqualTo(ServeIndex.NONE);
    assertThat(index.keys()).isEqualTo(1);
    index.withdraw(3, KEY);
    assertThat(index.row(KEY)).isNull();
    assertThat(index.keys()).isZero();
  }
}
