package io.parapipe.sim.kernel;

import java.util.Arrays;

/**
 * A short run of events kept sorted by (time, tag) in descending order, so the earliest is last:
 * taking it is a decrement, and an insertion shifts the few entries that precede it. Cheaper than
 * a heap for the handful of events in one bucket of the {@link EventQueue}; the queue switches to
 * its heap when a run grows past {@link #MAX}.
 */
final class SortedRun {
  /** Longest run kept sorted; beyond it the queue uses a heap. */
  static final int MAX = 64;

  private final long[] keys = new long[2 * MAX];
  private int size;

  int size() {
    return size;
  }

  long topTime() {
    return keys[2 * size - 2];
  }

  long topTag() {
    return keys[2 * size - 1];
  }

  void removeTop() {
    size--;
  }

  /** Inserts (time, tag); the caller ensures {@code size() < MAX}. */
  void insert(long time, long tag) {
    final long[] k = keys;
    int i = size;
    while (i > 0) {
      long pt = k[2 * i - 2];
      if (pt > time || (pt == time && k[2 * i - 1] > tag)) {
        break;
      }
      k[2 * i] = pt;
      k[2 * i + 1] = k[2 * i - 1];
      i--;
    }
    k[2 * i] = time;
    k[2 * i + 1] = tag;
    size++;
  }

  /** Moves every entry into {@code heap} (unordered; the caller heapifies) and empties the run. */
  void drainTo(SlotHeap heap) {
    for (int i = 0; i < size; i++) {
      heap.append(keys[2 * i], keys[2 * i + 1]);
    }
    size = 0;
  }

  @Override
  public String toString() {
    return "SortedRun" + Arrays.toString(Arrays.copyOf(keys, 2 * size));
  }
}
