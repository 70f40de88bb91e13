package io.parapipe.sim.network;

import io.parapipe.sim.kernel.SplitMix64;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The sync peer set of every relay-chain node (validators and collators' relay-chain nodes): a
 * random graph drawn from the run's seed, over which relay blocks propagate by announcement and
 * request when {@code [network] block_propagation = "announce"}.
 *
 * <p>Each node, in node order, opens connections to {@code outPeers} other nodes drawn at random,
 * as substrate's peer set keeps {@code --out-peers} outgoing connections (default 8); a node
 * accepts at most {@link #IN_PEERS} incoming ones ({@code --in-peers}, default 32; both in
 * {@code substrate/client/cli/src/params/network_params.rs}). A connection carries the
 * block-announces protocol both ways, so the graph is undirected, and a node's peers are the ones
 * it dialled and the ones that dialled it.
 */
public final class SyncPeerGraph {
  /** Substrate's default {@code --out-peers}: outgoing full-node connections a node keeps. */
  public static final int DEFAULT_OUT_PEERS = 8;

  /** Substrate's default {@code --in-peers}: incoming full-node connections a node accepts. */
  public static final int IN_PEERS = 32;

  private SyncPeerGraph() {}

  /**
   * The peers of each node, ascending node ids.
   *
   * @param nodes how many nodes (ids {@code 0..nodes-1})
   * @param outPeers outgoing connections each node opens (at most {@code nodes - 1})
   * @param seed the run's seed
   * @return for each node, its peers
   */
  public static List<List<Integer>> build(int nodes, int outPeers, long seed) {
    SplitMix64 random = new SplitMix64(SplitMix64.mix64(seed ^ 0x73796e632d70656eL)); // "sync-pen"
    List<TreeSet<Integer>> peers = new ArrayList<>(nodes);
    for (int i = 0; i < nodes; i++) {
      peers.add(new TreeSet<>());
    }
    int[] inbound = new int[nodes];
    int want = Math.min(outPeers, nodes - 1);
    int[] order = new int[Math.max(0, nodes - 1)];
    for (int i = 0; i < nodes; i++) {
      int k = 0;
      for (int j = 0; j < nodes; j++) {
        if (j != i) {
          order[k++] = j;
        }
      }
      // Fisher-Yates over the other nodes: the order in which this node tries them.
      for (int a = k - 1; a > 0; a--) {
        int b = random.nextInt(a + 1);
        int t = order[a];
        order[a] = order[b];
        order[b] = t;
      }
      int dialled = 0;
      for (int a = 0; a < k && dialled < want; a++) {
        int j = order[a];
        if (peers.get(i).contains(j) || inbound[j] >= IN_PEERS) {
          continue; // connected already (j dialled i), or j refuses more incoming connections
        }
        peers.get(i).add(j);
        peers.get(j).add(i);
        inbound[j]++;
        dialled++;
      }
    }
    List<List<Integer>> out = new ArrayList<>(nodes);
    for (TreeSet<Integer> p : peers) {
      out.add(List.copyOf(p));
    }
    return out;
  }
}
