package io.parapipe.sim.kernel;

import java.util.Arrays;

/**
 * The pending events of one engine, ordered by (time, insertion sequence), over primitive arrays;
 * nothing is allocated per event once the arrays have grown to the working set.
 *
 * <p>Three tiers keep the structure every event passes through small. Events due before {@code
 * nearEnd} form the <em>near</em> tier; later ones are appended, unordered, to a ring of
 * {@value #BUCKETS} buckets of {@value #BUCKET_MICROS} µs each (about one second in all); events
 * beyond the ring wait in a <em>far</em> 4-ary heap. When the near tier runs dry, the next bucket
 * becomes the near tier and {@code nearEnd} advances by one bucket, pulling far events that now
 * fall inside the ring. A bucket of a few events is kept as a {@link SortedRun} (insertion-sorted,
 * popped from the end); a crowded one as a 4-ary {@link SlotHeap}. Order is decided only by (time,
 * seq) inside the near tier, and every event earlier than {@code nearEnd} is in it, so the pop
 * order is exactly (time, seq) whatever the tiers.
 *
 * <p>Entries are (time, tag) pairs of longs, the tag packing the sequence number above the slot
 * index. Each event's slot carries the payload (kind, node, peer, object, aux) and is recycled
 * through a free list; its generation is bumped on release, so stale timer handles resolve to
 * nothing. Cancellation is lazy: the slot is marked {@link #CANCELLED}, dropped when a bucket or
 * the far heap hands it over, or skipped by the engine when it reaches the top.
 *
 * <p>Limits: {@value #MAX_SLOTS} events pending at once and 2^39 events queued per run.
 *
 * <p>Payload fields are package-private so the engine's loop reads them without calls.
 */
final class EventQueue {
  static final byte FREE = 0;
  static final byte TIMER = 1;
  /** A unicast message that still has to pass the receiver's downlink. */
  static final byte MESSAGE = 2;
  /** A unicast message ready to hand over (self-sends, downlink already reserved). */
  static final byte DELIVERY = 3;
  static final byte ENVELOPE = 4;
  static final byte CANCELLED = 5;

  static final int BUCKET_SHIFT = 7;
  static final long BUCKET_MICROS = 1L << BUCKET_SHIFT;
  static final int BUCKETS = 8192;
  private static final int BUCKET_MASK = BUCKETS - 1;
  private static final long SPAN = BUCKET_MICROS * BUCKETS;

  // ---- slots ----
  byte[] kind;
  int[] node;
  int[] peer;
  Object[] obj;
  long[] aux;
  private int[] gen;
  private int[] freeSlots;
  private int freeCount;
  private int slotsUsed;

  // ---- tiers ----
  // The near tier is either a short sorted run or, for crowded buckets, a heap; one is empty.
  private final SortedRun run = new SortedRun();
  private final SlotHeap near = new SlotHeap(256);
  private boolean heapMode;
  private final SlotHeap far = new SlotHeap(64);
  /** Each bucket holds (time, tag) pairs; the tag is {@code seq << SLOT_BITS | slot}. */
  private final long[][] buckets = new long[BUCKETS][];
  private final int[] bucketSize = new int[BUCKETS];
  private int ringCount;
  private long nearEnd;
  private long nextSeq;

  /** Latest time an event may have (about 146,000 years); keeps the ring arithmetic exact. */
  static final long MAX_TIME = 1L << 62;

  /** Slots are packed into the low {@value SlotHeap#SLOT_BITS} bits of a tag. */
  static final int MAX_SLOTS = 1 << SlotHeap.SLOT_BITS;
  /** Sequence numbers fill the remaining 39 bits of a non-negative tag. */
  static final long MAX_SEQ = 1L << (63 - SlotHeap.SLOT_BITS);

  EventQueue(int initialCapacity) {
    int c = Math.max(16, initialCapacity);
    kind = new byte[c];
    node = new int[c];
    peer = new int[c];
    obj = new Object[c];
    aux = new long[c];
    gen = new int[c];
    Arrays.fill(gen, 1);
    freeSlots = new int[c];
  }

  // ---- slots ---------------------------------------------------------------------------------

  /** Takes a free slot and fills its payload. */
  int allocate(byte k, int n, int p, Object o, long a) {
    int s;
    if (freeCount > 0) {
      s = freeSlots[--freeCount];
    } else {
      if (slotsUsed == kind.length) {
        growSlots();
      }
      s = slotsUsed++;
    }
    kind[s] = k;
    node[s] = n;
    peer[s] = p;
    obj[s] = o;
    aux[s] = a;
    return s;
  }

  /** Returns a slot to the free list; outstanding handles to it become stale. */
  void release(int s) {
    kind[s] = FREE;
    obj[s] = null;
    int g = gen[s] + 1;
    gen[s] = g == 0 ? 1 : g;
    freeSlots[freeCount++] = s;
  }

  /** A handle for a live slot: generation (never 0) in the high half, slot in the low half. */
  long handle(int s) {
    return ((long) gen[s] << 32) | s;
  }

  /** The slot a handle names if it is still live with the given kind, else -1. */
  int resolve(long handle, byte expectedKind) {
    int s = (int) handle;
    if (s < 0 || s >= slotsUsed || gen[s] != (int) (handle >>> 32) || kind[s] != expectedKind) {
      return -1;
    }
    return s;
  }

  /** Marks a queued slot as cancelled; it is dropped later, wherever it then is. */
  void cancel(int s) {
    kind[s] = CANCELLED;
    obj[s] = null;
  }

  // ---- queue ---------------------------------------------------------------------------------

  /** Whether no event is pending (cancelled ones still waiting in a bucket count as pending). */
  boolean isEmpty() {
    return nearSize() == 0 && !refill();
  }

  /** Entries waiting, including cancelled ones not yet dropped. */
  int size() {
    return nearSize() + ringCount + far.size();
  }

  private int nearSize() {
    return heapMode ? near.size() : run.size();
  }

  /** Time of the first event; only after {@link #isEmpty()} returned false. */
  long topTime() {
    return heapMode ? near.topTime() : run.topTime();
  }

  private long topTag() {
    return heapMode ? near.topTag() : run.topTag();
  }

  /** Sequence number of the first event; only after {@link #isEmpty()} returned false. */
  long topSeq() {
    return topTag() >>> SlotHeap.SLOT_BITS;
  }

  /** Slot of the first event; only after {@link #isEmpty()} returned false. */
  int topSlot() {
    return (int) (topTag() & SlotHeap.SLOT_MASK);
  }

  /** Queues slot {@code s} at {@code time} with the next insertion sequence number. */
  void push(int s, long time) {
    if (time > MAX_TIME) {
      release(s);
      throw new IllegalArgumentException("event time " + time + " µs is beyond " + MAX_TIME);
    }
    long seq = nextSeq++;
    if (seq == MAX_SEQ) {
      throw new IllegalStateException("more than " + MAX_SEQ + " events queued in one run");
    }
    place(time, seq << SlotHeap.SLOT_BITS | s);
  }

  /** Removes the first event (its slot stays allocated). */
  void removeTop() {
    if (heapMode) {
      near.removeTop();
    } else {
      run.removeTop();
    }
  }

  /** Moves the first event to the later time {@code time}, keeping its slot and sequence. */
  void rescheduleTop(long time) {
    if (heapMode && time < nearEnd) {
      near.rescheduleTop(time);
    } else {
      long tag = topTag();
      removeTop();
      place(time, tag);
    }
  }

  private void place(long time, long tag) {
    if (time < nearEnd) {
      toNear(time, tag);
    } else if (time - nearEnd < SPAN) {
      toBucket(time, tag);
    } else {
      far.push(time, tag);
    }
  }

  private void toBucket(long time, long tag) {
    int b = (int) (time >>> BUCKET_SHIFT) & BUCKET_MASK;
    int n = bucketSize[b];
    long[] bucket = buckets[b];
    if (bucket == null) {
      bucket = buckets[b] = new long[32];
    } else if (2 * n == bucket.length) {
      bucket = buckets[b] = Arrays.copyOf(bucket, 4 * n);
    }
    bucket[2 * n] = time;
    bucket[2 * n + 1] = tag;
    bucketSize[b] = n + 1;
    ringCount++;
  }

  private void toNear(long time, long tag) {
    if (heapMode) {
      near.push(time, tag);
    } else if (run.size() < SortedRun.MAX) {
      run.insert(time, tag);
    } else {
      run.drainTo(near);
      near.append(time, tag);
      near.heapify();
      heapMode = true;
    }
  }

  /** Fills the empty near tier from the ring (and the far heap); false if nothing is pending. */
  private boolean refill() {
    while (nearSize() == 0) {
      if (ringCount == 0) {
        if (far.size() == 0) {
          return false;
        }
        // Nothing in the ring: jump straight to the bucket of the earliest far event.
        nearEnd = far.topTime() & -BUCKET_MICROS;
        pullFar();
      }
      int b = (int) (nearEnd >>> BUCKET_SHIFT) & BUCKET_MASK;
      int n = bucketSize[b];
      if (n > 0) {
        long[] bucket = buckets[b];
        heapMode = n > SortedRun.MAX / 2;
        for (int i = 0; i < n; i++) {
          long tag = bucket[2 * i + 1];
          int s = (int) (tag & SlotHeap.SLOT_MASK);
          if (kind[s] == CANCELLED) {
            release(s);
          } else if (heapMode) {
            near.append(bucket[2 * i], tag);
          } else {
            run.insert(bucket[2 * i], tag);
          }
        }
        bucketSize[b] = 0;
        ringCount -= n;
        if (heapMode) {
          near.heapify();
        }
      }
      nearEnd += BUCKET_MICROS;
      pullFar();
    }
    return true;
  }

  /** Moves far events that now fall inside the ring's span into their buckets. */
  private void pullFar() {
    long ringEnd = nearEnd + SPAN;
    while (far.size() > 0 && far.topTime() < ringEnd) {
      long t = far.topTime();
      long tag = far.topTag();
      far.removeTop();
      int s = (int) (tag & SlotHeap.SLOT_MASK);
      if (kind[s] == CANCELLED) {
        release(s);
      } else {
        toBucket(t, tag);
      }
    }
  }

  private void growSlots() {
    if (kind.length > MAX_SLOTS / 2) {
      throw new IllegalStateException("more than " + MAX_SLOTS + " events pending at once");
    }
    int c = kind.length * 2;
    kind = Arrays.copyOf(kind, c);
    node = Arrays.copyOf(node, c);
    peer = Arrays.copyOf(peer, c);
    obj = Arrays.copyOf(obj, c);
    aux = Arrays.copyOf(aux, c);
    int old = gen.length;
    gen = Arrays.copyOf(gen, c);
    Arrays.fill(gen, old, c, 1);
    freeSlots = Arrays.copyOf(freeSlots, c);
  }
}
