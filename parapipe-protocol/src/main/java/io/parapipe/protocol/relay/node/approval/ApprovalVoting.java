package io.parapipe.protocol.relay.node.approval;

import io.parapipe.protocol.host.NodeContext;
import io.parapipe.protocol.host.Timer;
import io.parapipe.protocol.primitives.BitVec;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.wire.ApprovalsMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Approval checking, as a model of ELVES. For every candidate included in a relay block, the
 * validators take positions in a pseudo-random order that everyone can compute; positions
 * {@code [0, needed)} form tranche 0 and check at once, each later group of {@code needed} forms
 * the next tranche and checks only if, one no-show period per tranche after import, the
 * candidate still lacks {@code needed} approvals (covering checkers that did not show up). A
 * checker recovers the candidate's data from its backers, executes it, and announces its
 * approvals of a block together, waiting for its other checks of the block no longer than upstream
 * coalesces approvals. A candidate it checks in several sibling blocks (a BABE fork) is recovered
 * and executed once. A block is approved when each of its candidates has
 * {@code needed} approvals and its parent is approved.
 *
 * <p>A check whose data cannot be recovered (every backer and chunk holder failed, as under a
 * latency spike or a partition) is tried again {@link #RECOVERY_RETRY_BACKOFF_MICROS} later, at
 * most {@link #MAX_RECOVERY_RETRIES} times, for as long as the candidate still lacks approvals,
 * as upstream does since polkadot-sdk PR #6807 ("Retry approval on availability failure if the
 * check is still needed", {@code polkadot/node/core/approval-voting/src/lib.rs}). Without it a
 * check that failed once was never made again, and once every tranche had failed the same way
 * finality stopped for good.
 *
 * <p>Approvals name a candidate by its index among the block's included candidates (the order of
 * its {@code CandidateIncluded} events), as upstream's {@code IndirectSignedApprovalVoteV2}
 * ({@code candidate_indices: CandidateBitfield}, polkadot-sdk
 * {@code polkadot/node/primitives/src/approval.rs}) does, and the tallies are arrays by that index
 * as upstream's {@code BlockEntry} keeps its {@code approved_bitfield}
 * ({@code polkadot/node/core/approval-voting/src/persisted_entries.rs}): every validator tallies
 * every checker's approvals, so a tally must not cost a lookup by candidate hash.
 *
 * <p>This is upstream's {@code approval-voting}: tallies, tranches, no-shows and approved blocks.
 * Carrying approvals between validators is {@link ApprovalDistribution}'s.
 */
public final class ApprovalVoting {
  /**
   * How long a check whose data was unavailable waits before it recovers again: one minute, the
   * fixed back-off of polkadot-sdk PR #6807 ({@code polkadot/node/core/approval-voting/src/lib.rs};
   * its review keeps it fixed, as peers take minutes to reconnect).
   */
  static final long RECOVERY_RETRY_BACKOFF_MICROS = 60_000_000;

  /** How many times an unavailable check is retried (same PR and file: 16). */
  static final int MAX_RECOVERY_RETRIES = 16;

  /**
   * The longest a finished approval waits to be sent with the block's other approvals:
   * upstream's {@code MAX_APPROVAL_COALESCE_WAIT_TICKS}, 12 ticks of 500 ms
   * ({@code polkadot/node/core/approval-voting/src/lib.rs}).
   */
  static final long MAX_APPROVAL_COALESCE_WAIT_MICROS = 6_000_000;

  /** What approval voting asks of the rest of the node. */
  public interface Actions {
    /** Recover the candidate's data (from its backers) and execute it; report with {@link #onChecked}. */
    void recoverAndExecute(Hash block, Hash candidate);

    /**
     * Announce this validator's approvals of candidates in {@code block} to all validators.
     *
     * @param candidateIndices the approved candidates' indices in the block (what goes on the wire)
     * @param candidates the same candidates' hashes, in the order they were approved (for the trace)
     */
    void broadcastApprovals(Hash block, BitVec candidateIndices, List<Hash> candidates);

    /** A block became approved in this node's view (finality may now move). */
    void onApproved(Hash block);
  }

  /**
   * Tranche {@code tranche} of {@code block} came due: for each of the block's candidates this
   * node is assigned to in that tranche, in candidate order. One timer per tranche of a block,
   * rather than one per candidate (every validator has a tranche for every candidate, V × cores
   * timers a block, most of which find the candidate approved): the per-candidate timers were
   * scheduled in candidate order for the same instant, so they fired one after the other.
   */
  private record TrancheDue(Hash block, int tranche) implements Timer {}

  /**
   * Under {@link NoShowCover#PER_NO_SHOW}: the first no-show period of {@code block} ended, for
   * each of its candidates this node checks only to cover no-shows (one timer a block, as {@link
   * TrancheDue}); each continues as a {@link CoverDue} of its own if it still lacks approvals.
   */
  private record FirstCoverDue(Hash block) implements Timer {}

  /**
   * Under {@link NoShowCover#PER_NO_SHOW}: a no-show period ended for a candidate this node checks
   * only to cover no-shows; {@code position} is its place in the candidate's order, {@code called}
   * how many positions were called to check up to this period.
   */
  private record CoverDue(Hash block, int candidate, int position, int called) implements Timer {}

  private record RetryCheck(Hash block, int candidate) implements Timer {}

  /** The time by which this node's approvals of {@code block} waiting to be sent must go. */
  private record SendDue(Hash block) implements Timer {}

  /** One imported block; per-candidate state is indexed by the candidate's index in the block. */
  private static final class BlockEntry {
    final Hash parent;
    final int number;
    /** The included candidates in inclusion order: index {@code i} names {@code candidates[i]}. */
    final Hash[] candidates;
    /** {@code candidates.length}, here so that a tally need not read the array. */
    final int size;
    /** How many approvals of each candidate counted (no more than {@code needed}), by index. */
    final int[] counts;
    /**
     * By approving validator, {@link #words} words each: the candidates whose approval from it
     * counted. Laid out by approver, so a message touches its approver's words (a line) and a
     * count per candidate; laid out by candidate, a bit per validator cost a message a cache line
     * per candidate. Mutable words, not a bit vector per approver: a validator sends its
     * approvals of a block in several messages as its checks finish, and each later one copied
     * the vector through a {@code BitSet}.
     */
    final long[] byApprover;
    /** Words per approver in {@link #byApprover}. */
    final int words;
    /**
     * How many candidates have each count of approvals, from 0 to {@code needed}: summed, the
     * approvals the block's candidates miss ({@link #missingTotal}).
     */
    final int[] atCount;
    /** Candidates this node took up to check (once each; a retry does not count again). */
    final BitSet ownChecks = new BitSet();
    /** Own checks whose recovery or execution is under way. */
    final BitSet running = new BitSet();
    /** Own approvals not sent yet, by index, in the order they were made. */
    final List<Integer> ownApproved = new ArrayList<>();
    /** When this node took up each candidate to check (its assignment triggered), by index. */
    final long[] triggeredAt;
    /** When the approvals in {@link #ownApproved} must go at the latest; MAX_VALUE if none wait. */
    long sendBy = Long.MAX_VALUE;
    /** When the armed {@link SendDue} timer fires; MAX_VALUE if none is armed. */
    long sendDueAt = Long.MAX_VALUE;
    /** Retries made per candidate whose data was unavailable. */
    final int[] retries;
    /** This node's place in each candidate's checker order, by index. */
    final int[] positions;
    int unapproved;
    /**
     * The parent's entry when this one was made, if the parent was imported then: approvals that
     * complete this block's candidates before its parent is approved need not walk the approved
     * set ({@link #refresh}), since the parent's approval walks its children. Trusted only while
     * the parent entry is not {@link #pruned}.
     */
    BlockEntry parentEntry;
    /** Forgotten at finality (a later import of the same block makes a new entry). */
    boolean pruned;

    /**
     * Forgets the entry; it lets go of its parent's entry, else each entry would hold every
     * ancestor's, and the chain of them would grow with the run (a child still names this one,
     * now {@link #pruned}, until it is pruned in turn).
     */
    void prune() {
      pruned = true;
      parentEntry = null;
    }

    /**
     * True once the block is in {@code ApprovalVoting.approved} (set wherever it is added; an
     * entry leaves that set only with the entry itself), so that the approvals still arriving for
     * an approved block skip {@code refresh}'s lookups.
     */
    boolean approved;

    BlockEntry(Hash parent, int number, List<Hash> included, int validators, int needed) {
      this.parent = parent;
      this.number = number;
      this.candidates = included.toArray(new Hash[0]);
      this.size = candidates.length;
      this.counts = new int[size];
      this.words = (size + 63) >>> 6;
      this.byApprover = new long[validators * words];
      this.retries = new int[size];
      this.triggeredAt = new long[size];
      this.positions = new int[size];
      this.atCount = new int[needed + 1];
      this.atCount[0] = size;
    }

    /**
     * How many candidate approvals the block still misses: {@code needed} less each candidate's
     * count, summed ({@link #atCount} holds how many candidates have each count).
     */
    int missingTotal() {
      int needed = atCount.length - 1;
      int missing = 0;
      for (int c = 0; c < needed; c++) {
        missing += atCount[c] * (needed - c);
      }
      return missing;
    }

    /** How many approvals of candidate {@code i} counted. */
    int count(int i) {
      return counts[i];
    }

    /**
     * Counts {@code validator}'s approvals of the candidates set in {@code indices} (those beyond
     * the block's ignored), each unless it counted already or the candidate has {@code needed}.
     */
    void tally(int validator, BitVec indices, int needed) {
      int base = validator * words;
      for (int i = indices.nextOne(0); i >= 0 && i < size; i = indices.nextOne(i + 1)) {
        long bit = 1L << (i & 63);
        int w = base + (i >>> 6);
        if ((byApprover[w] & bit) == 0 && countOne(i, needed)) {
          byApprover[w] |= bit;
        }
      }
    }

    /** The candidates whose approval from {@code validator} counted, null if none did. */
    BitVec approvedBy(int validator) {
      int base = validator * words;
      BitSet set = BitSet.valueOf(Arrays.copyOfRange(byApprover, base, base + words));
      return set.isEmpty() ? null : BitVec.fromBitSet(set, size);
    }

    /** Counts one approval of candidate {@code i} unless it has {@code needed}; true if it did. */
    private boolean countOne(int i, int needed) {
      int count = counts[i];
      if (count >= needed) {
        return false;
      }
      counts[i] = count + 1;
      atCount[count]--;
      atCount[count + 1]++;
      if (count + 1 == needed) {
        unapproved--;
      }
      return true;
    }

    /** The index of a candidate in this block, or -1 (only own checks look it up). */
    int indexOf(Hash candidate) {
      for (int i = 0; i < candidates.length; i++) {
        if (candidates[i].equals(candidate)) {
          return i;
        }
      }
      return -1;
    }
  }

  private final NodeContext ctx;
  private final int self;
  private final int validators;
  private final int needed;
  // Set by approvalsAwaited: the blocks waiting for approvals, and how many each misses.
  private int awaitedCount;
  private long[] awaitedNumbers = new long[8];
  private int[] awaitedMissing = new int[8];
  /**
   * Entries that lacked approvals when last looked at, in import order ({@link #approvalsAwaited}
   * drops those that no longer do): the few a wake bound is computed over.
   */
  private final List<BlockEntry> lacking = new ArrayList<>();
  private final long noShowMicros;
  private final long seed;
  private final NoShowCover cover;
  private final Actions actions;
  private final Map<Hash, BlockEntry> blocks = new HashMap<>();
  private final Set<Hash> approved = new HashSet<>();
  private final Map<Hash, List<Hash>> children = new HashMap<>();

  /**
   * This node's checks under way, by candidate: the blocks waiting for each. A candidate included
   * in sibling blocks (a BABE fork) that this node checks in more than one of them is recovered
   * and executed once, and the outcome counts in each, as upstream's {@code CurrentlyCheckingSet}
   * ({@code insert_relay_block_hash}: "validation already undergoing. just add the relay hash")
   * does in {@code polkadot/node/core/approval-voting/src/lib.rs}.
   */
  private final Map<Hash, List<Hash>> checking = new HashMap<>();

  /**
   * Candidates this node found valid, with the number of the block that included them: a later
   * check of one (in a sibling block) approves at once, as upstream's {@code approvals_cache}
   * answers {@code LaunchApproval} with {@code IssueApproval} (same file). Forgotten once a block
   * of that number is final (upstream's cache is bounded too, at 1,024 candidates): an inclusion
   * on another fork after that is checked again.
   */
  private final Map<Hash, Integer> foundValid = new HashMap<>();

  // The block finality reached before this node imported it, if any (see pruneFinalized).
  private Hash finalizedNotImported;

  // The last few blocks approvals were tallied for, and their entries, matched by identity (a
  // block's hash is one object from import to the approvals about it): approvals come in runs
  // for a handful of unfinalized blocks, so most skip the lookup in blocks, a cache miss at 500
  // validators (polkadot-scale: 69 % of deliveries skipped it with one entry). Cleared whenever
  // entries leave blocks.
  private static final int RECENT = 4;
  private final Hash[] recentBlock = new Hash[RECENT];
  private final BlockEntry[] recentEntry = new BlockEntry[RECENT];
  private int recentNext;

  /**
   * @param self this validator's index
   * @param validators number of validators
   * @param neededApprovals {@code needed_approvals} (capped at the number of validators)
   * @param noShowMicros how long a tranche waits before the next one covers it
   * @param seed randomness of the assignment
   * @param genesis the genesis hash, approved by definition
   */
  public ApprovalVoting(NodeContext ctx, int self, int validators, int neededApprovals,
      long noShowMicros, long seed, Hash genesis, Actions actions) {
    this(ctx, self, validators, neededApprovals, noShowMicros, seed, genesis, NoShowCover.TRANCHE,
        actions);
  }

  /**
   * @param self this validator's index
   * @param validators number of validators
   * @param neededApprovals {@code needed_approvals} (capped at the number of validators)
   * @param noShowMicros how long a checker has before it counts as a no-show
   * @param seed randomness of the assignment
   * @param genesis the genesis hash, approved by definition
   * @param cover how no-shows are covered
   */
  public ApprovalVoting(NodeContext ctx, int self, int validators, int neededApprovals,
      long noShowMicros, long seed, Hash genesis, NoShowCover cover, Actions actions) {
    this.cover = cover;
    this.ctx = ctx;
    this.self = self;
    this.validators = validators;
    this.needed = Math.max(0, Math.min(neededApprovals, validators));
    this.noShowMicros = noShowMicros;
    this.seed = seed;
    this.actions = actions;
    approved.add(genesis);
  }

  /** A relay block was imported with the candidates it included (in inclusion order). */
  public void onBlockImported(Hash block, Hash parent, List<Hash> included) {
    onBlockImported(block, parent, -1, included);
  }

  /**
   * A relay block with number {@code number} was imported with the candidates it included (in
   * inclusion order); the number lets finality forget blocks of abandoned forks too.
   */
  public void onBlockImported(Hash block, Hash parent, int number, List<Hash> included) {
    if (blocks.containsKey(block)) {
      return;
    }
    BlockEntry e = new BlockEntry(parent, number, included, validators, needed);
    e.parentEntry = blocks.get(parent);
    blocks.put(block, e);
    if (block.equals(finalizedNotImported)) {
      finalizedNotImported = null;
      approved.add(block);
      e.approved = true;
    }
    children.computeIfAbsent(parent, k -> new ArrayList<>()).add(block);
    e.unapproved = needed == 0 ? 0 : e.size;
    if (e.unapproved > 0) {
      lacking.add(e);
    }
    if (needed > 0) {
      // Each block timer is scheduled where its first candidate's would have been.
      BitSet scheduled = new BitSet();
      for (int i = 0; i < e.size; i++) {
        int position = new CheckerPermutation(block, e.candidates[i], seed, validators)
            .positionOf(self);
        e.positions[i] = position;
        int tranche = position / needed;
        if (tranche == 0) {
          check(block, i, e);
        } else if (cover == NoShowCover.PER_NO_SHOW) {
          if (scheduled.isEmpty()) {
            scheduled.set(1);
            ctx.schedule(noShowMicros, new FirstCoverDue(block));
          }
        } else if (!scheduled.get(tranche)) {
          scheduled.set(tranche);
          ctx.schedule(tranche * noShowMicros, new TrancheDue(block, tranche));
        }
      }
    }
    refresh(block);
  }

  /**
   * How many entries {@code block}'s entry reaches through its parent links, pruned ones
   * included (0 for a block not known): what its entry keeps from being collected.
   */
  int parentLinks(Hash block) {
    BlockEntry e = blocks.get(block);
    int n = 0;
    for (BlockEntry p = e == null ? null : e.parentEntry; p != null; p = p.parentEntry) {
      n++;
    }
    return n;
  }

  /** True if the block is imported and not yet forgotten by finality. */
  public boolean knows(Hash block) {
    return blocks.containsKey(block);
  }

  private void check(Hash block, int candidate, BlockEntry e) {
    if (!e.ownChecks.get(candidate)) {
      e.ownChecks.set(candidate);
      e.triggeredAt[candidate] = ctx.now();
      start(block, candidate, e);
    }
  }

  /**
   * Starts this node's check of a candidate in {@code block}, or joins the check of it already
   * under way for a sibling block, or approves at once if this node found it valid already.
   */
  private void start(Hash block, int candidate, BlockEntry e) {
    Hash c = e.candidates[candidate];
    e.running.set(candidate);
    if (foundValid.containsKey(c)) {
      checked(block, c, true);
      return;
    }
    List<Hash> waiting = checking.get(c);
    if (waiting != null) {
      if (!waiting.contains(block)) {
        waiting.add(block);
      }
      return;
    }
    waiting = new ArrayList<>(1);
    waiting.add(block);
    checking.put(c, waiting);
    actions.recoverAndExecute(block, c);
  }

  /**
   * Clears a running own check of {@code candidate} in {@code e}; its index, or -1 if no check of
   * it was running.
   */
  private static int stopRunning(BlockEntry e, Hash candidate) {
    int i = e.indexOf(candidate);
    if (i < 0 || !e.running.get(i)) {
      return -1;
    }
    e.running.clear(i);
    return i;
  }

  /**
   * The node finished executing a candidate it checks; the outcome counts in every block that
   * waits for this check ({@code block} is the one that started it).
   */
  public void onChecked(Hash block, Hash candidate, boolean valid) {
    List<Hash> waiting = checking.remove(candidate);
    if (waiting == null) {
      return;
    }
    if (valid) {
      BlockEntry first = blocks.get(waiting.get(0));
      foundValid.put(candidate, first == null ? -1 : first.number);
    }
    for (Hash b : waiting) {
      checked(b, candidate, valid);
    }
  }

  private void checked(Hash block, Hash candidate, boolean valid) {
    BlockEntry e = blocks.get(block);
    int i = e == null ? -1 : stopRunning(e, candidate);
    if (i < 0) {
      return;
    }
    // An invalid candidate would start a dispute; parapipe models honest collators.
    if (valid) {
      e.ownApproved.add(i);
      e.sendBy = Math.min(e.sendBy, Math.min(ctx.now() + MAX_APPROVAL_COALESCE_WAIT_MICROS,
          e.triggeredAt[i] + noShowMicros / 2));
      e.tally(self, BitVec.of(e.size, i), needed);
      refresh(block);
    }
    sendIfIdle(block, e);
  }

  /**
   * The data of a candidate this node checks could not be recovered: the check stops, and is
   * made again after the back-off while the candidate still lacks approvals.
   */
  public void onUnavailable(Hash block, Hash candidate) {
    List<Hash> waiting = checking.remove(candidate);
    if (waiting == null) {
      return;
    }
    for (Hash b : waiting) {
      unavailable(b, candidate);
    }
  }

  private void unavailable(Hash block, Hash candidate) {
    BlockEntry e = blocks.get(block);
    int i = e == null ? -1 : stopRunning(e, candidate);
    if (i < 0) {
      return;
    }
    if (e.retries[i] < MAX_RECOVERY_RETRIES) {
      e.retries[i]++;
      ctx.schedule(RECOVERY_RETRY_BACKOFF_MICROS, new RetryCheck(block, i));
    }
    sendIfIdle(block, e);
  }

  /**
   * Sends this node's approvals of a block once none of its checks of that block is under way,
   * so that approvals made one after another go out together and none is left unsent (an
   * approval held back for a check that then failed, or made by a later tranche's check, went
   * unsent before, which others took for a no-show until aggression re-sent it).
   *
   * <p>An approval waits for the other checks no longer than upstream coalesces approvals
   * ({@code compute_delayed_approval_sending_tick} in
   * {@code polkadot/node/core/approval-voting/src/lib.rs}): {@link
   * #MAX_APPROVAL_COALESCE_WAIT_MICROS} after it was made, and never past half the no-show
   * period after its check was taken up (upstream: "we don't want to accidentally cause
   * no-shows"). Waiting for every running check instead held finished approvals for as long as the
   * slowest check of the block took: once checks queued behind a burst of BABE forks, a check
   * called late to cover a no-show held the approvals of this node's earlier checks of the block
   * until it ran, so those turned into no-shows too, and called more checks.
   */
  private void sendIfIdle(Hash block, BlockEntry e) {
    if (e.ownApproved.isEmpty()) {
      return;
    }
    if (!e.running.isEmpty() && ctx.now() < e.sendBy) {
      if (e.sendBy < e.sendDueAt) {
        e.sendDueAt = e.sendBy;
        ctx.schedule(e.sendBy - ctx.now(), new SendDue(block));
      }
      return;
    }
    int[] indices = new int[e.ownApproved.size()];
    List<Hash> hashes = new ArrayList<>(indices.length);
    for (int k = 0; k < indices.length; k++) {
      indices[k] = e.ownApproved.get(k);
      hashes.add(e.candidates[indices[k]]);
    }
    actions.broadcastApprovals(block, BitVec.of(e.size, indices), List.copyOf(hashes));
    e.ownApproved.clear();
    e.sendBy = Long.MAX_VALUE;
  }

  /** The entry of {@code block}, from the recent blocks if it is one of them; null if unknown. */
  private BlockEntry recentEntry(Hash block) {
    for (int i = 0; i < RECENT; i++) {
      if (recentBlock[i] == block) {
        return recentEntry[i];
      }
    }
    BlockEntry e = blocks.get(block);
    if (e != null) {
      recentBlock[recentNext] = block;
      recentEntry[recentNext] = e;
      recentNext = (recentNext + 1) % RECENT;
    }
    return e;
  }

  private boolean stillNeeded(BlockEntry e, int candidate) {
    return e.count(candidate) < needed;
  }

  /**
   * Approvals from {@code validator} of the candidates in {@code block} whose indices (places
   * among the block's included candidates) are set in {@code candidateIndices}; indices beyond the
   * block's candidates are ignored, as are those of a validator outside the set. Approvals for a
   * block not imported are approval distribution's to hold; for a block finality made irrelevant
   * they are ignored.
   */
  public void onApprovals(int validator, Hash block, BitVec candidateIndices) {
    BlockEntry e = recentEntry(block);
    if (e == null) {
      return;
    }
    // With every candidate at its needed approvals a tally changes nothing: the second copy of an
    // approval (the grid sends each along two paths) mostly arrives then.
    if (e.unapproved > 0 && validator >= 0 && validator < validators) {
      e.tally(validator, candidateIndices, needed);
    }
    // refresh would stop at once for a block still lacking approvals or approved already, or
    // whose parent is not approved (its approval will walk to this block).
    BlockEntry p = e.parentEntry;
    if (e.unapproved == 0 && !e.approved && (p == null || p.approved || p.pruned)) {
      refresh(block);
    }
  }


  /** Handles a tranche timer; false if the timer is not this subsystem's. */
  public boolean onTimer(Timer t) {
    if (t instanceof RetryCheck r) {
      BlockEntry e = blocks.get(r.block());
      if (e != null && !e.running.get(r.candidate()) && stillNeeded(e, r.candidate())) {
        start(r.block(), r.candidate(), e);
      }
      return true;
    }
    if (t instanceof CoverDue d) {
      onCoverDue(d.block(), d.candidate(), d.position(), d.called());
      return true;
    }
    if (t instanceof FirstCoverDue d) {
      BlockEntry first = blocks.get(d.block());
      for (int i = 0; first != null && i < first.size; i++) {
        if (first.positions[i] >= needed) {
          onCoverDue(d.block(), i, first.positions[i], needed);
        }
      }
      return true;
    }
    if (t instanceof SendDue d) {
      BlockEntry e = blocks.get(d.block());
      if (e != null && e.sendDueAt == ctx.now()) {
        e.sendDueAt = Long.MAX_VALUE;
        sendIfIdle(d.block(), e);
      }
      return true;
    }
    if (!(t instanceof TrancheDue d)) {
      return false;
    }
    BlockEntry first = blocks.get(d.block());
    for (int i = 0; first != null && i < first.size; i++) {
      if (first.positions[i] / needed != d.tranche()) {
        continue;
      }
      // Looked up per candidate, as a timer of its own would: a check may move finality.
      BlockEntry e = blocks.get(d.block());
      if (e != null && stillNeeded(e, i)) {
        check(d.block(), i, e);
      }
    }
    return true;
  }

  /**
   * One more check per approval still missing at the end of each no-show period: a checker that
   * did not show up, or a coverer that did not either, calls the next validator in the
   * candidate's order. Upstream covers each no-show with one non-empty delay tranche of one or two
   * validators (polkadot-sdk {@code polkadot/node/core/approval-voting/src/approval_checking.rs},
   * {@code State::advance}); a whole tranche of {@code needed} per straggler multiplied the work
   * once checks ran late, so they ran later still (docs/performance.md, "Memory over time").
   */
  private void onCoverDue(Hash block, int candidate, int position, int calledBefore) {
    BlockEntry e = blocks.get(block);
    if (e == null) {
      return;
    }
    int missing = needed - e.count(candidate);
    if (missing <= 0) {
      return;
    }
    int called = calledBefore + missing;
    if (position < called) {
      check(block, candidate, e);
    } else {
      ctx.schedule(noShowMicros, new CoverDue(block, candidate, position, called));
    }
  }

  /**
   * Forgets the finalized block's ancestors: finality made their approvals irrelevant. The
   * finalized block stays approved, as the root its descendants' approval builds on.
   */
  public void pruneFinalized(Hash finalized) {
    Arrays.fill(recentBlock, null);
    Arrays.fill(recentEntry, null);
    BlockEntry e = blocks.get(finalized);
    if (e == null) {
      // Finalized by a commit before approval voting took the block in (a node syncing a chain:
      // the block tree imports a run of blocks and GRANDPA finalizes within it): it is the root
      // its descendants' approval builds on once it arrives.
      finalizedNotImported = finalized;
      return;
    }
    approved.add(finalized);
    e.approved = true;
    foundValid.values().removeIf(n -> n <= e.number);
    if (e.number >= 0) {
      // Blocks at or below the finalized height on other forks can never be finalized.
      List<Hash> dead = new ArrayList<>();
      for (Map.Entry<Hash, BlockEntry> x : blocks.entrySet()) {
        if (x.getValue().number >= 0 && x.getValue().number <= e.number && !x.getKey().equals(finalized)) {
          dead.add(x.getKey());
        }
      }
      for (Hash h : dead) {
        blocks.remove(h).prune();
        approved.remove(h);
        children.remove(h);
      }
    }
    Hash h = e.parent;
    while (h != null) {
      BlockEntry a = blocks.remove(h);
      if (a != null) {
        a.prune();
      }
      approved.remove(h);
      children.remove(h);
      h = a == null ? null : a.parent;
    }
    // A check no remaining block waits for reports to no one (finality may have pruned its
    // recovery, so it may never report at all).
    checking.values().removeIf(w -> {
      w.removeIf(b -> !blocks.containsKey(b));
      return w.isEmpty();
    });
    // Descendants whose candidates are approved may have waited only for this block (a node that
    // learnt its finality from a commit without approving it, as one restarted without its
    // state does): finality approves it, so they are approved now too.
    for (Hash child : List.copyOf(children.getOrDefault(finalized, List.of()))) {
      refresh(child);
    }
  }

  /**
   * Every approval this node knows for blocks finality has not made irrelevant, one entry per
   * block and approving validator (what aggression re-sends), in a deterministic order.
   */
  public List<ApprovalsMessage> knownApprovals(Hash finalized) {
    List<Hash> order = new ArrayList<>(blocks.keySet());
    order.sort(null);
    List<ApprovalsMessage> out = new ArrayList<>();
    for (Hash block : order) {
      if (block.equals(finalized)) {
        continue;
      }
      BlockEntry e = blocks.get(block);
      for (int v = 0; v < validators; v++) {
        BitVec approved = e.approvedBy(v);
        if (approved != null) {
          out.add(new ApprovalsMessage(block, v, approved));
        }
      }
    }
    return out;
  }

  /**
   * The fewest candidate approvals that must still reach this validator before another block can
   * become approved in its view: over the imported blocks still lacking approvals, the least of
   * the approvals the block's candidates miss, summed (a message approves each candidate it names
   * at most once, so it brings a block at most as many as it names: its weight, {@code
   * NodeContext.postRelayed}); 0 if no block lacks any. Also sets, per such block, that sum
   * ({@link #awaitedBlocks}): only a block's own approvals complete it, so a host that hands
   * approvals over in batches (threshold gossip) wakes the node when the weights of the arrivals
   * about one block reach its sum, and a block is approved when the approval completing it
   * arrives, as when each came as a message. (Bounding by the least approved candidate alone, as
   * before, woke a node about 35 times a relay block at 500 validators; most of a block's approvals
   * cannot complete it.) A block waiting for its parent's approval does not bound the count (the
   * parent's approval completes it), but is among the awaited blocks: finality reaching its
   * parent approves it at once if its own tally is whole, so the tally must be read as soon as it
   * can be.
   */
  public int approvalsAwaited() {
    int k = 0;
    awaitedCount = 0;
    lacking.removeIf(e -> e.unapproved == 0 || e.pruned);
    for (BlockEntry e : lacking) {
      int missing = e.missingTotal();
      BlockEntry p = e.parentEntry;
      // A block waiting for its parent is approved by the parent's approval, or by finality
      // reaching the parent (pruneFinalized): its own tally must be whole by then, so it is
      // awaited too, but does not bound when another block can be approved.
      if ((p == null || p.approved || p.pruned) && (k == 0 || missing < k)) {
        k = missing;
      }
      if (awaitedCount == awaitedNumbers.length) {
        awaitedNumbers = Arrays.copyOf(awaitedNumbers, 2 * awaitedCount);
        awaitedMissing = Arrays.copyOf(awaitedMissing, 2 * awaitedCount);
      }
      awaitedNumbers[awaitedCount] = e.number;
      awaitedMissing[awaitedCount++] = missing;
    }
    return k;
  }

  /** How many blocks the last {@link #approvalsAwaited} found waiting for approvals. */
  public int awaitedBlocks() {
    return awaitedCount;
  }

  /**
   * The numbers of the blocks the last {@link #approvalsAwaited} found waiting for approvals, the
   * first {@link #awaitedBlocks} entries (blocks of a fork may share one); read only, and
   * overwritten by the next call.
   */
  public long[] awaitedNumbers() {
    return awaitedNumbers;
  }

  /**
   * For each of {@link #awaitedNumbers}, the fewest candidate approvals about that block (the
   * summed weights of messages) that must still reach this validator before it can be approved;
   * read only, overwritten by the next call.
   */
  public int[] awaitedMissing() {
    return awaitedMissing;
  }

  /** The number of an imported block, -1 if this node has no entry for it. */
  public int numberOf(Hash block) {
    BlockEntry e = blocks.get(block);
    return e == null ? -1 : e.number;
  }

  /** True if {@code t} is one of approval voting's timers ({@link #onTimer} handles it). */
  public static boolean ownsTimer(Timer t) {
    return t instanceof TrancheDue || t instanceof CoverDue || t instanceof FirstCoverDue
        || t instanceof SendDue || t instanceof RetryCheck;
  }

  /** True if the block and all its ancestors are approved in this node's view. */
  public boolean isApproved(Hash block) {
    return approved.contains(block);
  }

  private void refresh(Hash block) {
    // Approval of a block can complete its descendants that were waiting for it.
    List<Hash> work = new ArrayList<>();
    work.add(block);
    while (!work.isEmpty()) {
      Hash h = work.remove(work.size() - 1);
      BlockEntry e = blocks.get(h);
      if (e == null || approved.contains(h) || e.unapproved > 0 || !approved.contains(e.parent)) {
        continue;
      }
      approved.add(h);
      e.approved = true;
      actions.onApproved(h);
      work.addAll(children.getOrDefault(h, List.of()));
    }
  }

}
