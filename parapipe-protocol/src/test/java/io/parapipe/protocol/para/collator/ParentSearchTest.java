package io.parapipe.protocol.para.collator;

import static io.parapipe.protocol.para.collator.TestChains.relayHash;
import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.para.runtime.ParaBlockHeader;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.ParaId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Ports of the parent-search tests of {@code cumulus/client/consensus/common/src/tests.rs}
 * (reference §11.5): F1 tests 9–17 at [b0d7d52d], F2 tests 18–23 of the newest revision.
 */
class ParentSearchTest {
  static final ParaId PARA = ParaId.of(100);
  static final int NON_INCLUDED_CHAIN_LEN = 5;

  final TestChains.Tree tree = new TestChains.Tree();
  final TestChains.Relay relay = new TestChains.Relay();

  List<PotentialParent> search(int relayParent, int lookback, int maxDepth, boolean ignore) {
    return ParentSearch.findPotentialParents(
        new ParentSearchParams(relayHash(relayParent), PARA, lookback, maxDepth, ignore), tree, relay,
        UnknownPendingPolicy.RETURN_EMPTY);
  }

  static void assertParent(PotentialParent p, ParaBlockHeader expected, int depth, boolean aligned) {
    assertThat(p.hash()).isEqualTo(expected.hash());
    assertThat(p.header()).isEqualTo(expected);
    assertThat(p.depth()).isEqualTo(depth);
    assertThat(p.alignedWithPending()).isEqualTo(aligned);
  }

  @Nested
  class F1 {
    @Test
    void find_potential_parents_in_allowed_ancestry() {
      ParaBlockHeader block = tree.buildAndImport(tree.genesis, 10);
      relay.included.put(relayHash(10), block.headData());
      List<PotentialParent> parents = search(10, 0, 0, true);
      assertThat(parents).hasSize(1);
      assertParent(parents.get(0), block, 0, true);

      // New block is not pending or included.
      relay.included.put(relayHash(13), block.headData());
      ParaBlockHeader child = tree.buildAndImport(block, 11);
      parents = search(13, 2, 1, true);
      assertThat(parents).hasSize(2);
      assertParent(parents.get(1), child, 1, true);

      // Reduce allowed ancestry.
      parents = search(13, 1, 1, true);
      assertThat(parents).hasSize(1);
      assertThat(parents.get(0).hash()).isNotEqualTo(child.hash());
    }

    @Test
    void find_potential_pending_parent() {
      ParaBlockHeader included = tree.buildAndImport(tree.genesis, 10);
      ParaBlockHeader pending = tree.buildAndImport(included, 12);
      relay.included.put(relayHash(15), included.headData());
      relay.pending.put(relayHash(15), pending.headData());
      List<PotentialParent> parents = search(15, 0, 1, true);
      assertThat(parents).hasSize(2);
      assertParent(parents.get(0), included, 0, true);
      assertParent(parents.get(1), pending, 1, true);
    }

    @Test
    void find_potential_parents_with_max_depth() {
      ParaBlockHeader included = tree.buildAndImport(tree.genesis, 10);
      relay.included.put(relayHash(10), included.headData());
      List<ParaBlockHeader> blocks = new ArrayList<>();
      ParaBlockHeader parent = included;
      for (int i = 0; i < NON_INCLUDED_CHAIN_LEN; i++) {
        parent = tree.buildAndImport(parent, 10);
        blocks.add(parent);
      }
      for (int maxDepth = 0; maxDepth <= NON_INCLUDED_CHAIN_LEN; maxDepth++) {
        List<PotentialParent> parents = search(10, 0, maxDepth, true);
        assertThat(parents).hasSize(maxDepth + 1);
        List<ParaBlockHeader> expected = Stream.concat(Stream.of(included), blocks.stream().limit(maxDepth)).toList();
        for (int i = 0; i <= maxDepth; i++) {
          assertParent(parents.get(i), expected.get(i), i, true);
        }
      }
    }

    @Test
    void find_potential_parents_unknown_included() {
      ParaBlockHeader includedButUnknown = tree.build(tree.genesis, 10);
      relay.included.put(relayHash(11), includedButUnknown.headData());
      assertThat(search(11, 1, NON_INCLUDED_CHAIN_LEN, true)).isEmpty();
    }

    @Test
    void find_potential_parents_unknown_pending() {
      ParaBlockHeader included = tree.buildAndImport(tree.genesis, 10);
      ParaBlockHeader pendingButUnknown = tree.build(included, 10);
      relay.included.put(relayHash(11), included.headData());
      relay.pending.put(relayHash(11), pendingButUnknown.headData());
      assertThat(search(11, 1, NON_INCLUDED_CHAIN_LEN, true)).isEmpty();
      // The code revision [a23d5a98] answers the included block instead.
      assertThat(ParentSearch.findPotentialParents(
          new ParentSearchParams(relayHash(11), PARA, 1, NON_INCLUDED_CHAIN_LEN, true), tree, relay,
          UnknownPendingPolicy.RETURN_INCLUDED))
          .extracting(PotentialParent::hash).containsExactly(included.hash());
    }

    @Test
    void find_potential_parents_unknown_pending_include_alternative_branches() {
      ParaBlockHeader included = tree.buildAndImport(tree.genesis, 10);
      ParaBlockHeader alt = tree.buildAndImport(included, 11);
      ParaBlockHeader pendingButUnknown = tree.build(included, 10);
      relay.included.put(relayHash(11), included.headData());
      relay.pending.put(relayHash(11), pendingButUnknown.headData());
      List<PotentialParent> parents = search(11, 1, NON_INCLUDED_CHAIN_LEN, false);
      assertThat(parents).extracting(PotentialParent::hash).containsExactly(included.hash(), alt.hash());
    }

    /** Test where there are multiple pending blocks. */
    @Test
    void find_potential_parents_aligned_with_late_pending() {
      ParaBlockHeader included = tree.buildAndImport(tree.genesis, 10);
      ParaBlockHeader inBetween = tree.buildAndImport(included, 10);
      ParaBlockHeader pending = tree.buildAndImport(inBetween, 10);
      relay.included.put(relayHash(11), included.headData());
      relay.pending.put(relayHash(11), pending.headData());
      List<ParaBlockHeader> aligned = new ArrayList<>();
      ParaBlockHeader parent = pending;
      for (int i = 2; i < NON_INCLUDED_CHAIN_LEN; i++) {
        parent = tree.buildAndImport(parent, 10);
        aligned.add(parent);
      }
      List<ParaBlockHeader> alt = new ArrayList<>();
      parent = included;
      for (int i = 0; i < NON_INCLUDED_CHAIN_LEN; i++) {
        parent = tree.buildAndImport(parent, 11);
        alt.add(parent);
      }
      List<ParaBlockHeader> alignedChain =
          Stream.concat(Stream.of(included, inBetween, pending), aligned.stream()).toList();
      checkIgnoringAndNot(alignedChain, alt);
    }

    @Test
    void find_potential_parents_aligned_with_pending() {
      ParaBlockHeader included = tree.buildAndImport(tree.genesis, 10);
      ParaBlockHeader pending = tree.buildAndImport(included, 10);
      relay.included.put(relayHash(11), included.headData());
      relay.pending.put(relayHash(11), pending.headData());
      List<ParaBlockHeader> aligned = new ArrayList<>();
      ParaBlockHeader parent = pending;
      for (int i = 1; i < NON_INCLUDED_CHAIN_LEN; i++) {
        parent = tree.buildAndImport(parent, 10);
        aligned.add(parent);
      }
      List<ParaBlockHeader> alt = new ArrayList<>();
      parent = included;
      for (int i = 0; i < NON_INCLUDED_CHAIN_LEN; i++) {
        parent = tree.buildAndImport(parent, 11);
        alt.add(parent);
      }
      List<ParaBlockHeader> alignedChain = Stream.concat(Stream.of(included, pending), aligned.stream()).toList();
      checkIgnoringAndNot(alignedChain, alt);
    }

    private void checkIgnoringAndNot(List<ParaBlockHeader> alignedChain, List<ParaBlockHeader> alt) {
      // Ignore alternative branches.
      for (int maxDepth = 0; maxDepth <= NON_INCLUDED_CHAIN_LEN; maxDepth++) {
        List<PotentialParent> parents = search(11, 1, maxDepth, true);
        assertThat(parents).hasSize(maxDepth + 1);
        for (int i = 0; i <= maxDepth; i++) {
          assertParent(parents.get(i), alignedChain.get(i), i, true);
        }
      }
      // Do not ignore.
      for (int maxDepth = 0; maxDepth <= NON_INCLUDED_CHAIN_LEN; maxDepth++) {
        List<PotentialParent> parents = search(11, 1, maxDepth, false);
        int expectedLen = 2 * maxDepth + 1;
        assertThat(parents).hasSize(expectedLen);
        List<ParaBlockHeader> expectedAligned = alignedChain.subList(0, maxDepth + 1);
        List<ParaBlockHeader> expectedAlt = alt.subList(0, maxDepth);
        for (PotentialParent p : parents) {
          Optional<ParaBlockHeader> a = expectedAligned.stream().filter(h -> h.hash().equals(p.hash())).findFirst();
          Optional<ParaBlockHeader> b = expectedAlt.stream().filter(h -> h.hash().equals(p.hash())).findFirst();
          assertThat(a.isPresent() || b.isPresent()).as("missing parent").isTrue();
          assertThat(p.header()).isEqualTo(a.orElseGet(b::get));
          assertThat(p.alignedWithPending()).isEqualTo(a.isPresent());
        }
      }
    }

    /** Tests that no potential parent gets discarded if there's no pending availability block. */
    @Test
    void find_potential_parents_aligned_no_pending() {
      ParaBlockHeader included = tree.buildAndImport(tree.genesis, 10);
      relay.included.put(relayHash(11), included.headData());
      ParaBlockHeader parent = included;
      for (int i = 0; i < NON_INCLUDED_CHAIN_LEN; i++) {
        parent = tree.buildAndImport(parent, 10);
      }
      parent = included;
      for (int i = 0; i < NON_INCLUDED_CHAIN_LEN; i++) {
        parent = tree.buildAndImport(parent, 11);
      }
      for (int maxDepth = 0; maxDepth <= NON_INCLUDED_CHAIN_LEN; maxDepth++) {
        List<PotentialParent> aligned = search(11, 1, maxDepth, true);
        List<PotentialParent> all = search(11, 1, maxDepth, false);
        assertThat(all).hasSize(2 * maxDepth + 1);
        assertThat(all).isEqualTo(aligned);
      }
    }

    @Test
    void relayAncestryStopsAtASessionChange() {
      ParaBlockHeader included = tree.buildAndImport(tree.genesis, 10);
      ParaBlockHeader child = tree.buildAndImport(included, 11);
      relay.included.put(relayHash(13), included.headData());
      assertThat(search(13, 2, 1, true)).hasSize(2);
      // Relay block 12's children are in session 1, block 11's in session 0: 11 is no longer allowed.
      relay.sessions.put(relayHash(13), 1);
      relay.sessions.put(relayHash(12), 1);
      assertThat(search(13, 2, 1, true)).extracting(PotentialParent::hash).containsExactly(included.hash());
      assertThat(child).isNotNull();
    }
  }

  @Nested
  class F2 {
    Optional<ParentSearchResult> find(int relayParent, int lookback) {
      return ParentSearch.findParentForBuilding(relayHash(relayParent), PARA, lookback, tree, relay, h -> true);
    }

    /** Tests that the best parent is found within allowed ancestry. */
    @Test
    void find_best_parent_in_allowed_ancestry() {
      ParaBlockHeader included = tree.buildAndImport(tree.genesis, 10);
      relay.included.put(relayHash(10), included.headData());
      ParentSearchResult r = find(10, 0).orElseThrow();
      assertThat(r.bestParentHeader()).isEqualTo(included);
      assertThat(r.includedHeader()).isEqualTo(included);

      relay.included.put(relayHash(13), included.headData());
      ParaBlockHeader child = tree.buildAndImport(included, 11);
      assertThat(find(13, 2).orElseThrow().bestParentHeader()).isEqualTo(child);
      // With ancestry_lookback 0 the child's relay parent is too old.
      assertThat(find(13, 0).orElseThrow().bestParentHeader().hash()).isEqualTo(included.hash());
    }

    /** Tests that pending availability block is used as starting point for search. */
    @Test
    void find_best_parent_with_pending() {
      ParaBlockHeader included = tree.buildAndImport(tree.genesis, 10);
      ParaBlockHeader pending = tree.buildAndImport(included, 12);
      relay.included.put(relayHash(15), included.headData());
      relay.pending.put(relayHash(15), pending.headData());
      ParentSearchResult r = find(15, 0).orElseThrow();
      assertThat(r.bestParentHeader()).isEqualTo(pending);
      assertThat(r.includedHeader()).isEqualTo(included);
    }

    @Test
    void find_best_parent_unknown_included_returns_none() {
      ParaBlockHeader includedButUnknown = tree.build(tree.genesis, 10);
      relay.included.put(relayHash(11), includedButUnknown.headData());
      assertThat(find(11, 1)).isEmpty();
    }

    @Test
    void find_best_parent_unknown_pending_returns_none() {
      ParaBlockHeader included = tree.buildAndImport(tree.genesis, 10);
      ParaBlockHeader pendingButUnknown = tree.build(included, 10);
      relay.included.put(relayHash(11), included.headData());
      relay.pending.put(relayHash(11), pendingButUnknown.headData());
      assertThat(find(11, 1)).isEmpty();
    }

    /** Tests that the deepest block is found when there are multiple forks. */
    @Test
    void find_best_parent_with_forks_returns_deepest() {
      ParaBlockHeader included = tree.buildAndImport(tree.genesis, 10);
      ParaBlockHeader pending = tree.buildAndImport(included, 11);
      relay.included.put(relayHash(20), included.headData());
      relay.pending.put(relayHash(20), pending.headData());
      ParaBlockHeader f1b1 = tree.buildAndImport(pending, 12);
      tree.buildAndImport(f1b1, 13);
      ParaBlockHeader f2b1 = tree.buildAndImport(pending, 14);
      ParaBlockHeader f2b2 = tree.buildAndImport(f2b1, 15);
      ParaBlockHeader f2b3 = tree.buildAndImport(f2b2, 16);
      tree.buildAndImport(pending, 17);
      ParentSearchResult r = find(20, 10).orElseThrow();
      assertThat(r.bestParentHeader()).isEqualTo(f2b3);
      assertThat(r.includedHeader()).isEqualTo(included);
      assertThat(r.unincludedSegmentLength()).isEqualTo(4);
    }

    /** Tests that the deepest block in a chain is returned as best parent. */
    @Test
    void find_best_parent_returns_deepest_block() {
      ParaBlockHeader included = tree.buildAndImport(tree.genesis, 10);
      ParaBlockHeader pending = tree.buildAndImport(included, 10);
      relay.included.put(relayHash(11), included.headData());
      relay.pending.put(relayHash(11), pending.headData());
      ParaBlockHeader last = pending;
      for (int i = 1; i < 5; i++) {
        last = tree.buildAndImport(last, 10);
      }
      ParentSearchResult r = find(11, 1).orElseThrow();
      assertThat(r.bestParentHeader()).isEqualTo(last);
      assertThat(r.includedHeader()).isEqualTo(included);
    }

    @Test
    void blockFilterPrunesABranch() {
      ParaBlockHeader included = tree.buildAndImport(tree.genesis, 10);
      relay.included.put(relayHash(11), included.headData());
      ParaBlockHeader a = tree.buildAndImport(included, 10);
      ParaBlockHeader b = tree.buildAndImport(a, 10);
      Hash rejected = a.hash();
      ParentSearchResult r = ParentSearch.findParentForBuilding(
          relayHash(11), PARA, 1, tree, relay, h -> !h.hash().equals(rejected)).orElseThrow();
      assertThat(r.bestParentHeader()).isEqualTo(included);
      assertThat(b).isNotNull();
    }

    @Test
    void toleratesUpToTwoEarlierSessions() {
      ParaBlockHeader included = tree.buildAndImport(tree.genesis, 10);
      relay.included.put(relayHash(13), included.headData());
      ParaBlockHeader child = tree.buildAndImport(included, 11);
      relay.sessions.put(relayHash(13), 2);
      relay.sessions.put(relayHash(12), 2);
      // Block 11's children are in session 0: two sessions back is still tolerated.
      assertThat(find(13, 2).orElseThrow().bestParentHeader()).isEqualTo(child);
      relay.sessions.put(relayHash(13), 3);
      relay.sessions.put(relayHash(12), 3);
      assertThat(find(13, 2).orElseThrow().bestParentHeader()).isEqualTo(included);
    }
  }
}
