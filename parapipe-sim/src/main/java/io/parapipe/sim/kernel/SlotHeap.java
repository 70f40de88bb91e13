package io.parapipe.sim.kernel;

import java.util.Arrays;

/**
 * A 4-ary min-heap of events keyed by (time, tag), where the tag packs the insertion sequence
 * above the slot ({@code seq << SLOT_BITS | slot}); sequences are unique, so ordering by tag is
 * ordering by sequence. Entries are interleaved (time, tag) in one {@code long[]}: the four
 * children compared in a sift-down sit together, and a move copies two longs. Positions past the
 * end hold (MAX, MAX) sentinels so a node's four children can always be read.
 */
final class SlotHeap {
  static final int SLOT_BITS = 24;
  static final long SLOT_MASK = (1L << SLOT_BITS) - 1;

  private long[] keys;
  private int capacity;
  private int size;

  SlotHeap(int initialCapacity) {
    capacity = Math.max(16, initialCapacity);
    keys = new long[2 * capacity + 8];
    Arrays.fill(keys, Long.MAX_VALUE);
  }

  int size() {
    return size;
  }

  long topTime() {
    return keys[0];
  }

  /** The top entry's tag. */
  long topTag() {
    return keys[1];
  }

  void push(long time, long tag) {
    if (size == capacity) {
      grow();
    }
    siftUp(size++, time, tag);
  }

  /** Appends without ordering; call {@link #heapify()} before the next read. */
  void append(long time, long tag) {
    if (size == capacity) {
      grow();
    }
    int p = size++;
    keys[2 * p] = time;
    keys[2 * p + 1] = tag;
  }

  /** Restores the heap order after {@link #append}s (Floyd's bottom-up construction). */
  void heapify() {
    for (int i = (size - 2) >> 2; i >= 0; i--) {
      siftDown(i, keys[2 * i], keys[2 * i + 1]);
    }
  }

  void removeTop() {
    int last = --size;
    long t = keys[2 * last];
    long q = keys[2 * last + 1];
    keys[2 * last] = Long.MAX_VALUE;
    keys[2 * last + 1] = Long.MAX_VALUE;
    if (last > 0) {
      siftDown(0, t, q);
    }
  }

  /** Gives the top entry the later time {@code time}, keeping its tag. */
  void rescheduleTop(long time) {
    siftDown(0, time, keys[1]);
  }

  private void siftUp(int pos, long t, long q) {
    final long[] k = keys;
    while (pos > 0) {
      int parent = (pos - 1) >>> 2;
      long pt = k[2 * parent];
      if (pt < t || (pt == t && k[2 * parent + 1] < q)) {
        break;
      }
      k[2 * pos] = pt;
      k[2 * pos + 1] = k[2 * parent + 1];
      pos = parent;
    }
    k[2 * pos] = t;
    k[2 * pos + 1] = q;
  }

  /**
   * Moves (t, q, s) down from {@code pos}. The four children are compared as a tournament with
   * non-short-circuit logic so the JIT can use conditional moves: which child is smallest is
   * data-dependent and mispredicts as a branch.
   */
  private void siftDown(int pos, long t, long q) {
    final long[] k = keys;
    final int n = size;
    while (true) {
      int c = 4 * pos + 1;
      if (c >= n) {
        break;
      }
      int b = 2 * c;
      long ta = k[b];
      long qa = k[b + 1];
      long tb = k[b + 2];
      long qb = k[b + 3];
      long tc = k[b + 4];
      long qc = k[b + 5];
      long td = k[b + 6];
      long qd = k[b + 7];
      boolean bWins = (tb < ta) | ((tb == ta) & (qb < qa));
      int i1 = bWins ? c + 1 : c;
      long t1 = bWins ? tb : ta;
      long q1 = bWins ? qb : qa;
      boolean dWins = (td < tc) | ((td == tc) & (qd < qc));
      int i2 = dWins ? c + 3 : c + 2;
      long t2 = dWins ? td : tc;
      long q2 = dWins ? qd : qc;
      boolean secondWins = (t2 < t1) | ((t2 == t1) & (q2 < q1));
      int best = secondWins ? i2 : i1;
      long bt = secondWins ? t2 : t1;
      long bq = secondWins ? q2 : q1;
      if (bt > t || (bt == t && bq > q)) {
        break;
      }
      k[2 * pos] = bt;
      k[2 * pos + 1] = bq;
      pos = best;
    }
    k[2 * pos] = t;
    k[2 * pos + 1] = q;
  }

  private void grow() {
    int c = capacity * 2;
    capacity = c;
    int old = keys.length;
    keys = Arrays.copyOf(keys, 2 * c + 8);
    Arrays.fill(keys, old, keys.length, Long.MAX_VALUE);
  }
}
