package io.parapipe.sweep;

import java.util.List;

/**
 * How this process takes part in a sweep's Hazelcast cluster.
 *
 * @param workers runs at a time on this member; 0 makes it a lite member that runs nothing (a
 *     coordinator that only submits)
 * @param bind the address the member binds to and announces (loopback unless told otherwise)
 * @param port the first port to try; the next ones are tried if it is taken
 * @param join members to join, {@code HOST:PORT}; empty to start alone (the local default, no
 *     network discovery at all)
 * @param clusterName the cluster's name: members of other clusters are refused
 */
public record EngineOptions(int workers, String bind, int port, List<String> join,
    String clusterName) {
  /** The default cluster name. */
  public static final String CLUSTER = "parapipe-sweep";

  /** The default first port (Hazelcast's). */
  public static final int PORT = 5701;

  /** Copies the join list. */
  public EngineOptions {
    join = List.copyOf(join);
  }

  /** One member alone on loopback with {@code workers} runs at a time. */
  public static EngineOptions local(int workers) {
    return new EngineOptions(workers, "127.0.0.1", PORT, List.of(), CLUSTER);
  }
}
