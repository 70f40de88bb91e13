package io.parapipe.protocol.relay.runtime.scheduler;

import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.ParaId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The upstream test {@code MockAssigner}: one global FIFO of assignments, popped for whichever
 * core asks; pushed-back assignments go to the front.
 */
record FifoAssigner(List<ParaId> queue, List<ParaId> processed, int duplicated) implements AssignmentProvider {
  FifoAssigner {
    queue = List.copyOf(queue);
    processed = List.copyOf(processed);
  }

  static FifoAssigner of(ParaId... paras) {
    return new FifoAssigner(List.of(paras), List.of(), 0);
  }

  FifoAssigner add(ParaId... paras) {
    List<ParaId> q = new ArrayList<>(queue);
    q.addAll(List.of(paras));
    return new FifoAssigner(q, processed, duplicated);
  }

  @Override
  public Popped popAssignmentForCore(CoreIndex core) {
    if (queue.isEmpty()) {
      return new Popped(Optional.empty(), this);
    }
    return new Popped(Optional.of(queue.get(0)), new FifoAssigner(queue.subList(1, queue.size()), processed, duplicated));
  }

  @Override
  public AssignmentProvider reportProcessed(ParaId assignment) {
    List<ParaId> p = new ArrayList<>(processed);
    p.add(assignment);
    return new FifoAssigner(queue, p, duplicated);
  }

  @Override
  public AssignmentProvider pushBackAssignment(ParaId assignment) {
    List<ParaId> q = new ArrayList<>();
    q.add(assignment);
    q.addAll(queue);
    return new FifoAssigner(q, processed, duplicated);
  }

  @Override
  public AssignmentProvider assignmentDuplicated(ParaId assignment) {
    return new FifoAssigner(queue, processed, duplicated + 1);
  }
}
