package io.parapipe.protocol.relay.runtime.scheduler;

import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.ParaId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The scheduler's {@code ClaimQueue} storage together with the {@link AssignmentProvider} that
 * refills it, immutable (Era B, claim-queue scheduler after polkadot-sdk#5461). The front of a
 * core's queue is the para that may be backed on that core in the next block; the queue is
 * {@code scheduling_lookahead} deep.
 */
public final class ClaimQueue {
  private final SortedMap<CoreIndex, List<ParaId>> queues;
  private final AssignmentProvider provider;

  private ClaimQueue(SortedMap<CoreIndex, List<ParaId>> queues, AssignmentProvider provider) {
    this.queues = queues;
    this.provider = provider;
  }

  /** An empty claim queue fed by {@code provider}. */
  public static ClaimQueue empty(AssignmentProvider provider) {
    return new ClaimQueue(Collections.emptySortedMap(), provider);
  }

  /** A claim queue with the given contents (tests and vectors). */
  public static ClaimQueue of(SortedMap<CoreIndex, List<ParaId>> queues, AssignmentProvider provider) {
    TreeMap<CoreIndex, List<ParaId>> copy = new TreeMap<>();
    queues.forEach((c, q) -> {
      if (!q.isEmpty()) {
        copy.put(c, List.copyOf(q));
      }
    });
    return new ClaimQueue(Collections.unmodifiableSortedMap(copy), provider);
  }

  /** Core → queued paras, front first; cores with an empty queue are absent. */
  public SortedMap<CoreIndex, List<ParaId>> queues() {
    return queues;
  }

  /** The provider in its current state. */
  public AssignmentProvider provider() {
    return provider;
  }

  /** Total number of claims over all cores ({@code claim_queue_len}). */
  public int totalLen() {
    int n = 0;
    for (List<ParaId> q : queues.values()) {
      n += q.size();
    }
    return n;
  }

  /**
   * {@code fill_claim_queue(core, lookahead)}: if the queue is empty and the lookahead is above 1,
   * pop one assignment and push it twice (so a newly scheduled para gets the async-backing
   * pipeline at once); then pop until the queue holds {@code lookahead} claims or the provider
   * has none left.
   */
  public ClaimQueue fill(CoreIndex core, int lookahead) {
    List<ParaId> q = new ArrayList<>(queues.getOrDefault(core, List.of()));
    AssignmentProvider p = provider;
    if (q.isEmpty() && lookahead > 1) {
      AssignmentProvider.Popped popped = p.popAssignmentForCore(core);
      p = popped.provider();
      if (popped.assignment().isPresent()) {
        ParaId a = popped.assignment().get();
        p = p.assignmentDuplicated(a);
        q.add(a);
        q.add(a);
      }
    }
    while (q.size() < lookahead) {
      AssignmentProvider.Popped popped = p.popAssignmentForCore(core);
      p = popped.provider();
      if (popped.assignment().isEmpty()) {
        break;
      }
      q.add(popped.assignment().get());
    }
    return withQueue(core, q, p);
  }

  /**
   * {@code advance_claim_queue(except_for)}: for every core {@code 0..numAssignerCores} not in
   * {@code exceptFor}, pop the front claim (reported as processed) and refill to
   * {@code lookahead}. Cores still occupied by a candidate keep their queue unchanged.
   */
  public ClaimQueue advance(Set<CoreIndex> exceptFor, int numAssignerCores, int lookahead) {
    int n = Math.max(1, lookahead);
    ClaimQueue cq = this;
    for (int i = 0; i < numAssignerCores; i++) {
      CoreIndex core = CoreIndex.of(i);
      if (exceptFor.contains(core)) {
        continue;
      }
      cq = cq.popFront(core).fill(core, n);
    }
    return cq;
  }

  private ClaimQueue popFront(CoreIndex core) {
    List<ParaId> q = queues.get(core);
    if (q == null || q.isEmpty()) {
      return this;
    }
    AssignmentProvider p = provider.reportProcessed(q.get(0));
    return withQueue(core, q.subList(1, q.size()), p);
  }

  /**
   * Session change: {@code maybe_resize_claim_queue(old, new)} gives the claims of removed cores
   * back to the provider (in reverse, so they pop in the same order again), then
   * {@code populate_claim_queue_after_session_change} refills every core {@code 0..newCores}.
   */
  public ClaimQueue onNewSession(int oldCoreCount, int newCoreCount, int lookahead) {
    TreeMap<CoreIndex, List<ParaId>> next = new TreeMap<>(queues);
    AssignmentProvider p = provider;
    if (newCoreCount < oldCoreCount) {
      for (int i = newCoreCount; i < oldCoreCount; i++) {
        List<ParaId> dropped = next.remove(CoreIndex.of(i));
        if (dropped != null) {
          for (int k = dropped.size() - 1; k >= 0; k--) {
            p = p.pushBackAssignment(dropped.get(k));
          }
        }
      }
    }
    ClaimQueue cq = new ClaimQueue(Collections.unmodifiableSortedMap(next), p);
    int n = Math.max(1, lookahead);
    for (int i = 0; i < newCoreCount; i++) {
      cq = cq.fill(CoreIndex.of(i), n);
    }
    return cq;
  }

  /** {@code scheduled_paras()}: the para at the front of each core's queue. */
  public SortedMap<CoreIndex, ParaId> scheduledParas() {
    TreeMap<CoreIndex, ParaId> out = new TreeMap<>();
    queues.forEach((c, q) -> out.put(c, q.get(0)));
    return Collections.unmodifiableSortedMap(out);
  }

  /**
   * {@code eligible_paras(occupied)}: the front of each core's queue, skipping cores that are
   * still occupied (a core must be free to back on it).
   */
  public SortedMap<CoreIndex, ParaId> eligibleParas(Set<CoreIndex> occupied) {
    TreeMap<CoreIndex, ParaId> out = new TreeMap<>();
    queues.forEach((c, q) -> {
      if (!occupied.contains(c)) {
        out.put(c, q.get(0));
      }
    });
    return Collections.unmodifiableSortedMap(out);
  }

  private ClaimQueue withQueue(CoreIndex core, List<ParaId> q, AssignmentProvider p) {
    TreeMap<CoreIndex, List<ParaId>> next = new TreeMap<>(queues);
    if (q.isEmpty()) {
      next.remove(core);
    } else {
      next.put(core, List.copyOf(q));
    }
    return new ClaimQueue(Collections.unmodifiableSortedMap(next), p);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ClaimQueue c && c.queues.equals(queues) && c.provider.equals(provider);
  }

  @Override
  public int hashCode() {
    return queues.hashCode();
  }

  @Override
  public String toString() {
    return "ClaimQueue" + queues;
  }
}
