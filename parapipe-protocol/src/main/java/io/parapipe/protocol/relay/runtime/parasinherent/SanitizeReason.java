package io.parapipe.protocol.relay.runtime.parasinherent;

/**
 * Why {@code sanitize_backed_candidates} (or the session rule around it) dropped a backed
 * candidate. Upstream drops silently with a debug log; parapipe reports the reason.
 */
public enum SanitizeReason {
  /** {@code sanitize_backed_candidate_v2}: the descriptor's internal version is unknown. */
  UNKNOWN_DESCRIPTOR_VERSION,
  /** {@code sanitize_backed_candidate_v2}: a V2 descriptor while the {@code CandidateReceiptV2} node feature is off. */
  V2_RECEIPTS_NOT_ALLOWED,
  /** {@code sanitize_backed_candidate_v2}: the relay parent is not an allowed relay parent. */
  RELAY_PARENT_NOT_ALLOWED,
  /**
   * {@code sanitize_backed_candidate_v2}: {@code parse_ump_signals} failed against the claim queue
   * at the relay parent; the detail is the {@code CommittedCandidateReceiptError}.
   */
  UMP_SIGNAL_CHECK_FAILED,
  /** {@code sanitize_backed_candidate_v2}: a V2 descriptor whose session index is not the current session. */
  INVALID_SESSION_INDEX,
  /** The para is not registered (no included head). */
  UNKNOWN_PARA,
  /** The same candidate appears twice for the para ({@code filter_unchained_candidates}). */
  DUPLICATE,
  /** {@code verify_backed_candidate} failed against the running head ({@code filter_unchained_candidates}); see the detail. */
  VERIFICATION_FAILED,
  /** An earlier candidate of the same para was dropped, and this one builds on it. */
  DESCENDANT_OF_DROPPED,
  /** The para has no free core at the front of the claim queue ({@code map_candidates_to_cores}). */
  NO_SCHEDULED_CORE,
  /** One core and no {@code ElasticScalingMVP}: only the para's first candidate is kept. */
  ONLY_FIRST_ON_SINGLE_CORE,
  /** Several cores but {@code ElasticScalingMVP} is off: the para's candidates are all dropped. */
  MULTIPLE_CORES_WITHOUT_ELASTIC_SCALING,
  /**
   * {@code ElasticScalingMVP}: no core index, that is a V1 descriptor without an injected core
   * index, or with one whose group size does not match.
   */
  MISSING_CORE_INDEX,
  /** {@code ElasticScalingMVP}: the candidate's core is not scheduled (or already used) for the para. */
  CORE_NOT_SCHEDULED,
  /** {@code ElasticScalingMVP}: the para's scheduled cores are used up. */
  CORES_EXHAUSTED,
  /** No backing group, or the backing votes fail {@code check_backing_votes}; see the detail. */
  BACKING_FAILED,
  /** The block is the last of its session: nothing is backed (polkadot-sdk#5461). */
  SESSION_CHANGE_UPCOMING
}
