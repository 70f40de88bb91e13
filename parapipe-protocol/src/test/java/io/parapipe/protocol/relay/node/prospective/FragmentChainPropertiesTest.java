package io.parapipe.protocol.relay.node.prospective;

import static io.parapipe.protocol.relay.node.prospective.TestCandidates.head;
import static io.parapipe.protocol.relay.node.prospective.TestCandidates.makeCommittedCandidate;
import static io.parapipe.protocol.relay.node.prospective.TestCandidates.makeConstraints;
import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.HeadData;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.relay.node.prospective.TestCandidates.Made;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Invariants of the fragment chain under random candidates and random operation orders.
 *
 * <p>Candidates are generated from a seed: each builds on the base head or on an earlier
 * candidate's output, with a relay parent drawn from the scope (and sometimes from outside it).
 * In the "tree" mode every output head is fresh; otherwise candidates may also reuse heads,
 * producing cycles and several paths to one head.
 */
class FragmentChainPropertiesTest {
  private static final ParaId PARA = ParaId.of(7);
  private static final HeadData ROOT = head(0xaa, 0xaa);

  /** A generated world: relay blocks, scope, candidates. */
  private static final class World {
    final List<RelayChainBlockInfo> blocks = new ArrayList<>(); // newest first: leaf, ancestors...
    final RelayChainBlockInfo outOfScope;
    final Scope scope;
    final List<Made> candidates = new ArrayList<>();
    final List<RelayChainBlockInfo> candidateRelayParents = new ArrayList<>();
    final int maxDepth;

    World(long seed, int n, int ancestry, int maxDepth, boolean tree) {
      this.maxDepth = maxDepth;
      Random random = new Random(seed);
      int leafNumber = 20;
      for (int i = 0; i <= ancestry; i++) {
        blocks.add(new RelayChainBlockInfo(Hash.fromLong(5000 + i), leafNumber - i, Hash.ZERO));
      }
      outOfScope = new RelayChainBlockInfo(Hash.fromLong(5000 + ancestry + 1), leafNumber - ancestry - 1, Hash.ZERO);
      Constraints base = makeConstraints(leafNumber - ancestry, List.of(), ROOT);
      scope = Scope.withAncestors(blocks.get(0), base, List.of(), maxDepth, blocks.subList(1, blocks.size())).value();

      List<HeadData> heads = new ArrayList<>();
      heads.add(ROOT);
      for (int i = 0; i < n; i++) {
        HeadData parent = heads.get(random.nextInt(heads.size()));
        HeadData output;
        if (!tree && random.nextInt(5) == 0) {
          output = heads.get(random.nextInt(heads.size()));
          if (output.equals(parent)) {
            output = head(0xbb, i);
          }
        } else {
          output = head(0xbb, i);
        }
        RelayChainBlockInfo rp = random.nextInt(12) == 0 ? outOfScope : blocks.get(random.nextInt(blocks.size()));
        candidates.add(makeCommittedCandidate(PARA, rp.hash(), rp.number(), parent, output, rp.number(), seed + i));
        candidateRelayParents.add(rp);
        heads.add(output);
      }
    }
  }

  private static void checkInvariants(FragmentChain chain, int maxDepth) {
    List<FragmentChain.ChainLink> links = chain.bestChainLinks();
    // The best chain never exceeds max_candidate_depth + 1.
    assertThat(links.size()).isLessThanOrEqualTo(maxDepth + 1);
    // It links head to head from the required parent.
    Hash expectedParent = chain.scope().baseConstraints().requiredParent().hash();
    int previousRelayParent = Integer.MIN_VALUE;
    Set<Hash> seen = new HashSet<>();
    boolean pendingPrefix = true;
    for (FragmentChain.ChainLink link : links) {
      assertThat(link.parentHeadDataHash()).isEqualTo(expectedParent);
      expectedParent = link.outputHeadDataHash();
      // Never a relay parent out of scope, except for candidates pending availability.
      if (!link.pendingAvailability()) {
        assertThat(chain.scope().ancestor(link.relayParent().hash())).contains(link.relayParent());
      }
      // Pending candidates come first.
      if (!link.pendingAvailability()) {
        pendingPrefix = false;
      } else {
        assertThat(pendingPrefix).isTrue();
      }
      // Relay parents never move backwards; no candidate twice.
      assertThat(link.relayParent().number()).isGreaterThanOrEqualTo(previousRelayParent);
      previousRelayParent = link.relayParent().number();
      assertThat(seen.add(link.candidateHash())).isTrue();
      assertThat(chain.isCandidateBacked(link.candidateHash())).isTrue();
    }
    // A candidate is never both in the best chain and unconnected.
    for (CandidateEntry e : chain.unconnected()) {
      assertThat(seen).doesNotContain(e.candidateHash());
      assertThat(chain.containsUnconnectedCandidate(e.candidateHash())).isTrue();
    }
  }

  @Property(tries = 300)
  void invariants_hold_under_random_operations(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 14) int n,
      @ForAll @IntRange(min = 0, max = 4) int ancestry,
      @ForAll @IntRange(min = 0, max = 5) int maxDepth,
      @ForAll boolean tree) {
    World world = new World(seed, n, ancestry, maxDepth, tree);
    Random random = new Random(seed ^ 0x5DEECE66DL);
    FragmentChain chain = FragmentChain.init(world.scope, new CandidateStorage());
    List<Integer> ops = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ops.add(i); // introduce i
      ops.add(-i - 1); // back i
    }
    Collections.shuffle(ops, random);
    for (int op : ops) {
      Made m = world.candidates.get(op >= 0 ? op : -op - 1);
      if (op >= 0) {
        chain.tryAddingSecondedCandidate(m.entry(CandidateState.SECONDED));
      } else {
        chain.candidateBacked(m.hash());
      }
      checkInvariants(chain, maxDepth);
    }

    // Move to a new leaf: the first `included` chain nodes are included, the next `pending` are
    // pending availability, and the oldest ancestor leaves the scope.
    List<FragmentChain.ChainLink> links = chain.bestChainLinks();
    int included = links.isEmpty() ? 0 : random.nextInt(links.size() + 1);
    int pending = links.size() == included ? 0 : random.nextInt(links.size() - included + 1);
    HeadData required = ROOT;
    if (included > 0) {
      required = chain.getHeadDataByHash(links.get(included - 1).outputHeadDataHash()).orElseThrow();
    }
    RelayChainBlockInfo newLeaf = new RelayChainBlockInfo(Hash.fromLong(4999), 21, Hash.ZERO);
    List<RelayChainBlockInfo> newAncestors = world.blocks.subList(0, Math.max(0, world.blocks.size() - 1));
    List<PendingAvailability> pendingList = new ArrayList<>();
    CandidateStorage pendingStorage = new CandidateStorage();
    for (int i = included; i < included + pending; i++) {
      FragmentChain.ChainLink link = links.get(i);
      pendingList.add(new PendingAvailability(link.candidateHash(), link.relayParent()));
      Made m = find(world, link.candidateHash());
      assertThat(pendingStorage.addPendingAvailabilityCandidate(m.hash(), m.candidate(), m.pvd())).isEmpty();
    }
    Constraints base = makeConstraints(21 - newAncestors.size(), List.of(), required);
    Scope newScope = Scope.withAncestors(newLeaf, base, pendingList, maxDepth, newAncestors).value();
    FragmentChain next = FragmentChain.init(newScope, pendingStorage);
    next.populateFromPrevious(chain);
    checkInvariants(next, maxDepth);
    // Candidates still pending are at the start of the new chain.
    List<Hash> nextChain = next.bestChainVec();
    for (int i = 0; i < pending; i++) {
      assertThat(nextChain.get(i)).isEqualTo(links.get(included + i).candidateHash());
    }
    // Included candidates never come back into the best chain. (As upstream, one that jumps
    // straight from backable to included, without being pending in between, may linger among the
    // unconnected candidates until its relay parent leaves the scope: its parent head is unknown.)
    for (int i = 0; i < included; i++) {
      assertThat(nextChain).doesNotContain(links.get(i).candidateHash());
    }
  }

  private static Made find(World world, Hash hash) {
    for (Made m : world.candidates) {
      if (m.hash().equals(hash)) {
        return m;
      }
    }
    throw new AssertionError("unknown candidate " + hash);
  }

  /**
   * With tree-shaped candidates (every output head fresh), introducing all candidates in any order
   * and then backing them in any order yields the same best chain: the greedy walk from the base
   * head that takes, at each head, the valid child with the lowest hash (the fork-choice rule).
   */
  @Property(tries = 300)
  void best_chain_does_not_depend_on_order(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 14) int n,
      @ForAll @IntRange(min = 0, max = 4) int ancestry,
      @ForAll @IntRange(min = 0, max = 5) int maxDepth) {
    World world = new World(seed, n, ancestry, maxDepth, true);
    List<Hash> expected = referenceGreedyChain(world);
    for (int run = 0; run < 3; run++) {
      Random random = new Random(seed * 31 + run);
      List<Integer> introduceOrder = shuffled(n, random);
      List<Integer> backOrder = shuffled(n, random);
      FragmentChain chain = FragmentChain.init(world.scope, new CandidateStorage());
      for (int i : introduceOrder) {
        Made m = world.candidates.get(i);
        chain.tryAddingSecondedCandidate(m.entry(CandidateState.SECONDED));
      }
      for (int i : backOrder) {
        chain.candidateBacked(world.candidates.get(i).hash());
      }
      assertThat(chain.bestChainVec()).as("run %d", run).isEqualTo(expected);
    }
  }

  private static List<Integer> shuffled(int n, Random random) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      order.add(i);
    }
    Collections.shuffle(order, random);
    return order;
  }

  /** An independent statement of the Era B best-chain rule for fresh-head trees. */
  private static List<Hash> referenceGreedyChain(World world) {
    List<Hash> chain = new ArrayList<>();
    Hash headHash = ROOT.hash();
    int minRelayParent = world.scope.earliestRelayParent().number();
    while (chain.size() <= world.maxDepth) {
      Made best = null;
      int bestRp = 0;
      for (int i = 0; i < world.candidates.size(); i++) {
        Made m = world.candidates.get(i);
        RelayChainBlockInfo rp = world.candidateRelayParents.get(i);
        boolean valid = m.pvd().parentHead().hash().equals(headHash)
            && world.scope.ancestor(rp.hash()).isPresent()
            && rp.number() >= minRelayParent;
        if (valid && (best == null || m.hash().compareTo(best.hash()) < 0)) {
          best = m;
          bestRp = rp.number();
        }
      }
      if (best == null) {
        break;
      }
      chain.add(best.hash());
      headHash = best.candidate().commitments().headData().hash();
      minRelayParent = bestRp;
    }
    return chain;
  }
}
