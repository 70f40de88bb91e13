package io.parapipe.protocol.para.runtime;

import io.parapipe.protocol.para.runtime.segment.AbridgedHrmpChannel;
import io.parapipe.protocol.para.runtime.segment.Ancestor;
import io.parapipe.protocol.para.runtime.segment.HrmpChannelUpdate;
import io.parapipe.protocol.para.runtime.segment.HrmpWatermarkUpdate;
import io.parapipe.protocol.para.runtime.segment.MessagingStateSnapshot;
import io.parapipe.protocol.para.runtime.segment.OutboundBandwidthLimits;
import io.parapipe.protocol.para.runtime.segment.SegmentTracker;
import io.parapipe.protocol.para.runtime.segment.SegmentUpdate;
import io.parapipe.protocol.para.runtime.segment.UnincludedSegment;
import io.parapipe.protocol.para.runtime.segment.UsedBandwidth;
import io.parapipe.protocol.primitives.CandidateCommitments;
import io.parapipe.protocol.primitives.ClaimQueueOffset;
import io.parapipe.protocol.primitives.CoreSelector;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.OutboundHrmpMessage;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.primitives.ScaleWriter;
import io.parapipe.protocol.primitives.UmpSignal;
import io.parapipe.protocol.primitives.Weight;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Executes para blocks: {@code executeBlock(parent, inputs)} runs the FRAME order of the
 * modelled pallets on the parent's state and answers the new state or the first
 * {@link RuntimePanic}, and {@link #canBuildUpon} answers {@code AuraUnincludedSegmentApi}.
 *
 * <p>Order (the first failing rule wins):
 * <ol>
 *   <li>{@code on_initialize}: parachain-system fills the newest segment ancestor's head hash with
 *       the parent hash; {@code pallet_aura} checks the pre-digest slot ("Slot must increase" /
 *       "Slot must not decrease"), sets {@code CurrentSlot}, rejects a disabled author; aura-ext
 *       (H1 only) tracks {@code SlotInfo} ("slot moved backwards");
 *   <li>{@code set_validation_data}: {@code CheckAssociatedRelayNumber}; proof root check
 *       ("Invalid relay chain state proof"); {@code ConsensusHook::on_state_proof};
 *       {@code maybe_drop_included_ancestors} with the capacity assertion;
 *   <li>{@code pallet_timestamp::set}: the {@code MinimumPeriod} rule, then Aura's
 *       {@code on_timestamp_set} ("Timestamp slot must match `CurrentSlot`");
 *   <li>transactions: the block's weight (capped at {@code MAXIMUM_BLOCK_WEIGHT}) and the
 *       messages it queues;
 *   <li>{@code on_finalize}: {@code LastRelayChainBlockNumber}, UMP and HRMP sending within the
 *       segment-adjusted budget, the {@code SelectCore} signal from a {@code CoreInfo} digest
 *       ({@link ParachainRuntimeConfig#selectCoreSignal()}), and the segment tracker append
 *       ("unincluded segment limits exceeded: ...").
 * </ol>
 */
public final class ParachainRuntime {
  private ParachainRuntime() {}

  /**
   * Executes one para block on {@code parent}'s state, with the runtime configuration in force at
   * the parent.
   *
   * @return {@link BuiltBlock} with the child's state, or the {@link RuntimePanic}
   */
  public static BlockOutcome executeBlock(ParachainState parent, BlockInputs in) {
    try {
      return new BuiltBlock(execute(parent, in));
    } catch (RuntimePanicException e) {
      return e.panic();
    }
  }

  /**
   * {@code AuraUnincludedSegmentApi::can_build_upon(included_hash, slot)} called at
   * {@code parent}: the hook's rule over the parent's aura-ext storage and
   * {@code unincluded_segment_size_after(included_hash)}. The slot is a para slot for API v1 and a
   * relay slot for API v2 (see {@link ParachainRuntimeConfig#unincludedSegmentApiVersion()}).
   */
  public static boolean canBuildUpon(ParachainState parent, Hash includedHash, long slot) {
    return parent.config().hook().canBuildUpon(
        parent.auraExt(), unincludedSegmentSizeAfter(parent, includedHash), slot);
  }

  /**
   * {@code Pallet::unincluded_segment_size_after(included_hash)} at {@code state}. The state's own
   * block has no head hash in the segment yet, so passing its own hash yields the full length.
   */
  public static int unincludedSegmentSizeAfter(ParachainState state, Hash includedHash) {
    return state.unincludedSegment().sizeAfterIncluded(includedHash);
  }

  private static ParachainState execute(ParachainState parent, BlockInputs in) {
    ParachainRuntimeConfig cfg = parent.config();
    Hash parentHash = parent.headHash();
    int number = parent.blockNumber() + 1;

    // ---- on_initialize: parachain-system
    UnincludedSegment segment = parent.unincludedSegment().withLastHeadHash(parentHash);
    Optional<SegmentTracker> aggregate = parent.aggregatedUnincludedSegment();

    // ---- on_initialize: pallet_aura
    long newSlot = in.paraSlot();
    long current = parent.currentSlot();
    if (cfg.allowMultipleBlocksPerSlot()) {
      if (Long.compareUnsigned(current, newSlot) > 0) {
        throw RuntimePanicException.of(PanicMessages.SLOT_MUST_NOT_DECREASE);
      }
    } else if (Long.compareUnsigned(current, newSlot) >= 0) {
      throw RuntimePanicException.of(PanicMessages.SLOT_MUST_INCREASE);
    }
    long currentSlot = newSlot;
    if (in.authorDisabled()) {
      int index = Slots.authorIndex(newSlot, parent.authoritiesCount());
      throw RuntimePanicException.of(PanicMessages.VALIDATOR_WITH_INDEX + index + PanicMessages.IS_DISABLED);
    }

    // ---- on_initialize: aura-ext (H1 tracks the para slot here)
    AuraExtState auraExt = parent.auraExt();
    if (cfg.auraExtRevision() == AuraExtRevision.H1) {
      auraExt = FixedVelocityConsensusHook.onInitializeH1(auraExt, currentSlot);
    }

    // ---- inherent: parachain-system set_validation_data
    int rpNumber = in.relayParentNumber();
    Optional<RuntimePanic> relay = cfg.relayNumberPolicy().check(rpNumber, parent.lastRelayChainBlockNumber());
    if (relay.isPresent()) {
      throw relay.get().toException();
    }
    RelayChainStateProof proof = in.proof();
    if (!proof.storageRoot().equals(in.relayParentStorageRoot())) {
      throw RuntimePanicException.of(PanicMessages.INVALID_RELAY_CHAIN_STATE_PROOF);
    }
    HookOutcome hook = cfg.hook().onStateProof(proof.relaySlot(), currentSlot, cfg.auraSlotDurationMs(), auraExt);
    auraExt = hook.auraExt();
    UnincludedSegmentCapacity capacity = hook.capacity();

    // maybe_drop_included_ancestors
    Hash includedHead;
    Optional<Hash> paraHead = proof.includedParaHead().map(h -> h.hash());
    if (paraHead.isPresent()) {
      includedHead = paraHead.get();
      if (capacity.expectingIncludedParent() && !includedHead.equals(parentHash)) {
        throw RuntimePanic.assertEqFailed(PanicMessages.EXPECTED_PARENT_INCLUDED,
            includedHead.toHex(), parentHash.toHex()).toException();
      }
    } else if (capacity.expectingIncludedParent()) {
      includedHead = parentHash;
    } else {
      throw RuntimePanicException.of(PanicMessages.INCLUDED_HEAD_NOT_PRESENT);
    }
    int len = segment.size();
    int index = segment.indexOfHeadHash(includedHead);
    int dropped = index + 1;
    if (dropped > 0) {
      SegmentTracker tracker = aggregate.orElseThrow(() -> new IllegalStateException(
          "dropped part of the segment wasn't empty, hence value exists; qed"));
      for (int i = 0; i < dropped; i++) {
        tracker = tracker.subtract(segment.ancestors().get(i));
      }
      aggregate = Optional.of(tracker);
      segment = segment.dropOldest(dropped);
    }
    int newLen = len - dropped;
    if (newLen >= capacity.value()) {
      throw RuntimePanicException.of(cfg.parachainSystemRevision().noSpaceLeft(newLen, capacity.value()));
    }
    // No inbound HRMP is modelled: the watermark is the relay parent number.
    int hrmpWatermark = rpNumber;

    // ---- inherent: pallet_timestamp::set, then pallet_aura::on_timestamp_set
    long prev = parent.timestampNow();
    long now = in.timestampMs();
    if (!(prev == 0 || Long.compareUnsigned(now, prev + cfg.minimumPeriodMs()) >= 0)) {
      throw RuntimePanicException.of(PanicMessages.TIMESTAMP_MINIMUM_PERIOD);
    }
    long timestampSlot = Slots.fromTimestamp(now, cfg.auraSlotDurationMs());
    if (currentSlot != timestampSlot) {
      throw RuntimePanic.assertEqFailed(PanicMessages.TIMESTAMP_SLOT_MUST_MATCH,
          Slots.debug(currentSlot), Slots.debug(timestampSlot)).toException();
    }

    // ---- transactions
    Weight consumed = new Weight(
        Math.min(in.consumedWeight().refTime(), cfg.maximumBlockRefTime()), in.consumedWeight().proofSize());
    List<byte[]> pendingUmp = new ArrayList<>(parent.pendingUpwardMessages());
    pendingUmp.addAll(in.upwardMessages());
    List<OutboundHrmpMessage> pendingHrmp = new ArrayList<>(parent.pendingHorizontalMessages());
    pendingHrmp.addAll(in.horizontalMessages());

    // ---- on_finalize: parachain-system
    int lastRelayChainBlockNumber = rpNumber;
    OutboundBandwidthLimits totalBandwidthOut =
        OutboundBandwidthLimits.fromRelayChainState(proof.messagingState());
    MessagingStateSnapshot adjusted = proof.messagingState().adjustedBy(
        aggregate.map(SegmentTracker::usedBandwidth).orElse(UsedBandwidth.EMPTY));

    // UMP: the longest prefix of the queue within count and size.
    long availableCapacity = Math.min(adjusted.umpRemainingCount(),
        Integer.toUnsignedLong(proof.maxUpwardMessageNumPerCandidate()));
    long availableSize = adjusted.umpRemainingSize();
    int taken = 0;
    long takenBytes = 0;
    for (byte[] m : pendingUmp) {
      long c = taken + 1L;
      long s = takenBytes + m.length;
      if (c > availableCapacity || s > availableSize) {
        break;
      }
      taken++;
      takenBytes = s;
    }
    List<byte[]> upward = List.copyOf(pendingUmp.subList(0, taken));
    if (cfg.selectCoreSignal() && in.coreInfo().isPresent()) {
      // send_ump_signals (parachain-system, 2025): the CoreInfo pre-digest becomes the block's
      // SelectCore commitment after the separator. Signals are not messages: the bandwidth used
      // above counts only what precedes the separator.
      DigestItem.CumulusCoreInfo info = in.coreInfo().get();
      List<byte[]> withSignals = new ArrayList<>(upward.size() + 2);
      withSignals.addAll(upward);
      withSignals.add(CandidateCommitments.UMP_SEPARATOR);
      withSignals.add(new UmpSignal.SelectCore(new CoreSelector(info.selector()),
          new ClaimQueueOffset(info.claimQueueOffset())).encode());
      upward = List.copyOf(withSignals);
    }
    List<byte[]> remainingUmp = List.copyOf(pendingUmp.subList(taken, pendingUmp.size()));

    // HRMP: a simplified XCMP queue (one message per channel per block, FIFO per channel).
    int maximumChannels = proof.hrmpMaxMessageNumPerCandidate();
    List<OutboundHrmpMessage> sent = new ArrayList<>();
    List<OutboundHrmpMessage> remainingHrmp = new ArrayList<>();
    Set<ParaId> seen = new HashSet<>();
    TreeMap<ParaId, HrmpChannelUpdate> hrmpUsed = new TreeMap<>();
    for (OutboundHrmpMessage m : pendingHrmp) {
      boolean first = seen.add(m.recipient());
      AbridgedHrmpChannel ch = adjusted.egressChannels().get(m.recipient());
      boolean send = first && sent.size() < maximumChannels && ch != null
          && ch.msgCount() + 1 <= ch.maxCapacity()
          && m.data().length <= ch.maxMessageSize()
          && m.data().length <= ch.maxTotalSize() - ch.totalSize();
      if (send) {
        sent.add(m);
        hrmpUsed.put(m.recipient(), new HrmpChannelUpdate(1, m.data().length));
      } else {
        remainingHrmp.add(m);
      }
    }
    sent.sort(Comparator.comparing(OutboundHrmpMessage::recipient));

    Ancestor ancestor = Ancestor.newUnchecked(
        new UsedBandwidth(taken, takenBytes, hrmpUsed), Optional.empty());
    SegmentUpdate<SegmentTracker> appended = aggregate.orElse(SegmentTracker.EMPTY).append(
        ancestor, HrmpWatermarkUpdate.of(hrmpWatermark, rpNumber), totalBandwidthOut);
    if (appended instanceof SegmentUpdate.Rejected<SegmentTracker> r) {
      throw RuntimePanicException.of(PanicMessages.SEGMENT_LIMITS_EXCEEDED + ": " + r.error().debug());
    }
    aggregate = Optional.of(((SegmentUpdate.Accepted<SegmentTracker>) appended).value());
    segment = segment.append(ancestor);

    // ---- header
    List<DigestItem> digest = new ArrayList<>(4);
    digest.add(new DigestItem.AuraPreDigest(currentSlot));
    in.coreInfo().ifPresent(digest::add);
    digest.add(new DigestItem.CumulusRelayParent(in.relayParentHash()));
    digest.add(new DigestItem.RelayParentStorageRoot(in.relayParentStorageRoot(), rpNumber));
    ScaleWriter ex = new ScaleWriter().u64(now).u32(rpNumber);
    in.relayParentHash().writeTo(ex);
    ex.u64(consumed.refTime()).u64(consumed.proofSize()).compact(upward.size()).compact(sent.size());
    ScaleWriter st = new ScaleWriter().u32(number).u64(currentSlot).u64(now).u32(lastRelayChainBlockNumber)
        .compact(segment.size());
    auraExt.relaySlotInfo().ifPresent(i -> st.u64(i.slot()).u32(i.authored()));
    auraExt.slotInfo().ifPresent(i -> st.u64(i.slot()).u32(i.authored()));
    ParaBlockHeader header = new ParaBlockHeader(parentHash, number, st.blake2b256(), ex.blake2b256(), digest);

    CandidateCommitments commitments = new CandidateCommitments(
        upward, List.copyOf(sent), Optional.empty(), header.headData(), 0, hrmpWatermark);
    ParachainRuntimeConfig childConfig = in.newRuntimeConfig().orElse(cfg);
    ParachainState child = new ParachainState(parent.paraId(), header, segment, aggregate,
        lastRelayChainBlockNumber, currentSlot, auraExt, now, parent.authoritiesCount(), cfg,
        remainingUmp, remainingHrmp, commitments, consumed);
    return childConfig == cfg ? child : child.withConfig(childConfig);
  }
}
