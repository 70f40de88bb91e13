package io.parapipe.sim;

import io.parapipe.protocol.host.Exchange;
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
  record Filtered(Exchange inner, Hearing hearing) implements Exchange {
    @Override
    public int peers() {
      return inner.peers();
    }

    @Override
    public int peer(int i) {
      return inner.peer(i);
    }

    @Override
    public int needed() {
      return inner.needed();
    }

    @Override
    public long timeoutMicros() {
      return inner.timeoutMicros();
    }

    @Override
    public Message request(int i, long deadlineMicros) {
      return inner.request(i, deadlineMicros);
    }

    @Override
    public int requestBytes(int i) {
      return inner.requestBytes(i);
    }

    @Override
    public boolean useful(Message response) {
      return inner.useful(response);
    }

    @Override
    public int offerAnswerBytes(int i, int size, Object payload) {
      return inner.offerAnswerBytes(i, size, payload);
    }

    @Override
    public boolean offerAnswerUseful(int i, int size, Object payload) {
      return inner.offerAnswerUseful(i, size, payload);
    }

    @Override
    public boolean screensAnswers() {
      return true;
    }

    @Override
    public Object offerKey() {
      return inner.offerKey();
    }

    @Override
    public int offerSlot(int i) {
      return inner.offerSlot(i);
    }

    @Override
    public Message answerFromOffer(int i, int size, Object payload, long deadlineMicros) {
      return inner.answerFromOffer(i, size, payload, deadlineMicros);
    }

    @Override
    public boolean heard(int from, long requestSentAt, long responseAt, Message response) {
      return hearing.heard(from, requestSentAt, responseAt, response)
          && inner.heard(from, requestSentAt, responseAt, response);
    }
  }
}
