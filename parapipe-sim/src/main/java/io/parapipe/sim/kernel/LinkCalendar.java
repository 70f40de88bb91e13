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

  /*
   * Per node, a stretch [fullFrom, fullTo) known to hold no free gap of fullLength or more: no
   * transfer that long can start in it. A link that drawn exchanges keep busy (a checker's
   * downlink receiving a recovery's 166 answers, a systematic chunk holder's uplink) has runs of
   * intervals with gaps too short for an answer, and each search walked the whole run again: 37
   * intervals a search at 500 validators, 2.3 with this. Reserving only fills gaps, so what is
   * known full stays full; forgetting intervals frees only the past, so the knowledge is used only
   * from the forgetting horizon on. A search that starts in the stretch starts at its end instead.
   */
  private long[] fullFrom = new long[16];
  private long[] fullTo = new long[16];
  private long[] fullLength = new long[16];

  /*
   * The last find's stretch and where it lies among its node's intervals, so that reserving it
   * (nearly always the next call, for the same node) need not search again; hintNode is -1 once a
   * reserve has changed the intervals.
   */
  private int hintNode = -1;
  private long hintStart;
  private long hintEnd;
  private int hintIndex;

  void ensure(int nodes) {
    if (nodes > intervals.length) {
      int c = Math.max(nodes, 2 * intervals.length);
      intervals = Arrays.copyOf(intervals, c);
      head = Arrays.copyOf(head, c);
      size = Arrays.copyOf(size, c);
      fullFrom = Arrays.copyOf(fullFrom, c);
      fullTo = Arrays.copyOf(fullTo, c);
      fullLength = Arrays.copyOf(fullLength, c);
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
    long from = earliest;
    boolean known = fullLength[node] != 0 && length >= fullLength[node]
        && earliest >= fullFrom[node] && earliest < fullTo[node] && earliest >= horizon;
    if (known) {
      from = fullTo[node]; // nothing this long fits before
    }
    // First interval ending after from (ends are sorted: intervals do not overlap).
    int lo = h >>> 1;
    int hi = n >>> 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (iv[2 * mid + 1] <= from) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    long s = from;
    int k = 2 * lo;
    for (; k < n && iv[k] < s + length; k += 2) {
      s = Math.max(s, iv[k + 1]);
    }
    // The first interval starting at or after s + length: where reserving [s, s + length), or a
    // part of it from s, inserts, if nothing is reserved on the node meanwhile.
    hintNode = node;
    hintStart = s;
    hintEnd = s + length;
    hintIndex = k;
    // Nothing of this length fits from earliest to s (nor, if known, from the stretch's start).
    fullFrom[node] = known ? fullFrom[node] : earliest;
    fullTo[node] = s;
    fullLength[node] = length;
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
    // Position: first interval starting at or after end; known from the find of this stretch.
    int k;
    if (node == hintNode && start == hintStart && end <= hintEnd) {
      k = hintIndex;
    } else {
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
      k = 2 * lo;
    }
    hintNode = -1;
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
