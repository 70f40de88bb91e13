package io.parapipe.sim.kernel;

import io.parapipe.protocol.host.Exchange;
import io.parapipe.protocol.host.Message;
import io.parapipe.protocol.host.Node;
import io.parapipe.protocol.host.NodeContext;
import io.parapipe.sim.network.Network;
import java.util.Arrays;

/**
 * Draws a whole {@link Exchange} at once under threshold gossip: a small event simulation of its
 * requests, answers and timeouts, private to the requester, whose outcome the requester acts on
 * with one timer instead of an event per request, answer and timeout.
 *
 * <p>Each request and answer draws the sender's uplink queue, loss, jitter, latency spike and
 * deadline checks as {@link Engine#send} does, from the same per-sender streams (but when the
 * exchange is drawn, so later draws of those streams shift). What differs from sending:
 *
 * <ul>
 *   <li>the answering peer answers ({@link Node#answer}) from its state when the exchange is
 *       drawn, not when the request arrives; a peer that answers from offers, for an exchange
 *       with an {@link Exchange#offerKey}, is answered from the key's row of offers ({@link
 *       ServeIndex}) instead of being asked;
 *   <li>answers are not put on the nodes' links (a link is one "free at" time, and booking a
 *       peer's uplink for an answer it sends a second from now would hold up everything it sends
 *       meanwhile). Instead each node has two calendars of the time drawn exchanges reserved:
 *       its uplink for the answers it sends, its downlink for the answers it receives. An answer
 *       waits for what the real link had queued when the exchange was drawn, then takes the first
 *       gap of the calendar long enough for it, so answers of all exchanges contend with each
 *       other (many checkers asking one holder at once; a checker's answers, recovery
 *       threshold chunks, 2 MiB, arriving within milliseconds) wherever they were drawn, and are
 *       cut off at their deadline as on a real link. Other messages do not queue behind answers,
 *       nor answers behind messages sent after the draw;
 *   <li>requests (small) take the requester's uplink after each other and after what it had
 *       queued, and wait for what the peer's downlink had queued, without reserving either.
 * </ul>
 */
final class ExchangeDraw {
  /**
   * What a draw with an {@link Exchange#offerKey} answers from: the key's offers, which nodes
   * answer from offers, and which may not hear a request ({@link Node#hears}).
   *
   * @param row the key's offers, null if nobody offers anything about it
   */
  record Offers(ServeIndex.Row row, boolean[] fromOffers, boolean[] screens) {}

  private static final int ARRIVAL = 0;
  private static final int RESPONSE = 1;

  private final Network net;

  // The event heap of answers arriving and taken in, ordered by (time, sequence). Timeouts are
  // not on it: requests are sent in time order with one timeout, so their deadlines come in
  // request order, and the next one is the first unresolved request's (timeoutSeq keeps the
  // sequence a timeout pushed on the heap would have had, so ties order as they did there).
  // An entry is (time << SEQ_BITS | sequence), one long, so that a sift compares and moves one
  // value; the item (request and kind) is kept by sequence, which is unique within a draw.
  private static final int SEQ_BITS = 21;
  private final LongHeap heap = new LongHeap();
  private int[] itemBySeq = new int[96];
  private int seq;

  // Per request of the exchange being drawn.
  private long[] sentAt = new long[16];
  private int[] timeoutSeq = new int[16];
  private Message[] responses = new Message[16];
  private long[] responseTx = new long[16];
  private boolean[] resolved = new boolean[16];
  // An answer from an offer is kept as the offered size and payload (its response stays null), and
  // made a message only if the exchange screens answers or it is the last useful one: a drawn
  // chunk recovery's 166 answers were a fifth of all bytes allocated at 500 validators.
  private int[] offerSize = new int[16];
  private Object[] offerPayload = new Object[16];

  /**
   * Per node, the bytes sent and received, which the draw adds its requests and answers to: the
   * engine's arrays, handed over before each draw ({@link #countBytesInto}).
   */
  private long[] bytesSent = new long[0];
  private long[] bytesReceived = new long[0];

  /** The last draw's requests and answers sent (see {@link Engine#transfers()}), and their bytes. */
  int requestsSent;
  long requestBytesSent;
  int answersSent;
  long answerBytesSent;

  /** When the requester's uplink is free of the exchange's own requests (drawn, not booked). */
  private long upFree;

  /** When the exchange being drawn started. */
  private long drawnAt;

  /** The offers the exchange being drawn is answered from, or null. */
  private Offers offers;

  /** Per node: the uplink time reserved for answers, and the downlink time for them. */
  private final LinkCalendar answerUplinks = new LinkCalendar();
  private final LinkCalendar answerDownlinks = new LinkCalendar();

  ExchangeDraw(Network net) {
    this.net = net;
  }

  /**
   * Draws {@code x} for node {@code from} starting at {@code now}.
   *
   * @param nodes the engine's nodes, by id
   * @param nodeCount how many there are
   */
  Exchange.Outcome draw(int from, Exchange x, long now, Node[] nodes, int nodeCount,
      SplitMix64[] loss, SplitMix64[] jitter) {
    return draw(from, x, now, nodes, nodeCount, loss, jitter, null);
  }

  /**
   * {@link #draw(int, Exchange, long, Node[], int, SplitMix64[], SplitMix64[])}, with the peers
   * that answer from offers answered from {@code offers} (null: every peer's node is asked).
   */
  Exchange.Outcome draw(int from, Exchange x, long now, Node[] nodes, int nodeCount,
      SplitMix64[] loss, SplitMix64[] jitter, Offers offers) {
    this.offers = offers;
    int peers = x.peers();
    int needed = x.needed();
    long timeout = x.timeoutMicros();
    if (timeout < 0) {
      throw new IllegalArgumentException("timeout must be >= 0, got " + timeout);
    }
    ensure(peers, nodeCount);
    heap.clear();
    seq = 0;
    requestsSent = 0;
    requestBytesSent = 0;
    answersSent = 0;
    answerBytesSent = 0;
    upFree = 0;
    drawnAt = now;
    int next = 0;
    int inFlight = 0;
    int got = 0;
    int requests = 0;
    int last = -1;
    int answered = 0; // requests answered (and heard) or timed out
    int failed = 0; // of those, not useful
    int timeouts = 0; // the first request whose timeout may still come
    boolean screens = x.screensAnswers();
    long t = now;
    while (true) {
      // Keep as many requests in flight as the exchange wants (by default, as many as useful
      // answers are missing).
      while (got < needed && inFlight < x.inFlightWanted(needed - got, answered, failed)
          && next < peers) {
        int i = next++;
        requests++;
        inFlight++;
        send(from, x, i, t, timeout, nodes, nodeCount, loss, jitter);
      }
      if (got >= needed || inFlight == 0) {
        break;
      }
      // Next event: the earliest unresolved timeout, or the heap's next answer.
      while (resolved[timeouts]) {
        timeouts++; // in flight means one is unresolved, at or before next - 1
      }
      long due = sentAt[timeouts] + timeout;
      if (heap.size() == 0 || pack(due, timeoutSeq[timeouts]) < heap.top()) {
        t = due;
        resolved[timeouts] = true;
        inFlight--;
        answered++;
        failed++;
        continue;
      }
      long top = heap.top();
      heap.removeTop();
      t = top >>> SEQ_BITS;
      int item = itemBySeq[(int) (top & ((1 << SEQ_BITS) - 1))];
      int i = item >>> 2;
      int kind = item & 3;
      if (resolved[i]) {
        continue;
      }
      if (kind == ARRIVAL) {
        long tx = responseTx[i];
        long done = t;
        if (tx != 0) {
          // Free for the whole transmission before t, or completed once the queue drained.
          long s = answerDownlinks.find(from, Math.max(t - tx, net.downlinkFreeAt(from, tx)), tx, now);
          done = s + tx;
          long deadline = sentAt[i] + timeout;
          if (done > deadline) {
            // Queued past the requester's timeout: it resets the stream; the rest never comes.
            answerDownlinks.reserve(from, s, deadline);
            continue;
          }
          answerDownlinks.reserve(from, s, done);
        }
        if (done != t) {
          push(done, (i << 2) | RESPONSE);
          continue;
        }
      }
      // The answer is in.
      if (screens && responses[i] == null) {
        responses[i] = x.answerFromOffer(i, offerSize[i], offerPayload[i], sentAt[i] + timeout);
      }
      if (responses[i] != null && !x.heard(x.peer(i), sentAt[i], t, responses[i])) {
        continue; // ignored: the request times out
      }
      resolved[i] = true;
      inFlight--;
      answered++;
      if (responses[i] != null ? x.useful(responses[i])
          : x.offerAnswerUseful(i, offerSize[i], offerPayload[i])) {
        got++;
        last = i;
      } else {
        failed++;
      }
    }
    Message lastUseful = last < 0 ? null : responses[last] != null ? responses[last]
        : x.answerFromOffer(last, offerSize[last], offerPayload[last], sentAt[last] + timeout);
    Arrays.fill(responses, 0, peers, null);
    Arrays.fill(offerPayload, 0, peers, null);
    this.offers = null;
    return new Exchange.Outcome(t, Math.min(got, needed), lastUseful, requests);
  }

  /** Sends the {@code i}-th request at {@code t}: its timeout, and its answer's arrival if any. */
  private void send(int from, Exchange x, int i, long t, long timeout, Node[] nodes, int nodeCount,
      SplitMix64[] loss, SplitMix64[] jitter) {
    long deadline = Math.addExact(t, timeout);
    sentAt[i] = t;
    resolved[i] = false;
    responses[i] = null;
    timeoutSeq[i] = seq++;
    int to = x.peer(i);
    if (to < 0 || to >= nodeCount) {
      throw new IllegalArgumentException("no node " + to + " (there are " + nodeCount + ")");
    }
    if (to == from || net.isOffline(to)) {
      return;
    }
    int requestBytes = x.requestBytes(i);
    long txq = net.transmissionMicros(requestBytes);
    long start = Math.max(upFree, net.uplinkStart(from, t, txq));
    if (start > deadline) {
      return;
    }
    long sent = start + txq;
    upFree = sent;
    requestsSent++;
    requestBytesSent += requestBytes;
    bytesSent[from] += requestBytes;
    bytesReceived[to] += requestBytes;
    if (net.dropped(loss[from])) {
      return;
    }
    long arrival = sent + net.delayMicros(from, to, jitter[from]) + net.extraLatencyAt(sent);
    if (arrival > deadline) {
      return;
    }
    arrival = net.downlinkDoneAt(to, arrival, txq);
    if (arrival > deadline) {
      return;
    }
    if (!answer(from, x, i, to, arrival, deadline, nodes)) {
      return;
    }
    int answerBytes = responses[i] == null
        ? x.offerAnswerBytes(i, offerSize[i], offerPayload[i]) : responses[i].sizeBytes();
    long txr = net.transmissionMicros(answerBytes);
    long earliest = net.uplinkStart(to, arrival, txr);
    if (earliest > deadline) {
      return;
    }
    long rstart = answerUplinks.find(to, earliest, txr, drawnAt);
    if (rstart > deadline) {
      return; // the requester reset the stream before the answer could leave
    }
    long rsent = rstart + txr;
    answersSent++;
    answerBytesSent += answerBytes;
    bytesSent[to] += answerBytes;
    bytesReceived[from] += answerBytes;
    if (net.dropped(loss[to])) {
      answerUplinks.reserve(to, rstart, rsent);
      return;
    }
    long back = rsent + net.delayMicros(to, from, jitter[to]) + net.extraLatencyAt(rsent);
    if (back > deadline) {
      // The reset reaches the peer one link latency after the deadline; it stops uploading then.
      answerUplinks.reserve(to, rstart,
          Math.min(rsent, Math.addExact(deadline, net.linkLatencyMicros(from, to))));
      return;
    }
    answerUplinks.reserve(to, rstart, rsent);
    responseTx[i] = txr;
    push(back, (i << 2) | ARRIVAL);
  }

  /**
   * Peer {@code to}'s answer to the {@code i}-th request, arriving at {@code arrival}, into
   * {@link #responses} or, from an offer, {@link #offerSize} and {@link #offerPayload} (its
   * response left null): from its
   * offer if it answers from offers (the node is asked only whether it hears the request, if it
   * may not, and for what it offered to answer itself), else from the node. False if it does not
   * answer.
   */
  private boolean answer(int from, Exchange x, int i, int to, long arrival, long deadline,
      Node[] nodes) {
    Offers o = offers;
    int slot = NodeContext.ASK_NODE;
    ServeIndex.Row row = null;
    if (o != null && o.fromOffers()[to]) {
      if (o.screens()[to] && !nodes[to].hears(from, arrival)) {
        return false;
      }
      row = o.row();
      slot = row == null ? ServeIndex.NONE : row.slot[to];
    }
    if (slot == NodeContext.ASK_NODE) {
      responses[i] = nodes[to].answer(from, x.request(i, deadline), arrival);
      return responses[i] != null;
    }
    if (slot != ServeIndex.NONE && slot == x.offerSlot(i)) {
      offerSize[i] = row.size[to];
      offerPayload[i] = row.payload[to];
    } else {
      offerSize[i] = -1;
      offerPayload[i] = null;
    }
    return true;
  }

  /** Where the next draws add each node's bytes sent and received (the engine's arrays). */
  void countBytesInto(long[] sent, long[] received) {
    bytesSent = sent;
    bytesReceived = received;
  }

  private void ensure(int peers, int nodeCount) {
    if (peers > sentAt.length) {
      int c = Math.max(peers, sentAt.length * 2);
      sentAt = new long[c];
      timeoutSeq = new int[c];
      responses = new Message[c];
      responseTx = new long[c];
      resolved = new boolean[c];
      offerSize = new int[c];
      offerPayload = new Object[c];
    }
    if (3 * peers > itemBySeq.length) {
      // A sequence number per request's timeout, and per answer's arrival and intake.
      itemBySeq = new int[Math.max(3 * peers, itemBySeq.length * 2)];
    }
    answerUplinks.ensure(nodeCount);
    answerDownlinks.ensure(nodeCount);
  }

  /** A heap entry: time, then sequence, in one long that orders as the pair does. */
  private static long pack(long time, int sequence) {
    if (time < 0 || time >= 1L << (63 - SEQ_BITS) || sequence >= 1 << SEQ_BITS) {
      throw new IllegalStateException("an exchange's event at " + time + " (number " + sequence
          + ") is beyond what its heap packs");
    }
    return time << SEQ_BITS | sequence;
  }

  private void push(long time, int item) {
    int sq = seq++;
    itemBySeq[sq] = item;
    heap.push(pack(time, sq));
  }
}
