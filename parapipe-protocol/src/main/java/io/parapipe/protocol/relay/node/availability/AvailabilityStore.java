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
    /**
     * The answer to a request for the chunk held, made once: every approval checker recovering
     * the candidate asks for it (tens of requests per chunk at scale).
     */
    ServedChunk served;
    /** The number of validators {@link #served} was sized for, when the data is held whole. */
    int servedFor = -1;
  }

  private final Map<Hash, Entry> entries = new HashMap<>();

  private Entry entry(Hash c) {
    return entries.computeIfAbsent(c, k -> new Entry());
  }

  /**
   * What a request for chunk {@code index} of the candidate is answered with, in one lookup (a
   * holder's answer is the hot path of drawn chunk recoveries at scale): the data the chunk
   * belongs to and the chunk's size, or null if this validator does not hold that chunk.
   *
   * @param validators the number of validators, read only to size a chunk of data held whole
   */
  public ServedChunk serve(Hash candidate, int index, IntSupplier validators) {
    Entry e = entries.get(candidate);
    if (e == null || !e.chunk || (e.pov == null && e.chunkIndex != index)) {
      return null;
    }
    if (e.pov != null) {
      int n = validators.getAsInt();
      if (e.servedFor != n || e.served == null || e.served.data() != e.pov) {
        e.served = new ServedChunk(e.pov, chunkOfWhole(e.pov, n));
        e.servedFor = n;
      }
      return e.served;
    }
    if (e.chunkData == null) {
      return null;
    }
    if (e.served == null) {
      e.served = new ServedChunk(e.chunkData, e.chunkSize);
    }
    return e.served;
  }

  /** The size of one chunk of data held whole, erasure-coded for {@code validators}. */
  private static int chunkOfWhole(PoV pov, int validators) {
    int threshold = io.parapipe.protocol.relay.runtime.inclusion.ErasureCoding.recoveryThreshold(validators);
    return (pov.sizeBytes() + threshold - 1) / threshold;
  }

  /** A chunk this validator serves: the data it belongs to and its size in bytes. */
  public record ServedChunk(PoV data, int size) {}

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
    e.served = null;
    e.servedFor = -1;
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
    for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
      Entry e = it.next();
      if (e.relayNumber < relayNumber) {
        it.remove();
      }
    }
  }
}
