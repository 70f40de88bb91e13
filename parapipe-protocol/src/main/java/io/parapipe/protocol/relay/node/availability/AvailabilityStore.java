package io.parapipe.protocol.relay.node.availability;

import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.PoV;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
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

  private final Map<Hash, Entry> entries = new HashMap<>();

  /*
   * A direct-mapped index of the single chunks this validator fetched, the answer to nearly every
   * chunk request: approval checkers recovering a candidate all ask the same third of the
   * validators (the systematic chunks' holders), so at 500 validators each of those answers one
   * request per checker, about 18 per candidate, each one a lookup in a store no other work has
   * touched lately (78 % of requests found their slot in a 40 s polkadot-scale run). Here a request costs two cache lines (the slot's
   * key and data, then its chunk index and size) instead of the map's table, node, entry and
   * answer. A slot holds a candidate whose entry has a fetched chunk and no whole data; any change
   * to the entry clears it, and the map stays the truth: a request that finds no slot asks it.
   */
  private static final int SLOTS = 1024;
  private static final int SLOT_MASK = SLOTS - 1;
  /** Per slot: the candidate at 2i, the data its chunk belongs to at 2i + 1. */
  private final Object[] slotKeyData = new Object[2 * SLOTS];
  /** Per slot: the chunk's index in the high half, its size in the low half. */
  private final long[] slotIndexSize = new long[SLOTS];
  private PoV servedData;

  private Entry entry(Hash c) {
    clearSlot(c);
    return entries.computeIfAbsent(c, k -> new Entry());
  }

  private static int slot(Hash c) {
    int h = c.hashCode();
    return (h ^ (h >>> 16)) & SLOT_MASK;
  }

  private void clearSlot(Hash c) {
    int i = slot(c);
    Object k = slotKeyData[2 * i];
    if (k != null && c.equals(k)) {
      slotKeyData[2 * i] = null;
      slotKeyData[2 * i + 1] = null;
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
    int i = slot(candidate);
    if (slotKeyData[2 * i] == candidate) {
      long m = slotIndexSize[i];
      if ((int) (m >>> 32) != index) {
        return -1;
      }
      servedData = (PoV) slotKeyData[2 * i + 1];
      return (int) m;
    }
    Entry e = entries.get(candidate);
    if (e == null || !e.chunk || (e.pov == null && e.chunkIndex != index)) {
      return -1;
    }
    if (e.pov != null) {
      servedData = e.pov;
      return chunkOfWhole(e.pov, validators.getAsInt());
    }
    if (e.chunkData == null) {
      return -1;
    }
    slotKeyData[2 * i] = candidate;
    slotKeyData[2 * i + 1] = e.chunkData;
    slotIndexSize[i] = ((long) e.chunkIndex << 32) | (e.chunkSize & 0xffffffffL);
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
    e.relayNumber = Math.min(e.relayNumber, relayNumber);
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
    e.relayNumber = Math.min(e.relayNumber, relayNumber);
    e.core = core;
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
    e.relayNumber = Math.min(e.relayNumber, relayNumber);
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
    for (Iterator<Map.Entry<Hash, Entry>> it = entries.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<Hash, Entry> x = it.next();
      if (x.getValue().relayNumber < relayNumber) {
        it.remove();
        clearSlot(x.getKey());
      }
    }
  }
}
