package io.parapipe.protocol.para.runtime;

import io.parapipe.protocol.para.runtime.segment.SegmentTracker;
import io.parapipe.protocol.para.runtime.segment.UnincludedSegment;
import io.parapipe.protocol.primitives.CandidateCommitments;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.HeadData;
import io.parapipe.protocol.primitives.OutboundHrmpMessage;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.primitives.Weight;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The modelled para state after one para block: the block's header and commitments, and the
 * storage items the consensus rules read (parachain-system, aura, aura-ext, timestamp), plus the
 * runtime configuration in force for its children. Immutable; the simulation executes each para
 * block once and shares this object with every importer.
 *
 * <p>Ephemeral items that upstream kills at the start or end of every block
 * ({@code ValidationData}, {@code DidUpdate}, {@code HrmpWatermark}, ...) only live during
 * {@link ParachainRuntime#executeBlock}; at rest {@code DidUpdate} is always false.
 */
public final class ParachainState {
  private final ParaId paraId;
  private final ParaBlockHeader header;
  private final UnincludedSegment unincludedSegment;
  private final Optional<SegmentTracker> aggregatedUnincludedSegment;
  private final int lastRelayChainBlockNumber;
  private final long currentSlot;
  private final AuraExtState auraExt;
  private final long timestampNow;
  private final int authoritiesCount;
  private final ParachainRuntimeConfig config;
  private final List<byte[]> pendingUpwardMessages;
  private final List<OutboundHrmpMessage> pendingHorizontalMessages;
  private final CandidateCommitments commitments;
  private final Weight consumedWeight;

  ParachainState(ParaId paraId, ParaBlockHeader header, UnincludedSegment unincludedSegment,
      Optional<SegmentTracker> aggregatedUnincludedSegment, int lastRelayChainBlockNumber,
      long currentSlot, AuraExtState auraExt, long timestampNow, int authoritiesCount,
      ParachainRuntimeConfig config, List<byte[]> pendingUpwardMessages,
      List<OutboundHrmpMessage> pendingHorizontalMessages, CandidateCommitments commitments,
      Weight consumedWeight) {
    this.paraId = Objects.requireNonNull(paraId);
    this.header = Objects.requireNonNull(header);
    this.unincludedSegment = Objects.requireNonNull(unincludedSegment);
    this.aggregatedUnincludedSegment = Objects.requireNonNull(aggregatedUnincludedSegment);
    this.lastRelayChainBlockNumber = lastRelayChainBlockNumber;
    this.currentSlot = currentSlot;
    this.auraExt = Objects.requireNonNull(auraExt);
    this.timestampNow = timestampNow;
    if (authoritiesCount < 1) {
      throw new IllegalArgumentException("Aura needs at least one authority");
    }
    this.authoritiesCount = authoritiesCount;
    this.config = Objects.requireNonNull(config);
    this.pendingUpwardMessages = List.copyOf(pendingUpwardMessages);
    this.pendingHorizontalMessages = List.copyOf(pendingHorizontalMessages);
    this.commitments = Objects.requireNonNull(commitments);
    this.consumedWeight = Objects.requireNonNull(consumedWeight);
  }

  /**
   * The genesis state: {@link ParaBlockHeader#genesis} as head, empty segment, no aggregate,
   * {@code LastRelayChainBlockNumber = 0}, {@code CurrentSlot = 0}, {@code Now = 0}.
   *
   * @param paraId the para
   * @param config the runtime configuration at genesis
   * @param authoritiesCount the number of Aura authorities (collators), at least 1
   */
  public static ParachainState genesis(ParaId paraId, ParachainRuntimeConfig config, int authoritiesCount) {
    ParaBlockHeader h = ParaBlockHeader.genesis(paraId);
    return new ParachainState(paraId, h, UnincludedSegment.EMPTY, Optional.empty(), 0, 0,
        AuraExtState.EMPTY, 0, authoritiesCount, config, List.of(), List.of(),
        CandidateCommitments.ofHead(h.headData(), 0), Weight.ZERO);
  }

  /**
   * A copy whose children run with {@code newConfig}: how the simulation enacts a runtime upgrade
   * from some block on. Moving from H1 to H2/H3 applies aura-ext's {@code MigrateV0ToV1} (kills
   * {@code SlotInfo}); {@code CurrentSlot} is not migrated (as upstream without
   * {@code MigrateCurrentSlot}).
   */
  public ParachainState withConfig(ParachainRuntimeConfig newConfig) {
    AuraExtState ext = auraExt;
    if (config.auraExtRevision() == AuraExtRevision.H1 && newConfig.auraExtRevision() != AuraExtRevision.H1) {
      ext = ext.migrateV0ToV1();
    }
    return new ParachainState(paraId, header, unincludedSegment, aggregatedUnincludedSegment,
        lastRelayChainBlockNumber, currentSlot, ext, timestampNow, authoritiesCount, newConfig,
        pendingUpwardMessages, pendingHorizontalMessages, commitments, consumedWeight);
  }

  /** A copy with another Aura authority set size (a session change of the collator set). */
  public ParachainState withAuthoritiesCount(int n) {
    return new ParachainState(paraId, header, unincludedSegment, aggregatedUnincludedSegment,
        lastRelayChainBlockNumber, currentSlot, auraExt, timestampNow, n, config,
        pendingUpwardMessages, pendingHorizontalMessages, commitments, consumedWeight);
  }

  /** The para. */
  public ParaId paraId() {
    return paraId;
  }

  /** This block's header. */
  public ParaBlockHeader header() {
    return header;
  }

  /** This block's number. */
  public int blockNumber() {
    return header.number();
  }

  /** This block's head data (the encoded header). */
  public HeadData headData() {
    return header.headData();
  }

  /** This block's hash (= head data hash). */
  public Hash headHash() {
    return header.hash();
  }

  /**
   * {@code UnincludedSegment} after this block: this block is the newest ancestor, still without
   * its head hash (its child's {@code on_initialize} fills it in).
   */
  public UnincludedSegment unincludedSegment() {
    return unincludedSegment;
  }

  /** {@code AggregatedUnincludedSegment}. */
  public Optional<SegmentTracker> aggregatedUnincludedSegment() {
    return aggregatedUnincludedSegment;
  }

  /** {@code LastRelayChainBlockNumber}: this block's relay parent number (0 at genesis). */
  public int lastRelayChainBlockNumber() {
    return lastRelayChainBlockNumber;
  }

  /** {@code pallet_aura::CurrentSlot}: this block's para slot (0 at genesis). */
  public long currentSlot() {
    return currentSlot;
  }

  /** aura-ext {@code SlotInfo} / {@code RelaySlotInfo}. */
  public AuraExtState auraExt() {
    return auraExt;
  }

  /** {@code pallet_timestamp::Now} in milliseconds (0 at genesis). */
  public long timestampNow() {
    return timestampNow;
  }

  /** {@code pallet_timestamp::DidUpdate} at rest: always false (killed in {@code on_finalize}). */
  public boolean didUpdate() {
    return false;
  }

  /** The number of Aura authorities. */
  public int authoritiesCount() {
    return authoritiesCount;
  }

  /** The runtime configuration in force for blocks built on this one. */
  public ParachainRuntimeConfig config() {
    return config;
  }

  /** {@code PendingUpwardMessages}: UMP messages queued but not yet sent. */
  public List<byte[]> pendingUpwardMessages() {
    return pendingUpwardMessages;
  }

  /** HRMP messages queued in the XCMP queue but not yet sent. */
  public List<OutboundHrmpMessage> pendingHorizontalMessages() {
    return pendingHorizontalMessages;
  }

  /** The candidate commitments this block produces: head data, messages sent, HRMP watermark. */
  public CandidateCommitments commitments() {
    return commitments;
  }

  /** The weight the block consumed (at most {@code MAXIMUM_BLOCK_WEIGHT}). */
  public Weight consumedWeight() {
    return consumedWeight;
  }

  @Override
  public String toString() {
    return "ParachainState(" + header + ", segment " + unincludedSegment.size() + ", slot "
        + currentSlot + ", rp " + Integer.toUnsignedString(lastRelayChainBlockNumber) + ")";
  }
}
