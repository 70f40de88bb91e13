package io.parapipe.protocol.relay.node.approval;

import io.parapipe.protocol.events.ApprovalSent;
import io.parapipe.protocol.host.NodeContext;
import io.parapipe.protocol.host.Topic;
import io.parapipe.protocol.primitives.BitVec;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.wire.ApprovalsMessage;
import io.parapipe.protocol.wire.ApprovalsResend;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Approval distribution (upstream {@code approval-distribution}): carries approvals between
 * validators. This validator's approvals of a block go in one message along the 2D grid
 * ({@link GridTopology}): to its row and column, and each of those forwards an approval it got
 * from its originator along the other dimension, so each reaches everyone along two paths (a
 * lost message costs one path, not the approval); without a grid they go to every validator in
 * one broadcast. Under threshold gossip the host draws both hops of the grid at once ({@link
 * NodeContext#postRelayed}) and nobody forwards; the validator reads what reached it at approval
 * voting's decision points (docs/kernel.md). Others' approvals go to {@link ApprovalVoting}.
 * Approvals for a block this node has not imported yet wait until it is (upstream's {@code
 * pending_known}). Assignments are not sent: every validator
 * computes every checker's tranche from the shared randomness ({@link CheckerPermutation}).
 *
 * <p>Aggression (upstream's {@code AggressionConfig}): when finality falls {@link #L1_THRESHOLD}
 * or more blocks behind the newest imported block, every {@link #RESEND_UNFINALIZED_PERIOD}th new
 * block makes this node re-send every approval it knows for unfinalized blocks, so that approvals
 * lost on the way (message loss, a partition, a validator that was offline) reach everyone. Upstream's
 * L1 and L2 levels also widen the grid routing to all peers; here only the re-send is modelled
 * (it goes to all validators).
 */
public final class ApprovalDistribution {
  /** polkadot-sdk {@code approval-distribution} {@code AggressionConfig::default().l1_threshold}. */
  static final int L1_THRESHOLD = 16;
  /** {@code AggressionConfig::default().resend_unfinalized_period}. */
  static final int RESEND_UNFINALIZED_PERIOD = 8;
  /**
   * How long a relayed approval waits on the board for a validator to read it (threshold gossip):
   * far longer than any validator goes without reading, so none is lost that a message would have
   * delivered.
   */
  static final long APPROVAL_LIFETIME_MICROS = 600_000_000;

  private final NodeContext ctx;
  private final int self;
  private final Predicate<Hash> imported;
  /** Node of each validator, by validator index; null: approvals are broadcast to all. */
  private final int[] validatorNodes;
  private final GridTopology grid;
  /** This validator's grid neighbours' nodes (row, then column), and what each forwards to. */
  private int[] firstHop;
  private int[][] onward;
  private ApprovalVoting voting;
  private int highestImported;
  /**
   * The last few blocks approvals were found imported for (compared by identity): approvals come
   * in runs for a handful of unfinalized blocks, so most skip the block tree's lookup.
   */
  private final Hash[] recentImported = new Hash[4];
  private int recentNext;
  // Lookups only: approvals per block not imported yet, in arrival order.
  private final Map<Hash, List<ApprovalsMessage>> pendingKnown = new HashMap<>();

  /**
   * @param self this validator's index in approval messages
   * @param imported whether this node has imported a block
   */
  public ApprovalDistribution(NodeContext ctx, int self, Predicate<Hash> imported) {
    this(ctx, self, imported, null);
  }

  /**
   * Approval distribution along the 2D grid of the given validators.
   *
   * @param validatorNodes node of each validator, by validator index
   */
  public ApprovalDistribution(NodeContext ctx, int self, Predicate<Hash> imported,
      List<Integer> validatorNodes) {
    this.ctx = ctx;
    this.self = self;
    this.imported = imported;
    // An array, not the list: a grid neighbour forwards each approval to about √V validators,
    // and a boxed node id was a pointer to follow per forward.
    this.validatorNodes = validatorNodes == null ? null
        : validatorNodes.stream().mapToInt(Integer::intValue).toArray();
    this.grid = validatorNodes == null ? null : new GridTopology(validatorNodes.size());
  }

  /** Connects approval voting, which receives the approvals (set once, before any message). */
  public void connect(ApprovalVoting voting) {
    this.voting = voting;
  }

  /**
   * Approvals from another validator, received from validator {@code sender} (-1 if unknown):
   * one received from its originator is forwarded along the grid's other dimension.
   */
  public void onApprovals(ApprovalsMessage m, int sender) {
    if (grid != null && sender == m.validator() && sender != self) {
      int[] onward = grid.sameRow(sender, self) ? grid.column(self)
          : grid.sameColumn(sender, self) ? grid.row(self) : GridTopology.none();
      for (int v : onward) {
        if (v != sender) {
          ctx.send(validatorNodes[v], m);
        }
      }
    }
    onApprovals(m);
  }

  /** Approvals from another validator. */
  public void onApprovals(ApprovalsMessage m) {
    // A block once imported stays imported, and approvals come in runs for a few blocks: those
    // last seen imported skip the block tree's lookup (one per delivery, V² per block).
    if (!recentlyImported(m.block())) {
      if (!imported.test(m.block())) {
        pendingKnown.computeIfAbsent(m.block(), k -> new ArrayList<>()).add(m);
        return;
      }
      recentImported[recentNext] = m.block();
      recentNext = (recentNext + 1) % recentImported.length;
    }
    voting.onApprovals(m.validator(), m.block(), m.candidateIndices());
  }

  private boolean recentlyImported(Hash block) {
    for (Hash h : recentImported) {
      if (h == block && h != null) {
        return true;
      }
    }
    return false;
  }

  /**
   * Approval voting took in a newly imported block: hand it the approvals that waited for it, and
   * re-send known approvals if finality lags far enough (aggression).
   *
   * @param number the block's number
   * @param finalized the finalized block
   * @param finalizedNumber its number
   */
  public void onBlockImported(Hash block, int number, Hash finalized, int finalizedNumber) {
    onBlockImported(block);
    if (number <= highestImported) {
      return;
    }
    highestImported = number;
    int age = number - finalizedNumber;
    if (age >= L1_THRESHOLD && age % RESEND_UNFINALIZED_PERIOD == 0) {
      List<ApprovalsMessage> known = voting.knownApprovals(finalized);
      if (!known.isEmpty()) {
        ctx.broadcast(Topic.VALIDATORS, new ApprovalsResend(known));
      }
    }
  }

  /** Approvals another validator re-sent under aggression. */
  public void onResend(ApprovalsResend r) {
    for (ApprovalsMessage m : r.approvals()) {
      onApprovals(m);
    }
  }

  /** Approval voting took in a newly imported block: hand it the approvals that waited for it. */
  public void onBlockImported(Hash block) {
    List<ApprovalsMessage> waiting = pendingKnown.remove(block);
    if (waiting != null) {
      for (ApprovalsMessage m : waiting) {
        voting.onApprovals(m.validator(), m.block(), m.candidateIndices());
      }
    }
  }

  /**
   * Sends this validator's approvals of candidates in {@code block} (along the grid, if any).
   *
   * @param candidateIndices the approved candidates' indices in the block, as sent
   * @param candidates the same candidates' hashes, for the trace
   */
  public void broadcastApprovals(Hash block, BitVec candidateIndices, List<Hash> candidates) {
    ctx.emit(new ApprovalSent(block, candidates));
    ApprovalsMessage m = new ApprovalsMessage(block, self, candidateIndices);
    if (grid == null) {
      ctx.broadcast(Topic.VALIDATORS, m);
      return;
    }
    if (firstHop == null) {
      routes();
    }
    ctx.postRelayed(Topic.APPROVALS, m, APPROVAL_LIFETIME_MICROS,
        voting == null ? 0 : Math.max(0, voting.numberOf(block)), firstHop, onward);
  }

  /**
   * The grid's routes from this validator: its row and column get the approval from it, and
   * forward it along their other dimension ({@link #onApprovals(ApprovalsMessage, int)}).
   */
  private void routes() {
    int[] row = grid.row(self);
    int[] column = grid.column(self);
    firstHop = new int[row.length + column.length];
    onward = new int[firstHop.length][];
    int i = 0;
    for (int v : row) {
      firstHop[i] = validatorNodes[v];
      onward[i++] = nodes(grid.column(v));
    }
    for (int v : column) {
      firstHop[i] = validatorNodes[v];
      onward[i++] = nodes(grid.row(v));
    }
  }

  private int[] nodes(int[] validators) {
    int[] out = new int[validators.length];
    for (int i = 0; i < validators.length; i++) {
      out[i] = validatorNodes[validators[i]];
    }
    return out;
  }
}
