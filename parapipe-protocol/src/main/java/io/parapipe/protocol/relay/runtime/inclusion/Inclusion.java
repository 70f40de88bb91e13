package io.parapipe.protocol.relay.runtime.inclusion;

import io.parapipe.protocol.primitives.BitVec;
import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.GroupIndex;
import io.parapipe.protocol.primitives.HeadData;
import io.parapipe.protocol.primitives.HostConfiguration;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.primitives.SessionIndex;
import io.parapipe.protocol.primitives.ValidatorIndex;
import io.parapipe.protocol.relay.runtime.paras.Paras;
import io.parapipe.protocol.relay.runtime.scheduler.ValidatorGroups;
import io.parapipe.protocol.relay.runtime.shared.AllowedRelayParentsTracker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;

/** The inclusion pallet's backing rules: {@code check_backing_votes} and {@code process_candidates}. */
public final class Inclusion {
  private Inclusion() {}

  /**
   * {@code check_backing_votes} with {@code check_candidate_backing}: the bit vector must have one
   * bit per group member and there may be no more votes than members; votes pair with set bits
   * in order and every pair must verify (signatures are not modelled, so a pair always verifies,
   * and more votes than set bits is invalid); finally the count must reach
   * {@code effective_minimum_backing_votes(group_len, minimum_backing_votes)}.
   *
   * @param candidate the backed candidate
   * @param nValidators the size of the active validator set
   * @param groupValidators the backing group's members, in group order
   * @param minimumBackingVotes the configured {@code minimum_backing_votes}
   */
  public static BackingCheck checkBackingVotes(
      BackedCandidate candidate, int nValidators, List<ValidatorIndex> groupValidators, int minimumBackingVotes) {
    BitVec bits = candidate.validatorIndices();
    List<ValidityAttestation> votes = candidate.validityVotes();
    int groupLen = groupValidators.size();
    if (bits.len() != groupLen || votes.size() > groupLen) {
      return new BackingCheck.Err(InclusionError.INVALID_BACKING);
    }
    int[] set = bits.ones();
    int signed = Math.min(set.length, votes.size());
    for (int k = 0; k < signed; k++) {
      if (groupValidators.get(set[k]).value() >= nValidators) {
        return new BackingCheck.Err(InclusionError.INVALID_BACKING);
      }
    }
    if (signed != votes.size()) {
      return new BackingCheck.Err(InclusionError.INVALID_BACKING);
    }
    if (signed < Thresholds.effectiveMinimumBackingVotes(groupLen, minimumBackingVotes)) {
      return new BackingCheck.Err(InclusionError.INSUFFICIENT_BACKING);
    }
    BitVec backers = BitVec.zeros(nValidators);
    List<BackingCheck.Backer> out = new ArrayList<>(signed);
    for (int k = 0; k < signed; k++) {
      ValidatorIndex v = groupValidators.get(set[k]);
      out.add(new BackingCheck.Backer(v, votes.get(k)));
      backers = backers.with(v.value(), true);
    }
    return new BackingCheck.Ok(backers, List.copyOf(out));
  }

  /**
   * Everything {@link #processCandidates} needs to know about the block being executed.
   *
   * @param now the block number
   * @param config the active configuration
   * @param nValidators the size of the active validator set
   * @param groups the session's validator groups
   * @param sessionStartBlock the session's first block
   * @param allowedRelayParents the allowed relay parents (already updated for this block)
   * @param paras paras state (after this block's enactments)
   * @param umpQueues upward queue sizes at this point of the block
   * @param session the current session ({@code shared::CurrentSessionIndex}), which V2
   *     descriptors must name
   */
  public record BlockContext(
      int now,
      HostConfiguration config,
      int nValidators,
      ValidatorGroups groups,
      int sessionStartBlock,
      AllowedRelayParentsTracker allowedRelayParents,
      Paras paras,
      Map<ParaId, UmpQueueSize> umpQueues,
      SessionIndex session) {

    /** {@code group_assigned_to_core(core, at)} for this session. */
    public Optional<GroupIndex> groupAssignedToCore(CoreIndex core, int at) {
      return groups.groupAssignedToCore(core, at, sessionStartBlock, config.schedulerParams().groupRotationFrequency());
    }
  }

  /** The outcome of {@link #processCandidates}. */
  public sealed interface ProcessedCandidates {
    /**
     * All candidates were backed.
     *
     * @param pending pending availability with the new candidates appended
     * @param events one {@code CandidateBacked} per candidate, in processing order
     * @param backingVotes the attributed votes of each candidate, in processing order
     */
    record Ok(PendingAvailability pending, List<CandidateEvent> events, List<List<BackingCheck.Backer>> backingVotes)
        implements ProcessedCandidates {}

    /**
     * A candidate failed and the whole inherent is invalid.
     *
     * @param candidate the failing candidate
     * @param error why
     */
    record Err(BackedCandidate candidate, InclusionError error) implements ProcessedCandidates {}
  }

  /**
   * {@code process_candidates}: for each para (ascending) and each of its candidates in chain
   * order, re-run {@code verify_backed_candidate} against the running latest head, find the
   * backing group {@code group_assigned_to_core(core, relay_parent_number + 1)}, check the backing
   * votes, and append the candidate to the para's pending-availability queue with zeroed
   * availability votes and {@code backed_in_number = now}.
   */
  public static ProcessedCandidates processCandidates(
      BlockContext ctx, PendingAvailability pending, SortedMap<ParaId, List<CandidateOnCore>> candidates) {
    PendingAvailability next = pending;
    List<CandidateEvent> events = new ArrayList<>();
    List<List<BackingCheck.Backer>> votes = new ArrayList<>();
    for (var e : candidates.entrySet()) {
      Optional<HeadData> latest = next.paraLatestHeadData(e.getKey(), ctx.paras());
      if (latest.isEmpty()) {
        continue; // defensive upstream: an unknown para is skipped
      }
      HeadData latestHead = latest.get();
      for (CandidateOnCore oc : e.getValue()) {
        BackedCandidate bc = oc.candidate();
        CandidateCheckContext check =
            new CandidateCheckContext(ctx.config(), OptionalInt.empty(), ctx.paras(), ctx.umpQueues());
        Verification v = check.verifyBackedCandidate(ctx.allowedRelayParents(), bc.candidate(), latestHead);
        if (v instanceof Verification.Err err) {
          return new ProcessedCandidates.Err(bc, err.error());
        }
        int rpNumber = ((Verification.Ok) v).relayParentNumber();
        Optional<GroupIndex> group = ctx.groupAssignedToCore(oc.core(), rpNumber + 1);
        if (group.isEmpty()) {
          return new ProcessedCandidates.Err(bc, InclusionError.INVALID_ASSIGNMENT);
        }
        Optional<List<ValidatorIndex>> members = ctx.groups().groupValidators(group.get());
        if (members.isEmpty()) {
          return new ProcessedCandidates.Err(bc, InclusionError.INVALID_GROUP_INDEX);
        }
        BackingCheck backing =
            checkBackingVotes(bc, ctx.nValidators(), members.get(), ctx.config().minimumBackingVotes());
        if (backing instanceof BackingCheck.Err err) {
          return new ProcessedCandidates.Err(bc, err.error());
        }
        BackingCheck.Ok ok = (BackingCheck.Ok) backing;
        latestHead = bc.candidate().commitments().headData();
        next = next.push(new PendingAvailabilityEntry(
            oc.core(), bc.candidate(), BitVec.zeros(ctx.nValidators()), ok.backers(), rpNumber, ctx.now(), group.get()));
        votes.add(ok.votes());
        events.add(new CandidateEvent.CandidateBacked(
            bc.hash(), bc.candidate().toPlain(), latestHead, oc.core(), group.get()));
      }
    }
    return new ProcessedCandidates.Ok(next, List.copyOf(events), List.copyOf(votes));
  }
}
