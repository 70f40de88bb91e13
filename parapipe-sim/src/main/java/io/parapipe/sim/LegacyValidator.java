package io.parapipe.sim;

import io.parapipe.protocol.host.Message;
import io.parapipe.protocol.host.Node;
import io.parapipe.protocol.host.NodeContext;
import io.parapipe.protocol.host.Timer;
import io.parapipe.protocol.wire.AdvertiseCollation;
import io.parapipe.protocol.wire.BackedCandidateManifest;
import io.parapipe.protocol.wire.CollationFetchResponse;
import io.parapipe.protocol.wire.Declare;
import io.parapipe.protocol.wire.StatementMessage;

/**
 * A validator on a node version from before asynchronous backing ({@code faults.legacy_validators}):
 * it does not speak the collator protocol or statement distribution of the new version, so the
 * collators' declarations and advertisements, collations and every statement or manifest of its
 * peers never reach the honest node inside. It therefore fetches no collation, seconds nothing and
 * issues no {@code Valid} statement, and the blocks it authors carry no backed candidate (it learns
 * of none). Everything else runs as usual: it authors relay blocks, signs and gossips bitfields,
 * fetches and serves chunks, checks approvals and votes in GRANDPA. The rollout thread of async
 * backing told validators that did not upgrade that they could not take part in backing and would
 * get no backing rewards.
 */
final class LegacyValidator implements Node {
  private final Node inner;

  /** @param inner the validator node */
  LegacyValidator(Node inner) {
    this.inner = inner;
  }

  @Override
  public void start(NodeContext ctx) {
    inner.start(ctx);
  }

  @Override
  public void onMessage(int from, Message m) {
    if (!(m instanceof AdvertiseCollation || m instanceof Declare || m instanceof CollationFetchResponse
        || m instanceof StatementMessage || m instanceof BackedCandidateManifest)) {
      inner.onMessage(from, m);
    }
  }

  @Override
  public void onTimer(Timer timer) {
    inner.onTimer(timer);
  }
}
