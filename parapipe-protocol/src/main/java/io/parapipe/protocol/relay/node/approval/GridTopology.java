package io.parapipe.protocol.relay.node.approval;

import java.util.ArrayList;
import java.util.List;

/**
 * The 2D grid that approval distribution routes along (upstream
 * {@code polkadot/node/network/protocol/src/grid_topology.rs}): the {@code n} validators sit in
 * rows of {@code ceil(sqrt(n))}; a validator's neighbours are the others in its row (X) and in
 * its column (Y). An originator sends to both; a neighbour that got it along one dimension
 * forwards it along the other, so every validator is reached within two hops, along two paths.
 * Upstream shuffles the validators into the grid per session with the session's randomness; here
 * the grid is in validator index order.
 */
final class GridTopology {
  private final int n;
  private final int width;

  GridTopology(int n) {
    this.n = n;
    this.width = Math.max(1, (int) Math.ceil(Math.sqrt(n)));
  }

  boolean sameRow(int a, int b) {
    return a / width == b / width;
  }

  boolean sameColumn(int a, int b) {
    return a % width == b % width;
  }

  /** The others in {@code v}'s row, in index order. */
  List<Integer> row(int v) {
    List<Integer> out = new ArrayList<>();
    int start = (v / width) * width;
    for (int u = start; u < Math.min(n, start + width); u++) {
      if (u != v) {
        out.add(u);
      }
    }
    return out;
  }

  /** The others in {@code v}'s column, in index order. */
  List<Integer> column(int v) {
    List<Integer> out = new ArrayList<>();
    for (int u = v % width; u < n; u += width) {
      if (u != v) {
        out.add(u);
      }
    }
    return out;
  }
}
