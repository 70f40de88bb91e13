package io.parapipe.sim.network;

/**
 * Parameters of the simulated network; links differ only by {@code latencySpread}. Built by name from {@link #IDEAL} or
 * {@link #DEFAULT} with the {@code with*} copies.
 *
 * @param latencyMicros base one-way latency of every message, µs (≥ 0)
 * @param jitterMeanMicros mean of the extra delay drawn per delivery, µs (0 .. {@link
 *     #MAX_JITTER_MEAN_MICROS}); ignored with {@link JitterDistribution#NONE}
 * @param dist how the extra delay is drawn
 * @param bandwidthBytesPerSecond upload and download bandwidth of every node, bytes per second
 *     (&gt; 0); {@link #UNLIMITED_BANDWIDTH} makes transmission instantaneous
 * @param messageLoss probability that one delivery is dropped (0 .. 1)
 * @param latencySpread how far one link's base latency lies from {@code latencyMicros}: each pair
 *     of nodes has its own fixed base latency, uniform in {@code latency × [1 − spread, 1 + spread]}
 *     (0 .. 0.95; 0 = every link alike), as validators and collators sit at different distances
 */
public record NetworkConfig(
    long latencyMicros,
    long jitterMeanMicros,
    JitterDistribution dist,
    long bandwidthBytesPerSecond,
    double messageLoss,
    double latencySpread) {

  /** A configuration with every link alike. */
  public NetworkConfig(long latencyMicros, long jitterMeanMicros, JitterDistribution dist,
      long bandwidthBytesPerSecond, double messageLoss) {
    this(latencyMicros, jitterMeanMicros, dist, bandwidthBytesPerSecond, messageLoss, 0.0);
  }

  /** Bandwidth value meaning "no transmission time at all". */
  public static final long UNLIMITED_BANDWIDTH = Long.MAX_VALUE;

  /**
   * Largest allowed jitter mean: one hour. Bounds the spread of one broadcast's arrival times so
   * that the kernel's packed schedule keys cannot overflow.
   */
  public static final long MAX_JITTER_MEAN_MICROS = 3_600_000_000L;

  /** 1 Gbit/s in bytes per second. */
  public static final long ONE_GBIT_PER_SECOND = 125_000_000L;

  /**
   * An ideal network: no latency, no jitter, unlimited bandwidth, no loss. The starting point of
   * every other configuration, built from it by name with the {@code with*} copies.
   */
  public static final NetworkConfig IDEAL =
      new NetworkConfig(0, 0, JitterDistribution.NONE, UNLIMITED_BANDWIDTH, 0.0);

  /**
   * The scenario defaults (docs/scenario.md): 40 ms latency, exponential jitter of mean 20 ms,
   * 1 Gbit/s up and down, no loss.
   */
  public static final NetworkConfig DEFAULT = IDEAL
      .withLatency(40_000)
      .withJitter(20_000, JitterDistribution.EXPONENTIAL)
      .withBandwidth(ONE_GBIT_PER_SECOND);

  /** Validates the values; these are programming errors, user input is checked by the loader. */
  public NetworkConfig {
    if (latencyMicros < 0) {
      throw new IllegalArgumentException("latencyMicros must be >= 0, got " + latencyMicros);
    }
    if (jitterMeanMicros < 0 || jitterMeanMicros > MAX_JITTER_MEAN_MICROS) {
      throw new IllegalArgumentException(
          "jitterMeanMicros must be in 0.." + MAX_JITTER_MEAN_MICROS + ", got " + jitterMeanMicros);
    }
    if (dist == null) {
      throw new IllegalArgumentException("dist must not be null");
    }
    if (bandwidthBytesPerSecond <= 0) {
      throw new IllegalArgumentException(
          "bandwidthBytesPerSecond must be > 0, got " + bandwidthBytesPerSecond);
    }
    if (!(messageLoss >= 0.0 && messageLoss <= 1.0)) {
      throw new IllegalArgumentException("messageLoss must be in 0..1, got " + messageLoss);
    }
    if (!(latencySpread >= 0.0 && latencySpread <= 0.95)) {
      throw new IllegalArgumentException("latencySpread must be in 0..0.95, got " + latencySpread);
    }
  }

  /** A copy with another base latency. */
  public NetworkConfig withLatency(long micros) {
    return new NetworkConfig(micros, jitterMeanMicros, dist, bandwidthBytesPerSecond, messageLoss,
        latencySpread);
  }

  /** A copy with another jitter. */
  public NetworkConfig withJitter(long meanMicros, JitterDistribution distribution) {
    return new NetworkConfig(
        latencyMicros, meanMicros, distribution, bandwidthBytesPerSecond, messageLoss, latencySpread);
  }

  /** A copy with another bandwidth. */
  public NetworkConfig withBandwidth(long bytesPerSecond) {
    return new NetworkConfig(latencyMicros, jitterMeanMicros, dist, bytesPerSecond, messageLoss,
        latencySpread);
  }

  /** A copy with another loss probability. */
  public NetworkConfig withMessageLoss(double probability) {
    return new NetworkConfig(
        latencyMicros, jitterMeanMicros, dist, bandwidthBytesPerSecond, probability, latencySpread);
  }

  /** A copy with another latency spread across links. */
  public NetworkConfig withLatencySpread(double spread) {
    return new NetworkConfig(
        latencyMicros, jitterMeanMicros, dist, bandwidthBytesPerSecond, messageLoss, spread);
  }
}
