package io.parapipe.sim.results;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.sim.Traffic;
import java.util.List;

/**
 * The results of one run, field for field the {@code parapipe.run/1} JSON documented in
 * docs/results-schema.md. Values are already rounded as the JSON shows them (milliseconds to
 * 0.1 ms), so a tool reading this model in process and one reading the JSON see the same figures.
 * Only {@link Kernel#wallMs()} and {@link Kernel#eventsPerSecond()} depend on the wall clock.
 *
 * @param schema always {@link ResultsJson#SCHEMA}
 * @param parapipeVersion the version that produced it
 * @param name scenario name
 * @param seed scenario seed
 * @param durationMs scenario duration
 * @param warnings what made the network dead in part or whole: findings in the scenario (see
 *     {@code ScenarioWarnings}), then what did not happen in the run (no relay block, a para
 *     without inclusions, no finality)
 * @param config the effective scenario ({@code Scenario.toJson()}); not to be modified
 * @param relay relay-chain figures
 * @param paras one entry per para, ascending ids
 * @param phases the run between its upgrade points, for each para; empty without upgrades
 * @param invariants the safety invariants checked from the run's events, and their violations
 * @param kernel simulation kernel figures
 */
public record RunResult(
    String schema,
    String parapipeVersion,
    String name,
    long seed,
    double durationMs,
    List<String> warnings,
    ObjectNode config,
    Relay relay,
    List<Para> paras,
    List<Phase> phases,
    Invariants invariants,
    Kernel kernel) {

  /** Copies the lists and the configuration, so the result is not changed from outside. */
  public RunResult {
    warnings = List.copyOf(warnings);
    config = config.deepCopy();
    paras = List.copyOf(paras);
    phases = List.copyOf(phases);
  }

  /** The result for one para id, or null if the run had no such para. */
  public Para para(int id) {
    for (Para p : paras) {
      if (p.id() == id) {
        return p;
      }
    }
    return null;
  }

  /**
   * Relay-chain figures.
   *
   * @param blocks blocks on the final best chain, genesis excluded
   * @param authored blocks authored on all forks
   * @param forks authored blocks that are not on the final best chain
   * @param missedSlots slots of the run with no best-chain block
   * @param finalized number of the highest best-chain block a supermajority finalized (0: none)
   * @param meanBlockTimeMs mean gap between consecutive best-chain blocks (0 with fewer than 2)
   * @param blockTimeAtNodesMs gaps between consecutive best-chain blocks as each validator
   *     imported them (the author: when it sealed its block), over all validators: the block time
   *     a node's user sees, while {@code meanBlockTimeMs} counts from the authors' seals
   * @param blockPropagationMs from a relay block's seal to its import at each other validator,
   *     pooled over every authored block and validator that imported it: the time one block takes
   *     to reach a node over the network, with every hop's transfer and execution
   * @param validatorUploadMbits the bytes each validator's node sent, averaged over the run, over
   *     the validators
   * @param validatorDownloadMbits the bytes sent to each validator's node, likewise
   * @param finalityLagMs authoring of a best-chain block to its supermajority finality
   * @param sessions sessions the best chain spans
   * @param unfinalizedTail best-chain blocks above the finalized block at the end of the run
   * @param finalityStalls windows in which finality fell more than
   *     {@link #STALL_BLOCKS} blocks behind the best chain, in time order
   * @param chain the final best chain, ascending numbers
   * @param eraPoints era points the runtime awarded along the final best chain, by validator
   *     index: 20 per authored block, 20 per backer of each included candidate
   */
  public record Relay(
      int blocks,
      int authored,
      int forks,
      int missedSlots,
      int finalized,
      double meanBlockTimeMs,
      Spread blockTimeAtNodesMs,
      Spread blockPropagationMs,
      Bandwidth validatorUploadMbits,
      Bandwidth validatorDownloadMbits,
      Distribution finalityLagMs,
      int sessions,
      int unfinalizedTail,
      List<Stall> finalityStalls,
      List<ChainBlock> chain,
      List<Integer> eraPoints) {
    /** A finality stall is more than this many best-chain blocks without finality (1 min of 6 s slots). */
    public static final int STALL_BLOCKS = 10;

    /** Copies the lists. */
    public Relay {
      finalityStalls = List.copyOf(finalityStalls);
      chain = List.copyOf(chain);
      eraPoints = List.copyOf(eraPoints);
    }
  }

  /**
   * A window in which finality fell more than {@link Relay#STALL_BLOCKS} blocks behind: from the
   * authoring of the block that made the gap too wide to the moment finality came back within it.
   *
   * @param fromBlock the best-chain block whose authoring opened the window
   * @param finalizedAtStart the highest finalized block number when it opened
   * @param startMs when it opened
   * @param endMs when finality came back within {@code STALL_BLOCKS}; null if it never did before
   *     the end of the run
   */
  public record Stall(int fromBlock, int finalizedAtStart, double startMs, Double endMs) {}

  /**
   * The safety invariants of a run ({@link InvariantMonitor}).
   *
   * @param checked the invariants' names
   * @param violations what broke them; empty in a correct run
   */
  public record Invariants(List<String> checked, List<Violation> violations) {
    /** Copies the lists. */
    public Invariants {
      checked = List.copyOf(checked);
      violations = List.copyOf(violations);
    }
  }

  /**
   * One broken invariant.
   *
   * @param name the invariant
   * @param relayBlock the relay block number where it broke
   * @param detail what was seen
   */
  public record Violation(String name, int relayBlock, String detail) {}

  /**
   * A block of the final best relay chain.
   *
   * @param number block number
   * @param hash block hash
   * @param slot BABE slot
   * @param author node id of the authoring validator
   * @param authoredAtMs virtual time of authoring
   * @param finalizedAtMs when a supermajority had finalized it or a descendant; null if never
   */
  public record ChainBlock(
      int number, Hash hash, long slot, int author, double authoredAtMs, Double finalizedAtMs) {}

  /**
   * Figures of one para.
   *
   * @param id para id
   * @param backing {@code "async"} if the final host configuration has max_candidate_depth > 0,
   *     else {@code "sync"}
   * @param collator collator kind at the end of the run
   * @param authored para blocks built, all collators and forks
   * @param backed CandidateBacked events in best-chain relay blocks
   * @param included CandidateIncluded events in best-chain relay blocks
   * @param timedOut CandidateTimedOut events in best-chain relay blocks
   * @param inclusionIntervalMs gaps between consecutive inclusions
   * @param inclusionIntervalAtNodesMs gaps between consecutive inclusions as each validator
   *     imported the including relay blocks, over all validators
   * @param inclusionLatencyMs authoring start of a block to the authoring of the relay block that
   *     included it
   * @param authoringMs time spent building each authored block
   * @param authoringBudgetMs the collator's authoring_duration at the end of the run
   * @param refTimeIncludedPs sum of ref_time of included blocks, picoseconds
   * @param blockspaceMsPerMinute included ref_time in ms per minute of run
   * @param povBytesIncluded sum of PoV sizes of included blocks
   * @param unincludedSegment segment lengths of included blocks
   * @param panics runtime panics, in time order
   * @param panicGroups the panics grouped by message ({@link PanicGroups}), first group first
   * @param rejections collations and candidates validators refused, by subsystem then reason
   * @param candidates candidates seen on the best chain, by para block number then hash
   */
  public record Para(
      int id,
      String backing,
      String collator,
      int authored,
      int backed,
      int included,
      int timedOut,
      Distribution inclusionIntervalMs,
      Spread inclusionIntervalAtNodesMs,
      Distribution inclusionLatencyMs,
      Distribution authoringMs,
      double authoringBudgetMs,
      long refTimeIncludedPs,
      double blockspaceMsPerMinute,
      long povBytesIncluded,
      Segment unincludedSegment,
      List<Panic> panics,
      List<PanicGroup> panicGroups,
      List<Rejection> rejections,
      List<Candidate> candidates) {
    /** Copies the lists. */
    public Para {
      panics = List.copyOf(panics);
      panicGroups = List.copyOf(panicGroups);
      rejections = List.copyOf(rejections);
      candidates = List.copyOf(candidates);
    }
  }

  /**
   * Validators refused a para's collations or found its candidates invalid, for one reason.
   *
   * @param subsystem {@code collator-protocol} or {@code candidate-validation}
   * @param reason upstream's error, as Rust's {@code Debug} prints it
   * @param candidates distinct candidates refused for it
   * @param reports refusals over all validators (each backer of the core decides on its own)
   */
  public record Rejection(String subsystem, String reason, int candidates, int reports) {}

  /**
   * The parachain runtime's unincluded segment as seen by included blocks.
   *
   * @param mean mean segment length, rounded to 0.01
   * @param max largest segment length
   * @param series one point per included block, in para block order
   */
  public record Segment(double mean, int max, List<SegmentPoint> series) {
    /** Copies the series. */
    public Segment {
      series = List.copyOf(series);
    }
  }

  /**
   * One included para block's view of the unincluded segment.
   *
   * @param relayParent relay parent number of the block
   * @param length runtime segment length after the block
   */
  public record SegmentPoint(int relayParent, int length) {}

  /**
   * A runtime panic while a collator built a block.
   *
   * @param atMs virtual time
   * @param collator node id of the collator
   * @param paraBlock number of the block being built
   * @param message the exact upstream panic message
   */
  public record Panic(double atMs, int collator, int paraBlock, String message) {}

  /**
   * The panics of a para that share a message, once hashes and asserted values are set aside.
   *
   * @param message the shared message, with {@code 0x...} for hashes and {@code ...} for the
   *     values of a failed {@code assert_eq!}
   * @param count how many panics
   * @param firstRelayBlock the best-chain relay block that was the newest at the first panic (0
   *     before block 1)
   * @param lastRelayBlock the same at the last panic
   * @param firstAtMs virtual time of the first panic
   * @param lastAtMs virtual time of the last panic
   * @param example the exact message of the first panic
   */
  public record PanicGroup(String message, int count, int firstRelayBlock, int lastRelayBlock,
      double firstAtMs, double lastAtMs, String example) {}

  /**
   * A candidate that appears in a best-chain CandidateBacked, CandidateIncluded or
   * CandidateTimedOut event. The authoring fields are null if no ParaBlockAuthored event named
   * the candidate (which a correct simulation never produces).
   *
   * @param hash candidate hash
   * @param paraBlock para block number
   * @param parentParaBlock parent para block number
   * @param relayParent relay parent number
   * @param author node id of the collator that built it
   * @param authoredAtMs when the block was sealed
   * @param authoringMs time spent building it
   * @param refTimePs ref_time used
   * @param povSize PoV size in bytes
   * @param backedIn number of the (last) best-chain relay block that backed it, or null
   * @param includedIn number of the best-chain relay block that included it, or null
   * @param timedOutIn number of the (last) best-chain relay block that timed it out, or null
   * @param core the core it occupied (from the backing event, else inclusion, else time-out)
   */
  public record Candidate(
      Hash hash,
      Integer paraBlock,
      Integer parentParaBlock,
      Integer relayParent,
      Integer author,
      Double authoredAtMs,
      Double authoringMs,
      Long refTimePs,
      Integer povSize,
      Integer backedIn,
      Integer includedIn,
      Integer timedOutIn,
      int core) {}

  /**
   * The run between two upgrade points: from the start or an upgrade point up to the block before
   * the next point, or to the end of the run.
   *
   * @param fromRelayBlock first best-chain relay block of the phase
   * @param toRelayBlock last best-chain relay block of the phase
   * @param fromMs start of the phase: the authoring time of its first block (0 for the first
   *     phase)
   * @param toMs end of the phase: the authoring time of the next phase's first block, or the end
   *     of the run
   * @param upgrades indices into the scenario's {@code [[upgrades]]} whose point starts the phase
   * @param paras each para's figures in the phase, ascending ids
   */
  public record Phase(int fromRelayBlock, int toRelayBlock, double fromMs, double toMs,
      List<Integer> upgrades, List<PhasePara> paras) {
    /** Copies the lists. */
    public Phase {
      upgrades = List.copyOf(upgrades);
      paras = List.copyOf(paras);
    }
  }

  /**
   * One para's figures in one phase.
   *
   * @param id para id
   * @param included inclusions in the phase's relay blocks
   * @param inclusionIntervalMs gaps between consecutive inclusions that both fall in the phase
   * @param refTimeIncludedPs ref_time of the blocks included in the phase, picoseconds
   * @param blockspaceMsPerMinute that ref_time in ms per minute of the phase
   * @param panics runtime panics while the phase's relay blocks were the newest
   */
  public record PhasePara(int id, int included, Distribution inclusionIntervalMs,
      long refTimeIncludedPs, double blockspaceMsPerMinute, int panics) {}

  /**
   * Kernel figures.
   *
   * @param events kernel events processed (message deliveries and timers)
   * @param transfers messages put on the network, one per receiver: sends, receivers of
   *     broadcasts and posts, hops of relayed posts, requests and answers of drawn exchanges
   * @param transferBytes their bytes
   * @param traffic the transfers by message type, in name order
   * @param wallMs wall-clock time of the run (not deterministic)
   * @param eventsPerSecond events per wall-clock second, rounded to 0.1 (not deterministic)
   */
  public record Kernel(long events, long transfers, long transferBytes, List<Traffic> traffic,
      long wallMs, double eventsPerSecond) {
    /** Copies the list. */
    public Kernel {
      traffic = List.copyOf(traffic);
    }
  }
}
