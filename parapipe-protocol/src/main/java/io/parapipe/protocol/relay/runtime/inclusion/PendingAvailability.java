package io.parapipe.protocol.relay.runtime.inclusion;

import io.parapipe.protocol.primitives.BitVec;
import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.HeadData;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.primitives.SignedAvailabilityBitfield;
import io.parapipe.protocol.relay.runtime.paras.Paras;
import io.parapipe.protocol.relay.runtime.scheduler.AvailabilityTimeoutStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * {@code inclusion::PendingAvailability}, immutable: per para, the queue of backed candidates
 * waiting for availability, in chain order. The first entry builds on the para's included head
 * and each later one on its predecessor's output.
 *
 * <p>Paras are iterated in ascending {@code ParaId}. Upstream iterates the storage map in hashed
 * key order; only the order of events between different paras differs.
 */
public final class PendingAvailability {
  /** No candidates pending. */
  public static final PendingAvailability EMPTY = new PendingAvailability(Collections.emptySortedMap());

  private final SortedMap<ParaId, List<PendingAvailabilityEntry>> queues;

  private PendingAvailability(SortedMap<ParaId, List<PendingAvailabilityEntry>> queues) {
    this.queues = queues;
  }

  /** Pending availability with the given queues (tests and vectors); empty queues are dropped. */
  public static PendingAvailability of(SortedMap<ParaId, List<PendingAvailabilityEntry>> queues) {
    TreeMap<ParaId, List<PendingAvailabilityEntry>> copy = new TreeMap<>();
    queues.forEach((p, q) -> {
      if (!q.isEmpty()) {
        copy.put(p, List.copyOf(q));
      }
    });
    return new PendingAvailability(Collections.unmodifiableSortedMap(copy));
  }

  /** All non-empty queues, ascending by para. */
  public SortedMap<ParaId, List<PendingAvailabilityEntry>> all() {
    return queues;
  }

  /** The para's queue, oldest first (empty if none). */
  public List<PendingAvailabilityEntry> forPara(ParaId para) {
    return queues.getOrDefault(para, List.of());
  }

  /** Number of pending candidates over all paras. */
  public int size() {
    int n = 0;
    for (List<PendingAvailabilityEntry> q : queues.values()) {
      n += q.size();
    }
    return n;
  }

  /** Whether a candidate with this hash is pending. */
  public boolean contains(Hash candidateHash) {
    for (List<PendingAvailabilityEntry> q : queues.values()) {
      for (PendingAvailabilityEntry e : q) {
        if (e.hash().equals(candidateHash)) {
          return true;
        }
      }
    }
    return false;
  }

  /** {@code get_occupied_cores()}: every occupied core and the candidate on it. */
  public SortedMap<CoreIndex, PendingAvailabilityEntry> occupiedCores() {
    TreeMap<CoreIndex, PendingAvailabilityEntry> out = new TreeMap<>();
    for (List<PendingAvailabilityEntry> q : queues.values()) {
      for (PendingAvailabilityEntry e : q) {
        out.put(e.core(), e);
      }
    }
    return Collections.unmodifiableSortedMap(out);
  }

  /**
   * {@code para_latest_head_data}: the output head of the para's newest pending candidate, else
   * its included head; empty for an unknown para.
   */
  public Optional<HeadData> paraLatestHeadData(ParaId para, Paras paras) {
    List<PendingAvailabilityEntry> q = forPara(para);
    if (!q.isEmpty()) {
      return Optional.of(q.get(q.size() - 1).commitments().headData());
    }
    return paras.head(para);
  }

  /**
   * {@code para_most_recent_context}: the relay parent number of the para's newest pending
   * candidate, else its {@code MostRecentContext}; empty for an unknown para.
   */
  public Optional<Integer> paraMostRecentContext(ParaId para, Paras paras) {
    List<PendingAvailabilityEntry> q = forPara(para);
    if (!q.isEmpty()) {
      return Optional.of(q.get(q.size() - 1).relayParentNumber());
    }
    return paras.mostRecentContext(para);
  }

  /** A copy with {@code entry} appended to its para's queue. */
  public PendingAvailability push(PendingAvailabilityEntry entry) {
    TreeMap<ParaId, List<PendingAvailabilityEntry>> next = new TreeMap<>(queues);
    List<PendingAvailabilityEntry> q = new ArrayList<>(forPara(entry.paraId()));
    q.add(entry);
    next.put(entry.paraId(), List.copyOf(q));
    return new PendingAvailability(Collections.unmodifiableSortedMap(next));
  }

  /**
   * What {@link #updatePendingAvailabilityAndGetFreedCores} produced.
   *
   * @param pending pending availability afterwards
   * @param paras paras afterwards (new heads noted)
   * @param enacted the enacted candidates in enactment order; each freed its core
   * @param events one {@code CandidateIncluded} per enacted candidate
   */
  public record AvailabilityUpdate(
      PendingAvailability pending, Paras paras, List<PendingAvailabilityEntry> enacted, List<CandidateEvent> events) {}

  /**
   * {@code update_pending_availability_and_get_freed_cores}: record the (sanitized) bitfields'
   * votes on the candidates occupying the cores, then in each para's queue enact the longest
   * prefix whose every candidate has at least {@code supermajority_threshold(n)} votes. A later
   * candidate that is available before its parent keeps its votes and is enacted together with
   * the parent.
   */
  public AvailabilityUpdate updatePendingAvailabilityAndGetFreedCores(
      int nValidators, List<SignedAvailabilityBitfield> bitfields, Paras paras) {
    int threshold = Thresholds.supermajorityThreshold(nValidators);
    TreeMap<CoreIndex, TreeSet<Integer>> votesPerCore = new TreeMap<>();
    for (SignedAvailabilityBitfield b : bitfields) {
      for (int bit : b.bits().ones()) {
        votesPerCore.computeIfAbsent(CoreIndex.of(bit), c -> new TreeSet<>()).add(b.validatorIndex().value());
      }
    }
    TreeMap<ParaId, List<PendingAvailabilityEntry>> next = new TreeMap<>();
    Paras nextParas = paras;
    List<PendingAvailabilityEntry> enacted = new ArrayList<>();
    List<CandidateEvent> events = new ArrayList<>();
    for (var e : queues.entrySet()) {
      List<PendingAvailabilityEntry> q = new ArrayList<>(e.getValue().size());
      int lastEnacted = -1;
      for (int i = 0; i < e.getValue().size(); i++) {
        PendingAvailabilityEntry c = e.getValue().get(i);
        TreeSet<Integer> voters = votesPerCore.remove(c.core());
        if (voters != null) {
          BitVec votes = c.availabilityVotes();
          for (int v : voters) {
            if (v < votes.len()) {
              votes = votes.with(v, true);
            }
          }
          c = c.withAvailabilityVotes(votes);
        }
        if (c.availabilityVotes().countOnes() >= threshold && lastEnacted == i - 1) {
          lastEnacted = i;
        }
        q.add(c);
      }
      for (int i = 0; i <= lastEnacted; i++) {
        PendingAvailabilityEntry c = q.get(i);
        enacted.add(c);
        nextParas = nextParas.noteNewHead(c.paraId(), c.commitments().headData(), c.relayParentNumber());
        events.add(new CandidateEvent.CandidateIncluded(
            c.hash(), c.candidate().toPlain(), c.commitments().headData(), c.core(), c.backingGroup(), c.backers()));
      }
      List<PendingAvailabilityEntry> rest = q.subList(lastEnacted + 1, q.size());
      if (!rest.isEmpty()) {
        next.put(e.getKey(), List.copyOf(rest));
      }
    }
    return new AvailabilityUpdate(
        new PendingAvailability(Collections.unmodifiableSortedMap(next)), nextParas, List.copyOf(enacted), List.copyOf(events));
  }

  /**
   * What {@link #freeTimedout} produced.
   *
   * @param pending pending availability afterwards
   * @param freed the evicted candidates, per para in chain order
   * @param events one {@code CandidateTimedOut} per evicted candidate
   */
  public record TimeoutUpdate(PendingAvailability pending, List<PendingAvailabilityEntry> freed, List<CandidateEvent> events) {
    /** The freed cores, in eviction order. */
    public List<CoreIndex> freedCores() {
      List<CoreIndex> out = new ArrayList<>(freed.size());
      for (PendingAvailabilityEntry e : freed) {
        out.add(e.core());
      }
      return out;
    }
  }

  /**
   * {@code free_timedout()}: in each para's queue find the earliest candidate the predicate (on
   * its {@code backed_in_number}) says timed out, and evict it and every later candidate of that
   * para, since they build on it.
   */
  public TimeoutUpdate freeTimedout(IntFunction<AvailabilityTimeoutStatus> predicate) {
    FailedCores f = freeFailedCores(c -> predicate.apply(c.backedInNumber()).timedOut());
    List<CandidateEvent> events = new ArrayList<>(f.freed.size());
    for (PendingAvailabilityEntry c : f.freed) {
      events.add(new CandidateEvent.CandidateTimedOut(
          c.hash(), c.candidate().toPlain(), c.commitments().headData(), c.core(), c.backingGroup()));
    }
    return new TimeoutUpdate(f.pending, f.freed, List.copyOf(events));
  }

  private record FailedCores(PendingAvailability pending, List<PendingAvailabilityEntry> freed) {}

  /** {@code free_failed_cores(pred)}: evict the earliest failing candidate of each para and its descendants. */
  private FailedCores freeFailedCores(Predicate<PendingAvailabilityEntry> failed) {
    TreeMap<ParaId, List<PendingAvailabilityEntry>> next = new TreeMap<>();
    List<PendingAvailabilityEntry> freed = new ArrayList<>();
    for (var e : queues.entrySet()) {
      List<PendingAvailabilityEntry> q = e.getValue();
      int earliest = -1;
      for (int i = 0; i < q.size(); i++) {
        if (failed.test(q.get(i))) {
          earliest = i;
          break;
        }
      }
      if (earliest < 0) {
        next.put(e.getKey(), q);
      } else {
        freed.addAll(q.subList(earliest, q.size()));
        if (earliest > 0) {
          next.put(e.getKey(), List.copyOf(q.subList(0, earliest)));
        }
      }
    }
    return new FailedCores(new PendingAvailability(Collections.unmodifiableSortedMap(next)), List.copyOf(freed));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PendingAvailability p && p.queues.equals(queues);
  }

  @Override
  public int hashCode() {
    return queues.hashCode();
  }

  @Override
  public String toString() {
    return "PendingAvailability" + queues;
  }
}
