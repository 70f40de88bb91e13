package io.parapipe.sim.kernel;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * What each node offers to answer about a key ({@code NodeContext.offer}: a validator's chunk of a
 * candidate), laid out by key: one row per key, a slot per node. A drawn exchange reads its key's
 * row once for all the peers it asks, where asking each peer's node read a few lines of state no
 * other work had touched lately (the holders of a candidate's chunks are a third of the
 * validators, each asked by every checker of the candidate).
 */
final class ServeIndex {
  /** A node that offers nothing about the key: it refuses. */
  static final int NONE = Integer.MIN_VALUE;

  /** The offers about one key, by node. */
  static final class Row {
    final int[] slot;
    final int[] size;
    final Object[] payload;
    private int offers;

    Row(int nodes) {
      slot = new int[nodes];
      Arrays.fill(slot, NONE);
      size = new int[nodes];
      payload = new Object[nodes];
    }
  }

  private final Map<Object, Row> rows = new HashMap<>();

  /** {@code node} answers requests about {@code key} for {@code slot} with size and payload. */
  void offer(int node, int nodes, Object key, int slot, int size, Object payload) {
    if (slot == NONE) {
      throw new IllegalArgumentException("slot " + NONE + " is reserved");
    }
    Row r = rows.get(key);
    if (r == null) {
      r = new Row(nodes);
      rows.put(key, r);
    }
    if (r.slot[node] == NONE) {
      r.offers++;
    }
    r.slot[node] = slot;
    r.size[node] = size;
    r.payload[node] = payload;
  }

  /** {@code node} offers nothing about {@code key} any more; a row nobody offers in goes. */
  void withdraw(int node, Object key) {
    Row r = rows.get(key);
    if (r == null || r.slot[node] == NONE) {
      return;
    }
    r.slot[node] = NONE;
    r.size[node] = 0;
    r.payload[node] = null;
    if (--r.offers == 0) {
      rows.remove(key);
    }
  }

  /** The offers about {@code key}, or null if nobody offers anything about it. */
  Row row(Object key) {
    return rows.get(key);
  }

  /** How many keys have offers (for tests). */
  int keys() {
    return rows.size();
  }
}
