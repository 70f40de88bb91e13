package io.parapipe.protocol.relay.runtime.scheduler;

import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.ParaId;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Bulk coretime: each core is assigned to one para for good (upstream's coretime assigner with a
 * single {@code CoreAssignment::Task(para)} covering all 57 600 parts). A para may hold several
 * cores. Cores without an entry are idle. Stateless: popping never exhausts an assignment.
 */
public final class BulkCoretimeAssigner implements AssignmentProvider {
  private final SortedMap<CoreIndex, ParaId> assignments;

  /** Assigns each core in the map to its para. */
  public BulkCoretimeAssigner(SortedMap<CoreIndex, ParaId> assignments) {
    this.assignments = Collections.unmodifiableSortedMap(new TreeMap<>(assignments));
  }

  /** The fixed core → para map. */
  public SortedMap<CoreIndex, ParaId> assignments() {
    return assignments;
  }

  @Override
  public Popped popAssignmentForCore(CoreIndex core) {
    return new Popped(Optional.ofNullable(assignments.get(core)), this);
  }

  @Override
  public AssignmentProvider reportProcessed(ParaId assignment) {
    return this;
  }

  @Override
  public AssignmentProvider pushBackAssignment(ParaId assignment) {
    return this;
  }

  @Override
  public AssignmentProvider assignmentDuplicated(ParaId assignment) {
    return this;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BulkCoretimeAssigner b && b.assignments.equals(assignments);
  }

  @Override
  public int hashCode() {
    return assignments.hashCode();
  }

  @Override
  public String toString() {
    return "BulkCoretime" + assignments;
  }
}
