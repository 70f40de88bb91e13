package io.parapipe.protocol.relay.node.availability;

import io.parapipe.protocol.host.NodeContext;
import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.PoV;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.IntSupplier;
import java.util.Optional;

/**
 * A validator's availability store: the full available data (PoV) of candidates it validated, and
 * which candidates it holds its erasure chunk of. Backers hold every chunk (they erasure-coded the
 * data); others hold the chunk they fetched. Entries are pruned once finality has moved well past
 * them.
 */
public final class AvailabilityStore {
  private static final class Entry {
    PoV pov;
    boolean chunk;
    /** The data this validator's chunk belongs to, and the chunk's size (when only the chunk is held). */
    PoV chunkData;
    int chunkSize;
    /** The index of the chunk held (the validator index in the candidate's session), or -1. */
    int chunkIndex = -1;
    int relayNumber = Integer.MAX_VALUE;
    CoreIndex core;
  }

  /**
   * Where the store says what it serves, as it changes ({@link NodeContext#offer}): the chunk it
   * holds, or that it holds the whole data ({@link NodeContext#ASK_NODE}: the chunk's size then
   * depends on the validator count it answers with), or nothing.
   */
  public interface Offers {
    /** Requests for chunk {@code index} of the candidate get {@code size} bytes of {@code data}. */
    void offer(Hash candidate, int index, int size, PoV data);

    /** Requests for the candidate get a refusal. */
    void withdraw(Hash candidate);
  }

  private Offers offers;
  private final Map<Hash, Entry> entries = new HashMap<>();
  /**
   * Candidates by the relay number they were filed under, so that pruning visits what it drops
   * rather than every entry (each validator prunes at each finalized block). A candidate filed
   * again under a lower number stays under the higher one too; pruning checks the entry's number.
   */
  private final TreeMap<Integer, List<Hash>> byNumber = new TreeMap<>();

  /** Lowers the entry's relay number to {@code relayNumber}, filing it under the new number. */
  private void number(Hash candidate, Entry e, int relayNumber) {
    if (relayNumber < e.relayNumber) {
      e.relayNumber = relayNumber;
      byNumber.computeIfAbsent(relayNumber, k -> new ArrayList<>()).add(candidate);
    }
  }

  /*
   * A two-way set-associative index of what this validator can serve, the answer to nearly every
   * chunk request: approval checkers recovering a candidate all ask the same third of the
   * validators (the systematic chunks' holders), so at 500 validators each of those answers about
   * 18 requests per candidate, each one a lookup in a store no other work has touched lately. Here
   * a request costs two cache lines (the set's keys and data, then its chunk indices and sizes)
   * instead of the map's table, node, key and entry.
   *
   * A slot is filled when a chunk is stored or whole data marked held, not at the first request,
   * and a set keeps its two most recently filled candidates; in a 40 s polkadot-scale run the
   * direct-mapped index this replaced (filled at the first request, no whole data) answered 78 %
   * of requests, 12 % found their slot empty, 9 % were a backer's whole data and 7 % collided;
   * this one answers 99.9 % (92 % from way 0).
   * Any change to an entry clears its slot first, and the map stays the truth: a request that
   * finds no slot asks it.
   */
  private static final int SETS = 1024;
  private static final int SET_MASK = SETS - 1;
  /** Per set s: way 0's candidate at 4s and data at 4s + 1, way 1's at 4s + 2 and 4s + 3. */
  private final Object[] slotKeyData = new Object[4 * SETS];
  /**
   * Per set s, way w at 2s + w: the chunk's index in the high half ({@link #WHOLE} for whole data,
   * any index), its size in the low half.
   */
  private final long[] slotIndexSize = new long[2 * SETS];
  private static final int WHOLE = -1;
  private PoV servedData;

  /** Tells {@code to} what this store serves from now on (set once, while it is empty). */
  public void publishTo(Offers to) {
    this.offers = to;
  }

  /** Tells the offers what {@link #serve} answers about {@code c} after a change to its entry. */
  private void publish(Hash c, Entry e) {
    if (offers == null) {
      return;
    }
    if (e == null || !e.chunk) {
      offers.withdraw(c);
    } else if (e.pov != null) {
      offers.offer(c, NodeContext.ASK_NODE, 0, null);
    } else if (e.chunkData != null) {
      offers.offer(c, e.chunkIndex, e.chunkSize, e.chunkData);
    } else {
      offers.withdraw(c);
    }
  }

  private Entry entry(Hash c) {
    clearSlot(c);
    return entries.computeIfAbsent(c, k -> new Entry());
  }

  private static int set(Hash c) {
    int h = c.hashCode();
    return (h ^ (h >>> 16)) & SET_MASK;
  }

  private void clearSlot(Hash c) {
    int s = set(c);
    for (int w = 0; w < 2; w++) {
      Object k = slotKeyData[4 * s + 2 * w];
      if (k != null && c.equals(k)) {
        slotKeyData[4 * s + 2 * w] = null;
        slotKeyData[4 * s + 2 * w + 1] = null;
      }
    }
  }

  /** Puts the candidate in way 0 of its set, the previous way 0 moving to way 1. */
  private void fillSlot(Hash c, PoV data, int index, int size) {
    clearSlot(c);
    int s = set(c);
    slotKeyData[4 * s + 2] = slotKeyData[4 * s];
    slotKeyData[4 * s + 3] = slotKeyData[4 * s + 1];
    slotIndexSize[2 * s + 1] = slotIndexSize[2 * s];
    slotKeyData[4 * s] = c;
    slotKeyData[4 * s + 1] = data;
    slotIndexSize[2 * s] = ((long) index << 32) | (size & 0xffffffffL);
  }

  /** Fills the candidate's slot from its entry if the entry can serve a chunk. */
  private void index(Hash c, Entry e) {
    if (!e.chunk) {
      return;
    }
    if (e.pov != null) {
      fillSlot(c, e.pov, WHOLE, 0);
    } else if (e.chunkData != null) {
      fillSlot(c, e.chunkData, e.chunkIndex, e.chunkSize);
    }
  }

  /**
   * Answers a request for chunk {@code index} of the candidate in one lookup (a holder's answer is
   * the hot path of drawn chunk recoveries at scale): the chunk's size in bytes, or -1 if this
   * validator does not hold that chunk. When it does, {@link #servedData()} is the data the chunk
   * belongs to until the next call.
   *
   * @param validators the number of validators, read only to size a chunk of data held whole
   */
  public int serve(Hash candidate, int index, IntSupplier validators) {
    int s = set(candidate);
    int w = slotKeyData[4 * s] == candidate ? 0 : slotKeyData[4 * s + 2] == candidate ? 1 : -1;
    if (w >= 0) {
      long m = slotIndexSize[2 * s + w];
      int held = (int) (m >>> 32);
      PoV data = (PoV) slotKeyData[4 * s + 2 * w + 1];
      if (held == WHOLE) {
        servedData = data;
        return chunkOfWhole(data, validators.getAsInt());
      }
      if (held != index) {
        return -1;
      }
      servedData = data;
      return (int) m;
    }
    Entry e = entries.get(candidate);
    if (e == null || !e.chunk || (e.pov == null && e.chunkIndex != index)) {
      return -1;
    }
    if (e.pov == null && e.chunkData == null) {
      return -1;
    }
    // Asked by an equal object, or pushed out of its set since it was stored.
    index(candidate, e);
    if (e.pov != null) {
      servedData = e.pov;
      return chunkOfWhole(e.pov, validators.getAsInt());
    }
    servedData = e.chunkData;
    return e.chunkSize;
  }

  /** The data the chunk the last {@link #serve} found belongs to. */
  public PoV servedData() {
    return servedData;
  }

  /** The size of one chunk of data held whole, erasure-coded for {@code validators}. */
  private static int chunkOfWhole(PoV pov, int validators) {
    int threshold = io.parapipe.protocol.relay.runtime.inclusion.ErasureCoding.recoveryThreshold(validators);
    return (pov.sizeBytes() + threshold - 1) / threshold;
  }

  /**
   * Keeps the PoV of a candidate being validated (not yet a holder of chunks).
   *
   * @param relayNumber the relay parent number, for pruning
   */
  public void keepPoV(Hash candidate, PoV pov, int relayNumber) {
    Entry e = entry(candidate);
    e.pov = pov;
    number(candidate, e, relayNumber);
    publish(candidate, e);
  }

  /**
   * The validator validated the candidate and stores its available data: it now holds the PoV and
   * every chunk.
   *
   * @param relayNumber the relay parent number, for pruning
   */
  public void markHolder(Hash candidate, int relayNumber, CoreIndex core) {
    Entry e = entry(candidate);
    e.chunk = e.pov != null;
    number(candidate, e, relayNumber);
    e.core = core;
    index(candidate, e);
    publish(candidate, e);
  }

  /**
   * Stores this validator's fetched chunk.
   *
   * @param chunkIndex the chunk's index: this validator's index in the session the candidate was
   *     backed in, which stays its chunk even after a session change reshuffles the indices
   * @param data the available data the chunk belongs to (erasure coding is sized, not computed)
   * @param chunkSize the chunk's size in bytes
   */
  public void storeChunk(Hash candidate, int relayNumber, int chunkIndex, PoV data, int chunkSize) {
    Entry e = entry(candidate);
    e.chunk = true;
    e.chunkIndex = chunkIndex;
    e.chunkData = data;
    e.chunkSize = chunkSize;
    number(candidate, e, relayNumber);
    index(candidate, e);
    publish(candidate, e);
  }

  /** The data this validator's own chunk belongs to, if it holds the chunk. */
  public Optional<PoV> chunkData(Hash candidate) {
    Entry e = entries.get(candidate);
    if (e == null || !e.chunk) {
      return Optional.empty();
    }
    return Optional.ofNullable(e.pov != null ? e.pov : e.chunkData);
  }

  /**
   * The size of this validator's chunk of the candidate (0 if it holds none); for backers, which
   * hold the whole data, computed from it.
   */
  public int chunkSize(Hash candidate, int validators) {
    Entry e = entries.get(candidate);
    if (e == null || !e.chunk) {
      return 0;
    }
    return e.pov != null ? chunkOfWhole(e.pov, validators) : e.chunkSize;
  }

  /** True if this validator holds its chunk of the candidate. */
  public boolean hasChunk(Hash candidate) {
    Entry e = entries.get(candidate);
    return e != null && e.chunk;
  }

  /**
   * True if this validator holds chunk {@code index} of the candidate: all of them if it validated
   * the candidate, else only the one it fetched (upstream's av-store keeps chunks by index, so a
   * request is answered from the store, not from the validator's index in the current session).
   */
  public boolean holdsChunk(Hash candidate, int index) {
    Entry e = entries.get(candidate);
    return e != null && e.chunk && (e.pov != null || e.chunkIndex == index);
  }

  /** True if this validator holds all chunks (it validated the candidate). */
  public boolean holdsAllChunks(Hash candidate) {
    Entry e = entries.get(candidate);
    return e != null && e.chunk && e.pov != null;
  }

  /** The full PoV, if held. */
  public Optional<PoV> pov(Hash candidate) {
    Entry e = entries.get(candidate);
    return e == null ? Optional.empty() : Optional.ofNullable(e.pov);
  }

  /** Drops entries whose relay number is below {@code relayNumber}. */
  public void pruneBelow(int relayNumber) {
    SortedMap<Integer, List<Hash>> below = byNumber.headMap(relayNumber);
    for (List<Hash> filed : below.values()) {
      for (Hash c : filed) {
        Entry e = entries.get(c);
        if (e != null && e.relayNumber < relayNumber) {
          entries.remove(c);
          clearSlot(c);
          publish(c, null);
        }
      }
    }
    below.clear();
  }
}
