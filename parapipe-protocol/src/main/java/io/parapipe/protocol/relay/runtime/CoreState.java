package io.parapipe.protocol.relay.runtime;

import io.parapipe.protocol.primitives.BitVec;
import io.parapipe.protocol.primitives.CandidateDescriptor;
import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.GroupIndex;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.ParaId;
import java.util.Optional;

/** One entry of the runtime API {@code availability_cores()} ({@code CoreState}). */
public sealed interface CoreState {
  /** The core. */
  CoreIndex core();

  /**
   * {@code Occupied}: a candidate is pending availability on the core.
   *
   * @param core the core
   * @param nextUpOnAvailable the para at the front of the core's claim queue
   * @param occupiedSince the block the candidate was backed in
   * @param timeOutAt the block it times out at ({@code live_until})
   * @param nextUpOnTimeOut same as {@code nextUpOnAvailable} in this era
   * @param availability the availability votes so far, one bit per validator
   * @param groupResponsible {@code group_assigned_to_core(core, relay_parent_number + 1)}
   * @param candidateHash the candidate
   * @param candidateDescriptor its descriptor
   */
  record Occupied(
      CoreIndex core,
      Optional<ParaId> nextUpOnAvailable,
      int occupiedSince,
      int timeOutAt,
      Optional<ParaId> nextUpOnTimeOut,
      BitVec availability,
      GroupIndex groupResponsible,
      Hash candidateHash,
      CandidateDescriptor candidateDescriptor)
      implements CoreState {
    /** The occupying candidate's para. */
    public ParaId paraId() {
      return candidateDescriptor.paraId();
    }
  }

  /**
   * {@code Scheduled}: the core is free and {@code paraId} is at the front of its claim queue.
   *
   * @param core the core
   * @param paraId the scheduled para
   */
  record Scheduled(CoreIndex core, ParaId paraId) implements CoreState {}

  /**
   * {@code Free}: nothing occupies or is scheduled on the core.
   *
   * @param core the core
   */
  record Free(CoreIndex core) implements CoreState {}
}
