package io.parapipe.protocol.host;

/**
 * Requests to several peers for {@link #needed} useful answers, as availability recovery asks
 * chunk holders: peers are asked in order, with as many requests in flight as {@link
 * #inFlightWanted} says (by default as many as useful answers are still missing); a request
 * gives up after {@link #timeoutMicros}; each answer or timeout may send the next request. The exchange ends at the {@code needed}-th useful answer, or when every peer
 * was asked and none is still awaited.
 *
 * <p>A host that can draw the whole exchange at once, without an event per request and
 * response, does so through {@link NodeContext#exchange}; the requester then acts once, at the
 * end. Whoever answers does so through {@link Node#answer}, from its state when the exchange is
 * drawn, or, for an exchange with an {@link #offerKey}, from what it offered ({@link
 * NodeContext#offer}).
 */
public interface Exchange {
  /** How many peers may be asked. */
  int peers();

  /** The node id of the {@code i}-th peer to ask, {@code 0 <= i < peers()}. */
  int peer(int i);

  /** How many useful answers end the exchange. */
  int needed();

  /** How long each request waits for its answer. */
  long timeoutMicros();

  /**
   * How many requests the exchange wants in flight, asked after each answer or timeout: by
   * default as many as useful answers are still {@code missing}; an exchange may bound it, or
   * ask for more as failures mount.
   *
   * @param missing useful answers still missing
   * @param responses requests answered or timed out so far
   * @param errors of those, the ones that were not useful (a refusal, a timeout)
   */
  default int inFlightWanted(int missing, int responses, int errors) {
    return missing;
  }

  /** The request to the {@code i}-th peer, sent with this deadline (sending time + timeout). */
  Message request(int i, long deadlineMicros);

  /**
   * The size in bytes of the {@code i}-th request, as {@code request(i, d).sizeBytes()} gives for
   * any deadline {@code d}: a host drawing the exchange makes the request itself only for a peer
   * whose node it asks. Override it where making a request costs more than naming its size.
   */
  default int requestBytes(int i) {
    return request(i, Long.MAX_VALUE).sizeBytes();
  }

  /**
   * The type of this exchange's requests, by which a host counts the traffic it draws; by default
   * that of the first request.
   */
  default Class<? extends Message> requestType() {
    return request(0, Long.MAX_VALUE).getClass();
  }

  /**
   * The type of this exchange's answers, by which a host counts the traffic it draws; override it
   * where the answers are of one type ({@link Message} by default).
   */
  default Class<? extends Message> answerType() {
    return Message.class;
  }

  /** Whether an answer counts towards {@link #needed} (a refusal frees its slot only). */
  boolean useful(Message response);

  /**
   * Whether the requester takes in {@code response} from {@code from}, for a request it sent at
   * {@code requestSentAt}, arriving at {@code responseAt}: fault wrappers say no for a request
   * sent, or an answer arriving, while the requester was cut off. Not taken in, the request times
   * out as if the answer had been lost.
   */
  default boolean heard(int from, long requestSentAt, long responseAt, Message response) {
    return true;
  }

  /**
   * Whether {@link #heard} may say no to an answer from an offer: a host drawing the exchange
   * asks {@link #heard} about those only if so, and otherwise need not make them into messages.
   * An exchange with an {@link #offerKey} that overrides {@link #heard} must return true here.
   */
  default boolean screensAnswers() {
    return false;
  }

  /**
   * What every request of this exchange asks about, if a host drawing it may answer from the
   * peers' offers ({@link NodeContext#offer}) instead of asking each peer's node; null (the
   * default) to ask each node ({@link Node#answer}).
   */
  default Object offerKey() {
    return null;
  }

  /** The slot the {@code i}-th request asks for (a chunk index), matched against offers. */
  default int offerSlot(int i) {
    return -1;
  }

  /**
   * The answer the {@code i}-th peer sends from its offer: for the slot asked, the offered
   * {@code size} and {@code payload}; a refusal when {@code size} is negative (the peer offered
   * nothing for the key, or another slot). It must be the message {@link Node#answer} would give.
   *
   * @param deadlineMicros the request's deadline, as {@link #request} got it
   */
  default Message answerFromOffer(int i, int size, Object payload, long deadlineMicros) {
    throw new UnsupportedOperationException("this exchange has no offerKey");
  }

  /**
   * The size in bytes of {@code answerFromOffer(i, size, payload, d)}, for any deadline, without
   * making it (a host drawing the exchange makes a message of only the last useful answer).
   * Override it, with {@link #offerAnswerUseful}, where making the answer costs more.
   */
  default int offerAnswerBytes(int i, int size, Object payload) {
    return answerFromOffer(i, size, payload, Long.MAX_VALUE).sizeBytes();
  }

  /** Whether {@code answerFromOffer(i, size, payload, d)} is {@link #useful}, without making it. */
  default boolean offerAnswerUseful(int i, int size, Object payload) {
    return useful(answerFromOffer(i, size, payload, Long.MAX_VALUE));
  }

  /**
   * How a drawn exchange ends.
   *
   * @param atMicros when: the arrival of the {@code needed}-th useful answer, or when the last
   *     outstanding request was answered or timed out with too few useful answers
   * @param useful how many useful answers came by then (at most {@code needed})
   * @param lastUseful the last useful answer, or null if none
   * @param requests how many requests were sent
   */
  record Outcome(long atMicros, int useful, Message lastUseful, int requests) {
    /** Whether {@code needed} useful answers came. */
    public boolean complete(int needed) {
      return useful >= needed;
    }
  }
}
