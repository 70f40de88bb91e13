package io.parapipe.protocol.host;

/**
 * An exchange that passes every method on to another: the base of exchanges that change a few of
 * them (a fault wrapper's that may not hear an answer), so that none drops a method the host
 * reads and falls back to the default's behaviour.
 */
public class ForwardingExchange implements Exchange {
  private final Exchange inner;

  /** Passes every method on to {@code inner}. */
  public ForwardingExchange(Exchange inner) {
    this.inner = inner;
  }

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
  public int inFlightWanted(int missing, int responses, int errors) {
    return inner.inFlightWanted(missing, responses, errors);
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
  public Class<? extends Message> requestType() {
    return inner.requestType();
  }

  @Override
  public Class<? extends Message> answerType() {
    return inner.answerType();
  }

  @Override
  public boolean useful(Message response) {
    return inner.useful(response);
  }

  @Override
  public boolean heard(int from, long requestSentAt, long responseAt, Message response) {
    return inner.heard(from, requestSentAt, responseAt, response);
  }

  @Override
  public boolean screensAnswers() {
    return inner.screensAnswers();
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
  public int offerAnswerBytes(int i, int size, Object payload) {
    return inner.offerAnswerBytes(i, size, payload);
  }

  @Override
  public boolean offerAnswerUseful(int i, int size, Object payload) {
    return inner.offerAnswerUseful(i, size, payload);
  }
}
