package io.parapipe.sim;

import io.parapipe.protocol.host.Exchange;
import io.parapipe.protocol.host.ForwardingExchange;
import io.parapipe.protocol.host.Message;

/** Helpers for fault wrappers that pass a node's {@link Exchange} on to the host. */
final class Exchanges {
  private Exchanges() {}

  /** Whether the requester takes in an answer (see {@link Exchange#heard}). */
  @FunctionalInterface
  interface Hearing {
    boolean heard(int from, long requestSentAt, long responseAt, Message response);
  }

  /** {@code inner}, with answers taken in only if the wrapper's {@code hearing} also says so. */
  static final class Filtered extends ForwardingExchange {
    private final Hearing hearing;

    Filtered(Exchange inner, Hearing hearing) {
      super(inner);
      this.hearing = hearing;
    }

    @Override
    public boolean heard(int from, long requestSentAt, long responseAt, Message response) {
      return hearing.heard(from, requestSentAt, responseAt, response)
          && super.heard(from, requestSentAt, responseAt, response);
    }

    @Override
    public boolean screensAnswers() {
      return true;
    }
  }
}
