package io.parapipe.protocol.relay.runtime.parasinherent;

import io.parapipe.protocol.primitives.CandidateDescriptorVersion;
import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.GroupIndex;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.HeadData;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.primitives.SignedAvailabilityBitfield;
import io.parapipe.protocol.primitives.SessionIndex;
import io.parapipe.protocol.primitives.UmpSignalCheck;
import io.parapipe.protocol.primitives.UpstreamError;
import io.parapipe.protocol.primitives.ValidatorIndex;
import io.parapipe.protocol.relay.runtime.inclusion.BackedCandidate;
import io.parapipe.protocol.relay.runtime.inclusion.BackingCheck;
import io.parapipe.protocol.relay.runtime.inclusion.CandidateCheckContext;
import io.parapipe.protocol.relay.runtime.inclusion.CandidateOnCore;
import io.parapipe.protocol.relay.runtime.inclusion.Inclusion;
import io.parapipe.protocol.relay.runtime.inclusion.InclusionError;
import io.parapipe.protocol.relay.runtime.inclusion.PendingAvailability;
import io.parapipe.protocol.relay.runtime.inclusion.Verification;
import io.parapipe.protocol.relay.runtime.shared.AllowedRelayParentsTracker;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The sanitizers of the {@code paras_inherent} pallet: what the runtime keeps of the bitfields and
 * backed candidates the block author supplies.
 */
public final class ParasInherent {
  private ParasInherent() {}

  /**
   * What {@link #sanitizeBitfields} kept and dropped.
   *
   * @param kept the bitfields kept, in input order
   * @param dropped the bitfields dropped
   */
  public record SanitizedBitfields(List<SignedAvailabilityBitfield> kept, List<DroppedBitfield> dropped) {}

  /**
   * {@code sanitize_bitfields}: drop a bitfield whose length is not {@code expectedBits}, whose
   * validator index is not above the previous one's, or whose validator index is out of range.
   * (Disputed cores and signatures are not modelled.)
   */
  public static SanitizedBitfields sanitizeBitfields(
      List<SignedAvailabilityBitfield> bitfields, int expectedBits, int nValidators) {
    List<SignedAvailabilityBitfield> kept = new ArrayList<>(bitfields.size());
    List<DroppedBitfield> dropped = new ArrayList<>();
    int last = -1;
    for (SignedAvailabilityBitfield b : bitfields) {
      int v = b.validatorIndex().value();
      if (b.bits().len() != expectedBits) {
        dropped.add(new DroppedBitfield(b.validatorIndex(), DroppedBitfield.Reason.WRONG_LENGTH));
        continue;
      }
      if (last >= 0 && last >= v) {
        dropped.add(new DroppedBitfield(b.validatorIndex(), DroppedBitfield.Reason.NOT_ASCENDING));
        continue;
      }
      if (v >= nValidators) {
        dropped.add(new DroppedBitfield(b.validatorIndex(), DroppedBitfield.Reason.VALIDATOR_OUT_OF_RANGE));
        continue;
      }
      kept.add(b);
      last = v;
    }
    return new SanitizedBitfields(List.copyOf(kept), List.copyOf(dropped));
  }

  /**
   * What {@link #sanitizeBackedCandidates} kept and dropped.
   *
   * @param kept per para (ascending), its candidates in chain order with their cores
   * @param dropped the candidates dropped, in the order they were dropped
   */
  public record SanitizedCandidates(SortedMap<ParaId, List<CandidateOnCore>> kept, List<DroppedCandidate> dropped) {
    /** Number of candidates kept. */
    public int count() {
      int n = 0;
      for (List<CandidateOnCore> l : kept.values()) {
        n += l.size();
      }
      return n;
    }
  }

  /**
   * {@code sanitize_backed_candidates}
   * ({@code polkadot/runtime/parachains/src/paras_inherent/mod.rs}):
   * <ol>
   *   <li>{@link #sanitizeBackedCandidateV2} on each candidate; one it drops is simply missing
   *       from its para's list, so its descendants fail the next step;
   *   <li>group the rest by para keeping their order, then {@code filter_unchained_candidates}:
   *       walk each para's list from its latest head ({@code para_latest_head_data}) and relay
   *       parent ({@code para_most_recent_context}); drop duplicates and candidates failing
   *       {@code verify_backed_candidate}, whose relay parent must not precede the previous one;
   *   <li>{@code map_candidates_to_cores} against the eligible cores, taking a candidate's core
   *       from its V2 descriptor, else from the index injected under {@code ElasticScalingMVP};
   *   <li>the backing-vote filter ({@code filter_backed_statements_from_disabled_validators} with
   *       no disabled validators; parapipe runs the whole {@code check_backing_votes} here so that
   *       {@code process_candidates} cannot fail in the block author's context).
   * </ol>
   * Dropping a candidate drops every later candidate of its para. The node features come from
   * {@code ctx.config()}: {@code CandidateReceiptV2} and {@code ElasticScalingMVP}.
   *
   * @param candidates the backed candidates as the author supplied them
   * @param ctx the block being executed
   * @param pending pending availability after this block's availability and timeout processing
   * @param eligible {@code eligible_paras}: para → its free cores with the para at the front of the claim queue
   */
  public static SanitizedCandidates sanitizeBackedCandidates(
      List<BackedCandidate> candidates,
      Inclusion.BlockContext ctx,
      PendingAvailability pending,
      SortedMap<ParaId, SortedSet<CoreIndex>> eligible) {
    List<DroppedCandidate> dropped = new ArrayList<>();
    TreeMap<ParaId, List<BackedCandidate>> perPara = new TreeMap<>();
    for (BackedCandidate c : candidates) {
      Optional<DroppedCandidate> drop = sanitizeBackedCandidateV2(c, ctx.allowedRelayParents(),
          ctx.config().candidateReceiptV2(), ctx.session());
      if (drop.isPresent()) {
        dropped.add(drop.get());
        continue;
      }
      perPara.computeIfAbsent(c.paraId(), p -> new ArrayList<>()).add(c);
    }
    filterUnchainedCandidates(perPara, ctx, pending, dropped);
    TreeMap<ParaId, List<CandidateOnCore>> withCore = mapCandidatesToCores(perPara, ctx.allowedRelayParents(), ctx,
        eligible, ctx.config().elasticScalingMvp(), dropped);
    filterBackingVotes(withCore, ctx, dropped);
    TreeMap<ParaId, List<CandidateOnCore>> kept = new TreeMap<>();
    withCore.forEach((p, l) -> {
      if (!l.isEmpty()) {
        kept.put(p, List.copyOf(l));
      }
    });
    return new SanitizedCandidates(Collections.unmodifiableSortedMap(kept), List.copyOf(dropped));
  }

  /**
   * {@code sanitize_backed_candidate_v2}: the descriptor-version checks, in upstream's order.
   * A candidate is dropped if its descriptor version is unknown, if it is V2 while the
   * {@code CandidateReceiptV2} node feature is off, if its relay parent is not allowed, if
   * {@code parse_ump_signals} fails against the claim queue at its relay parent (this covers V1
   * descriptors that send signals, and a V2 core index that disagrees with the claim or the
   * signal), and, for V2, if its session index is not the current session.
   *
   * @return the drop, or empty if the candidate passes
   */
  public static Optional<DroppedCandidate> sanitizeBackedCandidateV2(BackedCandidate c,
      AllowedRelayParentsTracker allowedRelayParents, boolean allowV2Receipts, SessionIndex currentSession) {
    CandidateDescriptorVersion version = c.descriptor().version();
    if (version == CandidateDescriptorVersion.UNKNOWN) {
      return Optional.of(drop(c, SanitizeReason.UNKNOWN_DESCRIPTOR_VERSION, Optional.empty()));
    }
    // Filtered before filter_unchained_candidates so that the descendants of a dropped V2
    // candidate are dropped with it.
    if (version == CandidateDescriptorVersion.V2 && !allowV2Receipts) {
      return Optional.of(drop(c, SanitizeReason.V2_RECEIPTS_NOT_ALLOWED, Optional.empty()));
    }
    Optional<AllowedRelayParentsTracker.AcquiredInfo> info =
        allowedRelayParents.acquireInfo(c.descriptor().relayParent(), OptionalInt.empty());
    if (info.isEmpty()) {
      return Optional.of(drop(c, SanitizeReason.RELAY_PARENT_NOT_ALLOWED, Optional.empty()));
    }
    UmpSignalCheck check = c.candidate().parseUmpSignals(info.get().info().claimQueue());
    if (check instanceof UmpSignalCheck.Invalid invalid) {
      return Optional.of(drop(c, SanitizeReason.UMP_SIGNAL_CHECK_FAILED, Optional.of(invalid.error())));
    }
    if (version == CandidateDescriptorVersion.V1) {
      return Optional.empty();
    }
    OptionalLong session = c.descriptor().versionedSessionIndex();
    if (session.isEmpty() || session.getAsLong() != currentSession.value()) {
      return Optional.of(drop(c, SanitizeReason.INVALID_SESSION_INDEX, Optional.empty()));
    }
    return Optional.empty();
  }

  private static DroppedCandidate drop(BackedCandidate c, SanitizeReason reason, Optional<UpstreamError> detail) {
    return new DroppedCandidate(c.hash(), c.paraId(), reason, detail);
  }

  /** {@code filter_unchained_candidates}. */
  private static void filterUnchainedCandidates(
      TreeMap<ParaId, List<BackedCandidate>> perPara,
      Inclusion.BlockContext ctx,
      PendingAvailability pending,
      List<DroppedCandidate> dropped) {
    for (var it = perPara.entrySet().iterator(); it.hasNext(); ) {
      var e = it.next();
      ParaId para = e.getKey();
      Optional<HeadData> head = pending.paraLatestHeadData(para, ctx.paras());
      Optional<Integer> context = pending.paraMostRecentContext(para, ctx.paras());
      if (head.isEmpty() || context.isEmpty()) {
        for (BackedCandidate c : e.getValue()) {
          dropped.add(new DroppedCandidate(c.hash(), para, SanitizeReason.UNKNOWN_PARA, Optional.empty()));
        }
        it.remove();
        continue;
      }
      HeadData latestHead = head.get();
      int latestRp = context.get();
      Set<Hash> visited = new HashSet<>();
      List<BackedCandidate> keep = new ArrayList<>();
      List<BackedCandidate> list = e.getValue();
      for (int i = 0; i < list.size(); i++) {
        BackedCandidate c = list.get(i);
        SanitizeReason reason = null;
        Optional<UpstreamError> detail = Optional.empty();
        if (!visited.add(c.hash())) {
          reason = SanitizeReason.DUPLICATE;
        } else {
          CandidateCheckContext check =
              new CandidateCheckContext(ctx.config(), OptionalInt.of(latestRp), ctx.paras(), ctx.umpQueues());
          Verification v = check.verifyBackedCandidate(ctx.allowedRelayParents(), c.candidate(), latestHead);
          if (v instanceof Verification.Err err) {
            reason = SanitizeReason.VERIFICATION_FAILED;
            detail = Optional.of(err.error());
          } else {
            latestHead = c.candidate().commitments().headData();
            latestRp = ((Verification.Ok) v).relayParentNumber();
          }
        }
        if (reason != null) {
          dropped.add(new DroppedCandidate(c.hash(), para, reason, detail));
          dropRest(list, i + 1, para, SanitizeReason.DESCENDANT_OF_DROPPED, dropped);
          break;
        }
        keep.add(c);
      }
      if (keep.isEmpty()) {
        it.remove();
      } else {
        e.setValue(keep);
      }
    }
  }

  /** {@code map_candidates_to_cores}. */
  private static TreeMap<ParaId, List<CandidateOnCore>> mapCandidatesToCores(
      TreeMap<ParaId, List<BackedCandidate>> perPara,
      AllowedRelayParentsTracker allowedRelayParents,
      Inclusion.BlockContext ctx,
      SortedMap<ParaId, SortedSet<CoreIndex>> eligible,
      boolean coreIndexEnabled,
      List<DroppedCandidate> dropped) {
    TreeMap<ParaId, List<CandidateOnCore>> out = new TreeMap<>();
    for (var e : perPara.entrySet()) {
      ParaId para = e.getKey();
      List<BackedCandidate> list = e.getValue();
      SortedSet<CoreIndex> scheduled = eligible.get(para);
      if (scheduled == null || scheduled.isEmpty()) {
        dropRest(list, 0, para, SanitizeReason.NO_SCHEDULED_CORE, dropped);
        continue;
      }
      if (scheduled.size() == 1 && !coreIndexEnabled) {
        out.put(para, new ArrayList<>(List.of(new CandidateOnCore(list.get(0), scheduled.first()))));
        dropRest(list, 1, para, SanitizeReason.ONLY_FIRST_ON_SINGLE_CORE, dropped);
        continue;
      }
      if (!coreIndexEnabled) {
        dropRest(list, 0, para, SanitizeReason.MULTIPLE_CORES_WITHOUT_ELASTIC_SCALING, dropped);
        continue;
      }
      TreeSet<CoreIndex> free = new TreeSet<>(scheduled);
      List<CandidateOnCore> kept = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        BackedCandidate c = list.get(i);
        if (free.isEmpty()) {
          dropRest(list, i, para, SanitizeReason.CORES_EXHAUSTED, dropped);
          break;
        }
        Optional<CoreIndex> core = coreIndex(c, allowedRelayParents, ctx);
        if (core.isEmpty()) {
          dropped.add(new DroppedCandidate(c.hash(), para, SanitizeReason.MISSING_CORE_INDEX, Optional.empty()));
          dropRest(list, i + 1, para, SanitizeReason.DESCENDANT_OF_DROPPED, dropped);
          break;
        }
        if (!free.remove(core.get())) {
          dropped.add(new DroppedCandidate(c.hash(), para, SanitizeReason.CORE_NOT_SCHEDULED, Optional.empty()));
          dropRest(list, i + 1, para, SanitizeReason.DESCENDANT_OF_DROPPED, dropped);
          break;
        }
        kept.add(new CandidateOnCore(c, core.get()));
      }
      if (!kept.isEmpty()) {
        out.put(para, kept);
      }
    }
    return out;
  }

  /**
   * {@code get_core_index}: the core of a V2 descriptor (already checked against the claim queue
   * by {@link #sanitizeBackedCandidateV2}), else the injected one.
   */
  private static Optional<CoreIndex> coreIndex(
      BackedCandidate c, AllowedRelayParentsTracker allowedRelayParents, Inclusion.BlockContext ctx) {
    Optional<CoreIndex> core = c.descriptor().versionedCoreIndex();
    return core.isPresent() ? core : injectedCoreIndex(c, allowedRelayParents, ctx);
  }

  /**
   * {@code get_injected_core_index}: the injected core, if the relay parent is allowed and the
   * bit vector has the size of the group assigned to that core at {@code relay_parent_number + 1}.
   */
  private static Optional<CoreIndex> injectedCoreIndex(
      BackedCandidate c, AllowedRelayParentsTracker allowedRelayParents, Inclusion.BlockContext ctx) {
    if (c.injectedCoreIndex().isEmpty()) {
      return Optional.empty();
    }
    CoreIndex core = c.injectedCoreIndex().get();
    var info = allowedRelayParents.acquireInfo(c.descriptor().relayParent(), OptionalInt.empty());
    if (info.isEmpty()) {
      return Optional.empty();
    }
    Optional<GroupIndex> group = ctx.groupAssignedToCore(core, info.get().number() + 1);
    if (group.isEmpty()) {
      return Optional.empty();
    }
    Optional<List<ValidatorIndex>> members = ctx.groups().groupValidators(group.get());
    if (members.isEmpty() || members.get().size() != c.validatorIndices().len()) {
      return Optional.empty();
    }
    return Optional.of(core);
  }

  /** The backing-vote filter run after core mapping. */
  private static void filterBackingVotes(
      TreeMap<ParaId, List<CandidateOnCore>> withCore, Inclusion.BlockContext ctx, List<DroppedCandidate> dropped) {
    for (var e : withCore.entrySet()) {
      List<CandidateOnCore> list = e.getValue();
      for (int i = 0; i < list.size(); i++) {
        CandidateOnCore oc = list.get(i);
        Optional<InclusionError> failure = backingFailure(oc, ctx);
        if (failure.isPresent()) {
          dropped.add(new DroppedCandidate(oc.candidate().hash(), e.getKey(), SanitizeReason.BACKING_FAILED,
              failure.map(UpstreamError.class::cast)));
          for (int k = i + 1; k < list.size(); k++) {
            BackedCandidate d = list.get(k).candidate();
            dropped.add(new DroppedCandidate(d.hash(), e.getKey(), SanitizeReason.DESCENDANT_OF_DROPPED, Optional.empty()));
          }
          e.setValue(new ArrayList<>(list.subList(0, i)));
          break;
        }
      }
    }
  }

  private static Optional<InclusionError> backingFailure(CandidateOnCore oc, Inclusion.BlockContext ctx) {
    var info = ctx.allowedRelayParents().acquireInfo(oc.candidate().descriptor().relayParent(), OptionalInt.empty());
    if (info.isEmpty()) {
      return Optional.of(InclusionError.DISALLOWED_RELAY_PARENT);
    }
    Optional<GroupIndex> group = ctx.groupAssignedToCore(oc.core(), info.get().number() + 1);
    if (group.isEmpty()) {
      return Optional.of(InclusionError.INVALID_ASSIGNMENT);
    }
    Optional<List<ValidatorIndex>> members = ctx.groups().groupValidators(group.get());
    if (members.isEmpty()) {
      return Optional.of(InclusionError.INVALID_GROUP_INDEX);
    }
    BackingCheck check = Inclusion.checkBackingVotes(
        oc.candidate(), ctx.nValidators(), members.get(), ctx.config().minimumBackingVotes());
    return check instanceof BackingCheck.Err err ? Optional.of(err.error()) : Optional.empty();
  }

  private static void dropRest(
      List<BackedCandidate> list, int from, ParaId para, SanitizeReason reason, List<DroppedCandidate> dropped) {
    for (int k = from; k < list.size(); k++) {
      dropped.add(new DroppedCandidate(list.get(k).hash(), para, reason, Optional.empty()));
    }
  }
}
