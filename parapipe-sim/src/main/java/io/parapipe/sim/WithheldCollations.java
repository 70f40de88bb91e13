package io.parapipe.sim;

import io.parapipe.protocol.host.Message;
import io.parapipe.protocol.host.Node;
import io.parapipe.protocol.host.NodeContext;
import io.parapipe.protocol.host.Timer;
import io.parapipe.protocol.wire.CollationFetchRequest;

/**
 * A collator that withholds its collations ({@code withheld-collation} in
 * {@code faults.misbehaving_collators}): the honest node inside builds, gossips and advertises as
 * usual, but the fetch requests of backers never reach it, so none is answered. Each backer's
 * request times out and it fetches the next advertised collation, as upstream's validator side
 * does.
 */
final class WithheldCollations implements Node {
  private final Node inner;

  /** @param inner the honest collator node */
  WithheldCollations(Node inner) {
    this.inner = inner;
  }

  @Override
  public void start(NodeContext ctx) {
    inner.start(ctx);
  }

  @Override
  public void onMessage(int from, Message m) {
    if (!(m instanceof CollationFetchRequest)) {
      inner.onMessage(from, m);
    }
  }

  @Override
  public void onTimer(Timer timer) {
    inner.onTimer(timer);
  }
}
