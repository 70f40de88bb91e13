package io.parapipe.protocol.para.node;

import io.parapipe.protocol.para.runtime.ParachainState;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.relay.node.chain.BlockTree;
import io.parapipe.protocol.relay.node.chain.RelayBlock;
import java.util.List;
import java.util.Objects;

/**
 * A collator node's configuration, built by name with {@link #builder()}.
 *
 * @param para the para
 * @param authorityIndex this collator's index among the para's Aura authorities
 * @param relayGenesis the relay genesis block
 * @param paraGenesis the para's genesis state
 * @param validatorNodes node id of each relay validator, by authority ({@code ValidatorId})
 * @param schedule settings and runtime over the run
 * @param speed collator hardware speed: ref_time it fills per second of authoring
 * @param executionFraction real execution time of a block as a fraction of its ref_time (importing
 *     a block built by another collator re-executes it)
 * @param relaySlotDurationMs the relay chain's slot duration
 * @param timeOriginMs wall-clock time (milliseconds since the Unix epoch) at simulated time 0,
 *     which the slot-based collator's slot timer reads; relay slot {@code s} starts at
 *     {@code s × relaySlotDurationMs} on that clock, as BABE slots do
 * @param misbehaviour what this collator does wrong, if anything (slot-based only)
 * @param syncPeers the sync peers (node ids) of this collator's relay-chain node, over which relay
 *     blocks propagate by announcement and request; empty: relay blocks reach it by broadcast
 * @param keptBelowBest how many relay blocks below its best relay block, and para blocks below its
 *     best para block, this collator keeps, as Substrate's {@code --state-pruning}
 */
public record CollatorConfig(
    ParaId para,
    int authorityIndex,
    RelayBlock relayGenesis,
    ParachainState paraGenesis,
    List<Integer> validatorNodes,
    CollatorSchedule schedule,
    double speed,
    double executionFraction,
    long relaySlotDurationMs,
    long timeOriginMs,
    CollatorMisbehaviour misbehaviour,
    List<Integer> syncPeers,
    int keptBelowBest) {

  /** Copies the lists. */
  public CollatorConfig {
    syncPeers = List.copyOf(syncPeers);
  }
  /** An empty builder: every field must be set before {@link Builder#build()}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a configuration field by field; each field must be set before {@link #build()},
   * except {@code misbehaviour}, which defaults to {@link CollatorMisbehaviour#NONE}, and
   * {@code syncPeers} and {@code keptBelowBest}, which have defaults too.
   */
  public static final class Builder {
    private ParaId para;
    private Integer authorityIndex;
    private RelayBlock relayGenesis;
    private ParachainState paraGenesis;
    private List<Integer> validatorNodes;
    private CollatorSchedule schedule;
    private Double speed;
    private Double executionFraction;
    private Long relaySlotDurationMs;
    private Long timeOriginMs;
    private List<Integer> syncPeers = List.of();
    private CollatorMisbehaviour misbehaviour = CollatorMisbehaviour.NONE;
    private Integer keptBelowBest = BlockTree.KEPT_BELOW_FINALITY;

    private Builder() {}

    /** Sets {@link CollatorConfig#para()}. */
    public Builder para(ParaId v) {
      para = v;
      return this;
    }

    /** Sets {@link CollatorConfig#authorityIndex()}. */
    public Builder authorityIndex(int v) {
      authorityIndex = v;
      return this;
    }

    /** Sets {@link CollatorConfig#relayGenesis()}. */
    public Builder relayGenesis(RelayBlock v) {
      relayGenesis = v;
      return this;
    }

    /** Sets {@link CollatorConfig#paraGenesis()}. */
    public Builder paraGenesis(ParachainState v) {
      paraGenesis = v;
      return this;
    }

    /** Sets {@link CollatorConfig#validatorNodes()}. */
    public Builder validatorNodes(List<Integer> v) {
      validatorNodes = v;
      return this;
    }

    /** Sets {@link CollatorConfig#schedule()}. */
    public Builder schedule(CollatorSchedule v) {
      schedule = v;
      return this;
    }

    /** Sets {@link CollatorConfig#speed()}. */
    public Builder speed(double v) {
      speed = v;
      return this;
    }

    /** Sets {@link CollatorConfig#executionFraction()}. */
    public Builder executionFraction(double v) {
      executionFraction = v;
      return this;
    }

    /** Sets {@link CollatorConfig#relaySlotDurationMs()}. */
    public Builder relaySlotDurationMs(long v) {
      relaySlotDurationMs = v;
      return this;
    }

    /** Sets {@link CollatorConfig#timeOriginMs()}. */
    public Builder timeOriginMs(long v) {
      timeOriginMs = v;
      return this;
    }

    /** Sets {@link CollatorConfig#misbehaviour()}. */
    public Builder misbehaviour(CollatorMisbehaviour v) {
      misbehaviour = v;
      return this;
    }

    /** Sets {@link CollatorConfig#syncPeers()} (default: none, relay blocks come by broadcast). */
    public Builder syncPeers(List<Integer> v) {
      syncPeers = v;
      return this;
    }

    /**
     * Sets {@link CollatorConfig#keptBelowBest()} (default
     * {@value BlockTree#KEPT_BELOW_FINALITY}, as Substrate).
     */
    public Builder keptBelowBest(int v) {
      keptBelowBest = v;
      return this;
    }

    /**
     * The configuration.
     *
     * @throws NullPointerException naming a field that was never set
     */
    public CollatorConfig build() {
      return new CollatorConfig(
          set(para, "para"),
          set(authorityIndex, "authorityIndex"),
          set(relayGenesis, "relayGenesis"),
          set(paraGenesis, "paraGenesis"),
          set(validatorNodes, "validatorNodes"),
          set(schedule, "schedule"),
          set(speed, "speed"),
          set(executionFraction, "executionFraction"),
          set(relaySlotDurationMs, "relaySlotDurationMs"),
          set(timeOriginMs, "timeOriginMs"),
          set(misbehaviour, "misbehaviour"),
          set(syncPeers, "syncPeers"),
          set(keptBelowBest, "keptBelowBest"));
    }

    private static <T> T set(T value, String field) {
      return Objects.requireNonNull(value, field);
    }
  }
}
