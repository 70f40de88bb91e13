package io.parapipe.sim.kernel;

import io.parapipe.protocol.host.Message;
import java.util.Arrays;

/**
 * One broadcast in flight: the message once, and its receivers' arrival schedule. The envelope
 * holds a single heap entry, moved to the next receiver's arrival after each delivery, so a
 * broadcast to k receivers costs one heap entry instead of k. Envelopes are pooled by the engine.
 *
 * <p>The schedule is an array of packed keys sorted ascending: {@code (arrival - base) << 21 |
 * index << 1 | reserved}, where {@code index} points into {@link #receivers} (the subscription
 * order, so equal arrivals are delivered in ascending receiver id) and {@code reserved} marks an
 * entry that has already passed the receiver's downlink.
 */
final class Envelope {
  static final int SHIFT = 21;
  static final int INDEX_MASK = (1 << 20) - 1;
  /** Largest arrival offset from {@link #base} a key can hold. */
  static final long MAX_OFFSET = Long.MAX_VALUE >>> SHIFT;

  Message message;
  int from;
  long base;
  long transmission;
  int count;
  int cursor;
  int[] receivers;
  long[] keys;

  Envelope(int capacity) {
    receivers = new int[capacity];
    keys = new long[capacity];
  }

  void ensureCapacity(int n) {
    if (receivers.length < n) {
      int c = Math.max(n, receivers.length * 2);
      receivers = new int[c];
      keys = new long[c];
    }
  }

  /** Receiver of the entry at schedule position {@code i}. */
  int receiverAt(int i) {
    return receivers[(int) (keys[i] >>> 1) & INDEX_MASK];
  }

  /** Arrival time of the entry at schedule position {@code i}. */
  long arrivalAt(int i) {
    return base + (keys[i] >>> SHIFT);
  }

  /**
   * Turns the absolute arrival times stored in {@code keys[0..count)} into packed keys relative
   * to the earliest and sorts them.
   */
  void seal() {
    long min = Long.MAX_VALUE;
    for (int i = 0; i < count; i++) {
      min = Math.min(min, keys[i]);
    }
    base = min;
    for (int i = 0; i < count; i++) {
      keys[i] = pack(keys[i] - min, i, false);
    }
    if (count <= 32) {
      // Insertion sort: gossip audiences are mostly small, and this avoids the library call.
      for (int i = 1; i < count; i++) {
        long k = keys[i];
        int j = i - 1;
        while (j >= 0 && keys[j] > k) {
          keys[j + 1] = keys[j];
          j--;
        }
        keys[j + 1] = k;
      }
    } else {
      Arrays.sort(keys, 0, count);
    }
    cursor = 0;
  }

  /**
   * The entry at {@code cursor} was held up by the receiver's downlink until {@code arrival}: mark
   * it reserved and move it to its place among the later entries.
   */
  void delayCursor(long arrival) {
    int i = cursor;
    int index = (int) (keys[i] >>> 1) & INDEX_MASK;
    long k = pack(arrival - base, index, true);
    while (i + 1 < count && keys[i + 1] < k) {
      keys[i] = keys[i + 1];
      i++;
    }
    keys[i] = k;
  }

  private static long pack(long offset, int index, boolean reserved) {
    if (offset > MAX_OFFSET) {
      throw new IllegalStateException(
          "a broadcast's arrivals span more than " + MAX_OFFSET + " µs; the schedule cannot hold it");
    }
    return offset << SHIFT | (long) index << 1 | (reserved ? 1 : 0);
  }
}
