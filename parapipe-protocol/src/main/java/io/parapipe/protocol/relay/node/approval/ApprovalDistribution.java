package io.parapipe.protocol.relay.node.approval;

import io.parapipe.protocol.events.ApprovalSent;
import io.parapipe.protocol.host.NodeContext;
import io.parapipe.protocol.host.RelayRoute;
import io.parapipe.protocol.host.Topic;
import io.parapipe.protocol.primitives.BitVec;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.wire.ApprovalsMessage;
import io.parapipe.protocol.wire.ApprovalsResend;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * Approval distribution (upstream {@code approval-distribution}): carries approvals between
 * validators. This validator's approvals of a block go in one message along the 2D grid
 * ({@link GridTopology}): to its row and column, and each validator that first gets an approval
 * sends it on as the originator's position requires (a validator in the originator's row along its
 * column, one in its column along its row: upstream's {@code required_routing_by_index}), so each
 * reaches everyone along two paths (a lost message costs one path, not the approval). Besides the
 * grid, every validator that first gets (or makes) an approval sends it to {@link #randomRouting}
 * validators drawn at random among those the grid does not send it to (upstream's {@code
 * RandomRouting}: {@code DEFAULT_RANDOM_CIRCULATION} = 4 peers per message, in {@code
 * polkadot/node/network/protocol/src/grid_topology.rs}; upstream sends an approval to the peers it
 * sent the assignment to, and assignments are routed at random so), which carries approvals around
 * offline validators that both grid paths cross. Without a grid they go to every validator in one
 * broadcast. Under threshold gossip the host draws the whole spread at once ({@link
 * NodeContext#postRelayed(Topic, io.parapipe.protocol.host.Message, long, long, RelayRoute)}, along {@link
 * #forwards}) and nobody sends on; the validator reads what reached it at approval voting's
 * decision points (docs/kernel.md). Others' approvals go to {@link ApprovalVoting}. Approvals for
 * a block this node has not imported yet wait until it is (upstream's {@code pending_known}).
 * Assignments are not sent: every validator computes every checker's tranche from the shared
 * randomness ({@link CheckerPermutation}).
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

  /** Upstream's {@code DEFAULT_RANDOM_CIRCULATION}: random peers per message and validator. */
  public static final int DEFAULT_RANDOM_ROUTING = 4;

  private final NodeContext ctx;
  private final int self;
  private final Predicate<Hash> imported;
  /** Node of each validator, by validator index; null: approvals are broadcast to all. */
  private final int[] validatorNodes;
  /** Validator index of each node, -1 for a node that is no validator. */
  private final int[] validatorOfNode;
  private final GridTopology grid;
  /** How many validators beyond the grid each one sends an approval to when it first has it. */
  private final int randomRouting;
  private RandomGenerator rng;
  /** The route of this validator's own approvals, for a host that draws the spread. */
  private RelayRoute route;
  private int[] scratch;
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
   * Lookups only: the approvals this node has had, by block, so that it sends each on once (when
   * messages are delivered one by one; under threshold gossip nobody sends on). Forgotten at
   * finality.
   */
  private final Map<Hash, Set<ApprovalsMessage>> seen = new HashMap<>();

  /**
   * @param self this validator's index in approval messages
   * @param imported whether this node has imported a block
   */
  public ApprovalDistribution(NodeContext ctx, int self, Predicate<Hash> imported) {
    this(ctx, self, imported, null, 0);
  }

  /**
   * Approval distribution along the 2D grid of the given validators, and to {@code
   * randomRouting} more validators at random from each ({@link #DEFAULT_RANDOM_ROUTING} upstream;
   * 0 for the grid alone).
   *
   * @param validatorNodes node of each validator, by validator index
   */
  public ApprovalDistribution(NodeContext ctx, int self, Predicate<Hash> imported,
      List<Integer> validatorNodes, int randomRouting) {
    if (randomRouting < 0) {
      throw new IllegalArgumentException("randomRouting must be >= 0, got " + randomRouting);
    }
    this.ctx = ctx;
    this.self = self;
    this.imported = imported;
    // An array, not the list: a grid neighbour forwards each approval to about √V validators,
    // and a boxed node id was a pointer to follow per forward.
    this.validatorNodes = validatorNodes == null ? null
        : validatorNodes.stream().mapToInt(Integer::intValue).toArray();
    this.grid = validatorNodes == null ? null : new GridTopology(validatorNodes.size());
    this.randomRouting = randomRouting;
    int maxNode = -1;
    for (int i = 0; this.validatorNodes != null && i < this.validatorNodes.length; i++) {
      maxNode = Math.max(maxNode, this.validatorNodes[i]);
    }
    this.validatorOfNode = new int[maxNode + 1];
    Arrays.fill(validatorOfNode, -1);
    for (int i = 0; this.validatorNodes != null && i < this.validatorNodes.length; i++) {
      validatorOfNode[this.validatorNodes[i]] = i;
    }
  }

  /** Connects approval voting, which receives the approvals (set once, before any message). */
  public void connect(ApprovalVoting voting) {
    this.voting = voting;
  }

  /**
   * Approvals from another validator, delivered as a message by node {@code senderNode}: the first
   * time this node has them it sends them on ({@link #forwards}).
   */
  public void onApprovals(ApprovalsMessage m, int senderNode) {
    if (grid != null && m.validator() != self && m.validator() >= 0
        && m.validator() < validatorNodes.length && firstTime(m)) {
      if (scratch == null) {
        scratch = new int[maxForwards()];
      }
      int n = forwards(m.validator(), ctx.self(), senderNode, scratch);
      for (int i = 0; i < n; i++) {
        ctx.send(scratch[i], m);
      }
    }
    onApprovals(m);
  }

  private boolean firstTime(ApprovalsMessage m) {
    return seen.computeIfAbsent(m.block(), b -> new HashSet<>()).add(m);
  }

  /** The most nodes {@link #forwards} names. */
  private int maxForwards() {
    return grid.maxNeighbours() + randomRouting;
  }

  /**
   * Writes to {@code out} the nodes that {@code node} sends an approval made by validator {@code
   * origin} to when it first has it, from node {@code source} (-1: it made it), and returns how
   * many: the grid routing the originator's position requires (both dimensions for the
   * originator, the other one for a validator in its row or column, none otherwise), then
   * {@link #randomRouting} validators at random among the others, the source, the originator and
   * the node itself left out. Draws from this node's random stream.
   */
  int forwards(int origin, int node, int source, int[] out) {
    int v = node < validatorOfNode.length ? validatorOfNode[node] : -1;
    int count = 0;
    if (v >= 0) {
      if (v == origin) {
        count = addNodes(grid.row(v), source, out, count);
        count = addNodes(grid.column(v), source, out, count);
      } else if (grid.sameRow(origin, v)) {
        count = addNodes(grid.column(v), source, out, count);
      } else if (grid.sameColumn(origin, v)) {
        count = addNodes(grid.row(v), source, out, count);
      }
    }
    if (randomRouting == 0) {
      return count;
    }
    // Everyone knows the originator has its own approval: it is left out too.
    int n = validatorNodes.length;
    int made = validatorNodes[origin];
    // Besides the grid's, at most three validators are left out (the node, the source, the
    // originator): only a network that small may have no more than randomRouting to pick from,
    // and then all of them are taken.
    if (n - count - 3 <= randomRouting
        && countPickable(node, source, made, out, count, randomRouting + 1) <= randomRouting) {
      for (int u = 0; u < n; u++) {
        int w = validatorNodes[u];
        if (pickable(w, node, source, made, out, count)) {
          out[count++] = w;
        }
      }
      return count;
    }
    if (rng == null) {
      rng = ctx.random("approval-random-routing");
    }
    int onGrid = count;
    while (count - onGrid < randomRouting) {
      int w = validatorNodes[rng.nextInt(n)];
      if (pickable(w, node, source, made, out, count)) {
        out[count++] = w;
      }
    }
    return count;
  }

  /** How many nodes random routing may pick ({@link #pickable}), counting no further than limit. */
  private int countPickable(int node, int source, int made, int[] out, int count, int limit) {
    int eligible = 0;
    for (int u = 0; u < validatorNodes.length && eligible < limit; u++) {
      if (pickable(validatorNodes[u], node, source, made, out, count)) {
        eligible++;
      }
    }
    return eligible;
  }

  /** Whether random routing may pick node {@code w}: none of the left-out nodes, not picked yet. */
  private static boolean pickable(int w, int node, int source, int made, int[] out, int count) {
    return w != node && w != source && w != made && !contains(out, count, w);
  }

  private int addNodes(int[] validators, int source, int[] out, int count) {
    for (int u : validators) {
      int w = validatorNodes[u];
      if (w != source) {
        out[count++] = w;
      }
    }
    return count;
  }

  private static boolean contains(int[] a, int n, int x) {
    for (int i = 0; i < n; i++) {
      if (a[i] == x) {
        return true;
      }
    }
    return false;
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
    if (!seen.isEmpty()) {
      // Approvals of blocks finality reached or passed by are not sent on any more.
      seen.keySet().removeIf(b -> {
        int at = voting == null ? -1 : voting.numberOf(b);
        return at >= 0 ? at <= finalizedNumber : imported.test(b);
      });
    }
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
   * Sends this validator's approvals of candidates in {@code block} (along the grid and to random
   * validators, if there is a grid).
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
    if (route == null) {
      route = new OwnRoute();
    }
    // Weighted by the candidates it approves: a block's approval needs as many candidate
    // approvals as it misses, which is the bound approval voting waits on.
    ctx.postRelayed(Topic.APPROVALS, m, APPROVAL_LIFETIME_MICROS,
        voting == null ? 0 : Math.max(0, voting.numberOf(block)),
        Math.max(1, candidateIndices.countOnes()), route);
  }

  /** How this validator's own approvals spread ({@link #forwards} from it). */
  private final class OwnRoute implements RelayRoute {
    @Override
    public int maxForwards() {
      return ApprovalDistribution.this.maxForwards();
    }

    @Override
    public int forwards(int node, int source, int[] out) {
      return ApprovalDistribution.this.forwards(self, node, source, out);
    }
  }
}
