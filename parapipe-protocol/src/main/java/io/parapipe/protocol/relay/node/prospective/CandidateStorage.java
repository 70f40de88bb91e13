package io.parapipe.protocol.relay.node.prospective;

import io.parapipe.protocol.primitives.CommittedCandidateReceipt;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.HeadData;
import io.parapipe.protocol.primitives.PersistedValidationData;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Candidates of one para with three indexes: by parent head hash, by output head hash and by
 * candidate hash ({@code fragment_chain::CandidateStorage}). No shape is assumed: the candidates may
 * form trees, disconnected pieces or cycles. Iteration follows insertion order, so that outcomes
 * never depend on hash-map order.
 */
public final class CandidateStorage {
  private final Map<Hash, Set<Hash>> byParentHead;
  private final Map<Hash, Set<Hash>> byOutputHead;
  private final LinkedHashMap<Hash, CandidateEntry> byCandidateHash;

  /** An empty storage. */
  public CandidateStorage() {
    this.byParentHead = new HashMap<>();
    this.byOutputHead = new HashMap<>();
    this.byCandidateHash = new LinkedHashMap<>();
  }

  private CandidateStorage(CandidateStorage other) {
    this.byParentHead = deepCopy(other.byParentHead);
    this.byOutputHead = deepCopy(other.byOutputHead);
    this.byCandidateHash = new LinkedHashMap<>(other.byCandidateHash);
  }

  private static Map<Hash, Set<Hash>> deepCopy(Map<Hash, Set<Hash>> map) {
    Map<Hash, Set<Hash>> copy = new HashMap<>(Math.max(16, map.size() * 2));
    for (Map.Entry<Hash, Set<Hash>> e : map.entrySet()) {
      copy.put(e.getKey(), new LinkedHashSet<>(e.getValue()));
    }
    return copy;
  }

  /** An independent copy (entries are immutable and shared). */
  public CandidateStorage copy() {
    return new CandidateStorage(this);
  }

  /**
   * Adds a candidate pending availability, directly in the {@link CandidateState#BACKED} state
   * ({@code add_pending_availability_candidate}).
   *
   * @return empty on success; {@link FragmentChainError.CandidateEntry} if the entry is malformed,
   *     {@link FragmentChainError.CandidateAlreadyKnown} if already stored
   */
  public Optional<FragmentChainError> addPendingAvailabilityCandidate(
      Hash candidateHash, CommittedCandidateReceipt candidate, PersistedValidationData pvd) {
    Result<CandidateEntry, CandidateEntryError> entry =
        CandidateEntry.create(candidateHash, candidate, pvd, CandidateState.BACKED);
    if (entry.isErr()) {
      return Optional.of(new FragmentChainError.CandidateEntry(entry.error()));
    }
    return addCandidateEntry(entry.value());
  }

  /**
   * Adds an entry ({@code add_candidate_entry}).
   *
   * @return empty on success, {@link FragmentChainError.CandidateAlreadyKnown} on a duplicate
   */
  public Optional<FragmentChainError> addCandidateEntry(CandidateEntry entry) {
    Hash hash = entry.candidateHash();
    if (byCandidateHash.containsKey(hash)) {
      return Optional.of(FragmentChainError.CandidateAlreadyKnown.INSTANCE);
    }
    byParentHead.computeIfAbsent(entry.parentHeadDataHash(), h -> new LinkedHashSet<>()).add(hash);
    byOutputHead.computeIfAbsent(entry.outputHeadDataHashValue(), h -> new LinkedHashSet<>()).add(hash);
    byCandidateHash.put(hash, entry);
    return Optional.empty();
  }

  /** Removes a candidate; removing an unknown candidate does nothing. */
  public void removeCandidate(Hash candidateHash) {
    CandidateEntry entry = byCandidateHash.remove(candidateHash);
    if (entry == null) {
      return;
    }
    removeFromIndex(byParentHead, entry.parentHeadDataHash(), candidateHash);
    removeFromIndex(byOutputHead, entry.outputHeadDataHashValue(), candidateHash);
  }

  private static void removeFromIndex(Map<Hash, Set<Hash>> index, Hash head, Hash candidateHash) {
    Set<Hash> set = index.get(head);
    if (set != null) {
      set.remove(candidateHash);
      if (set.isEmpty()) {
        index.remove(head);
      }
    }
  }

  /** Marks a candidate backed; idempotent, and a no-op for unknown candidates. */
  public void markBacked(Hash candidateHash) {
    CandidateEntry entry = byCandidateHash.get(candidateHash);
    if (entry != null && entry.state() != CandidateState.BACKED) {
      byCandidateHash.put(candidateHash, entry.withState(CandidateState.BACKED));
    }
  }

  /** Whether the candidate is stored. */
  public boolean contains(Hash candidateHash) {
    return byCandidateHash.containsKey(candidateHash);
  }

  /** The stored entry, if any. */
  public Optional<CandidateEntry> get(Hash candidateHash) {
    return Optional.ofNullable(byCandidateHash.get(candidateHash));
  }

  CandidateEntry getOrNull(Hash candidateHash) {
    return byCandidateHash.get(candidateHash);
  }

  /** The number of stored candidates. */
  public int len() {
    return byCandidateHash.size();
  }

  /** All entries in insertion order (an unmodifiable view). */
  public Collection<CandidateEntry> candidates() {
    return Collections.unmodifiableCollection(byCandidateHash.values());
  }

  /** The hashes of candidates whose parent head has the given hash (an unmodifiable view). */
  Set<Hash> childrenOf(Hash parentHeadHash) {
    Set<Hash> set = byParentHead.get(parentHeadHash);
    return set == null ? Set.of() : Collections.unmodifiableSet(set);
  }

  /**
   * Head data by hash ({@code head_data_by_hash}): the output head of a candidate producing it,
   * else the parent head of a candidate building on it.
   */
  public Optional<HeadData> headDataByHash(Hash hash) {
    Set<Hash> producers = byOutputHead.get(hash);
    if (producers != null && !producers.isEmpty()) {
      CandidateEntry entry = byCandidateHash.get(producers.iterator().next());
      if (entry != null) {
        return Optional.of(entry.candidate().commitments().headData());
      }
    }
    Set<Hash> consumers = byParentHead.get(hash);
    if (consumers != null && !consumers.isEmpty()) {
      CandidateEntry entry = byCandidateHash.get(consumers.iterator().next());
      if (entry != null) {
        return Optional.of(entry.candidate().persistedValidationData().parentHead());
      }
    }
    return Optional.empty();
  }

  /**
   * The {@link CandidateState#BACKED} candidates whose parent head has the given hash
   * ({@code possible_backed_para_children}).
   */
  public List<CandidateEntry> possibleBackedParaChildren(Hash parentHeadHash) {
    Set<Hash> set = byParentHead.get(parentHeadHash);
    if (set == null) {
      return List.of();
    }
    List<CandidateEntry> out = new ArrayList<>(set.size());
    for (Hash h : set) {
      CandidateEntry entry = byCandidateHash.get(h);
      if (entry != null && entry.state() == CandidateState.BACKED) {
        out.add(entry);
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return "CandidateStorage" + byCandidateHash.values();
  }
}
