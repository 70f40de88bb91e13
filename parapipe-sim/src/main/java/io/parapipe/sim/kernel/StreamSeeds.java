package io.parapipe.sim.kernel;

import java.nio.charset.StandardCharsets;

/**
 * Derives the seed of one random stream from the run's seed, a domain, a node id and a purpose
 * string, by chaining the SplitMix64 mixer over those values and the purpose's UTF-8 bytes. Pure
 * and fixed forever: changing it changes every simulation result.
 *
 * <p>Domains keep the kernel's own streams (network jitter, loss) apart from the streams protocol
 * code asks for: no purpose string a node picks can alias a kernel stream.
 */
public final class StreamSeeds {
  /** Streams that protocol code gets through {@code NodeContext.random(purpose)}. */
  public static final int DOMAIN_NODE = 1;
  /** Streams the kernel and the network use for themselves. */
  public static final int DOMAIN_KERNEL = 2;

  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

  private StreamSeeds() {}

  /** The seed of the stream for ({@code runSeed}, {@code domain}, {@code node}, {@code purpose}). */
  public static long derive(long runSeed, int domain, int node, String purpose) {
    long h = SplitMix64.mix64(runSeed + GOLDEN_GAMMA);
    h = SplitMix64.mix64(h ^ ((domain & 0xffffffffL) + GOLDEN_GAMMA));
    h = SplitMix64.mix64(h ^ ((node & 0xffffffffL) + GOLDEN_GAMMA));
    byte[] bytes = purpose.getBytes(StandardCharsets.UTF_8);
    for (byte b : bytes) {
      h = SplitMix64.mix64(h ^ ((b & 0xffL) + GOLDEN_GAMMA));
    }
    return SplitMix64.mix64(h ^ bytes.length);
  }
}
