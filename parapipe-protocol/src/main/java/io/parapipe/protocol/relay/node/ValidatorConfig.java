package io.parapipe.protocol.relay.node;

import io.parapipe.protocol.relay.node.validation.PvfArtifactKey;
import io.parapipe.protocol.relay.node.chain.RelayBlock;
import io.parapipe.protocol.relay.node.approval.ApprovalDistribution;
import io.parapipe.protocol.relay.node.approval.NoShowCover;
import io.parapipe.protocol.relay.node.chain.BlockTree;
import io.parapipe.protocol.relay.node.prospective.ProspectiveChainsMode;
import io.parapipe.protocol.relay.node.prospective.SharedChainBases;
import io.parapipe.protocol.relay.runtime.configuration.ConfigUpdate;
import java.util.List;
import java.util.Objects;

/**
 * A relay validator node's configuration, built by name with {@link #builder()}.
 *
 * @param authority this validator's authority index ({@code ValidatorId})
 * @param authorityNodes node id of every authority
 * @param genesis the relay genesis block
 * @param epochRandomness the shared randomness of the BABE-like lottery and approval assignments
 * @param slotDurationMicros relay slot duration
 * @param firstSlot the BABE slot that starts at time {@code slotDurationMicros}; slot numbers, like
 *     real ones derived from Unix time, are large
 * @param primaryProbability BABE's {@code c}, the chance that a slot has a primary claim
 * @param secondarySlots whether BABE secondary slots are allowed
 * @param missedSlotProbability chance that a slot's claimant fails to author it
 * @param forkProbability chance that one more, out-of-turn validator authors a slot
 * @param pvfPrepareMicros how long preparing (compiling) one PVF takes on reference hardware
 * @param pvfArtifactKey which executor parameters a compiled PVF artifact depends on (the
 *     execution timeouts themselves are the session's, in its host configuration)
 * @param bitfieldSigningDelayMicros wait after a new leaf before signing a bitfield
 * @param pvfWorkers parallel PVF execute workers
 * @param speed hardware speed relative to reference hardware
 * @param executionFraction real execution time as a fraction of ref_time
 * @param finalityRoundIntervalMicros minimum time between finality rounds
 * @param configChanges governance changes of the host configuration, by relay block number
 * @param prospectiveChains how prospective parachains keeps fragment chains (a cost model; the
 *     protocol's outcome is the same)
 * @param sharedChainBases where validators of one network share the chain bases they all build
 *     alike at each leaf (a cost model; {@link SharedChainBases#none()} shares nothing)
 * @param syncPeers this node's sync peers (node ids), over which relay blocks propagate by
 *     announcement and request ({@link io.parapipe.protocol.relay.node.chain.BlockSync}); empty:
 *     a block goes from its author to every relay-chain node in one broadcast
 * @param noShowCover how approval checking covers checkers that did not show up
 * @param approvalRandomRouting how many validators beyond the grid each validator sends an
 *     approval to when it first has it (upstream's {@code DEFAULT_RANDOM_CIRCULATION}, 4)
 * @param keptBelowFinality how many relay blocks below the finalized one this node keeps (and can
 *     send to a syncing peer), as Substrate's {@code --state-pruning}
 */
public record ValidatorConfig(
    int authority,
    List<Integer> authorityNodes,
    RelayBlock genesis,
    long epochRandomness,
    long slotDurationMicros,
    long firstSlot,
    double primaryProbability,
    boolean secondarySlots,
    double missedSlotProbability,
    double forkProbability,
    long pvfPrepareMicros,
    PvfArtifactKey pvfArtifactKey,
    long bitfieldSigningDelayMicros,
    int pvfWorkers,
    double speed,
    double executionFraction,
    long finalityRoundIntervalMicros,
    List<ConfigChange> configChanges,
    ProspectiveChainsMode prospectiveChains,
    SharedChainBases sharedChainBases,
    List<Integer> syncPeers,
    NoShowCover noShowCover,
    int approvalRandomRouting,
    int keptBelowFinality) {

  /** Copies the lists. */
  public ValidatorConfig {
    syncPeers = List.copyOf(syncPeers);
  }

  /**
   * A host-configuration change submitted in a given relay block (it takes effect at a later
   * session boundary, as the runtime schedules it).
   *
   * @param atRelayBlock the block that carries the change
   * @param update the change
   * @param description what changes, for traces
   */
  public record ConfigChange(int atRelayBlock, ConfigUpdate update, String description) {}

  /** An empty builder: every field must be set before {@link Builder#build()}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a configuration field by field; each field must be set before {@link #build()}.
   */
  public static final class Builder {
    private Integer authority;
    private List<Integer> authorityNodes;
    private RelayBlock genesis;
    private Long epochRandomness;
    private Long slotDurationMicros;
    private Long firstSlot;
    private Double primaryProbability = 0.25;
    private Boolean secondarySlots = true;
    private Double missedSlotProbability;
    private Double forkProbability;
    private Long pvfPrepareMicros;
    private PvfArtifactKey pvfArtifactKey;
    private Long bitfieldSigningDelayMicros;
    private Integer pvfWorkers;
    private Double speed;
    private Double executionFraction;
    private Long finalityRoundIntervalMicros;
    private List<ConfigChange> configChanges;
    private ProspectiveChainsMode prospectiveChains = ProspectiveChainsMode.EXACT;
    private SharedChainBases sharedChainBases = SharedChainBases.none();
    private List<Integer> syncPeers = List.of();
    private NoShowCover noShowCover = NoShowCover.TRANCHE;
    private Integer approvalRandomRouting = ApprovalDistribution.DEFAULT_RANDOM_ROUTING;
    private Integer keptBelowFinality = BlockTree.KEPT_BELOW_FINALITY;

    private Builder() {}

    /** Sets {@link ValidatorConfig#authority()}. */
    public Builder authority(int v) {
      authority = v;
      return this;
    }

    /** Sets {@link ValidatorConfig#authorityNodes()}. */
    public Builder authorityNodes(List<Integer> v) {
      authorityNodes = v;
      return this;
    }

    /** Sets {@link ValidatorConfig#genesis()}. */
    public Builder genesis(RelayBlock v) {
      genesis = v;
      return this;
    }

    /** Sets {@link ValidatorConfig#epochRandomness()}. */
    public Builder epochRandomness(long v) {
      epochRandomness = v;
      return this;
    }

    /** Sets {@link ValidatorConfig#slotDurationMicros()}. */
    public Builder slotDurationMicros(long v) {
      slotDurationMicros = v;
      return this;
    }

    /** Sets {@link ValidatorConfig#firstSlot()}. */
    public Builder firstSlot(long v) {
      firstSlot = v;
      return this;
    }

    /** Sets {@link ValidatorConfig#primaryProbability()} (default 1/4, as Polkadot). */
    public Builder primaryProbability(double v) {
      primaryProbability = v;
      return this;
    }

    /** Sets {@link ValidatorConfig#secondarySlots()} (default true, as Polkadot). */
    public Builder secondarySlots(boolean v) {
      secondarySlots = v;
      return this;
    }

    /** Sets {@link ValidatorConfig#missedSlotProbability()}. */
    public Builder missedSlotProbability(double v) {
      missedSlotProbability = v;
      return this;
    }

    /** Sets {@link ValidatorConfig#forkProbability()}. */
    public Builder forkProbability(double v) {
      forkProbability = v;
      return this;
    }

    /** Sets {@link ValidatorConfig#pvfPrepareMicros()}. */
    public Builder pvfPrepareMicros(long v) {
      pvfPrepareMicros = v;
      return this;
    }

    /** Sets {@link ValidatorConfig#pvfArtifactKey()}. */
    public Builder pvfArtifactKey(PvfArtifactKey v) {
      pvfArtifactKey = v;
      return this;
    }

    /** Sets {@link ValidatorConfig#bitfieldSigningDelayMicros()}. */
    public Builder bitfieldSigningDelayMicros(long v) {
      bitfieldSigningDelayMicros = v;
      return this;
    }

    /** Sets {@link ValidatorConfig#pvfWorkers()}. */
    public Builder pvfWorkers(int v) {
      pvfWorkers = v;
      return this;
    }

    /** Sets {@link ValidatorConfig#speed()}. */
    public Builder speed(double v) {
      speed = v;
      return this;
    }

    /** Sets {@link ValidatorConfig#executionFraction()}. */
    public Builder executionFraction(double v) {
      executionFraction = v;
      return this;
    }

    /** Sets {@link ValidatorConfig#finalityRoundIntervalMicros()}. */
    public Builder finalityRoundIntervalMicros(long v) {
      finalityRoundIntervalMicros = v;
      return this;
    }

    /** Sets {@link ValidatorConfig#configChanges()}. */
    public Builder configChanges(List<ConfigChange> v) {
      configChanges = v;
      return this;
    }

    /** Sets {@link ValidatorConfig#prospectiveChains()} (default {@code EXACT}). */
    public Builder prospectiveChains(ProspectiveChainsMode v) {
      prospectiveChains = v;
      return this;
    }

    /** Sets {@link ValidatorConfig#sharedChainBases()} (default: no sharing). */
    public Builder sharedChainBases(SharedChainBases v) {
      sharedChainBases = v;
      return this;
    }

    /** Sets {@link ValidatorConfig#syncPeers()} (default: none, blocks are broadcast). */
    public Builder syncPeers(List<Integer> v) {
      syncPeers = v;
      return this;
    }

    /** Sets {@link ValidatorConfig#noShowCover()} (default {@code TRANCHE}). */
    public Builder noShowCover(NoShowCover v) {
      noShowCover = v;
      return this;
    }

    /**
     * Sets {@link ValidatorConfig#approvalRandomRouting()} (default {@value
     * ApprovalDistribution#DEFAULT_RANDOM_ROUTING}, as upstream).
     */
    public Builder approvalRandomRouting(int v) {
      approvalRandomRouting = v;
      return this;
    }

    /**
     * Sets {@link ValidatorConfig#keptBelowFinality()} (default
     * {@value BlockTree#KEPT_BELOW_FINALITY}, as Substrate).
     */
    public Builder keptBelowFinality(int v) {
      keptBelowFinality = v;
      return this;
    }

    /**
     * The configuration.
     *
     * @throws NullPointerException naming a field that was never set
     */
    public ValidatorConfig build() {
      return new ValidatorConfig(
          set(authority, "authority"),
          set(authorityNodes, "authorityNodes"),
          set(genesis, "genesis"),
          set(epochRandomness, "epochRandomness"),
          set(slotDurationMicros, "slotDurationMicros"),
          set(firstSlot, "firstSlot"),
          set(primaryProbability, "primaryProbability"),
          set(secondarySlots, "secondarySlots"),
          set(missedSlotProbability, "missedSlotProbability"),
          set(forkProbability, "forkProbability"),
          set(pvfPrepareMicros, "pvfPrepareMicros"),
          set(pvfArtifactKey, "pvfArtifactKey"),
          set(bitfieldSigningDelayMicros, "bitfieldSigningDelayMicros"),
          set(pvfWorkers, "pvfWorkers"),
          set(speed, "speed"),
          set(executionFraction, "executionFraction"),
          set(finalityRoundIntervalMicros, "finalityRoundIntervalMicros"),
          set(configChanges, "configChanges"),
          set(prospectiveChains, "prospectiveChains"),
          set(sharedChainBases, "sharedChainBases"),
          set(syncPeers, "syncPeers"),
          set(noShowCover, "noShowCover"),
          set(approvalRandomRouting, "approvalRandomRouting"),
          set(keptBelowFinality, "keptBelowFinality"));
    }

    private static <T> T set(T value, String field) {
      return Objects.requireNonNull(value, field);
    }
  }
}
