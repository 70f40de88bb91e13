package io.parapipe.sim.kernel;

import io.parapipe.protocol.host.Message;
import io.parapipe.protocol.host.PostSink;
import java.util.Arrays;

/**
 * The keyed posts on one topic under threshold gossip, filed in each receiver's inbox, with the
 * receivers' wake requests: the board for messages every receiver reads, but only acts on once
 * enough of them are in (GRANDPA votes).
 *
 * <p>A {@link PostBoard} keeps one arrival row per post and is cheap to post to and costly to
 * read, which suits bitfields (posted by every validator, read by one block author). Here every
 * receiver reads every post, several times a round, so the arrivals are filed per receiver when
 * posted: a receiver's look (a take, or a wake request) reads only its own inbox, which holds the
 * posts on their way to it, instead of one row per post. Posts are numbered from the first ever
 * posted and forgotten after their lifetime; an inbox is in posting order, so forgotten posts are
 * a prefix of it.
 *
 * <p>A node may ask to be woken when enough posts have reached it ({@link #request}): a request
 * is a few conditions, each a key range and a count k, met when the untaken posts keyed in its
 * range that have arrived weigh k (each post carries a weight, 1 for a vote); the wake is due
 * when the first condition is met. (A GRANDPA voter asks for the k-th vote of its round or later,
 * or the first of a later round; approval voting asks, for each block lacking approvals, for as
 * many candidate approvals of that block as it misses, an approval weighing the candidates it
 * names.) The board keeps, per condition, the fewest earliest arrivals that weigh k in a
 * max-heap, so a new post moves a node's wake only when it reaches the node before a condition's
 * current latest; the engine schedules the wake as a timer and moves it when {@link #add} reports
 * the node in {@link #moved}. Taking drops the node's request: a node asks again after taking.
 */
final class InboxBoard {
  /** A receiver that will never get the message (sender, offline, lost). */
  static final long NEVER = PostBoard.NEVER;

  // Posts, by number modulo the capacity.
  private Message[] messages = new Message[64];
  private int[] senders = new int[64];
  private long[] expiry = new long[64];
  private long[] keys = new long[64];
  private int[] weights = new int[64];
  /** Number of the oldest post still kept, and one past the newest. */
  private long first;
  private long end;

  // Inboxes, by node: (arrival time, post number) pairs, in posting order, entries head to size
  // (entry i at 2i and 2i + 1). One array, so filing a post touches one line of an inbox.
  private long[][] inbox = new long[0][];
  private int[] inHead = new int[0];
  private int[] inSize = new int[0];

  /**
   * Wake requests, by node, each in one array ({@link #REQ_COUNT}, then per condition its key
   * range, k, how many arrivals it holds and where its heap starts, then the heaps); null until a
   * node first asks. One array, not an object of arrays: every post considers every requesting
   * receiver, and at 500 validators the lines each one touches, not the comparisons, are the cost.
   */
  private long[][] requests = new long[0][];
  /** When each node's wake is due, {@link #NEVER} if it has none; read by the engine. */
  long[] wakeAt = new long[0];
  /** The engine's timer id of each node's scheduled wake, 0 if none. */
  long[] wakeHandle = new long[0];
  /** The timer each node asked to be woken with. */
  Object[] wakeTimer = new Object[0];
  /** Nodes whose wake {@link #add} moved earlier, {@link #movedCount} of them. */
  int[] moved = new int[16];
  int movedCount;

  // Reused by take: the posts that arrived, packed as (arrival, place) or kept apart.
  private long[] takenArrival = new long[64];
  private long[] takenPost = new long[64];
  private long[] packed = new long[64];
  private long[] sortedArrival = new long[64];
  private long[] sortedPost = new long[64];

  /**
   * Posts {@code m} from node {@code from} with {@code key} and {@code weight} (1 to {@link
   * #WEIGHT_MASK}): {@code arrivalByNode[n]} is when it reaches node n, or {@link #NEVER}. Notes in
   * {@link #moved} the requesting nodes it reaches soon enough to move their wake earlier.
   */
  void add(Message m, int from, long[] arrivalByNode, int nodes, long expiresAt, long now,
      long key, int weight) {
    if (weight < 1 || weight > WEIGHT_MASK) {
      throw new IllegalArgumentException("a post's weight must be 1 to " + WEIGHT_MASK + ", got "
          + weight);
    }
    forgetExpired(now);
    if (end - first == messages.length) {
      grow();
    }
    int slot = slot(end);
    messages[slot] = m;
    senders[slot] = from;
    expiry[slot] = expiresAt;
    keys[slot] = key;
    weights[slot] = weight;
    long p = end++;
    ensureNode(nodes - 1);
    movedCount = 0;
    for (int j = 0; j < nodes; j++) {
      long a = arrivalByNode[j];
      if (a == NEVER) {
        continue;
      }
      file(j, a, p);
      long[] r = requests[j];
      if (r == null || r[REQ_COUNT] == 0) {
        continue;
      }
      r = consider(j, r, key, a, weight);
      long t = due(r);
      if (t < wakeAt[j]) {
        wakeAt[j] = t;
        if (movedCount == moved.length) {
          moved = Arrays.copyOf(moved, 2 * movedCount);
        }
        moved[movedCount++] = j;
      }
    }
  }

  private void file(int j, long a, long p) {
    long[] box = inbox[j];
    int size = inSize[j];
    if (box == null) {
      box = inbox[j] = new long[32];
    } else if (2 * size == box.length) {
      // Drop the forgotten prefix (and what was taken) before growing.
      int head = inHead[j];
      while (head < size && box[2 * head + 1] < first) {
        head++;
      }
      if (head > size / 2) {
        System.arraycopy(box, 2 * head, box, 0, 2 * (size - head));
        size -= head;
        head = 0;
      } else {
        box = inbox[j] = Arrays.copyOf(box, 4 * size);
      }
      inHead[j] = head;
    }
    box[2 * size] = a;
    box[2 * size + 1] = p;
    inSize[j] = size + 1;
  }

  /**
   * Hands {@code sink} the posts that reached {@code node} by {@code now} and were not taken, in
   * arrival order (posting order among equal arrivals), and drops the node's wake request.
   */
  void take(int node, long now, PostSink sink) {
    forgetExpired(now);
    if (node >= inSize.length) {
      return;
    }
    long[] box = inbox[node];
    int size = inSize[node];
    int keep = 0;
    int n = 0;
    for (int i = inHead[node]; i < size; i++) {
      long p = box[2 * i + 1];
      if (p < first || expiry[slot(p)] < now) {
        continue; // forgotten, or its (shorter) lifetime has passed
      }
      long a = box[2 * i];
      if (a > now) {
        box[2 * keep] = a;
        box[2 * keep + 1] = p;
        keep++;
        continue;
      }
      if (n == takenArrival.length) {
        takenArrival = Arrays.copyOf(takenArrival, 2 * n);
        takenPost = Arrays.copyOf(takenPost, 2 * n);
      }
      takenArrival[n] = a;
      takenPost[n] = p;
      n++;
    }
    inHead[node] = 0;
    inSize[node] = keep;
    clearRequest(node);
    if (n == 0) {
      return;
    }
    sortByArrival(n);
    for (int i = 0; i < n; i++) {
      int s = slot(takenPost[i]);
      sink.accept(senders[s], takenArrival[i], messages[s]);
    }
  }

  /**
   * Sets {@code node}'s wake request and returns when it is due, counting the untaken posts that
   * already reached it or are on their way ({@link #NEVER} if not yet).
   *
   * @param fromKey the posts counted towards {@code k}: those keyed at least this
   * @param k how many counted arrivals wake the node; 0 for none
   * @param urgentKey a post keyed at least this wakes the node on its own; {@link #NEVER} for none
   */
  long request(int node, long fromKey, int k, long urgentKey, long now) {
    if (k < 0) {
      throw new IllegalArgumentException("k must be >= 0, got " + k);
    }
    int n = 0;
    if (k > 0) {
      condLo[n] = fromKey;
      condHi[n] = Long.MAX_VALUE;
      condK[n++] = k;
    }
    if (urgentKey != NEVER) {
      condLo[n] = urgentKey;
      condHi[n] = Long.MAX_VALUE;
      condK[n++] = 1;
    }
    return request(node, condLo, condHi, condK, n, now);
  }

  // Reused by the two-condition request above.
  private final long[] condLo = new long[2];
  private final long[] condHi = new long[2];
  private final int[] condK = new int[2];

  /**
   * Sets {@code node}'s wake request to {@code n} conditions and returns when it is due: the
   * first moment when, for some i, untaken posts keyed from {@code lo[i]} to {@code hi[i]}
   * (inclusive) weighing {@code k[i]} together have reached the node, counting those already here
   * or on their way ({@link #NEVER} if none is met yet). Conditions with k 0 are ignored.
   */
  long request(int node, long[] lo, long[] hi, int[] k, int n, long now) {
    forgetExpired(now);
    ensureNode(node);
    long[] r = setRequest(node, lo, hi, k, n);
    if (r[REQ_COUNT] > 0) {
      long[] box = inbox[node];
      for (int i = inHead[node], size = inSize[node]; i < size; i++) {
        long p = box[2 * i + 1];
        if (p >= first && expiry[slot(p)] >= now) {
          r = consider(node, r, keys[slot(p)], box[2 * i], weights[slot(p)]);
        }
      }
    }
    wakeAt[node] = due(r);
    return wakeAt[node];
  }

  /** Drops {@code node}'s wake request; returns the timer id to cancel, 0 if none. */
  long clearRequest(int node) {
    if (node >= wakeAt.length) {
      return 0;
    }
    if (requests[node] != null) {
      requests[node][REQ_COUNT] = 0;
    }
    wakeAt[node] = NEVER;
    long h = wakeHandle[node];
    wakeHandle[node] = 0;
    return h;
  }

  // A request's layout: its condition count, then per condition these seven, then the heaps. A
  // heap entry is an arrival and its post's weight, (arrival << WEIGHT_BITS | weight). A heap
  // starts small and doubles, up to k + 1, when full: approval voting's k is the candidate
  // approvals a block misses, thousands, while a few hundred messages may bring them.
  private static final int REQ_COUNT = 0;
  /** Where the request's used part ends: the next heap to grow moves there. */
  private static final int REQ_END = 1;
  private static final int REQ_HEADER = 2;
  private static final int COND_LO = 0;
  private static final int COND_HI = 1;
  private static final int COND_K = 2;
  private static final int COND_SIZE = 3;
  private static final int COND_HEAP = 4;
  private static final int COND_SUM = 5;
  private static final int COND_CAP = 6;
  private static final int COND_WIDTH = 7;
  private static final int FIRST_CAPACITY = 64;
  private static final int WEIGHT_BITS = 20;
  /** The largest weight a post may carry. */
  static final int WEIGHT_MASK = (1 << WEIGHT_BITS) - 1;

  /** Writes {@code node}'s request: the conditions with k above 0, their heaps empty. */
  private long[] setRequest(int node, long[] lo, long[] hi, int[] ks, int n) {
    int count = 0;
    long heapLongs = 0;
    for (int i = 0; i < n; i++) {
      if (ks[i] < 0) {
        throw new IllegalArgumentException("k must be >= 0, got " + ks[i]);
      }
      if (ks[i] > 0) {
        count++;
        heapLongs += firstCapacity(ks[i]);
      }
    }
    long length = REQ_HEADER + (long) COND_WIDTH * count + heapLongs;
    if (length > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("a wake request of " + count
          + " conditions does not fit an array");
    }
    long[] r = requests[node];
    if (r == null || r.length < length) {
      r = requests[node] = new long[(int) Math.max(length, 32)];
    }
    r[REQ_COUNT] = count;
    r[REQ_END] = length;
    int heap = REQ_HEADER + COND_WIDTH * count;
    int c = REQ_HEADER;
    for (int i = 0; i < n; i++) {
      if (ks[i] == 0) {
        continue;
      }
      r[c + COND_LO] = lo[i];
      r[c + COND_HI] = hi[i];
      r[c + COND_K] = ks[i];
      r[c + COND_SIZE] = 0;
      r[c + COND_HEAP] = heap;
      r[c + COND_SUM] = 0;
      r[c + COND_CAP] = firstCapacity(ks[i]);
      heap += firstCapacity(ks[i]);
      c += COND_WIDTH;
    }
    return r;
  }

  /**
   * A heap's first capacity for count k: at most k + 1 entries are ever held (one over: an
   * arrival is pushed before the latest is dropped).
   */
  private static int firstCapacity(int k) {
    return (int) Math.min(k + 1L, FIRST_CAPACITY);
  }

  /**
   * Offers arrival {@code a} of a post keyed {@code key} to each condition of {@code node}'s
   * request r; returns the request, moved if a heap had to grow.
   */
  private long[] consider(int node, long[] r, long key, long a, int weight) {
    for (int c = REQ_HEADER, end = REQ_HEADER + COND_WIDTH * (int) r[REQ_COUNT]; c < end;
        c += COND_WIDTH) {
      if (key >= r[c + COND_LO] && key <= r[c + COND_HI]) {
        if (r[c + COND_SIZE] == r[c + COND_CAP] && r[c + COND_CAP] <= r[c + COND_K]) {
          r = growHeap(node, r, c);
        }
        offer(r, c, a, weight);
      }
    }
    return r;
  }

  /**
   * Doubles the heap of the condition at {@code c} (up to k + 1), moving it past the request's
   * used part (the array doubling when that is full); the old place stays unused until the node's
   * next request lays the request out again.
   */
  private long[] growHeap(int node, long[] r, int c) {
    int cap = (int) r[c + COND_CAP];
    long grown = Math.min(2L * cap, r[c + COND_K] + 1);
    long end = r[REQ_END];
    if (end + grown > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException("a wake request's heap of " + grown
          + " arrivals does not fit an array");
    }
    if (end + grown > r.length) {
      r = Arrays.copyOf(r, (int) Math.min(Integer.MAX_VALUE - 8,
          Math.max(2L * r.length, end + grown)));
      requests[node] = r;
    }
    System.arraycopy(r, (int) r[c + COND_HEAP], r, (int) end, (int) r[c + COND_SIZE]);
    r[c + COND_HEAP] = end;
    r[c + COND_CAP] = grown;
    r[REQ_END] = end + grown;
    return r;
  }

  /**
   * Keeps arrival {@code a} (of a post of {@code weight}) if it is among the earliest arrivals
   * whose weights reach the condition at {@code c}'s k: the condition's max-heap holds the fewest
   * earliest arrivals that do (all of them while they do not), so its top is when the k-th unit
   * of weight arrives. With weights of 1, the k earliest arrivals.
   */
  private static void offer(long[] r, int c, long a, int weight) {
    if (a >= 1L << (63 - WEIGHT_BITS)) {
      throw new IllegalStateException("an arrival at " + a + " is beyond what a wake request packs");
    }
    int h = (int) r[c + COND_HEAP];
    int n = (int) r[c + COND_SIZE];
    long k = r[c + COND_K];
    long sum = r[c + COND_SUM];
    if (sum >= k && a >= r[h] >>> WEIGHT_BITS) {
      return; // no earlier than the arrival that already reaches k
    }
    long e = a << WEIGHT_BITS | weight;
    if (sum >= k && weight >= (r[h] & WEIGHT_MASK)) {
      // The others and this one reach k without the latest: it takes the latest's place (votes,
      // all of weight 1, always come this way once k are in).
      sum += weight - (r[h] & WEIGHT_MASK);
      siftDown(r, h, n, e);
    } else {
      int i = n++; // sift the new entry up
      while (i > 0) {
        int parent = (i - 1) >>> 1;
        if (r[h + parent] >= e) {
          break;
        }
        r[h + i] = r[h + parent];
        i = parent;
      }
      r[h + i] = e;
      sum += weight;
    }
    // Drop the latest arrivals while the others still reach k.
    while (sum - (r[h] & WEIGHT_MASK) >= k) {
      sum -= r[h] & WEIGHT_MASK;
      n--;
      siftDown(r, h, n, r[h + n]);
    }
    r[c + COND_SIZE] = n;
    r[c + COND_SUM] = sum;
  }

  /** Puts {@code x} at the top of the max-heap {@code r[h, h + n)} and sifts it down. */
  private static void siftDown(long[] r, int h, int n, long x) {
    int j = 0;
    while (true) {
      int ch = 2 * j + 1;
      if (ch >= n) {
        break;
      }
      if (ch + 1 < n && r[h + ch + 1] > r[h + ch]) {
        ch++;
      }
      if (r[h + ch] <= x) {
        break;
      }
      r[h + j] = r[h + ch];
      j = ch;
    }
    r[h + j] = x;
  }

  /** When request r's first condition is met, as far as the posts considered show. */
  private static long due(long[] r) {
    long t = NEVER;
    for (int c = REQ_HEADER, end = REQ_HEADER + COND_WIDTH * (int) r[REQ_COUNT]; c < end;
        c += COND_WIDTH) {
      if (r[c + COND_SUM] >= r[c + COND_K]) {
        long top = r[(int) r[c + COND_HEAP]] >>> WEIGHT_BITS;
        if (top < t) {
          t = top;
        }
      }
    }
    return t;
  }

  private void sortByArrival(int n) {
    // (arrival, place) packed in one long; places follow posting order, the tie-break. Arrivals
    // too late to pack (beyond 2^43 µs, about 100 days) fall back to an insertion sort.
    boolean packable = n < 1 << 20;
    for (int i = 0; packable && i < n; i++) {
      packable = takenArrival[i] >= 0 && takenArrival[i] < 1L << 43;
    }
    if (packable) {
      if (packed.length < n) {
        packed = new long[takenArrival.length];
      }
      for (int i = 0; i < n; i++) {
        packed[i] = takenArrival[i] << 20 | i;
      }
      Arrays.sort(packed, 0, n);
      if (sortedArrival.length < n) {
        sortedArrival = new long[takenArrival.length];
        sortedPost = new long[takenArrival.length];
      }
      for (int i = 0; i < n; i++) {
        int from = (int) (packed[i] & ((1 << 20) - 1));
        sortedArrival[i] = takenArrival[from];
        sortedPost[i] = takenPost[from];
      }
      System.arraycopy(sortedArrival, 0, takenArrival, 0, n);
      System.arraycopy(sortedPost, 0, takenPost, 0, n);
      return;
    }
    for (int i = 1; i < n; i++) {
      long a = takenArrival[i];
      long p = takenPost[i];
      int j = i;
      while (j > 0 && takenArrival[j - 1] > a) {
        takenArrival[j] = takenArrival[j - 1];
        takenPost[j] = takenPost[j - 1];
        j--;
      }
      takenArrival[j] = a;
      takenPost[j] = p;
    }
  }

  private void forgetExpired(long now) {
    while (first < end && expiry[slot(first)] < now) {
      messages[slot(first)] = null;
      first++;
    }
  }

  private void ensureNode(int node) {
    if (node < wakeAt.length) {
      return;
    }
    int c = Math.max(node + 1, 2 * wakeAt.length);
    int old = wakeAt.length;
    inbox = Arrays.copyOf(inbox, c);
    inHead = Arrays.copyOf(inHead, c);
    inSize = Arrays.copyOf(inSize, c);
    requests = Arrays.copyOf(requests, c);
    wakeAt = Arrays.copyOf(wakeAt, c);
    wakeHandle = Arrays.copyOf(wakeHandle, c);
    wakeTimer = Arrays.copyOf(wakeTimer, c);
    Arrays.fill(wakeAt, old, c, NEVER);
  }

  private int slot(long p) {
    return (int) (p & (messages.length - 1));
  }

  private void grow() {
    int n = messages.length;
    Message[] m = new Message[2 * n];
    int[] f = new int[2 * n];
    long[] e = new long[2 * n];
    long[] k = new long[2 * n];
    int[] w = new int[2 * n];
    for (long p = first; p < end; p++) {
      int from = (int) (p & (n - 1));
      int to = (int) (p & (2 * n - 1));
      m[to] = messages[from];
      f[to] = senders[from];
      e[to] = expiry[from];
      k[to] = keys[from];
      w[to] = weights[from];
    }
    messages = m;
    senders = f;
    expiry = e;
    keys = k;
    weights = w;
  }
}
