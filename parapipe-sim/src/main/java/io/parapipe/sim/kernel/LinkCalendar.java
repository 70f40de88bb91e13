package io.parapipe.sim.kernel;

import java.util.Arrays;

/**
 * Per node, the intervals of one link direction that drawn exchanges have reserved, in time
 * order, so that an exchange drawn later can book a transfer in a gap before one booked further in
 * the future (a link's "free at" time cannot: a transfer booked a second ahead would hold up
 * everything drawn meanwhile). Intervals that ended long before the present are forgotten.
 */
final class LinkCalendar {
  /** How long an interval is kept after it ended: more than any transfer's length. */
  static final long KEEP_MICROS = 100_000;

  // Per node: [start0, end0, start1, end1, ...] from index head[node] (in longs) to size[node].
  private long[][] intervals = new long[16][];
  private int[] head = new int[16];
  private int[] size = new int[16];

  void ensure(int nodes) {
    if (nodes > intervals.length) {
      int c = Math.max(nodes, 2 * intervals.length);
      intervals = Arrays.copyOf(intervals, c);
      head = Arrays.copyOf(head, c);
      size = Arrays.copyOf(size, c);
    }
  }

  /**
   * The earliest start at or after {@code earliest} of a free stretch of {@code length} on
   * {@code node}'s link; forgets intervals that ended before {@code now - KEEP_MICROS}.
   */
  long find(int node, long earliest, long length, long now) {
    long[] iv = intervals[node];
    if (iv == null || length == 0) {
      return earliest;
    }
    int h = head[node];
    int n = size[node];
    long horizon = now - KEEP_MICROS;
    while (h < n && iv[h + 1] <= horizon) {
      h += 2;
    }
    head[node] = h;
    // First interval ending after earliest (ends are sorted: intervals do not overlap).
    int lo = h >>> 1;
    int hi = n >>> 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (iv[2 * mid + 1] <= earliest) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    long s = earliest;
    for (int k = 2 * lo; k < n && iv[k] < s + length; k += 2) {
      s = Math.max(s, iv[k + 1]);
    }
    return s;
  }

  /** Reserves {@code [start, end)} on {@code node}'s link, a stretch {@link #find} found free. */
  void reserve(int node, long start, long end) {
    if (end <= start) {
      return;
    }
    long[] iv = intervals[node];
    if (iv == null) {
      iv = new long[16];
      intervals[node] = iv;
    }
    int h = head[node];
    int n = size[node];
    // Position: first interval starting at or after end.
    int lo = h >>> 1;
    int hi = n >>> 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (iv[2 * mid] < end) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    int k = 2 * lo;
    boolean joinsBefore = k > h && iv[k - 1] == start;
    boolean joinsAfter = k < n && iv[k] == end;
    if (joinsBefore && joinsAfter) {
      iv[k - 1] = iv[k + 1];
      System.arraycopy(iv, k + 2, iv, k, n - k - 2);
      size[node] = n - 2;
      return;
    }
    if (joinsBefore) {
      iv[k - 1] = end;
      return;
    }
    if (joinsAfter) {
      iv[k] = start;
      return;
    }
    if (n + 2 > iv.length) {
      if (h >= iv.length / 2) {
        // Compact: drop the forgotten prefix.
        System.arraycopy(iv, h, iv, 0, n - h);
        n -= h;
        k -= h;
        h = 0;
        head[node] = 0;
      } else {
        iv = Arrays.copyOf(iv, iv.length * 2);
        intervals[node] = iv;
      }
    }
    System.arraycopy(iv, k, iv, k + 2, n - k);
    iv[k] = start;
    iv[k + 1] = end;
    size[node] = n + 2;
  }
}
