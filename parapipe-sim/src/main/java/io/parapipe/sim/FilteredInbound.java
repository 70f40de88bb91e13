package io.parapipe.sim;

import io.parapipe.protocol.host.Exchange;
import io.parapipe.protocol.host.Message;
import io.parapipe.protocol.host.Node;
import io.parapipe.protocol.host.NodeContext;
import io.parapipe.protocol.host.PostSink;
import io.parapipe.protocol.host.Timer;
import io.parapipe.protocol.host.Topic;
import io.parapipe.protocol.wire.AdvertiseCollation;
import io.parapipe.protocol.wire.BackedCandidateManifest;
import io.parapipe.protocol.wire.CollationFetchRequest;
import io.parapipe.protocol.wire.CollationFetchResponse;
import io.parapipe.protocol.wire.Declare;
import io.parapipe.protocol.wire.StatementMessage;
import java.util.function.Predicate;

/**
 * An honest node that never hears some kinds of message: the faults that consist of a protocol a
 * node does not speak. Everything else, its timers and what it sends, is the inner node's.
 */
final class FilteredInbound implements Node {
  private final Node inner;
  private final Predicate<Message> unheard;

  private FilteredInbound(Node inner, Predicate<Message> unheard) {
    this.inner = inner;
    this.unheard = unheard;
  }

  /**
   * A validator on a node version from before asynchronous backing ({@code faults.legacy_validators}):
   * it does not speak the collator protocol or statement distribution of the new version, so the
   * collators' declarations and advertisements, collations and every statement or manifest of its
   * peers never reach it. It therefore fetches no collation, seconds nothing and issues no
   * {@code Valid} statement, and the blocks it authors carry no backed candidate (it learns of
   * none). Everything else runs as usual: it authors relay blocks, signs and gossips bitfields,
   * fetches and serves chunks, checks approvals and votes in GRANDPA. The rollout thread of async
   * backing told validators that did not upgrade that they could not take part in backing and
   * would get no backing rewards.
   */
  static Node legacyValidator(Node validator) {
    return new FilteredInbound(validator, m -> m instanceof AdvertiseCollation || m instanceof Declare
        || m instanceof CollationFetchResponse || m instanceof StatementMessage
        || m instanceof BackedCandidateManifest);
  }

  /**
   * A collator that withholds its collations ({@code withheld-collation} in
   * {@code faults.misbehaving_collators}): it builds, gossips and advertises as usual, but the
   * fetch requests of backers never reach it, so none is answered. Each backer's request times
   * out and it fetches the next advertised collation, as upstream's validator side does.
   */
  static Node withheldCollations(Node collator) {
    return new FilteredInbound(collator, m -> m instanceof CollationFetchRequest);
  }

  @Override
  public void start(NodeContext ctx) {
    inner.start(new PostFilter(ctx, unheard));
  }

  /** The node's context, except that posted messages it does not hear are not handed over. */
  private static final class PostFilter extends ForwardingContext {
    private final Predicate<Message> unheard;

    PostFilter(NodeContext real, Predicate<Message> unheard) {
      super(real);
      this.unheard = unheard;
    }

    @Override
    public void takeArrived(Topic topic, PostSink sink) {
      real.takeArrived(topic, (from, at, m) -> {
        if (!unheard.test(m)) {
          sink.accept(from, at, m);
        }
      });
    }

    @Override
    public Exchange.Outcome exchange(Exchange x) {
      return real.exchange(new Exchanges.Filtered(x, (from, sentAt, at, m) -> !unheard.test(m)));
    }
  }

  @Override
  public void onMessage(int from, Message m) {
    if (!unheard.test(m)) {
      inner.onMessage(from, m);
    }
  }

  /**
   * Asked for every answer ({@link Node#answersFromOffers} stays false, though the inner node's
   * offers are passed on): the host cannot tell which requests the filter drops.
   */
  @Override
  public Message answer(int from, Message request, long atMicros) {
    return unheard.test(request) ? null : inner.answer(from, request, atMicros);
  }

  @Override
  public void onTimer(Timer timer) {
    inner.onTimer(timer);
  }
}
