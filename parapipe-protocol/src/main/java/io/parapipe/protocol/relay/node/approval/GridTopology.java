package io.parapipe.protocol.relay.node.approval;

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
  // A validator's row and column neighbours, computed when first asked for and kept: every
  // approval sent or forwarded walks them. A validator asks only for its own, so computing every
  // validator's up front cost each of them n arrays (V² in all).
  private final int[][] rows;
  private final int[][] columns;

  GridTopology(int n) {
    this.n = n;
    this.width = Math.max(1, (int) Math.ceil(Math.sqrt(n)));
    this.rows = new int[n][];
    this.columns = new int[n][];
  }

  private static int[] others(int v, int from, int to, int step) {
    int count = 0;
    for (int u = from; u < to; u += step) {
      count += u == v ? 0 : 1;
    }
    int[] out = new int[count];
    int i = 0;
    for (int u = from; u < to; u += step) {
      if (u != v) {
        out[i++] = u;
      }
    }
    return out;
  }

  boolean sameRow(int a, int b) {
    return a / width == b / width;
  }

  boolean sameColumn(int a, int b) {
    return a % width == b % width;
  }

  /** The others in {@code v}'s row, in index order (shared: do not modify). */
  int[] row(int v) {
    int[] r = rows[v];
    if (r == null) {
      int start = (v / width) * width;
      r = others(v, start, Math.min(n, start + width), 1);
      rows[v] = r;
    }
    return r;
  }

  /** The others in {@code v}'s column, in index order (shared: do not modify). */
  int[] column(int v) {
    int[] c = columns[v];
    if (c == null) {
      c = others(v, v % width, n, width);
      columns[v] = c;
    }
    return c;
  }

  /** The most neighbours any validator has: a full row's others and a full column's. */
  int maxNeighbours() {
    return (width - 1) + ((n + width - 1) / width - 1);
  }
}
