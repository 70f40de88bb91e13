package io.parapipe.sim.kernel;

import io.parapipe.protocol.host.Message;
import io.parapipe.protocol.host.PostSink;
import java.util.Arrays;

/**
 * The messages posted on one topic under threshold gossip, with each receiver's arrival time,
 * until their lifetime ends. A receiver takes what has reached it when it asks; nothing is an
 * event. Posts are kept in posting order and numbered from the first ever posted; each node keeps
 * a cursor below which every post is settled for it (taken, never coming, or forgotten), so a
 * node that asks once per relay block scans little more than that block's posts.
 *
 * <p>A post's arrivals are kept as offsets from its posting time in an {@code int} row (half a
 * {@code long} row: the board holds every post of the last several relay blocks, a row per post
 * with a slot per node). An arrival after the post's expiry could never be taken, so it is kept as
 * never coming. Posts leave the board from the oldest on; the row of an expired post behind an
 * older, longer-lived one (a bitfield behind a manifest) is dropped when a take passes it.
 */
final class PostBoard {
  /** An arrival slot of a receiver that will never get the message (sender, offline, lost). */
  static final long NEVER = Long.MAX_VALUE;
  /** A row slot: never coming. */
  private static final int NEVER_OFFSET = Integer.MAX_VALUE;
  /** A row slot whose message was taken. */
  private static final int TAKEN_OFFSET = Integer.MIN_VALUE;

  private Message[] messages = new Message[64];
  private int[] senders = new int[64];
  /** Per post, each node's arrival as an offset from {@link #postedAt}; null once expired. */
  private int[][] arrivals = new int[64][];
  private long[] postedAt = new long[64];
  private long[] expiry = new long[64];
  /** Number of the oldest post still kept, and one past the newest. */
  private long first;
  private long end;
  private long[] cursorAt = new long[0];

  // Reused by take: the posts that arrived, as (arrival, post number) pairs.
  private long[] takenArrival = new long[64];
  private long[] takenPost = new long[64];
  private int[] order = new int[64];

  /**
   * Posts {@code m} from node {@code from} at {@code now}; {@code arrivalByNode[n]} is when it
   * reaches node n (not before {@code now}), or {@link #NEVER}, for the first {@code nodes} nodes.
   * A post lives less than 2^31 µs (35 minutes): its arrivals are kept as {@code int} offsets.
   */
  void add(Message m, int from, long[] arrivalByNode, int nodes, long expiresAt, long now) {
    if (expiresAt - now >= NEVER_OFFSET) {
      throw new IllegalArgumentException("a post must live less than 2^31 µs, got "
          + (expiresAt - now));
    }
    forgetExpired(now);
    int size = (int) (end - first);
    if (size == messages.length) {
      grow();
    }
    int[] row = new int[nodes];
    for (int n = 0; n < nodes; n++) {
      long a = arrivalByNode[n];
      row[n] = a == NEVER || a > expiresAt ? NEVER_OFFSET : Math.toIntExact(a - now);
    }
    int slot = slot(end);
    messages[slot] = m;
    senders[slot] = from;
    arrivals[slot] = row;
    postedAt[slot] = now;
    expiry[slot] = expiresAt;
    end++;
  }

  /**
   * Hands {@code sink} the posts that reached {@code node} by {@code now} and were not taken, in
   * arrival order (posting order among equal arrivals).
   */
  void take(int node, long now, PostSink sink) {
    forgetExpired(now);
    long p = Math.max(first, cursorOf(node));
    boolean settled = true;
    int n = 0;
    for (; p < end; p++) {
      int s = slot(p);
      int[] row = arrivals[s];
      // Posts are forgotten from the oldest on; one whose lifetime (shorter than an older
      // post's) has passed is settled as if forgotten, and its row let go.
      if (row == null || expiry[s] < now) {
        arrivals[s] = null;
        if (settled) {
          setCursor(node, p + 1);
        }
        continue;
      }
      int off = node < row.length ? row[node] : NEVER_OFFSET;
      if (off == TAKEN_OFFSET || off == NEVER_OFFSET) {
        if (settled) {
          setCursor(node, p + 1);
        }
        continue;
      }
      long a = postedAt[s] + off;
      if (a > now) {
        settled = false;
        continue;
      }
      row[node] = TAKEN_OFFSET;
      if (settled) {
        setCursor(node, p + 1);
      }
      if (n == takenArrival.length) {
        takenArrival = Arrays.copyOf(takenArrival, 2 * n);
        takenPost = Arrays.copyOf(takenPost, 2 * n);
        order = new int[2 * n];
      }
      takenArrival[n] = a;
      takenPost[n] = p;
      n++;
    }
    sortByArrival(n);
    for (int i = 0; i < n; i++) {
      int s = slot(takenPost[order[i]]);
      sink.accept(senders[s], takenArrival[order[i]], messages[s]);
    }
  }

  /** Posts kept (for tests and metrics). */
  int size() {
    return (int) (end - first);
  }

  /** Arrival rows kept: posts kept less those whose expired rows a take let go (for tests). */
  int rowsKept() {
    int n = 0;
    for (long p = first; p < end; p++) {
      if (arrivals[slot(p)] != null) {
        n++;
      }
    }
    return n;
  }

  private void sortByArrival(int n) {
    // Posting order is already the tie-break: an insertion sort on (arrival, post), short lists.
    for (int i = 0; i < n; i++) {
      int j = i;
      while (j > 0 && takenArrival[order[j - 1]] > takenArrival[i]) {
        order[j] = order[j - 1];
        j--;
      }
      order[j] = i;
    }
  }

  private void forgetExpired(long now) {
    while (first < end && expiry[slot(first)] < now) {
      int s = slot(first);
      messages[s] = null;
      arrivals[s] = null;
      first++;
    }
  }

  private long cursorOf(int node) {
    return node < cursorAt.length ? cursorAt[node] : 0;
  }

  private void setCursor(int node, long p) {
    if (node >= cursorAt.length) {
      cursorAt = Arrays.copyOf(cursorAt, Math.max(node + 1, 2 * cursorAt.length));
    }
    cursorAt[node] = p;
  }

  private int slot(long p) {
    return (int) (p & (messages.length - 1));
  }

  private void grow() {
    int n = messages.length;
    Message[] m = new Message[2 * n];
    int[] f = new int[2 * n];
    int[][] a = new int[2 * n][];
    long[] at = new long[2 * n];
    long[] e = new long[2 * n];
    for (long p = first; p < end; p++) {
      int from = (int) (p & (n - 1));
      int to = (int) (p & (2 * n - 1));
      m[to] = messages[from];
      f[to] = senders[from];
      a[to] = arrivals[from];
      at[to] = postedAt[from];
      e[to] = expiry[from];
    }
    messages = m;
    senders = f;
    arrivals = a;
    postedAt = at;
    expiry = e;
  }
}
