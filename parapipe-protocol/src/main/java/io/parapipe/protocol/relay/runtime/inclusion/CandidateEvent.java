package io.parapipe.protocol.relay.runtime.inclusion;

import io.parapipe.protocol.host.ProtocolEvent;
import io.parapipe.protocol.primitives.BitVec;
import io.parapipe.protocol.primitives.CandidateReceipt;
import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.GroupIndex;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.HeadData;
import io.parapipe.protocol.primitives.ParaId;

/**
 * The inclusion pallet's candidate events ({@code CandidateEvent}), in the order a block emitted
 * them. Upstream's {@code CandidateTimedOut} carries no group; parapipe adds the backing group to
 * every variant.
 */
public sealed interface CandidateEvent extends ProtocolEvent {
  /** The candidate hash. */
  Hash candidateHash();

  /** The plain receipt. */
  CandidateReceipt receipt();

  /** The candidate's output head. */
  HeadData head();

  /** The core it occupied. */
  CoreIndex core();

  /** The group that backed it. */
  GroupIndex group();

  /** The para. */
  default ParaId paraId() {
    return receipt().descriptor().paraId();
  }

  /**
   * {@code CandidateBacked}: the candidate now occupies {@code core}, pending availability.
   *
   * @param candidateHash the candidate hash
   * @param receipt the plain receipt
   * @param head the output head
   * @param core the core it occupies
   * @param group the backing group
   */
  record CandidateBacked(Hash candidateHash, CandidateReceipt receipt, HeadData head, CoreIndex core, GroupIndex group)
      implements CandidateEvent {}

  /**
   * {@code CandidateIncluded}: the candidate became available and was enacted; its head is the
   * para's new included head.
   *
   * @param candidateHash the candidate hash
   * @param receipt the plain receipt
   * @param head the output head
   * @param core the core it freed
   * @param group the backing group
   * @param backers one bit per validator: who backed it. Not in upstream's event: enactment
   *     rewards them there ({@code enact_candidate} calls {@code reward_backing} over the backers
   *     in polkadot/runtime/parachains/src/inclusion/mod.rs); parapipe counts the era points from
   *     the event instead
   */
  record CandidateIncluded(Hash candidateHash, CandidateReceipt receipt, HeadData head, CoreIndex core, GroupIndex group,
      BitVec backers) implements CandidateEvent {}

  /**
   * {@code CandidateTimedOut}: the candidate was evicted without becoming available.
   *
   * @param candidateHash the candidate hash
   * @param receipt the plain receipt
   * @param head the output head
   * @param core the core it freed
   * @param group the backing group
   */
  record CandidateTimedOut(Hash candidateHash, CandidateReceipt receipt, HeadData head, CoreIndex core, GroupIndex group)
      implements CandidateEvent {}
}
