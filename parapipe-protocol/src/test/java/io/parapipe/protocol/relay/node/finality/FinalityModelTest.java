package io.parapipe.protocol.relay.node.finality;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.host.Timer;
import io.parapipe.protocol.wire.GrandpaMessage;
import io.parapipe.protocol.primitives.BitVec;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.relay.node.approval.ApprovalVoting;
import io.parapipe.protocol.relay.node.chain.BlockTree;
import io.parapipe.protocol.testing.ManualContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FinalityModelTest {
  record B(Hash hash, Hash parent, int number) {}

  static final BlockTree.Shape<B> SHAPE = new BlockTree.Shape<>() {
    public Hash hash(B b) {
      return b.hash();
    }

    public Hash parentHash(B b) {
      return b.parent();
    }

    public int number(B b) {
      return b.number();
    }
  };

  static final B GENESIS = new B(Hash.fromLong(1000), Hash.ZERO, 0);

  static B block(int n) {
    return new B(Hash.fromLong(n), n == 1 ? GENESIS.hash() : Hash.fromLong(n - 1), n);
  }

  /** n validators exchanging messages instantly; some may be offline. */
  static final class Net {
    final int n;
    final Set<Integer> offline;
    final List<ManualContext> ctx = new ArrayList<>();
    final List<BlockTree<B>> trees = new ArrayList<>();
    final List<ApprovalVoting> approvals = new ArrayList<>();
    final List<GrandpaVoter<B>> voters = new ArrayList<>();
    final List<List<Integer>> finalized = new ArrayList<>();
    final List<Integer> checks = new ArrayList<>();
    /** Commit messages gossiped, by sender. */
    final List<Integer> commitsSent = new ArrayList<>();
    final ArrayDeque<Runnable> inbox = new ArrayDeque<>();
    /** Validators that hear no GRANDPA message while listed (a lossy link). */
    final Set<Integer> deaf = new HashSet<>();

    Net(int n, int needed, Set<Integer> offline) {
      this(n, needed, offline, b -> 0L);
    }

    Net(int n, int needed, Set<Integer> offline, java.util.function.ToLongFunction<B> setIdAfter) {
      this.n = n;
      this.offline = offline;
      for (int i = 0; i < n; i++) {
        final int me = i;
        ManualContext c = new ManualContext(i);
        BlockTree<B> tree = new BlockTree<>(SHAPE, GENESIS);
        List<Integer> fin = new ArrayList<>();
        ctx.add(c);
        trees.add(tree);
        finalized.add(fin);
        checks.add(0);
        ApprovalVoting[] av = new ApprovalVoting[1];
        GrandpaVoter<B> voter = new GrandpaVoter<>(c, i, n, 1_000_000, tree, SHAPE,
            h -> av[0].isApproved(h), setIdAfter, new GrandpaVoter.Actions() {
              public void broadcast(GrandpaMessage m) {
                if (m instanceof io.parapipe.protocol.wire.GrandpaCommitMessage) {
                  commitsSent.add(me);
                }
                for (int j = 0; j < n; j++) {
                  if (j != me && !offline.contains(j) && !deaf.contains(j)) {
                    int to = j;
                    inbox.add(() -> voters.get(to).onMessage(m));
                  }
                }
              }

              public void send(int to, GrandpaMessage m) {
                if (!offline.contains(to) && !deaf.contains(to)) {
                  inbox.add(() -> voters.get(to).onMessage(m));
                }
              }

              public void onFinalized(Hash block, int number) {
                fin.add(number);
              }
            });
        av[0] = new ApprovalVoting(c, i, n, needed, 12_000_000, 7, GENESIS.hash(),
            new ApprovalVoting.Actions() {
              public void recoverAndExecute(Hash block, Hash candidate) {
                checks.set(me, checks.get(me) + 1);
                inbox.add(() -> approvals.get(me).onChecked(block, candidate, true));
              }

              public void broadcastApprovals(Hash block, BitVec candidateIndices, List<Hash> candidates) {
                for (int j = 0; j < n; j++) {
                  if (j != me && !offline.contains(j)) {
                    int to = j;
                    inbox.add(() -> approvals.get(to).onApprovals(me, block, candidateIndices));
                  }
                }
              }

              public void onApproved(Hash block) {
                inbox.add(voter::onChainChanged);
              }
            });
        approvals.add(av[0]);
        voters.add(voter);
      }
    }

    void importBlock(B b, List<Hash> candidates) {
      for (int i = 0; i < n; i++) {
        if (offline.contains(i)) {
          continue;
        }
        trees.get(i).add(b);
        approvals.get(i).onBlockImported(b.hash(), b.parent(), candidates);
        voters.get(i).onChainChanged();
      }
      drain();
    }

    void advance(long t) {
      for (int i = 0; i < n; i++) {
        if (offline.contains(i)) {
          continue;
        }
        for (Timer timer : ctx.get(i).due(t)) {
          if (!approvals.get(i).onTimer(timer)) {
            voters.get(i).onTimer(timer);
          }
        }
      }
      drain();
    }

    void drain() {
      while (!inbox.isEmpty()) {
        inbox.poll().run();
      }
    }
  }

  static List<Hash> candidates(int block, int count) {
    List<Hash> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(Hash.fromLong(block * 100L + i + 1));
    }
    return out;
  }

  @Test
  void exactlyNeededCheckersCheckEachCandidateWhenAllShowUp() {
    Net net = new Net(20, 5, Set.of());
    net.importBlock(block(1), candidates(1, 4));
    assertThat(net.checks.stream().mapToInt(Integer::intValue).sum()).isEqualTo(4 * 5);
    for (int i = 0; i < 20; i++) {
      assertThat(net.approvals.get(i).isApproved(block(1).hash())).isTrue();
    }
  }

  @Test
  void blocksAreFinalizedWhenApprovedAndASupermajorityVotes() {
    Net net = new Net(10, 3, Set.of());
    long t = 0;
    for (int b = 1; b <= 5; b++) {
      t += 6_000_000;
      net.advance(t);
      net.importBlock(block(b), candidates(b, 2));
    }
    net.advance(t + 2_000_000);
    for (int i = 0; i < 10; i++) {
      assertThat(net.trees.get(i).finalized().number()).isEqualTo(5);
      assertThat(net.finalized.get(i)).isSorted().contains(5);
    }
  }

  @Test
  void noShowsAreCoveredByTheNextTranche() {
    // Validators 0..3 offline: some tranche-0 checkers never approve.
    Set<Integer> offline = new HashSet<>(List.of(0, 1, 2, 3));
    Net net = new Net(20, 5, offline);
    net.importBlock(block(1), candidates(1, 6));
    boolean approvedAtOnce = net.approvals.get(10).isApproved(block(1).hash());
    net.advance(12_000_000);
    net.advance(24_000_000);
    net.advance(36_000_000);
    assertThat(approvedAtOnce).isFalse();
    assertThat(net.approvals.get(10).isApproved(block(1).hash())).isTrue();
  }

  @Test
  void withMoreThanAThirdOfflineNothingIsFinalized() {
    Net net = new Net(9, 3, Set.of(0, 1, 2, 3));
    long t = 0;
    for (int b = 1; b <= 3; b++) {
      t += 6_000_000;
      net.advance(t);
      net.importBlock(block(b), List.of());
    }
    net.advance(t + 60_000_000);
    assertThat(net.trees.get(5).finalized().number()).isZero();
  }

  /** Advances in 250 ms steps so that timers set by timers fire in order. */
  static void runUntil(Net net, long from, long to) {
    for (long t = from; t <= to; t += 250_000) {
      net.advance(t);
    }
  }

  @Test
  void aValidatorThatMissedARoundsVotesCatchesUpFromWhatItsNeighbourPacketBringsIn() {
    Net net = new Net(4, 0, Set.of());
    net.deaf.add(3);
    net.advance(6_000_000);
    net.importBlock(block(1), List.of());
    // Deaf past the commit delay (at most 2 s): the others' gossiped commits are lost too.
    runUntil(net, 6_000_000, 8_500_000);
    assertThat(net.trees.get(0).finalized().number()).isEqualTo(1);
    assertThat(net.trees.get(3).finalized().number()).as("heard nothing").isZero();
    net.deaf.clear();
    // No new block, so no new round: only the stalled round's rebroadcast (a neighbour packet)
    // and the others' answers (their last commit, their votes of the round) bring 3 to #1.
    runUntil(net, 8_750_000, 30_000_000);
    assertThat(net.trees.get(3).finalized().number()).isEqualTo(1);
  }

  @Test
  void aSessionChangeBlockIsFinalizedOnItsOwnAndTheNextSetGoesOnFromRoundOne() {
    // Block 3 ends session 0: the next authority set (id 1) is in force once it is finalized.
    Net net = new Net(4, 0, Set.of(), b -> b.number() >= 3 ? 1 : 0);
    net.advance(6_000_000);
    for (int b = 1; b <= 5; b++) {
      net.importBlock(block(b), List.of());
    }
    runUntil(net, 6_000_000, 30_000_000);
    for (int i = 0; i < 4; i++) {
      assertThat(net.finalized.get(i)).as("validator %d", i).contains(3).last().isEqualTo(5);
      assertThat(net.voters.get(i).setId()).isEqualTo(1);
    }
  }

  @Test
  void aLostVoteDoesNotStallARoundThatNeedsEveryOnlineValidator() {
    // 6 of 20 offline: the threshold of 14 needs all 14 online voters. One validator hears
    // nothing for a while; the others' stalled round recovers by rebroadcast once it hears again.
    Set<Integer> offline = Set.of(0, 1, 2, 3, 4, 5);
    Net net = new Net(20, 0, offline);
    net.deaf.add(7);
    net.advance(6_000_000);
    net.importBlock(block(1), List.of());
    runUntil(net, 6_000_000, 8_000_000);
    net.deaf.clear();
    net.importBlock(block(2), List.of());
    runUntil(net, 8_250_000, 40_000_000);
    for (int i = 6; i < 20; i++) {
      assertThat(net.trees.get(i).finalized().number()).as("validator %d", i).isEqualTo(2);
    }
  }

  @Test
  void aCommitForNoHigherBlockThanTheLastCommitIsIgnoredAsUpstreamGossipRejectsIt() {
    Net net = new Net(4, 0, Set.of());
    net.advance(6_000_000);
    net.importBlock(block(1), List.of());
    runUntil(net, 6_000_000, 8_500_000);
    GrandpaVoter<B> voter = net.voters.get(0);
    assertThat(net.trees.get(0).finalized().number()).isEqualTo(1);
    long round = voter.round();
    List<io.parapipe.protocol.wire.GrandpaCommitMessage.SignedVote> precommits = new ArrayList<>();
    for (int v = 0; v < 4; v++) {
      precommits.add(new io.parapipe.protocol.wire.GrandpaCommitMessage.SignedVote(
          v, block(1).hash(), 1));
    }
    // A well-supported commit of a later round for the block already committed: before the
    // rule it would have ended this voter's round and moved it to round + 5.
    voter.onMessage(new io.parapipe.protocol.wire.GrandpaCommitMessage(
        0, round + 5, block(1).hash(), 1, precommits, 1));
    assertThat(voter.round()).isEqualTo(round);
    // A commit for a higher block is still considered.
    net.trees.get(0).add(block(2));
    precommits.replaceAll(p -> new io.parapipe.protocol.wire.GrandpaCommitMessage.SignedVote(
        p.validator(), block(2).hash(), 2));
    voter.onMessage(new io.parapipe.protocol.wire.GrandpaCommitMessage(
        0, round + 5, block(2).hash(), 2, precommits, 1));
    assertThat(voter.round()).isEqualTo(round + 5);
    assertThat(net.trees.get(0).finalized().number()).isEqualTo(2);
  }

  @Test
  void aVoterThatImportedItsRoundsCommitDoesNotGossipItsOwn() {
    // Instant links: every voter completes round 1 at once and arms its commit timer (a random
    // delay under 2 s); the first to fire gossips, and the others, having imported that commit,
    // stay quiet (finality-grandpa's RoundCommitter). Before, each one sent its own.
    Net net = new Net(10, 0, Set.of());
    net.advance(6_000_000);
    net.importBlock(block(1), List.of());
    runUntil(net, 6_000_000, 9_000_000);
    for (int i = 0; i < 10; i++) {
      assertThat(net.trees.get(i).finalized().number()).isEqualTo(1);
    }
    assertThat(net.commitsSent).hasSize(1);
  }
}
