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
 */
final class PostBoard {
  /** An arrival slot of a receiver that will never get the message (sender, offline, lost). */
  static final long NEVER = Long.MAX_VALUE;
  /** An arrival slot whose message was taken. */
  private static final long TAKEN = Long.MIN_VALUE;

  private Message[] messages = new Message[64];
  private int[] senders = new int[64];
  private long[][] arrivals = new long[64][];
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
   * A fresh arrivals row for a post to {@code nodes} nodes, every slot {@link #NEVER}; fill it and
   * pass it to {@link #add}.
   */
  long[] row(int nodes) {
    long[] r = new long[nodes];
    Arrays.fill(r, NEVER);
    return r;
  }

  /** Posts {@code m} from node {@code from}; {@code arrivalByNode[n]} is when it reaches node n, or {@link #NEVER}. */
  void add(Message m, int from, long[] arrivalByNode, long expiresAt, long now) {
    forgetExpired(now);
    int size = (int) (end - first);
    if (size == messages.length) {
      grow();
    }
    int slot = slot(end);
    messages[slot] = m;
    senders[slot] = from;
    arrivals[slot] = arrivalByNode;
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
      long[] row = arrivals[s];
      long a = node < row.length ? row[node] : NEVER;
      // Posts are forgotten from the oldest on; one whose lifetime (shorter than an older
      // post's) has passed is settled as if forgotten.
      if (a == TAKEN || a == NEVER || expiry[s] < now) {
        if (settled) {
          setCursor(node, p + 1);
        }
        continue;
      }
      if (a > now) {
        settled = false;
        continue;
      }
      row[node] = TAKEN;
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
    long[][] a = new long[2 * n][];
    long[] e = new long[2 * n];
    for (long p = first; p < end; p++) {
      int from = (int) (p & (n - 1));
      int to = (int) (p & (2 * n - 1));
      m[to] = messages[from];
      f[to] = senders[from];
      a[to] = arrivals[from];
      e[to] = expiry[from];
    }
    messages = m;
    senders = f;
    arrivals = a;
    expiry = e;
  }
}
