package io.parapipe.conformance.drivers;

import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.relay.runtime.scheduler.AssignmentProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The assignment provider of the claim-queue vectors, upstream's test {@code MockAssigner}: one
 * FIFO of assignments popped by whichever core asks; pushed-back assignments go to the front; it
 * records what was reported processed and how many assignments were duplicated.
 *
 * @param pending assignments not popped yet, next first
 * @param processed assignments reported processed, in order
 * @param duplicated how many times the scheduler pushed an assignment twice
 */
record FifoAssignmentProvider(List<ParaId> pending, List<ParaId> processed, int duplicated) implements AssignmentProvider {
  FifoAssignmentProvider {
    pending = List.copyOf(pending);
    processed = List.copyOf(processed);
  }

  FifoAssignmentProvider add(List<ParaId> more) {
    List<ParaId> q = new ArrayList<>(pending);
    q.addAll(more);
    return new FifoAssignmentProvider(q, processed, duplicated);
  }

  @Override
  public Popped popAssignmentForCore(CoreIndex core) {
    if (pending.isEmpty()) {
      return new Popped(Optional.empty(), this);
    }
    return new Popped(Optional.of(pending.get(0)),
        new FifoAssignmentProvider(pending.subList(1, pending.size()), processed, duplicated));
  }

  @Override
  public AssignmentProvider reportProcessed(ParaId assignment) {
    List<ParaId> p = new ArrayList<>(processed);
    p.add(assignment);
    return new FifoAssignmentProvider(pending, p, duplicated);
  }

  @Override
  public AssignmentProvider pushBackAssignment(ParaId assignment) {
    List<ParaId> q = new ArrayList<>();
    q.add(assignment);
    q.addAll(pending);
    return new FifoAssignmentProvider(q, processed, duplicated);
  }

  @Override
  public AssignmentProvider assignmentDuplicated(ParaId assignment) {
    return new FifoAssignmentProvider(pending, processed, duplicated + 1);
  }
}
