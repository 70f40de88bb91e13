package io.parapipe.sim.kernel;

import java.util.Arrays;

/**
 * A binary min-heap of longs, sifted by moving a hole: for draws that pack what orders an entry
 * (a time above a tie-break) into one long, so that a sift compares and moves one value. The
 * kernel's event queue uses the 4-ary {@link SlotHeap} of (time, tag) pairs instead; on the small
 * heaps of a relay draw or a drawn exchange (tens to hundreds of entries, emptied every draw) that
 * was about 2 % slower over a whole network (docs/performance.md).
 */
final class LongHeap {
  private long[] heap = new long[64];
  private int size;

  int size() {
    return size;
  }

  /** The least entry; the heap must not be empty. */
  long top() {
    return heap[0];
  }

  void clear() {
    size = 0;
  }

  void push(long x) {
    if (size == heap.length) {
      heap = Arrays.copyOf(heap, 2 * size);
    }
    int i = size++;
    while (i > 0) {
      int p = (i - 1) >>> 1;
      if (heap[p] <= x) {
        break;
      }
      heap[i] = heap[p];
      i = p;
    }
    heap[i] = x;
  }

  /** Removes the least entry; the heap must not be empty. */
  void removeTop() {
    long x = heap[--size];
    int i = 0;
    while (true) {
      int c = 2 * i + 1;
      if (c >= size) {
        break;
      }
      if (c + 1 < size && heap[c + 1] < heap[c]) {
        c++;
      }
      if (heap[c] >= x) {
        break;
      }
      heap[i] = heap[c];
      i = c;
    }
    heap[i] = x;
  }
}
