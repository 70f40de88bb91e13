package io.parapipe.sim.network;

import io.parapipe.protocol.host.Topic;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The simulated network: per-node uplink and downlink queues, per-delivery latency, jitter and
 * loss, topic subscriptions and offline nodes. It computes when a message arrives; the kernel
 * turns that into events. One instance per simulation run.
 *
 * <p>Model (see docs/kernel.md): a message first waits for the sender's uplink, which transmits
 * one message at a time at the configured bandwidth ({@code size / bandwidth}, rounded up to a
 * whole µs); a broadcast puts one copy on the uplink (gossip). Each delivery then takes the base
 * latency plus a jitter drawn from the sender's jitter stream. On arrival the receiver's downlink,
 * also a FIFO at the same bandwidth, must have been free for the message's transmission time;
 * if it was busy the message completes only after the downlink has drained. Deliveries can be
 * dropped with the configured probability, drawn from the sender's loss stream.
 *
 * <p>The random streams are passed in by the caller (the kernel keeps one per sender and
 * purpose), so this class has no randomness of its own.
 */
public final class Network {
  private final NetworkConfig config;
  private final long latency;
  private final long jitterMean;
  private final double spread;
  private final JitterDistribution dist;
  private final long bandwidth;
  private final double loss;
  private final boolean lossy;

  private long[] uplinkFree = new long[0];
  private long[] downlinkFree = new long[0];
  private long[] smallUplinkFree = new long[0];
  private long[] smallDownlinkFree = new long[0];

  /** Messages up to this size travel in the small-message lane of each link. */
  public static final int SMALL_MESSAGE_BYTES = 64 * 1024;

  /** The transmission time of a {@link #SMALL_MESSAGE_BYTES} message: the lanes' boundary. */
  private final long smallTransmission;
  private boolean[] offline = new boolean[0];

  // Lookups only, never iterated: HashMap order cannot leak into results.
  private final Map<Topic, Audience> audiences = new HashMap<>();
  private Topic lastTopic;
  private Audience lastAudience;

  private static final int LN_TABLE_BITS = 11;
  private static final double LN2 = 0.6931471805599453;
  /** ln(1 + i / 2048) for i = 0 .. 2048; per instance so that no static array exists. */
  private final double[] lnTable = new double[(1 << LN_TABLE_BITS) + 1];

  private int cachedSize = -1;
  private long cachedTransmission;

  /** A network with the given parameters and no subscriptions; every node online. */
  public Network(NetworkConfig config) {
    if (config == null) {
      throw new IllegalArgumentException("config must not be null");
    }
    this.config = config;
    this.latency = config.latencyMicros();
    this.spread = config.latencySpread();
    this.jitterMean = config.jitterMeanMicros();
    this.dist = jitterMean == 0 ? JitterDistribution.NONE : config.dist();
    this.bandwidth = config.bandwidthBytesPerSecond();
    this.loss = config.messageLoss();
    this.lossy = loss > 0.0;
    for (int i = 0; i < lnTable.length; i++) {
      lnTable[i] = StrictMath.log1p((double) i / (1 << LN_TABLE_BITS));
    }
    this.smallTransmission = transmissionMicros(SMALL_MESSAGE_BYTES);
    this.cachedSize = -1;
  }

  /** The parameters. */
  public NetworkConfig config() {
    return config;
  }

  // ---- topics --------------------------------------------------------------------------------

  /**
   * Adds {@code node} to the audience of {@code topic}; subscribing twice is a no-op. The id must
   * be a node of the engine by the time something is broadcast on the topic.
   */
  public void subscribe(Topic topic, int node) {
    checkNode(node);
    Audience a = audiences.get(topic);
    if (a == null) {
      a = new Audience();
      audiences.put(topic, a);
    }
    a.add(node);
  }

  /** Removes {@code node} from the audience of {@code topic}; a no-op if it did not subscribe. */
  public void unsubscribe(Topic topic, int node) {
    Audience a = audiences.get(topic);
    if (a != null) {
      a.remove(node);
    }
  }

  /** The subscribers of {@code topic}, ascending; empty (never null) if nobody subscribed. */
  public Audience audience(Topic topic) {
    if (topic == lastTopic) {
      return lastAudience;
    }
    Audience a = audiences.get(topic);
    if (a == null) {
      // Registering the empty audience keeps later subscriptions visible through this view.
      a = new Audience();
      audiences.put(topic, a);
    }
    lastTopic = topic;
    lastAudience = a;
    return a;
  }

  // ---- latency spikes ------------------------------------------------------------------------

  private long[] spikeFrom = new long[0];
  private long[] spikeUntil = new long[0];
  private long[] spikeExtra = new long[0];

  /** From {@code from} to {@code until} (exclusive), every message sent takes {@code extra} µs longer. */
  public void addLatencySpike(long from, long until, long extra) {
    int n = spikeFrom.length;
    spikeFrom = Arrays.copyOf(spikeFrom, n + 1);
    spikeUntil = Arrays.copyOf(spikeUntil, n + 1);
    spikeExtra = Arrays.copyOf(spikeExtra, n + 1);
    spikeFrom[n] = from;
    spikeUntil[n] = until;
    spikeExtra[n] = extra;
  }

  /** The extra one-way delay of a message sent at {@code sent} (overlapping spikes add up). */
  public long extraLatencyAt(long sent) {
    long extra = 0;
    for (int i = 0; i < spikeFrom.length; i++) {
      if (sent >= spikeFrom[i] && sent < spikeUntil[i]) {
        extra += spikeExtra[i];
      }
    }
    return extra;
  }

  // ---- offline nodes -------------------------------------------------------------------------

  /**
   * Takes {@code node} offline: it is never started if the run has not begun, receives nothing
   * and its pending timers do not fire.
   */
  public void setOffline(int node) {
    checkNode(node);
    ensure(node);
    offline[node] = true;
  }

  /** Whether {@code node} is offline. */
  public boolean isOffline(int node) {
    return node < offline.length && offline[node];
  }

  // ---- the link model (called by the kernel per message) -------------------------------------

  /**
   * Time to push {@code sizeBytes} through one uplink or downlink: {@code size / bandwidth}
   * rounded up to a whole µs; 0 with {@link NetworkConfig#UNLIMITED_BANDWIDTH} or an empty
   * message.
   */
  public long transmissionMicros(int sizeBytes) {
    if (sizeBytes == cachedSize) {
      return cachedTransmission;
    }
    if (sizeBytes < 0) {
      throw new IllegalArgumentException("message size must be >= 0, got " + sizeBytes);
    }
    long tx;
    if (bandwidth == NetworkConfig.UNLIMITED_BANDWIDTH || sizeBytes == 0) {
      tx = 0;
    } else {
      long bitsTimesMicros = sizeBytes * 1_000_000L; // < 2^31 * 2^20: no overflow
      tx = bitsTimesMicros / bandwidth + (bitsTimesMicros % bandwidth == 0 ? 0 : 1);
    }
    cachedSize = sizeBytes;
    cachedTransmission = tx;
    return tx;
  }

  /**
   * Queues a transmission of {@code transmissionMicros} on {@code node}'s uplink at {@code now}.
   * Each link has two lanes: bulk transfers (more than {@link #SMALL_MESSAGE_BYTES}: PoVs,
   * chunks, blocks) queue behind each other; small messages (statements, bitfields, approvals,
   * votes, requests) queue only behind each other. Real nodes multiplex many streams over their
   * connections, so a vote is not held up for seconds behind a PoV being uploaded; a single FIFO
   * per link would let a bulk backlog stall every protocol.
   *
   * @return when the last byte has left the uplink
   */
  public long reserveUplink(int node, long now, long transmissionMicros) {
    if (node >= uplinkFree.length) {
      ensure(node);
    }
    long[] lane = transmissionMicros <= smallTransmission ? smallUplinkFree : uplinkFree;
    long start = Math.max(now, lane[node]);
    long end = start + transmissionMicros;
    lane[node] = end;
    return end;
  }

  /**
   * Cuts the transmission {@link #reserveUplink} just queued on {@code node}'s uplink short at
   * {@code until}: the receiver reset the stream, and from then on the rest of the message no
   * longer takes the sender's bandwidth. Only the last reservation of its lane may be truncated;
   * a cut before the transmission started frees the lane as if it had never been queued.
   *
   * @param transmissionMicros the transmission time passed to {@link #reserveUplink}
   */
  public void truncateLastUplink(int node, long transmissionMicros, long until) {
    long[] lane = transmissionMicros <= smallTransmission ? smallUplinkFree : uplinkFree;
    truncate(lane, node, transmissionMicros, until);
  }

  /**
   * Cuts the transmission {@link #reserveDownlink} just queued on {@code node}'s downlink short
   * at {@code until} (the receiver reset the stream); as {@link #truncateLastUplink}.
   */
  public void truncateLastDownlink(int node, long transmissionMicros, long until) {
    long[] lane = transmissionMicros <= smallTransmission ? smallDownlinkFree : downlinkFree;
    truncate(lane, node, transmissionMicros, until);
  }

  private static void truncate(long[] lane, int node, long transmissionMicros, long until) {
    long end = lane[node];
    long start = end - transmissionMicros;
    lane[node] = Math.max(start, Math.min(end, until));
  }

  /** When a transmission of {@code transmissionMicros} queued now on {@code node}'s uplink would start. */
  public long uplinkStart(int node, long now, long transmissionMicros) {
    if (node >= uplinkFree.length) {
      ensure(node);
    }
    long[] lane = transmissionMicros <= smallTransmission ? smallUplinkFree : uplinkFree;
    return Math.max(now, lane[node]);
  }

  /**
   * A message whose last byte would arrive at {@code arrival} on a free downlink arrives at
   * {@code node}: reserves the downlink.
   *
   * @return {@code arrival} if the downlink was free for the whole transmission, else the later
   *     time at which the queued message has been fully received
   */
  public long reserveDownlink(int node, long arrival, long transmissionMicros) {
    if (transmissionMicros == 0) {
      return arrival;
    }
    if (node >= downlinkFree.length) {
      ensure(node);
    }
    long finish = downlinkDoneAt(node, arrival, transmissionMicros);
    (transmissionMicros <= smallTransmission ? smallDownlinkFree : downlinkFree)[node] = finish;
    return finish;
  }

  /**
   * When a message whose last byte would arrive at {@code arrival} on a free downlink would be
   * fully received at {@code node}, given what the downlink has queued so far, without
   * reserving it (as {@link #reserveDownlink} would answer).
   */
  public long downlinkDoneAt(int node, long arrival, long transmissionMicros) {
    long free = downlinkFreeAt(node, transmissionMicros);
    return free <= arrival - transmissionMicros ? arrival : free + transmissionMicros;
  }

  /** When {@code node}'s downlink lane for a transmission of this length is free. */
  public long downlinkFreeAt(int node, long transmissionMicros) {
    if (transmissionMicros == 0 || node >= downlinkFree.length) {
      return 0;
    }
    long[] lane = transmissionMicros <= smallTransmission ? smallDownlinkFree : downlinkFree;
    return lane[node];
  }

  /** Base latency plus one jitter sample drawn from {@code jitter}. */
  public long delayMicros(RandomGenerator jitter) {
    return latency + jitterMicros(jitter);
  }

  /**
   * The link's base latency plus one jitter sample: with a latency spread, each pair of nodes has
   * its own fixed base latency (the same both ways), a stable function of the pair.
   */
  public long delayMicros(int from, int to, RandomGenerator jitter) {
    return linkLatencyMicros(from, to) + jitterMicros(jitter);
  }

  /** The base one-way latency between two nodes. */
  public long linkLatencyMicros(int a, int b) {
    if (spread == 0.0) {
      return latency;
    }
    long lo = Math.min(a, b);
    long hi = Math.max(a, b);
    long z = (lo << 32) ^ hi ^ 0x6c696e6bL;
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    z ^= z >>> 31;
    double u = (z >>> 11) * 0x1.0p-53;
    return Math.round(latency * (1.0 + spread * (2.0 * u - 1.0)));
  }

  private long jitterMicros(RandomGenerator jitter) {
    switch (dist) {
      case NONE:
        return 0;
      case UNIFORM:
        return jitter.nextLong(2 * jitterMean + 1);
      case EXPONENTIAL:
        return (long) (jitterMean * exponential(jitter.nextLong()) + 0.5);
      default:
        throw new AssertionError(dist);
    }
  }

  /**
   * A standard exponential sample {@code -ln(u)} for {@code u = (bits53 + 1) / 2^53} in (0, 1],
   * from the random bits {@code r}. The logarithm is {@code e·ln 2 + ln(m)} with {@code ln(m)},
   * {@code m} in [1, 2), interpolated linearly in a 2048-entry table: pure arithmetic, so the
   * same bits on every JVM, and several times cheaper than {@code StrictMath.log}. Relative error
   * below 3e-8, far under the 1 µs rounding of a delay.
   */
  double exponential(long r) {
    long x = (r >>> 11) + 1; // 1 .. 2^53
    int e = 63 - Long.numberOfLeadingZeros(x); // x = 2^e * m, m in [1, 2)
    long mantissa = (x << (63 - e)) << 1; // the bits of m after the leading 1, left-aligned
    int i = (int) (mantissa >>> (64 - LN_TABLE_BITS));
    double frac = (mantissa << LN_TABLE_BITS >>> 11) * 0x1.0p-53;
    double lnM = lnTable[i] + (lnTable[i + 1] - lnTable[i]) * frac;
    return (53 - e) * LN2 - lnM;
  }

  /** Whether one delivery is lost; draws from {@code lossStream} only if loss is configured. */
  public boolean dropped(RandomGenerator lossStream) {
    return lossy && lossStream.nextDouble() < loss;
  }

  /** When {@code node}'s uplink finishes its queued bulk transmissions (for tests and metrics). */
  public long uplinkFreeAt(int node) {
    return node < uplinkFree.length ? uplinkFree[node] : 0;
  }

  private void ensure(int node) {
    if (node >= offline.length) {
      int n = Math.max(node + 1, offline.length * 2);
      uplinkFree = Arrays.copyOf(uplinkFree, n);
      downlinkFree = Arrays.copyOf(downlinkFree, n);
      smallUplinkFree = Arrays.copyOf(smallUplinkFree, n);
      smallDownlinkFree = Arrays.copyOf(smallDownlinkFree, n);
      offline = Arrays.copyOf(offline, n);
    }
  }

  private static void checkNode(int node) {
    if (node < 0) {
      throw new IllegalArgumentException("node id must be >= 0, got " + node);
    }
  }
}
