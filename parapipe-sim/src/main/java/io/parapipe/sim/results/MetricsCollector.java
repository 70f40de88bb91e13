package io.parapipe.sim.results;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parapipe.protocol.events.BlockFinalized;
import io.parapipe.protocol.events.CandidateBackedEvent;
import io.parapipe.protocol.events.CandidateIncludedEvent;
import io.parapipe.protocol.events.CandidateRejected;
import io.parapipe.protocol.events.CandidateTimedOutEvent;
import io.parapipe.protocol.events.ParaBlockAuthored;
import io.parapipe.protocol.events.RelayBlockAuthored;
import io.parapipe.protocol.events.RelayBlockImported;
import io.parapipe.protocol.events.RuntimePanicEvent;
import io.parapipe.protocol.para.collator.slotbased.SlotTimer;
import io.parapipe.protocol.host.ProtocolEvent;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.sim.EventObserver;
import io.parapipe.sim.SimulationSummary;
import io.parapipe.sim.scenario.ParaSpec;
import io.parapipe.sim.scenario.Scenario;
import io.parapipe.sim.scenario.ScenarioWarnings;
import io.parapipe.sim.scenario.UnitText;
import io.parapipe.sim.scenario.UpgradeSpec;
import io.parapipe.sim.scenario.Values;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Turns the event stream of one run into a {@link RunResult} (docs/results-schema.md defines every
 * figure). Register it as an {@link EventObserver} of the run, then call {@link #result} once with
 * the scenario and the kernel's summary.
 *
 * <p>A Polkadot-scale run emits tens of millions of events, so the collector keeps only what the
 * figures need: a small record per relay- and para-block authoring event and per runtime
 * candidate event (the fields the figures read, not the whole event), panics, for finality two
 * longs per {@code BlockFinalized} event, and one long per node and relay block for its first
 * import. Every other event (statements, chunks, bitfields,
 * approvals) is ignored without allocation. The hash maps
 * here are lookups only; nothing iterates them, so their order cannot reach the results.
 */
public final class MetricsCollector implements EventObserver {
  // Relay blocks in the order they were authored, with time and author beside them.
  private final Map<Hash, Integer> blockIndex = new HashMap<>();
  private final ArrayList<RelayBlockRecord> blocks = new ArrayList<>();
  private long[] blockTimes = new long[64];
  private int[] blockAuthors = new int[64];

  // RelayBlockImported: per relay block index, the time each node first imported it, by node id
  // (-1: not imported there). The author imports its block when it seals it.
  private long[][] importTimes = new long[64][];

  // Para blocks in the order they were authored, looked up by candidate hash.
  private final Map<Hash, Integer> paraBlockIndex = new HashMap<>();
  private final ArrayList<ParaBlockRecord> paraBlocks = new ArrayList<>();
  private long[] paraBlockTimes = new long[64];
  private int[] paraBlockAuthors = new int[64];

  // CandidateBacked / CandidateIncluded / CandidateTimedOut, in arrival order, all forks.
  private final ArrayList<CandidateEventRecord> runtimeEvents = new ArrayList<>();

  // What the figures read of the events kept to the end of the run, and no more: a record
  // holds the event's scalars and the hashes the report prints or looks up, not the hashes of
  // parents, heads or relay parents the event also names, so that what the collector keeps per
  // para block (about 1 KB as whole events) stays small over a long run.

  /** A relay block as authored: what the best chain, slots and the chain table need. */
  private record RelayBlockRecord(Hash hash, int number, long slot, Hash parent, boolean primary,
      int maxCandidateDepth) {
    static RelayBlockRecord of(RelayBlockAuthored b) {
      return new RelayBlockRecord(b.hash(), b.number(), b.slot(), b.parent(), b.primary(),
          b.maxCandidateDepth());
    }
  }

  /** A para block as authored: what the para's figures and the candidate table need. */
  private record ParaBlockRecord(int para, int paraBlock, int relayParent, long refTimePs,
      int povSize, long authoringUs, int segmentLength, String collator) {
    static ParaBlockRecord of(ParaBlockAuthored p) {
      return new ParaBlockRecord(p.para().value(), p.paraBlock(), p.relayParent(), p.refTimePs(),
          p.povSize(), p.authoringUs(), p.segmentLength(), p.collator());
    }
  }

  private static final byte BACKED = 0;
  private static final byte INCLUDED = 1;
  private static final byte TIMED_OUT = 2;

  /**
   * A runtime candidate event: backed, included (with the validator indices that backed it, for
   * era points) or timed out, in {@code block}.
   */
  private record CandidateEventRecord(byte kind, Hash block, Hash candidate, int para, int core,
      int[] backers) {
    static CandidateEventRecord of(ProtocolEvent e) {
      if (e instanceof CandidateBackedEvent b) {
        return new CandidateEventRecord(BACKED, b.block(), b.candidate(), b.para().value(),
            b.core().value(), null);
      }
      if (e instanceof CandidateIncludedEvent in) {
        int[] backers = new int[in.backers().size()];
        for (int i = 0; i < backers.length; i++) {
          backers[i] = in.backers().get(i);
        }
        return new CandidateEventRecord(INCLUDED, in.block(), in.candidate(), in.para().value(),
            in.core().value(), backers);
      }
      CandidateTimedOutEvent t = (CandidateTimedOutEvent) e;
      return new CandidateEventRecord(TIMED_OUT, t.block(), t.candidate(), t.para().value(),
          t.core().value(), null);
    }
  }

  private final ArrayList<RuntimePanicEvent> panics = new ArrayList<>();
  // Rejections: para → (subsystem, reason) → candidates; sorted, as they are reported in order.
  private final TreeMap<Integer, TreeMap<String, TreeMap<String, java.util.Set<Hash>>>> rejectedCandidates =
      new TreeMap<>();
  private final TreeMap<Integer, TreeMap<String, TreeMap<String, Integer>>> rejectionReports = new TreeMap<>();
  private long[] panicTimes = new long[16];
  private int[] panicNodes = new int[16];

  // BlockFinalized: time, and node << 32 | block index. Repeats of a node's last block dropped.
  private long[] finalTimes = new long[256];
  private long[] finalKeys = new long[256];
  private int finalCount;
  private int[] lastFinalizedByNode = new int[0]; // block index + 1; 0 = none yet

  private boolean done;

  /** An empty collector for one run. */
  public MetricsCollector() {}

  @Override
  public void onEvent(long timeMicros, int node, ProtocolEvent event) {
    if (event instanceof BlockFinalized f) {
      onFinalized(timeMicros, node, f);
    } else if (event instanceof CandidateBackedEvent
        || event instanceof CandidateIncludedEvent
        || event instanceof CandidateTimedOutEvent) {
      runtimeEvents.add(CandidateEventRecord.of(event));
    } else if (event instanceof RelayBlockAuthored b) {
      onRelayBlock(timeMicros, node, b);
    } else if (event instanceof ParaBlockAuthored p) {
      onParaBlock(timeMicros, node, p);
    } else if (event instanceof RelayBlockImported im) {
      onImported(timeMicros, node, im);
    } else if (event instanceof RuntimePanicEvent p) {
      int i = panics.size();
      if (i == panicTimes.length) {
        panicTimes = Arrays.copyOf(panicTimes, i * 2);
        panicNodes = Arrays.copyOf(panicNodes, i * 2);
      }
      panicTimes[i] = timeMicros;
      panicNodes[i] = node;
      panics.add(p);
    } else if (event instanceof CandidateRejected r) {
      int para = r.para().value();
      rejectedCandidates.computeIfAbsent(para, k -> new TreeMap<>())
          .computeIfAbsent(r.subsystem(), k -> new TreeMap<>())
          .computeIfAbsent(r.reason(), k -> new java.util.HashSet<>()).add(r.candidate());
      rejectionReports.computeIfAbsent(para, k -> new TreeMap<>())
          .computeIfAbsent(r.subsystem(), k -> new TreeMap<>()).merge(r.reason(), 1, Integer::sum);
    }
  }

  private void onRelayBlock(long time, int node, RelayBlockAuthored b) {
    int i = blocks.size();
    if (blockIndex.putIfAbsent(b.hash(), i) != null) {
      return; // the same block reported twice: keep the first
    }
    if (i == blockTimes.length) {
      blockTimes = Arrays.copyOf(blockTimes, i * 2);
      blockAuthors = Arrays.copyOf(blockAuthors, i * 2);
    }
    blockTimes[i] = time;
    blockAuthors[i] = node;
    blocks.add(RelayBlockRecord.of(b));
  }

  private void onImported(long time, int node, RelayBlockImported e) {
    Integer idx = blockIndex.get(e.hash());
    if (idx == null || node < 0) {
      return;
    }
    if (idx >= importTimes.length) {
      importTimes = Arrays.copyOf(importTimes, Math.max(idx + 1, importTimes.length * 2));
    }
    long[] t = importTimes[idx];
    if (t == null || node >= t.length) {
      int old = t == null ? 0 : t.length;
      t = t == null ? new long[Math.max(node + 1, 16)] : Arrays.copyOf(t, Math.max(node + 1, 2 * old));
      Arrays.fill(t, old, t.length, -1L);
      importTimes[idx] = t;
    }
    if (t[node] < 0) {
      t[node] = time;
    }
  }

  /** When {@code node} first imported the relay block of index {@code idx}, or -1. */
  private long importedAt(int idx, int node) {
    long[] t = idx < importTimes.length ? importTimes[idx] : null;
    return t == null || node >= t.length ? -1 : t[node];
  }

  /**
   * The gaps between consecutive blocks of {@code seq} (relay block indices in chain order) as
   * each of {@code nodes} imported them, pooled over the nodes; a pair a node did not import
   * both of is left out.
   */
  private Spread gapsAtNodes(int[] seq, int len, List<Integer> nodes) {
    if (len < 2 || nodes.isEmpty()) {
      return Spread.EMPTY;
    }
    long[] gaps = new long[(len - 1) * nodes.size()];
    int count = 0;
    for (int v : nodes) {
      for (int k = 1; k < len; k++) {
        long a = importedAt(seq[k - 1], v);
        long b = importedAt(seq[k], v);
        if (a >= 0 && b >= 0) {
          gaps[count++] = b - a;
        }
      }
    }
    return Spread.ofMicros(gaps, count);
  }

  /**
   * From each relay block's seal to its first import at each of {@code nodes} other than its
   * author, pooled over every authored block (all forks) and every node that imported it.
   */
  private Spread propagation(List<Integer> nodes) {
    int n = blocks.size();
    if (n == 0 || nodes.isEmpty()) {
      return Spread.EMPTY;
    }
    long[] delays = new long[n * nodes.size()];
    int count = 0;
    for (int i = 0; i < n; i++) {
      for (int v : nodes) {
        long at = importedAt(i, v);
        if (v != blockAuthors[i] && at >= 0) {
          delays[count++] = at - blockTimes[i];
        }
      }
    }
    return Spread.ofMicros(delays, count);
  }

  private void onParaBlock(long time, int node, ParaBlockAuthored p) {
    int i = paraBlocks.size();
    if (paraBlockIndex.putIfAbsent(p.candidate(), i) != null) {
      return;
    }
    if (i == paraBlockTimes.length) {
      paraBlockTimes = Arrays.copyOf(paraBlockTimes, i * 2);
      paraBlockAuthors = Arrays.copyOf(paraBlockAuthors, i * 2);
    }
    paraBlockTimes[i] = time;
    paraBlockAuthors[i] = node;
    paraBlocks.add(ParaBlockRecord.of(p));
  }

  private void onFinalized(long time, int node, BlockFinalized f) {
    Integer idx = blockIndex.get(f.hash());
    if (idx == null || node < 0) {
      return; // genesis, or a block nobody authored in this run
    }
    if (node >= lastFinalizedByNode.length) {
      lastFinalizedByNode = Arrays.copyOf(lastFinalizedByNode, Math.max(node + 1, 2 * lastFinalizedByNode.length));
    }
    if (lastFinalizedByNode[node] == idx + 1) {
      return;
    }
    lastFinalizedByNode[node] = idx + 1;
    if (finalCount == finalTimes.length) {
      finalTimes = Arrays.copyOf(finalTimes, finalCount * 2);
      finalKeys = Arrays.copyOf(finalKeys, finalCount * 2);
    }
    finalTimes[finalCount] = time;
    finalKeys[finalCount] = ((long) node << 32) | idx;
    finalCount++;
  }

  /**
   * Computes the results. Call once, after the run.
   *
   * @param scenario the scenario that ran (seed and duration as run)
   * @param summary the kernel's summary; if it lists no validator nodes, every node that
   *     finalized a block counts as a validator and {@code network.validators} is the set size
   */
  public RunResult result(Scenario scenario, SimulationSummary summary) {
    return result(scenario, summary, new RunResult.Invariants(List.of(), List.of()));
  }

  /**
   * The results of the run, with what an {@link InvariantMonitor} that watched the same events
   * found.
   */
  public RunResult result(Scenario scenario, SimulationSummary summary, RunResult.Invariants invariants) {
    if (done) {
      throw new IllegalStateException("result() was already called");
    }
    done = true;
    long runMicros = summary.endMicros() > 0 ? summary.endMicros() : scenario.durationMicros();

    // The final best chain by BABE's fork choice: most primary blocks, then highest number, ties
    // to the lowest hash, walked back to genesis. A parent is always authored before its child.
    int n = blocks.size();
    int[] parentIdx = new int[n];
    int[] weight = new int[n];
    int best = -1;
    for (int i = 0; i < n; i++) {
      RelayBlockRecord b = blocks.get(i);
      Integer p = blockIndex.get(b.parent());
      parentIdx[i] = p == null ? -1 : p;
      weight[i] = (p == null ? 0 : weight[p]) + (b.primary() ? 1 : 0);
      if (best < 0 || weight[i] > weight[best] || (weight[i] == weight[best]
          && (b.number() > blocks.get(best).number()
          || (b.number() == blocks.get(best).number() && b.hash().compareTo(blocks.get(best).hash()) < 0)))) {
        best = i;
      }
    }
    boolean[] onBest = new boolean[n];
    int chainLength = 0;
    for (int i = best; i >= 0; i = parentIdx[i]) {
      onBest[i] = true;
      chainLength++;
    }
    int[] chain = new int[chainLength];
    for (int i = best, k = chainLength - 1; i >= 0; i = parentIdx[i], k--) {
      chain[k] = i;
    }
    int tip = chainLength == 0 ? 0 : blocks.get(best).number();

    long[] finalizedAt = finalityTimes(scenario, summary, parentIdx);
    List<Integer> observers = summary.validatorNodes();
    RunResult.Relay relay = relay(scenario, runMicros, chain, tip, finalizedAt,
        eraPoints(scenario.network().integer("validators"), chain, onBest),
        gapsAtNodes(chain, chain.length, observers), propagation(observers),
        Bandwidth.ofBytes(summary.validatorBytesSent(), runMicros),
        Bandwidth.ofBytes(summary.validatorBytesReceived(), runMicros));

    int depth = chainLength == 0 ? scenario.relay().integer("max_candidate_depth")
        : blocks.get(best).maxCandidateDepth();
    HostRule rule = new HostRule(scenario, tip, depth > 0 ? "async" : "sync");
    TreeMap<Integer, ParaAcc> paras = new TreeMap<>();
    for (ParaSpec p : scenario.paras()) {
      paras.put(p.id(), new ParaAcc(p.id()));
    }
    for (int i = 0; i < paraBlocks.size(); i++) {
      ParaBlockRecord p = paraBlocks.get(i);
      ParaAcc acc = paras.computeIfAbsent(p.para(), ParaAcc::new);
      acc.authored(p.authoringUs());
      acc.lastCollatorKind = p.collator();
    }
    for (CandidateEventRecord e : runtimeEvents) {
      onBestChain(e, onBest, paras);
    }
    for (int i = 0; i < panics.size(); i++) {
      RuntimePanicEvent p = panics.get(i);
      ParaAcc acc = paras.computeIfAbsent(p.para().value(), ParaAcc::new);
      acc.panics.add(new RunResult.Panic(
          Distribution.roundMs(panicTimes[i]), panicNodes[i], p.paraBlock(), p.message()));
      acc.panicTimes.add(panicTimes[i]);
    }
    long[] chainTimes = new long[chain.length];
    int[] chainNumbers = new int[chain.length];
    for (int k = 0; k < chain.length; k++) {
      chainTimes[k] = blockTimes[chain[k]];
      chainNumbers[k] = blocks.get(chain[k]).number();
    }
    rejectedCandidates.forEach((para, bySubsystem) -> bySubsystem.forEach((subsystem, byReason) ->
        byReason.forEach((reason, hashes) -> paras.computeIfAbsent(para, ParaAcc::new).rejections.add(
            new RunResult.Rejection(subsystem, reason, hashes.size(),
                rejectionReports.get(para).get(subsystem).get(reason))))));
    List<RunResult.Para> paraResults = new ArrayList<>();
    for (ParaAcc acc : paras.values()) {
      paraResults.add(acc.result(scenario, rule, runMicros, chainTimes, chainNumbers, chain, observers));
    }

    long wall = summary.wallMillis();
    double eps = wall > 0 ? Math.round(summary.eventsProcessed() * 10_000.0 / wall) / 10.0 : 0.0;
    ObjectNode config = scenario.toJson();
    return new RunResult(ResultsJson.SCHEMA, ResultsJson.parapipeVersion(), scenario.name(),
        scenario.seed(), Distribution.roundMs(scenario.durationMicros()),
        warnings(scenario, runMicros, relay, paraResults), config, relay, paraResults,
        phases(scenario, runMicros, chainTimes, chainNumbers, paras.values()), invariants,
        new RunResult.Kernel(summary.eventsProcessed(), summary.transfers(),
            summary.transferBytes(), summary.traffic(), wall, eps));
  }

  /**
   * The phases between the scenario's upgrade points (none without upgrades). A phase starts at
   * the first block of the run or at an upgrade point and ends before the next point; phases the
   * best chain never reached are left out.
   */
  private static List<RunResult.Phase> phases(Scenario scenario, long runMicros,
      long[] chainTimes, int[] chainNumbers, java.util.Collection<ParaAcc> paras) {
    if (scenario.upgrades().isEmpty() || chainNumbers.length == 0) {
      return List.of();
    }
    int sessionLength = scenario.relay().integer("session_length");
    TreeMap<Long, List<Integer>> starts = new TreeMap<>();
    starts.put(1L, new ArrayList<>());
    for (int i = 0; i < scenario.upgrades().size(); i++) {
      starts.computeIfAbsent(scenario.upgrades().get(i).point(sessionLength), k -> new ArrayList<>())
          .add(i);
    }
    int tip = chainNumbers[chainNumbers.length - 1];
    List<Long> from = new ArrayList<>(starts.keySet());
    List<RunResult.Phase> out = new ArrayList<>();
    for (int k = 0; k < from.size() && from.get(k) <= tip; k++) {
      int first = (int) (long) from.get(k);
      int last = k + 1 < from.size() ? (int) Math.min(tip, from.get(k + 1) - 1) : tip;
      long fromMicros = k == 0 ? 0 : authoredAt(first, chainTimes, chainNumbers, runMicros);
      long toMicros = authoredAt(last + 1, chainTimes, chainNumbers, runMicros);
      List<RunResult.PhasePara> figures = new ArrayList<>();
      for (ParaAcc acc : paras) {
        figures.add(acc.phase(first, last, toMicros - fromMicros));
      }
      out.add(new RunResult.Phase(first, last, Distribution.roundMs(fromMicros),
          Distribution.roundMs(toMicros), starts.get(from.get(k)), figures));
    }
    return out;
  }

  /** When the best-chain block {@code number} was authored, or {@code otherwise} if it was not. */
  private static long authoredAt(int number, long[] chainTimes, int[] chainNumbers, long otherwise) {
    int i = java.util.Arrays.binarySearch(chainNumbers, number);
    return i >= 0 ? chainTimes[i] : otherwise;
  }

  /**
   * The scenario's own warnings, then what the run shows to be dead: no relay block, paras that
   * included nothing, no finality.
   */
  private static List<String> warnings(Scenario scenario, long runMicros, RunResult.Relay relay,
      List<RunResult.Para> paras) {
    List<String> out = new ArrayList<>(ScenarioWarnings.of(scenario));
    String span = UnitText.formatDuration(runMicros) + " of virtual time";
    if (relay.blocks() == 0) {
      out.add("no relay block was authored in " + span);
      return out;
    }
    List<Integer> idle = new ArrayList<>();
    for (RunResult.Para p : paras) {
      if (p.included() == 0) {
        idle.add(p.id());
      }
    }
    if (!idle.isEmpty()) {
      StringBuilder ids = new StringBuilder();
      for (int i = 0; i < idle.size() && i < 10; i++) {
        ids.append(i == 0 ? "" : ", ").append(idle.get(i));
      }
      if (idle.size() > 10) {
        ids.append(" and ").append(idle.size() - 10).append(" more");
      }
      out.add(idle.size() == paras.size()
          ? "no para block was included in " + span
          : (idle.size() == 1 ? "para " : "paras ") + ids + " included no block in " + span);
    }
    if (relay.finalized() == 0) {
      out.add("no relay block was finalized by a supermajority in " + span);
    }
    return out;
  }

  /**
   * When each relay block became final: the time at which a supermajority of validators had
   * finalized it or a descendant, or -1. Replays the stored BlockFinalized events in order,
   * marking for each validator every block it has (implicitly) finalized exactly once.
   */
  private long[] finalityTimes(Scenario scenario, SimulationSummary summary, int[] parentIdx) {
    int n = blocks.size();
    long[] at = new long[n];
    Arrays.fill(at, -1);
    List<Integer> validatorNodes = summary.validatorNodes();
    int validators = validatorNodes.isEmpty()
        ? scenario.network().integer("validators") : validatorNodes.size();
    int supermajority = validators - (validators - 1) / 3;
    int maxNode = lastFinalizedByNode.length - 1;
    int[] slotOfNode = new int[maxNode + 1];
    Arrays.fill(slotOfNode, -1);
    if (validatorNodes.isEmpty()) {
      for (int v = 0; v <= maxNode; v++) {
        slotOfNode[v] = v;
      }
    } else {
      for (int k = 0; k < validatorNodes.size(); k++) {
        int node = validatorNodes.get(k);
        if (node >= 0 && node <= maxNode) {
          slotOfNode[node] = k;
        }
      }
    }
    BitSet[] marked = new BitSet[slotOfNode.length];
    int[] votes = new int[n];
    for (int e = 0; e < finalCount; e++) {
      int node = (int) (finalKeys[e] >>> 32);
      int v = slotOfNode[node];
      if (v < 0) {
        continue;
      }
      BitSet seen = marked[v];
      if (seen == null) {
        seen = marked[v] = new BitSet(n);
      }
      for (int i = (int) finalKeys[e]; i >= 0 && !seen.get(i); i = parentIdx[i]) {
        seen.set(i);
        if (++votes[i] == supermajority) {
          at[i] = finalTimes[e];
        }
      }
    }
    return at;
  }

  /** Era points for authoring a relay block (pallet_staking's note_author rewards the author). */
  static final int AUTHORING_POINTS = 20;

  /** Era points for each backer of an included candidate. */
  static final int BACKING_POINTS = 20;

  /**
   * The era points the runtime awards along the final best chain, by validator index: 20 to the
   * author of each block ({@code note_author} calls {@code reward_by_ids(vec![(author, 20)])} in
   * substrate/frame/staking/src/pallet/impls.rs) and 20 to each backer of each candidate the
   * block includes ({@code enact_candidate} in polkadot/runtime/parachains/src/inclusion/mod.rs
   * calls {@code reward_backing}, which gives {@code BACKING_POINTS = 20} in
   * polkadot/runtime/parachains/src/reward_points.rs). Availability bitfields, approvals and
   * finality earn nothing there, so nothing here.
   */
  private List<Integer> eraPoints(int validators, int[] chain, boolean[] onBest) {
    int[] points = new int[validators];
    for (int i : chain) {
      int author = blockAuthors[i];
      if (author >= 0 && author < validators) {
        points[author] += AUTHORING_POINTS;
      }
    }
    for (CandidateEventRecord in : runtimeEvents) {
      if (in.kind() == INCLUDED) {
        Integer idx = blockIndex.get(in.block());
        if (idx != null && onBest[idx]) {
          for (int v : in.backers()) {
            if (v < validators) {
              points[v] += BACKING_POINTS;
            }
          }
        }
      }
    }
    List<Integer> out = new ArrayList<>(validators);
    for (int p : points) {
      out.add(p);
    }
    return out;
  }

  private RunResult.Relay relay(Scenario scenario, long runMicros, int[] chain, int tip,
      long[] finalizedAt, List<Integer> eraPoints, Spread blockTimeAtNodes, Spread propagation,
      Bandwidth upload, Bandwidth download) {
    List<RunResult.ChainBlock> entries = new ArrayList<>(chain.length);
    long[] lags = new long[chain.length];
    int lagCount = 0;
    int finalized = 0;
    for (int i : chain) {
      RelayBlockRecord b = blocks.get(i);
      Double fin = null;
      if (finalizedAt[i] >= 0) {
        fin = Distribution.roundMs(finalizedAt[i]);
        lags[lagCount++] = finalizedAt[i] - blockTimes[i];
        finalized = Math.max(finalized, b.number());
      } else {
        // Not finalized by the end: its lag is at least the time it waited, and leaving it out
        // would make a stalled run look fast.
        lags[lagCount++] = Math.max(0, runMicros - blockTimes[i]);
      }
      entries.add(new RunResult.ChainBlock(b.number(), b.hash(), b.slot(), blockAuthors[i],
          Distribution.roundMs(blockTimes[i]), fin));
    }
    double meanBlockTime = chain.length < 2 ? 0.0 : Distribution.roundMs(
        (blockTimes[chain[chain.length - 1]] - blockTimes[chain[0]]) / (double) (chain.length - 1));

    // Slots: relative slot r covers [r*D, (r+1)*D) of virtual time; the offset to the chain's
    // slot numbers comes from the first best-chain block. The run spans slot 1 (slot 0 holds
    // genesis, unless a block was authored in it) to the last slot starting before the end.
    long slotMicros = scenario.relay().micros("slot_duration");
    long firstRel = 1;
    long lastRel = (runMicros - 1) / slotMicros;
    if (chain.length > 0) {
      RelayBlockRecord first = blocks.get(chain[0]);
      long offset = first.slot() - blockTimes[chain[0]] / slotMicros;
      firstRel = Math.min(firstRel, first.slot() - offset);
      lastRel = Math.max(lastRel, blocks.get(chain[chain.length - 1]).slot() - offset);
    }
    long missed = Math.max(0, lastRel - firstRel + 1 - chain.length);

    int sessionLength = scenario.relay().integer("session_length");
    return new RunResult.Relay(chain.length, blocks.size(), blocks.size() - chain.length,
        (int) Math.min(Integer.MAX_VALUE, missed), finalized, meanBlockTime, blockTimeAtNodes,
        propagation, upload, download, Distribution.ofMicros(lags, lagCount),
        tip / sessionLength + 1, tip - finalized, stalls(chain, finalizedAt), entries, eraPoints);
  }

  /**
   * Windows in which the best chain ran more than {@code STALL_BLOCKS} blocks ahead of finality:
   * the chain's authorings and finalizations replayed in time order (finalizations first at equal
   * times).
   */
  private List<RunResult.Stall> stalls(int[] chain, long[] finalizedAt) {
    int n = chain.length;
    long[][] timeline = new long[2 * n][];
    int count = 0;
    for (int k = 0; k < n; k++) {
      int i = chain[k];
      int number = blocks.get(i).number();
      timeline[count++] = new long[] {blockTimes[i], 1, number};
      if (finalizedAt[i] >= 0) {
        timeline[count++] = new long[] {finalizedAt[i], 0, number};
      }
    }
    long[][] events = Arrays.copyOf(timeline, count);
    Arrays.sort(events, (a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
    List<RunResult.Stall> out = new ArrayList<>();
    int best = 0;
    int fin = 0;
    int openFrom = -1;
    int openFin = 0;
    long openAt = 0;
    for (long[] e : events) {
      if (e[1] == 1) {
        best = Math.max(best, (int) e[2]);
      } else {
        fin = Math.max(fin, (int) e[2]);
      }
      boolean behind = best - fin > RunResult.Relay.STALL_BLOCKS;
      if (behind && openFrom < 0) {
        openFrom = best;
        openFin = fin;
        openAt = e[0];
      } else if (!behind && openFrom >= 0) {
        out.add(new RunResult.Stall(openFrom, openFin, Distribution.roundMs(openAt),
            Distribution.roundMs(e[0])));
        openFrom = -1;
      }
    }
    if (openFrom >= 0) {
      out.add(new RunResult.Stall(openFrom, openFin, Distribution.roundMs(openAt), null));
    }
    return out;
  }

  private void onBestChain(CandidateEventRecord e, boolean[] onBest, TreeMap<Integer, ParaAcc> paras) {
    Hash block = e.block();
    Hash candidate = e.candidate();
    int para = e.para();
    int core = e.core();
    Integer idx = blockIndex.get(block);
    if (idx == null || !onBest[idx]) {
      return;
    }
    int number = blocks.get(idx).number();
    ParaAcc acc = paras.computeIfAbsent(para, ParaAcc::new);
    CandidateAcc c = acc.candidates.computeIfAbsent(candidate, CandidateAcc::new);
    if (e.kind() == BACKED) {
      acc.backed++;
      c.backedIn = number;
      c.setCore(core, 3);
    } else if (e.kind() == INCLUDED) {
      acc.included++;
      c.includedIn = number;
      c.includedAt = blockTimes[idx];
      c.setCore(core, 2);
      acc.inclusions.add(new long[] {number, blockTimes[idx]});
    } else {
      acc.timedOut++;
      c.timedOutIn = number;
      c.setCore(core, 1);
    }
  }

  /** One candidate's best-chain events. */
  private static final class CandidateAcc {
    final Hash hash;
    Integer backedIn;
    Integer includedIn;
    Integer timedOutIn;
    long includedAt;
    int core = -1;
    int coreRank;

    CandidateAcc(Hash hash) {
      this.hash = hash;
    }

    /** The backing event names the core first, then inclusion, then the time-out. */
    void setCore(int value, int rank) {
      if (rank >= coreRank) {
        core = value;
        coreRank = rank;
      }
    }
  }

  /** Everything one para's figures need, gathered at the end of the run. */
  private final class ParaAcc {
    final int id;
    int authored;
    long authoringSum;
    long[] authoring = new long[16];
    int backed;
    int included;
    int timedOut;
    final TreeMap<Hash, CandidateAcc> candidates = new TreeMap<>();
    final List<long[]> inclusions = new ArrayList<>(); // {relay number, relay authoring time}
    final List<RunResult.Panic> panics = new ArrayList<>();
    final List<Long> panicTimes = new ArrayList<>(); // virtual time of each panic, microseconds
    int[] panicBlocks = new int[0]; // the newest best-chain block at each panic
    final List<long[]> includedWork = new ArrayList<>(); // {relay number, ref_time} per inclusion
    final List<RunResult.Rejection> rejections = new ArrayList<>();

    ParaAcc(int id) {
      this.id = id;
    }

    void authored(long authoringUs) {
      if (authored == authoring.length) {
        authoring = Arrays.copyOf(authoring, authored * 2);
      }
      authoring[authored++] = authoringUs;
    }

    /** Kind of the collator that built the para's last block (null if none was built). */
    String lastCollatorKind;

    RunResult.Para result(Scenario scenario, HostRule rule, long runMicros, long[] chainTimes,
        int[] chainNumbers, int[] chain, List<Integer> observers) {
      // Inclusion intervals, in best-chain order (stable sort keeps event order within a block).
      inclusions.sort(Comparator.comparingLong(a -> a[0]));
      long[] intervals = new long[Math.max(0, inclusions.size() - 1)];
      for (int i = 1; i < inclusions.size(); i++) {
        intervals[i - 1] = inclusions.get(i)[1] - inclusions.get(i - 1)[1];
      }
      // The same gaps between the including blocks as the validators imported them.
      int[] including = new int[inclusions.size()];
      int includingCount = 0;
      for (long[] in : inclusions) {
        int k = Arrays.binarySearch(chainNumbers, (int) in[0]);
        if (k >= 0) {
          including[includingCount++] = chain[k];
        }
      }
      Spread atNodes = gapsAtNodes(including, includingCount, observers);

      record Ordered(int paraBlock, RunResult.Candidate candidate) {}
      List<Ordered> ordered = new ArrayList<>(candidates.size());
      long refTime = 0;
      long pov = 0;
      long[] latencies = new long[candidates.size()];
      int latencyCount = 0;
      List<long[]> segment = new ArrayList<>(); // {para block, relay parent, length}; by hash order
      for (CandidateAcc c : candidates.values()) {
        Integer pi = paraBlockIndex.get(c.hash);
        ParaBlockRecord a = pi == null ? null : paraBlocks.get(pi);
        RunResult.Candidate rc;
        if (a == null) {
          rc = new RunResult.Candidate(c.hash, null, null, null, null, null, null, null, null,
              c.backedIn, c.includedIn, c.timedOutIn, c.core);
        } else {
          long sealed = paraBlockTimes[pi];
          rc = new RunResult.Candidate(c.hash, a.paraBlock(), a.paraBlock() - 1, a.relayParent(),
              paraBlockAuthors[pi], Distribution.roundMs(sealed), Distribution.roundMs(a.authoringUs()),
              a.refTimePs(), a.povSize(), c.backedIn, c.includedIn, c.timedOutIn, c.core);
          if (c.includedIn != null) {
            includedWork.add(new long[] {c.includedIn, a.refTimePs()});
            refTime += a.refTimePs();
            pov += a.povSize();
            latencies[latencyCount++] = c.includedAt - (sealed - a.authoringUs());
            segment.add(new long[] {a.paraBlock(), a.relayParent(), a.segmentLength()});
          }
        }
        ordered.add(new Ordered(a == null ? Integer.MAX_VALUE : a.paraBlock(), rc));
      }
      // Candidates by para block number, then hash (the TreeMap order; the sort is stable).
      ordered.sort(Comparator.comparingInt(Ordered::paraBlock));
      List<RunResult.Candidate> out = new ArrayList<>(ordered.size());
      for (Ordered o : ordered) {
        out.add(o.candidate());
      }
      segment.sort(Comparator.comparingLong(s -> s[0]));
      List<RunResult.SegmentPoint> series = new ArrayList<>(segment.size());
      long segmentSum = 0;
      int segmentMax = 0;
      for (long[] s : segment) {
        series.add(new RunResult.SegmentPoint((int) s[1], (int) s[2]));
        segmentSum += s[2];
        segmentMax = Math.max(segmentMax, (int) s[2]);
      }
      double segmentMean = series.isEmpty() ? 0.0
          : Math.round(segmentSum * 100.0 / series.size()) / 100.0;

      Values collator = rule.collatorAtEnd(scenario, id);
      double minutes = runMicros / 60_000_000.0;
      double blockspace = Math.round(refTime / 1e9 / minutes * 10) / 10.0;
      String kind = lastCollatorKind != null ? lastCollatorKind : collator.text("kind");
      return new RunResult.Para(id, rule.backing(), kind, authored, backed,
          included, timedOut, Distribution.ofMicros(intervals, intervals.length), atNodes,
          Distribution.ofMicros(latencies, latencyCount), Distribution.ofMicros(authoring, authored),
          authoringBudgetMs(scenario, collator, kind, id), refTime, blockspace, pov,
          new RunResult.Segment(segmentMean, segmentMax, series), panics,
          PanicGroups.of(panics, panicBlocks = relayBlocksAt(panicTimes, chainTimes, chainNumbers)),
          rejections, out);
    }

    /**
     * The para's figures in the relay blocks {@code first..last}, a phase of {@code micros}.
     * Call after {@link #result}.
     */
    RunResult.PhasePara phase(int first, int last, long micros) {
      long[] gaps = new long[inclusions.size()];
      int gapCount = 0;
      int included = 0;
      long[] previous = null;
      for (long[] in : inclusions) { // sorted by relay number in result()
        if (in[0] < first || in[0] > last) {
          previous = null;
          continue;
        }
        included++;
        if (previous != null) {
          gaps[gapCount++] = in[1] - previous[1];
        }
        previous = in;
      }
      long refTime = 0;
      for (long[] w : includedWork) {
        if (w[0] >= first && w[0] <= last) {
          refTime += w[1];
        }
      }
      int phasePanics = 0;
      for (int b : panicBlocks) {
        // Panics before block 1 belong to the first phase.
        if ((b >= first || (first == 1 && b == 0)) && b <= last) {
          phasePanics++;
        }
      }
      double minutes = micros / 60_000_000.0;
      double blockspace = minutes <= 0 ? 0.0 : Math.round(refTime / 1e9 / minutes * 10) / 10.0;
      return new RunResult.PhasePara(id, included, Distribution.ofMicros(gaps, gapCount), refTime,
          blockspace, phasePanics);
    }
  }

  /**
   * For each time, the best-chain relay block that was the newest then: the last one authored at
   * or before it (0 before the first).
   */
  static int[] relayBlocksAt(List<Long> times, long[] chainTimes, int[] chainNumbers) {
    int[] out = new int[times.size()];
    for (int i = 0; i < out.length; i++) {
      long t = times.get(i);
      int lo = 0;
      int hi = chainTimes.length; // first block authored after t
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (chainTimes[mid] <= t) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      out[i] = lo == 0 ? 0 : chainNumbers[lo - 1];
    }
    return out;
  }

  /**
   * The proposer's deadline: {@code authoring_duration}, which the slot-based collator cuts to its
   * production interval ({@code 6 s / cores}, at least 500 ms; the slot timer's rule).
   */
  private double authoringBudgetMs(Scenario scenario, Values collator, String kind, int para) {
    long budget = collator.micros("authoring_duration");
    if ("slot-based".equals(kind)) {
      ParaSpec spec = scenario.paras().stream().filter(p -> p.id() == para).findFirst().orElse(null);
      if (spec != null) {
        long relayMs = scenario.relay().micros("slot_duration") / 1000;
        long paraMs = spec.runtime().micros("slot_duration") / 1000;
        long interval = SlotTimer.computeNextWakeUpTime(paraMs, relayMs, OptionalInt.of(spec.cores()), 0, 0).waitMs();
        budget = Math.min(budget, interval * 1000);
      }
    }
    return Distribution.roundMs(budget);
  }

  /**
   * The backing mode in force at the best chain's tip (from the depth its author reported), and
   * which collator upgrades took effect before the run ended: an upgrade's point is its
   * {@code at_relay_block}, or the first block of its {@code at_session}
   * ({@code session × session_length + 1}); it counts if the best chain reached that block.
   */
  private static final class HostRule {
    private final int tip;
    private final long sessionLength;
    private final String backing;

    HostRule(Scenario scenario, int tip, String backing) {
      this.tip = tip;
      this.sessionLength = scenario.relay().integer("session_length");
      this.backing = backing;
    }

    long point(UpgradeSpec u) {
      return u.point((int) sessionLength);
    }

    String backing() {
      return backing;
    }

    Values collatorAtEnd(Scenario scenario, int para) {
      Values c = scenario.collatorDefaults();
      for (ParaSpec p : scenario.paras()) {
        if (p.id() == para) {
          c = p.collator();
        }
      }
      List<UpgradeSpec> applied = new ArrayList<>();
      for (UpgradeSpec u : scenario.upgrades()) {
        if (!u.collator().isEmpty() && u.appliesTo(para) && tip >= point(u)) {
          applied.add(u);
        }
      }
      applied.sort(Comparator.comparingLong(this::point));
      for (UpgradeSpec u : applied) {
        c = c.with(u.collator());
      }
      return c;
    }
  }
}
