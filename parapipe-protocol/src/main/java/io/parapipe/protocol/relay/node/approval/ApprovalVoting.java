package io.parapipe.protocol.relay.node.approval;

import io.parapipe.protocol.host.NodeContext;
import io.parapipe.protocol.host.Timer;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.wire.ApprovalsMessage;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
 * approvals for the block in one message. A block is approved when each of its candidates has
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

  /** What approval voting asks of the rest of the node. */
  public interface Actions {
    /** Recover the candidate's data (from its backers) and execute it; report with {@link #onChecked}. */
    void recoverAndExecute(Hash block, Hash candidate);

    /** Announce this validator's approvals of candidates in {@code block} to all validators. */
    void broadcastApprovals(Hash block, List<Hash> candidates);

    /** A block became approved in this node's view (finality may now move). */
    void onApproved(Hash block);
  }

  private record TrancheDue(Hash block, Hash candidate, int tranche) implements Timer {}

  /**
   * Under {@link NoShowCover#PER_NO_SHOW}: a no-show period ended for a candidate this node checks
   * only to cover no-shows; {@code position} is its place in the candidate's order, {@code called}
   * how many positions were called to check up to this period.
   */
  private record CoverDue(Hash block, Hash candidate, int position, int called) implements Timer {}

  private record RetryCheck(Hash block, Hash candidate) implements Timer {}

  private static final class BlockEntry {
    final Hash parent;
    final int number;
    final Map<Hash, BitSet> approvals = new LinkedHashMap<>();
    /** Candidates this node took up to check (once each; a retry does not count again). */
    final Set<Hash> ownChecks = new HashSet<>();
    /** Own checks whose recovery or execution is under way. */
    final Set<Hash> running = new HashSet<>();
    /** Own approvals not sent yet. */
    final List<Hash> ownApproved = new ArrayList<>();
    /** Retries made per candidate whose data was unavailable. */
    final Map<Hash, Integer> retries = new HashMap<>();
    int unapproved;

    BlockEntry(Hash parent, int number) {
      this.parent = parent;
      this.number = number;
    }
  }

  private final NodeContext ctx;
  private final int self;
  private final int validators;
  private final int needed;
  private final long noShowMicros;
  private final long seed;
  private final NoShowCover cover;
  private final Actions actions;
  private final Map<Hash, BlockEntry> blocks = new HashMap<>();
  private final Set<Hash> approved = new HashSet<>();
  private final Map<Hash, List<Hash>> children = new HashMap<>();

  // The block finality reached before this node imported it, if any (see pruneFinalized).
  private Hash finalizedNotImported;

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
    BlockEntry e = new BlockEntry(parent, number);
    blocks.put(block, e);
    if (block.equals(finalizedNotImported)) {
      finalizedNotImported = null;
      approved.add(block);
    }
    children.computeIfAbsent(parent, k -> new ArrayList<>()).add(block);
    for (Hash c : included) {
      e.approvals.put(c, new BitSet());
    }
    e.unapproved = needed == 0 ? 0 : included.size();
    if (needed > 0) {
      for (Hash c : included) {
        int position = new CheckerPermutation(block, c, seed, validators).positionOf(self);
        int tranche = position / needed;
        if (tranche == 0) {
          check(block, c, e);
        } else if (cover == NoShowCover.PER_NO_SHOW) {
          ctx.schedule(noShowMicros, new CoverDue(block, c, position, needed));
        } else {
          ctx.schedule(tranche * noShowMicros, new TrancheDue(block, c, tranche));
        }
      }
    }
    refresh(block);
  }

  /** True if the block is imported and not yet forgotten by finality. */
  public boolean knows(Hash block) {
    return blocks.containsKey(block);
  }

  private void check(Hash block, Hash candidate, BlockEntry e) {
    if (e.ownChecks.add(candidate)) {
      e.running.add(candidate);
      actions.recoverAndExecute(block, candidate);
    }
  }

  /** The node finished executing a candidate it checks. */
  public void onChecked(Hash block, Hash candidate, boolean valid) {
    BlockEntry e = blocks.get(block);
    if (e == null || !e.running.remove(candidate)) {
      return;
    }
    // An invalid candidate would start a dispute; parapipe models honest collators.
    if (valid) {
      e.ownApproved.add(candidate);
      onApprovals(self, block, List.of(candidate));
    }
    sendIfIdle(block, e);
  }

  /**
   * The data of a candidate this node checks could not be recovered: the check stops, and is
   * made again after the back-off while the candidate still lacks approvals.
   */
  public void onUnavailable(Hash block, Hash candidate) {
    BlockEntry e = blocks.get(block);
    if (e == null || !e.running.remove(candidate)) {
      return;
    }
    int made = e.retries.getOrDefault(candidate, 0);
    if (made < MAX_RECOVERY_RETRIES) {
      e.retries.put(candidate, made + 1);
      ctx.schedule(RECOVERY_RETRY_BACKOFF_MICROS, new RetryCheck(block, candidate));
    }
    sendIfIdle(block, e);
  }

  /**
   * Sends this node's approvals of a block once none of its checks of that block is under way,
   * so that approvals made one after another go out together and none is left unsent (an
   * approval held back for a check that then failed, or made by a later tranche's check, went
   * unsent before, which others took for a no-show until aggression re-sent it).
   */
  private void sendIfIdle(Hash block, BlockEntry e) {
    if (e.running.isEmpty() && !e.ownApproved.isEmpty()) {
      actions.broadcastApprovals(block, List.copyOf(e.ownApproved));
      e.ownApproved.clear();
    }
  }

  private boolean stillNeeded(BlockEntry e, Hash candidate) {
    BitSet votes = e.approvals.get(candidate);
    return votes != null && votes.cardinality() < needed;
  }

  /**
   * Approvals from {@code validator} of candidates in {@code block}. Approvals for a block not
   * imported are approval distribution's to hold; for a block finality made irrelevant they are
   * ignored.
   */
  public void onApprovals(int validator, Hash block, List<Hash> candidates) {
    BlockEntry e = blocks.get(block);
    if (e == null) {
      return;
    }
    for (Hash c : candidates) {
      BitSet votes = e.approvals.get(c);
      if (votes != null && !votes.get(validator)) {
        int before = votes.cardinality();
        if (before < needed) {
          votes.set(validator);
          if (before + 1 == needed) {
            e.unapproved--;
          }
        }
      }
    }
    refresh(block);
  }

  /** Handles a tranche timer; false if the timer is not this subsystem's. */
  public boolean onTimer(Timer t) {
    if (t instanceof RetryCheck r) {
      BlockEntry e = blocks.get(r.block());
      if (e != null && !e.running.contains(r.candidate()) && stillNeeded(e, r.candidate())) {
        e.running.add(r.candidate());
        actions.recoverAndExecute(r.block(), r.candidate());
      }
      return true;
    }
    if (t instanceof CoverDue d) {
      onCoverDue(d);
      return true;
    }
    if (!(t instanceof TrancheDue d)) {
      return false;
    }
    BlockEntry e = blocks.get(d.block());
    if (e != null) {
      BitSet votes = e.approvals.get(d.candidate());
      if (votes != null && votes.cardinality() < needed) {
        check(d.block(), d.candidate(), e);
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
  private void onCoverDue(CoverDue d) {
    BlockEntry e = blocks.get(d.block());
    if (e == null) {
      return;
    }
    BitSet votes = e.approvals.get(d.candidate());
    int missing = votes == null ? 0 : needed - votes.cardinality();
    if (missing <= 0) {
      return;
    }
    int called = d.called() + missing;
    if (d.position() < called) {
      check(d.block(), d.candidate(), e);
    } else {
      ctx.schedule(noShowMicros, new CoverDue(d.block(), d.candidate(), d.position(), called));
    }
  }

  /**
   * Forgets the finalized block's ancestors: finality made their approvals irrelevant. The
   * finalized block stays approved, as the root its descendants' approval builds on.
   */
  public void pruneFinalized(Hash finalized) {
    BlockEntry e = blocks.get(finalized);
    if (e == null) {
      // Finalized by a commit before approval voting took the block in (a node syncing a chain:
      // the block tree imports a run of blocks and GRANDPA finalizes within it): it is the root
      // its descendants' approval builds on once it arrives.
      finalizedNotImported = finalized;
      return;
    }
    approved.add(finalized);
    if (e.number >= 0) {
      // Blocks at or below the finalized height on other forks can never be finalized.
      List<Hash> dead = new ArrayList<>();
      for (Map.Entry<Hash, BlockEntry> x : blocks.entrySet()) {
        if (x.getValue().number >= 0 && x.getValue().number <= e.number && !x.getKey().equals(finalized)) {
          dead.add(x.getKey());
        }
      }
      for (Hash h : dead) {
        blocks.remove(h);
        approved.remove(h);
        children.remove(h);
      }
    }
    Hash h = e.parent;
    while (h != null) {
      BlockEntry a = blocks.remove(h);
      approved.remove(h);
      children.remove(h);
      h = a == null ? null : a.parent;
    }
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
      Map<Integer, List<Hash>> byValidator = new java.util.TreeMap<>();
      for (Map.Entry<Hash, BitSet> c : e.approvals.entrySet()) {
        BitSet votes = c.getValue();
        for (int v = votes.nextSetBit(0); v >= 0; v = votes.nextSetBit(v + 1)) {
          byValidator.computeIfAbsent(v, k -> new ArrayList<>()).add(c.getKey());
        }
      }
      byValidator.forEach((v, cs) -> out.add(new ApprovalsMessage(block, v, cs)));
    }
    return out;
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
      actions.onApproved(h);
      work.addAll(children.getOrDefault(h, List.of()));
    }
  }

}
