package io.parapipe.sim.kernel;

import io.parapipe.protocol.host.Exchange;
import io.parapipe.protocol.host.Message;
import io.parapipe.protocol.host.Node;
import io.parapipe.protocol.host.NodeContext;
import io.parapipe.protocol.host.PostSink;
import io.parapipe.protocol.host.ProtocolEvent;
import io.parapipe.protocol.host.RelayRoute;
import io.parapipe.protocol.host.Timer;
import io.parapipe.protocol.host.Topic;
import io.parapipe.sim.network.Audience;
import io.parapipe.sim.network.GossipMode;
import io.parapipe.sim.network.Network;
import io.parapipe.sim.network.NetworkConfig;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The discrete-event simulation engine of one run: virtual time in microseconds, nodes, the
 * simulated {@link Network}, and the queue of pending timers and deliveries. Events are processed
 * in order of (time, insertion sequence); ties are never broken any other way. Same seed, same
 * nodes, same calls: same sequence of events.
 *
 * <p>Usage: create, {@link #addNode add nodes} (ids 0, 1, ...), subscribe them to topics and
 * take some offline through {@link #network()}, add listeners, then {@link #run(long) run}. The
 * first run starts every online node at time 0 in id order; later runs continue where the last
 * one ended. Each delivery and each timer firing is one event; cancelled timers, lost messages
 * and messages to offline nodes are not.
 *
 * <p>Not thread-safe; no static state, so many engines can run side by side. Exceptions thrown by
 * node code propagate out of {@link #run(long)}: they are bugs.
 */
public final class Engine {
  private static final String JITTER_PURPOSE = "network.jitter";
  private static final String LOSS_PURPOSE = "network.loss";

  private final long seed;
  private final Network network;
  private final EventQueue queue = new EventQueue(1024);
  private final ExchangeDraw exchanges;

  private Node[] nodes = new Node[16];
  private SimContext[] contexts = new SimContext[16];
  private SplitMix64[] jitterStreams = new SplitMix64[16];
  private SplitMix64[] lossStreams = new SplitMix64[16];
  /** Per node: whether {@link Node#hears} may say no (a fault wrapper), asked of relayed posts. */
  private boolean[] screens = new boolean[16];
  /** Per node: whether it answers drawn exchanges from its offers ({@link Node#answersFromOffers}). */
  private boolean[] fromOffers = new boolean[16];
  private final ServeIndex offers = new ServeIndex();
  private int nodeCount;

  private EventListener[] listeners = new EventListener[0];
  private ProgressListener progress;
  private long progressEvery;
  private long progressCountdown;

  private Envelope[] envelopePool = new Envelope[16];
  private int envelopePoolSize;

  private GossipMode gossip = GossipMode.EXACT;
  // Lookups only, never iterated: HashMap order cannot leak into results.
  private final Map<Topic, PostBoard> boards = new HashMap<>();
  private final Map<Topic, InboxBoard> inboxes = new HashMap<>();
  /** Reused by keyed posts: each node's arrival. */
  private long[] postArrivals = new long[0];

  private long now;
  private long events;
  /*
   * Transfers: messages put on the network for one online receiver each, whatever carries them (a
   * send, each receiver of a broadcast or post, each hop of a relayed post, each request and
   * answer of a drawn exchange), and their bytes; lost ones count, they were sent. The same
   * protocol traffic counts alike under both gossip modes, where events do not (a post read at a
   * decision point is no event).
   */
  private long transfers;
  private long transferBytes;
  /**
   * Transfers and bytes by the simple name of the message type carrying them, in name order;
   * {@link #tallyOf} finds a type's row in one {@link ClassValue} lookup, a call (a post's
   * receivers, a relayed post's hops, an exchange's requests) counted at once.
   */
  private final Map<String, long[]> byMessage = new TreeMap<>();
  private final ClassValue<long[]> tallyOf = new ClassValue<>() {
    @Override
    protected long[] computeValue(Class<?> type) {
      return byMessage.computeIfAbsent(type.getSimpleName(), k -> new long[2]);
    }
  };
  /** Per node: the bytes of the transfers it sent, and of those sent to it. */
  private long[] bytesSent = new long[16];
  private long[] bytesReceived = new long[16];
  private boolean started;
  private boolean running;
  private boolean stopRequested;

  /**
   * An engine with no nodes yet.
   *
   * @param seed the run's seed; every random stream derives from it
   * @param networkConfig the simulated network's parameters
   */
  public Engine(long seed, NetworkConfig networkConfig) {
    this.seed = seed;
    this.network = new Network(networkConfig);
    this.exchanges = new ExchangeDraw(network);
  }

  // ---- set-up --------------------------------------------------------------------------------

  /**
   * Adds a node; it is started when the first {@link #run} begins.
   *
   * @return its id: 0 for the first node, then 1, 2, ...
   * @throws IllegalStateException if the run has already begun
   */
  public int addNode(Node node) {
    if (node == null) {
      throw new IllegalArgumentException("node must not be null");
    }
    if (started) {
      throw new IllegalStateException("nodes must be added before the run begins");
    }
    int id = nodeCount;
    if (id == nodes.length) {
      int c = id * 2;
      nodes = Arrays.copyOf(nodes, c);
      contexts = Arrays.copyOf(contexts, c);
      jitterStreams = Arrays.copyOf(jitterStreams, c);
      lossStreams = Arrays.copyOf(lossStreams, c);
      screens = Arrays.copyOf(screens, c);
      fromOffers = Arrays.copyOf(fromOffers, c);
      bytesSent = Arrays.copyOf(bytesSent, c);
      bytesReceived = Arrays.copyOf(bytesReceived, c);
    }
    nodes[id] = node;
    screens[id] = node.screensArrivals();
    fromOffers[id] = node.answersFromOffers();
    contexts[id] = new SimContext(this, id);
    jitterStreams[id] = kernelStream(id, JITTER_PURPOSE);
    lossStreams[id] = kernelStream(id, LOSS_PURPOSE);
    nodeCount = id + 1;
    return id;
  }

  /**
   * How posted gossip ({@code NodeContext.post}) is delivered; {@link GossipMode#EXACT} unless
   * set before the run.
   */
  public void setGossipMode(GossipMode mode) {
    if (started) {
      throw new IllegalStateException("the gossip mode must be set before the run begins");
    }
    gossip = Objects.requireNonNull(mode, "mode");
  }

  /** Registers a listener for the events nodes emit; listeners are called in registration order. */
  public void addListener(EventListener listener) {
    if (listener == null) {
      throw new IllegalArgumentException("listener must not be null");
    }
    listeners = Arrays.copyOf(listeners, listeners.length + 1);
    listeners[listeners.length - 1] = listener;
  }

  /**
   * Sets the progress listener (replacing any previous one; {@code null} removes it), told after
   * every {@code everyEvents} events.
   */
  public void setProgressListener(ProgressListener listener, long everyEvents) {
    if (listener != null && everyEvents <= 0) {
      throw new IllegalArgumentException("everyEvents must be > 0, got " + everyEvents);
    }
    progress = listener;
    progressEvery = listener == null ? 0 : everyEvents;
    progressCountdown = listener == null ? Long.MAX_VALUE : everyEvents;
  }

  /**
   * Fires {@code timer} on {@code node} at the absolute time {@code atMicros}, as if the node had
   * scheduled it (for fault injection and scripted scenario steps).
   *
   * @return an id for {@link #cancelTimer}
   */
  public long scheduleAt(int node, long atMicros, Timer timer) {
    checkNode(node);
    if (atMicros < now) {
      throw new IllegalArgumentException("time " + atMicros + " is in the past (now " + now + ")");
    }
    return enqueueTimer(node, atMicros, timer);
  }

  /** Cancels a timer by the id {@link #scheduleAt} or a node's {@code schedule} returned. */
  public void cancelTimer(long timerId) {
    int s = queue.resolve(timerId, EventQueue.TIMER);
    if (s >= 0) {
      queue.cancel(s);
    }
  }

  // ---- running -------------------------------------------------------------------------------

  /**
   * Processes events in (time, sequence) order until the next one is later than {@code
   * untilMicros}, the queue is empty, or {@link #stop()} is called. Starts the nodes on the first
   * call. May be called again to continue. The clock then reads the time of the last processed
   * event (it does not jump to {@code untilMicros}).
   *
   * @throws IllegalStateException if called from inside a run
   */
  public void run(long untilMicros) {
    if (running) {
      throw new IllegalStateException("run is not re-entrant");
    }
    if (untilMicros < 0) {
      throw new IllegalArgumentException("untilMicros must be >= 0, got " + untilMicros);
    }
    running = true;
    stopRequested = false;
    try {
      if (!started) {
        started = true;
        for (int i = 0; i < nodeCount; i++) {
          if (!network.isOffline(i)) {
            nodes[i].start(contexts[i]);
          }
        }
      }
      loop(untilMicros);
    } finally {
      running = false;
    }
  }

  /** Asks the current run to return after the event being processed; the next run continues. */
  public void stop() {
    stopRequested = true;
  }

  private void loop(long until) {
    final EventQueue q = queue;
    final Network net = network;
    while (!stopRequested && !q.isEmpty()) {
      final long t = q.topTime();
      if (t > until) {
        break;
      }
      final int slot = q.topSlot();
      final int to;
      final int from;
      final Object payload;
      switch (q.kind[slot]) {
        case EventQueue.TIMER:
          {
            to = q.node[slot];
            payload = q.obj[slot];
            q.removeTop();
            q.release(slot);
            if (net.isOffline(to)) {
              continue;
            }
            now = t;
            events++;
            nodes[to].onTimer((Timer) payload);
            break;
          }
        case EventQueue.MESSAGE:
          {
            to = q.node[slot];
            boolean online = !net.isOffline(to);
            if (online) {
              long done = net.reserveDownlink(to, t, q.aux[slot]);
              if (done != t) {
                long deadline = ((Message) q.obj[slot]).deadlineMicros();
                if (done > deadline) {
                  // Queued behind other downloads past the requester's timeout: it reset the
                  // stream, so the rest of the message never arrives.
                  net.truncateLastDownlink(to, q.aux[slot], deadline);
                  q.removeTop();
                  q.release(slot);
                  continue;
                }
                // The downlink was busy: complete later, without passing it again.
                q.kind[slot] = EventQueue.DELIVERY;
                q.rescheduleTop(done);
                continue;
              }
            }
            from = q.peer[slot];
            payload = q.obj[slot];
            q.removeTop();
            q.release(slot);
            if (!online) {
              continue;
            }
            now = t;
            events++;
            nodes[to].onMessage(from, (Message) payload);
            break;
          }
        case EventQueue.DELIVERY:
          {
            to = q.node[slot];
            from = q.peer[slot];
            payload = q.obj[slot];
            q.removeTop();
            q.release(slot);
            if (net.isOffline(to)) {
              continue;
            }
            now = t;
            events++;
            nodes[to].onMessage(from, (Message) payload);
            break;
          }
        case EventQueue.ENVELOPE:
          {
            Envelope e = (Envelope) q.obj[slot];
            long key = e.keys[e.cursor];
            to = e.receivers[(int) (key >>> 1) & Envelope.INDEX_MASK];
            boolean deliver = !net.isOffline(to);
            if (deliver && (key & 1) == 0) {
              long done = net.reserveDownlink(to, t, e.transmission);
              if (done != t) {
                e.delayCursor(done);
                q.rescheduleTop(e.arrivalAt(e.cursor));
                continue;
              }
            }
            int next = ++e.cursor;
            boolean last = next == e.count;
            if (last) {
              q.removeTop();
              q.release(slot);
            } else {
              q.rescheduleTop(e.arrivalAt(next));
            }
            if (deliver) {
              now = t;
              events++;
              nodes[to].onMessage(e.from, e.message);
            }
            if (last) {
              recycle(e);
            }
            if (!deliver) {
              continue;
            }
            break;
          }
        case EventQueue.CANCELLED:
          q.removeTop();
          q.release(slot);
          continue;
        default:
          throw new IllegalStateException("corrupt event slot " + slot + " kind " + q.kind[slot]);
      }
      if (--progressCountdown == 0) {
        progressCountdown = progressEvery;
        progress.onProgress(now, events);
      }
    }
  }

  // ---- what nodes do (through SimContext) ----------------------------------------------------

  void send(int from, int to, Message m) {
    checkNode(to);
    if (to == from) {
      // Local delivery: no network, but through the queue so ordering stays (time, sequence).
      queue.push(queue.allocate(EventQueue.DELIVERY, to, from, m, 0), now);
      return;
    }
    Network net = network;
    int size = m.sizeBytes();
    long tx = net.transmissionMicros(size);
    long deadline = m.deadlineMicros();
    if (deadline != Long.MAX_VALUE && net.uplinkStart(from, now, tx) > deadline) {
      return; // the requester gave up and reset the stream before this could leave
    }
    long sent = net.reserveUplink(from, now, tx);
    if (!net.isOffline(to)) {
      count(m.getClass(), 1, size);
      bytesSent[from] += size;
      bytesReceived[to] += size;
    }
    long arrival = arrivalOf(from, to, sent);
    if (arrival == PostBoard.NEVER) {
      return;
    }
    if (arrival > deadline) {
      // The requester's timeout expires before the last byte arrives: it resets the stream, and
      // the reset reaches the sender one link latency later, which stops uploading then.
      long resetSeen = Math.addExact(deadline, net.linkLatencyMicros(to, from));
      net.truncateLastUplink(from, tx, resetSeen);
      return;
    }
    queue.push(queue.allocate(EventQueue.MESSAGE, to, from, m, tx), arrival);
  }

  /**
   * When a message that left {@code from}'s uplink at {@code sent} arrives at {@code to}: the
   * link's latency, one jitter draw from the sender's stream and the latency spike then; {@link
   * PostBoard#NEVER} if {@code to} is offline or the sender's loss stream drops it (drawn first).
   */
  private long arrivalOf(int from, int to, long sent) {
    Network net = network;
    if (net.isOffline(to) || net.dropped(lossStreams[from])) {
      return PostBoard.NEVER;
    }
    return sent + net.delayMicros(from, to, jitterStreams[from]) + net.extraLatencyAt(sent);
  }

  void broadcast(int from, Topic topic, Message m) {
    Network net = network;
    Audience audience = net.audience(topic);
    int n = audience.size();
    if (n == 0 || (n == 1 && audience.get(0) == from)) {
      return;
    }
    int size = m.sizeBytes();
    long tx = net.transmissionMicros(size);
    long sent = net.reserveUplink(from, now, tx);
    long spike = net.extraLatencyAt(sent);
    Envelope e = obtainEnvelope(n);
    SplitMix64 jitter = jitterStreams[from];
    SplitMix64 loss = lossStreams[from];
    int count = 0;
    int online = 0;
    int[] receivers = e.receivers;
    long[] arrivals = e.keys;
    for (int i = 0; i < n; i++) {
      int r = audience.get(i);
      if (r == from) {
        continue;
      }
      if (r >= nodeCount) {
        throw new IllegalStateException("topic " + topic + " has subscriber " + r
            + " but there are only " + nodeCount + " nodes");
      }
      if (net.isOffline(r)) {
        continue;
      }
      online++;
      bytesReceived[r] += size;
      if (net.dropped(loss)) {
        continue;
      }
      receivers[count] = r;
      arrivals[count] = sent + spike + net.delayMicros(from, r, jitter);
      count++;
    }
    count(m.getClass(), online, (long) online * size);
    bytesSent[from] += (long) online * size;
    if (count == 0) {
      recycle(e);
      return;
    }
    e.message = m;
    e.from = from;
    e.transmission = tx;
    e.count = count;
    e.seal();
    queue.push(queue.allocate(EventQueue.ENVELOPE, -1, from, e, 0), e.base);
  }

  /**
   * A message for receivers that read it at a decision point. Exact gossip broadcasts it. Under
   * threshold gossip the sender's uplink, the spike, and each receiver's loss and jitter are drawn
   * exactly as {@link #broadcast} draws them, but the arrivals go on the topic's board instead of
   * the queue; receivers' downlinks are not charged.
   */
  void post(int from, Topic topic, Message m, long lifetimeMicros) {
    if (gossip == GossipMode.EXACT) {
      broadcast(from, topic, m);
      return;
    }
    long[] arrivals = drawPost(from, topic, m);
    if (arrivals == null) {
      return;
    }
    PostBoard board = boards.get(topic);
    if (board == null) {
      board = new PostBoard();
      boards.put(topic, board);
    }
    board.add(m, from, arrivals, nodeCount, Math.addExact(now, lifetimeMicros), now);
  }

  /**
   * Sends a post and draws each receiver's arrival ({@link #postSent}, {@link #drawArrivals}) into
   * a scratch array indexed by node, {@link PostBoard#NEVER} where it never arrives; null if nobody
   * gets it. The array is reused by the next post.
   */
  private long[] drawPost(int from, Topic topic, Message m) {
    Audience audience = network.audience(topic);
    long sentWithSpike = postSent(from, audience, m);
    if (sentWithSpike < 0) {
      return null;
    }
    if (postArrivals.length < nodeCount) {
      postArrivals = new long[nodeCount];
    }
    Arrays.fill(postArrivals, 0, nodeCount, PostBoard.NEVER);
    return drawArrivals(from, topic, audience, sentWithSpike, m, postArrivals)
        ? postArrivals : null;
  }

  /**
   * Puts a post on the sender's uplink, once for all receivers as a broadcast does: when it leaves,
   * with the latency spike then; -1 if it has no receiver but the sender.
   */
  private long postSent(int from, Audience audience, Message m) {
    int n = audience.size();
    if (n == 0 || (n == 1 && audience.get(0) == from)) {
      return -1;
    }
    long tx = network.transmissionMicros(m.sizeBytes());
    long sent = network.reserveUplink(from, now, tx);
    return sent + network.extraLatencyAt(sent);
  }

  /**
   * Each receiver's arrival of a post sent at {@code sentWithSpike}, drawn from the sender's loss
   * and jitter streams in the order a broadcast draws them, into {@code arrivals} (whose slots of
   * receivers that never get it are left as they are); false if nobody gets it.
   */
  private boolean drawArrivals(int from, Topic topic, Audience audience, long sentWithSpike,
      Message m, long[] arrivals) {
    Network net = network;
    int size = m.sizeBytes();
    SplitMix64 jitter = jitterStreams[from];
    SplitMix64 loss = lossStreams[from];
    boolean any = false;
    int online = 0;
    for (int i = 0, n = audience.size(); i < n; i++) {
      int r = audience.get(i);
      if (r == from) {
        continue;
      }
      if (r >= nodeCount) {
        throw new IllegalStateException("topic " + topic + " has subscriber " + r
            + " but there are only " + nodeCount + " nodes");
      }
      if (net.isOffline(r)) {
        continue;
      }
      online++;
      bytesReceived[r] += size;
      if (net.dropped(loss)) {
        continue;
      }
      arrivals[r] = sentWithSpike + net.delayMicros(from, r, jitter);
      any = true;
    }
    count(m.getClass(), online, (long) online * size);
    bytesSent[from] += (long) online * size;
    return any;
  }

  /**
   * A keyed post, for receivers that act once enough have reached them: drawn as {@link #post}
   * draws, but filed in the receivers' inboxes on the topic's {@link InboxBoard}, where {@link
   * #wakeOnArrivals} requests can wait on it; the wakes it moves earlier are rescheduled.
   */
  void post(int from, Topic topic, Message m, long lifetimeMicros, long key) {
    if (gossip == GossipMode.EXACT) {
      broadcast(from, topic, m);
      return;
    }
    long[] arrivals = drawPost(from, topic, m); // InboxBoard.NEVER is PostBoard.NEVER
    if (arrivals == null) {
      return;
    }
    file(topic, m, from, arrivals, lifetimeMicros, key, 1);
  }

  /**
   * Files a keyed post's arrivals ({@link PostBoard#NEVER} where it never comes) in the receivers'
   * inboxes on the topic's board, and moves the wakes it brings forward.
   */
  private void file(Topic topic, Message m, int from, long[] arrivals, long lifetimeMicros,
      long key, int weight) {
    InboxBoard board = inbox(topic);
    board.add(m, from, arrivals, nodeCount, Math.addExact(now, lifetimeMicros), now, key, weight);
    for (int i = 0; i < board.movedCount; i++) {
      rearm(board, board.moved[i]);
    }
  }

  /**
   * A post that spreads along {@code route} ({@code NodeContext.postRelayed}). Exact gossip sends
   * it to the origin's forwards, one message each, and the receivers send it on. Under threshold
   * gossip the whole spread is drawn now, in arrival order (each node sends it on from its first
   * arrival, as it would on receiving it), and each receiver's earliest arrival filed on the
   * topic's {@link InboxBoard}:
   *
   * <ul>
   *   <li>the origin's sends as {@link #send} draws them, message after message on its uplink,
   *       from its loss and jitter streams;
   *   <li>each node that gets it (and {@link Node#hears} it, for a fault wrapper) sends it on from
   *       its first arrival: its uplink from then, or from when what it had queued by now leaves,
   *       one send after another, without booking it (the sends lie ahead, and a booking would
   *       hold up what the node sends meanwhile); its loss and jitter streams are drawn now, so
   *       their later draws shift;
   *   <li>downlinks are not charged, as for every post.
   * </ul>
   */
  void postRelayed(int from, Topic topic, Message m, long lifetimeMicros, long key, int weight,
      RelayRoute route) {
    if (relayForwards.length < route.maxForwards()) {
      relayForwards = new int[route.maxForwards()];
    }
    int[] out = relayForwards;
    if (gossip == GossipMode.EXACT) {
      int n = route.forwards(from, -1, out);
      for (int i = 0; i < n; i++) {
        send(from, out[i], m);
      }
      return;
    }
    Network net = network;
    if (postArrivals.length < nodeCount) {
      postArrivals = new long[nodeCount];
    }
    if (relaySource.length < nodeCount) {
      relaySource = new int[nodeCount];
    }
    long[] arrivals = postArrivals;
    Arrays.fill(arrivals, 0, nodeCount, PostBoard.NEVER);
    int size = m.sizeBytes();
    long tx = net.transmissionMicros(size);
    boolean any = false;
    int hops = 0;
    int n = route.forwards(from, -1, out);
    relayHeap.clear(); // empty unless a bad route threw out of the last draw
    for (int i = 0; i < n; i++) {
      int r = out[i];
      checkNode(r);
      if (r == from) {
        continue;
      }
      long a = arrivalOf(from, r, net.reserveUplink(from, now, tx));
      if (!net.isOffline(r)) {
        hops++;
        bytesSent[from] += size;
        bytesReceived[r] += size;
      }
      if (a < arrivals[r] && (!screens[r] || nodes[r].hears(from, a))) {
        arrivals[r] = a;
        relaySource[r] = from;
        relayPush(a, r);
        any = true;
      }
    }
    arrivals[from] = Math.min(arrivals[from], now); // it has it: nothing sends it back
    // Each node in order of its first arrival sends it on (later, stale heap entries skipped).
    while (relayHeap.size() > 0) {
      long top = relayHeap.top();
      relayHeap.removeTop();
      int r = (int) (top & RELAY_NODE_MASK);
      long a = top >>> RELAY_NODE_BITS;
      if (a != arrivals[r]) {
        continue;
      }
      int k = route.forwards(r, relaySource[r], out);
      long up = net.uplinkStart(r, a, tx);
      for (int i = 0; i < k; i++) {
        int v = out[i];
        checkNode(v);
        if (v == r || v == relaySource[r]) {
          continue;
        }
        up += tx;
        if (!net.isOffline(v)) {
          hops++;
          bytesSent[r] += size;
          bytesReceived[v] += size;
        }
        long b = arrivalOf(r, v, up);
        if (b < arrivals[v] && (!screens[v] || nodes[v].hears(r, b))) {
          arrivals[v] = b;
          relaySource[v] = r;
          relayPush(b, v);
          any = true;
        }
      }
    }
    arrivals[from] = PostBoard.NEVER;
    count(m.getClass(), hops, (long) hops * size);
    if (any) {
      file(topic, m, -1, arrivals, lifetimeMicros, key, weight);
    }
  }

  // The relay draw's heap: (arrival << RELAY_NODE_BITS | node), earliest first; equal arrivals
  // go lower node first. Arrivals past 2^43 µs (about 100 days) do not pack: refused below.
  private static final int RELAY_NODE_BITS = 20;
  private static final long RELAY_NODE_MASK = (1L << RELAY_NODE_BITS) - 1;
  private final LongHeap relayHeap = new LongHeap();
  private int[] relaySource = new int[0];
  private int[] relayForwards = new int[0];

  private void relayPush(long arrival, int node) {
    if (arrival >= 1L << (63 - RELAY_NODE_BITS) || node > RELAY_NODE_MASK) {
      throw new IllegalStateException("a relayed post's arrival " + arrival + " at node " + node
          + " is beyond what the relay draw packs");
    }
    relayHeap.push(arrival << RELAY_NODE_BITS | node);
  }

  private InboxBoard inbox(Topic topic) {
    InboxBoard board = inboxes.get(topic);
    if (board == null) {
      board = new InboxBoard();
      inboxes.put(topic, board);
    }
    return board;
  }

  /**
   * Wakes {@code node} with {@code timer} when enough posts on {@code topic} have reached it (see
   * {@link InboxBoard#request}); replaces its earlier request on the topic. Nothing under exact
   * gossip, where posts come as messages.
   */
  void wakeOnArrivals(int node, Topic topic, long fromKey, int k, long urgentKey, Timer timer) {
    if (gossip == GossipMode.EXACT) {
      return;
    }
    InboxBoard board = inbox(topic);
    board.request(node, fromKey, k, urgentKey, now);
    board.wakeTimer[node] = timer;
    rearm(board, node);
  }

  /**
   * Wakes {@code node} with {@code timer} at the first moment when, for some i, posts on {@code
   * topic} keyed exactly {@code keys[i]} weighing {@code counts[i]} have reached it (see {@link
   * InboxBoard#request(int, long[], long[], int[], int, long)}); replaces its earlier request on
   * the topic. Nothing under exact gossip.
   */
  void wakeOnArrivals(int node, Topic topic, long[] keys, int[] counts, int conditions,
      Timer timer) {
    if (gossip == GossipMode.EXACT) {
      return;
    }
    InboxBoard board = inbox(topic);
    board.request(node, keys, keys, counts, conditions, now);
    board.wakeTimer[node] = timer;
    rearm(board, node);
  }

  /** Moves {@code node}'s wake timer to the board's time for it (or drops it). */
  private void rearm(InboxBoard board, int node) {
    long h = board.wakeHandle[node];
    if (h != 0) {
      cancel(node, h);
    }
    long t = board.wakeAt[node];
    board.wakeHandle[node] = t == PostBoard.NEVER ? 0
        : enqueueTimer(node, Math.max(t, now), (Timer) board.wakeTimer[node]);
  }

  /** Hands {@code node} the posts on {@code topic} that reached it by now (threshold gossip). */
  void takeArrived(int node, Topic topic, PostSink sink) {
    if (gossip == GossipMode.EXACT) {
      return;
    }
    PostBoard board = boards.get(topic);
    if (board != null) {
      board.take(node, now, sink);
    }
    InboxBoard inbox = inboxes.get(topic);
    if (inbox != null) {
      long wake = inbox.clearRequest(node);
      if (wake != 0) {
        cancel(node, wake);
      }
      inbox.take(node, now, sink);
    }
  }

  /**
   * A request/response exchange of {@code from}'s: null under exact gossip (the node sends its
   * requests as messages), else drawn at once by {@link ExchangeDraw}, nothing delivered.
   */
  Exchange.Outcome exchange(int from, Exchange x) {
    if (gossip == GossipMode.EXACT) {
      return null;
    }
    Object key = x.offerKey();
    exchanges.countBytesInto(bytesSent, bytesReceived);
    Exchange.Outcome o = exchanges.draw(from, x, now, nodes, nodeCount, lossStreams,
        jitterStreams,
        key == null ? null : new ExchangeDraw.Offers(offers.row(key), fromOffers, screens));
    if (exchanges.requestsSent > 0) {
      count(x.requestType(), exchanges.requestsSent, exchanges.requestBytesSent);
    }
    if (exchanges.answersSent > 0) {
      count(x.answerType(), exchanges.answersSent, exchanges.answerBytesSent);
    }
    return o;
  }

  /**
   * {@code node}'s offer about {@code key} ({@code NodeContext.offer}), kept for drawn exchanges;
   * nothing under exact gossip, which draws none.
   */
  void offer(int node, Object key, int slot, int size, Object payload) {
    if (gossip != GossipMode.EXACT) {
      offers.offer(node, nodeCount, key, slot, size, payload);
    }
  }

  /** {@code node} withdraws its offer about {@code key}. */
  void withdraw(int node, Object key) {
    if (gossip != GossipMode.EXACT) {
      offers.withdraw(node, key);
    }
  }

  /** The offers kept for drawn exchanges (for tests). */
  ServeIndex offers() {
    return offers;
  }

  long schedule(int node, long delayMicros, Timer timer) {
    if (delayMicros < 0) {
      throw new IllegalArgumentException("delayMicros must be >= 0, got " + delayMicros);
    }
    return enqueueTimer(node, Math.addExact(now, delayMicros), timer);
  }

  void cancel(int node, long timerId) {
    int s = queue.resolve(timerId, EventQueue.TIMER);
    if (s >= 0 && queue.node[s] == node) {
      queue.cancel(s);
    }
  }

  void emit(int node, ProtocolEvent event) {
    for (EventListener l : listeners) {
      l.onEvent(now, node, event);
    }
  }

  SplitMix64 nodeStream(int node, String purpose) {
    return new SplitMix64(StreamSeeds.derive(seed, StreamSeeds.DOMAIN_NODE, node, purpose));
  }

  private SplitMix64 kernelStream(int node, String purpose) {
    return new SplitMix64(StreamSeeds.derive(seed, StreamSeeds.DOMAIN_KERNEL, node, purpose));
  }

  private long enqueueTimer(int node, long at, Timer timer) {
    if (timer == null) {
      throw new IllegalArgumentException("timer must not be null");
    }
    int s = queue.allocate(EventQueue.TIMER, node, -1, timer, 0);
    queue.push(s, at);
    return queue.handle(s);
  }

  private Envelope obtainEnvelope(int capacity) {
    if (envelopePoolSize > 0) {
      Envelope e = envelopePool[--envelopePoolSize];
      envelopePool[envelopePoolSize] = null;
      e.ensureCapacity(capacity);
      return e;
    }
    return new Envelope(Math.max(capacity, 8));
  }

  private void recycle(Envelope e) {
    e.message = null;
    e.count = 0;
    e.cursor = 0;
    if (envelopePoolSize == envelopePool.length) {
      envelopePool = Arrays.copyOf(envelopePool, envelopePoolSize * 2);
    }
    envelopePool[envelopePoolSize++] = e;
  }

  private void checkNode(int node) {
    if (node < 0 || node >= nodeCount) {
      throw new IllegalArgumentException("no node " + node + " (there are " + nodeCount + ")");
    }
  }

  // ---- queries -------------------------------------------------------------------------------

  /** The run's seed. */
  public long seed() {
    return seed;
  }

  /** The simulated network: subscriptions, offline nodes, link state. */
  public Network network() {
    return network;
  }

  /** Current virtual time, µs: the time of the event being (or last) processed. */
  public long now() {
    return now;
  }

  /** Deliveries and timer firings processed so far. */
  public long eventsProcessed() {
    return events;
  }

  /**
   * Messages put on the network so far, one per receiver: sends, online receivers of broadcasts
   * and posts, hops of relayed posts, requests and answers of drawn exchanges. Unlike events, the
   * same traffic counts alike under both gossip modes.
   */
  public long transfers() {
    return transfers;
  }

  /** The bytes of {@link #transfers()}. */
  public long transferBytes() {
    return transferBytes;
  }

  /**
   * {@link #transfers()} and their bytes by the simple name of the message type carrying them
   * (a drawn exchange's requests and answers by {@link Exchange#requestType} and {@link
   * Exchange#answerType}), in name order: {@code {transfers, bytes}} per name, a copy.
   */
  public Map<String, long[]> transfersByMessage() {
    Map<String, long[]> copy = new TreeMap<>();
    byMessage.forEach((k, v) -> copy.put(k, v.clone()));
    return copy;
  }

  /** The bytes of the transfers {@code node} sent ({@link #transfers()}). */
  public long bytesSent(int node) {
    checkNode(node);
    return bytesSent[node];
  }

  /** The bytes of the transfers sent to {@code node}. */
  public long bytesReceived(int node) {
    checkNode(node);
    return bytesReceived[node];
  }

  /** Counts {@code n} transfers of {@code bytes} in all, carried by messages of {@code type}. */
  private void count(Class<?> type, long n, long bytes) {
    long[] t = tallyOf.get(type);
    t[0] += n;
    t[1] += bytes;
    transfers += n;
    transferBytes += bytes;
  }

  /** Entries waiting in the queue (a broadcast counts once; cancelled timers may still count). */
  public int pendingEvents() {
    return queue.size();
  }

  /** Number of nodes added. */
  public int nodeCount() {
    return nodeCount;
  }

  /** The node with id {@code id}. */
  public Node node(int id) {
    checkNode(id);
    return nodes[id];
  }

  /** The context node {@code id} is (or will be) started with. */
  public NodeContext context(int id) {
    checkNode(id);
    return contexts[id];
  }

  /** Whether the first run has begun (nodes started). */
  public boolean isStarted() {
    return started;
  }
}
