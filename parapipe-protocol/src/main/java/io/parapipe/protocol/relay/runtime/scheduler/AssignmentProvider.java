package io.parapipe.protocol.relay.runtime.scheduler;

import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.ParaId;
import java.util.Optional;

/**
 * The scheduler's source of core assignments ({@code scheduler::common::AssignmentProvider}),
 * immutable: every operation returns the provider as it is afterwards, so a relay block's state
 * can hold it and forks never interfere.
 */
public interface AssignmentProvider {
  /**
   * What {@link #popAssignmentForCore} returns.
   *
   * @param assignment the para assigned, if any
   * @param provider the provider after popping
   */
  record Popped(Optional<ParaId> assignment, AssignmentProvider provider) {}

  /** {@code pop_assignment_for_core}: the next assignment for {@code core}, if any. */
  Popped popAssignmentForCore(CoreIndex core);

  /** {@code report_processed}: an assignment left the front of a claim queue. */
  AssignmentProvider reportProcessed(ParaId assignment);

  /**
   * {@code push_back_assignment}: an assignment is returned (the claim queue shrank); it must be
   * the next one popped again.
   */
  AssignmentProvider pushBackAssignment(ParaId assignment);

  /** {@code assignment_duplicated}: the scheduler pushed an assignment twice into an empty queue. */
  AssignmentProvider assignmentDuplicated(ParaId assignment);
}
