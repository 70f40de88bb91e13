package io.parapipe.protocol.relay.node.implicitview;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.ParaId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Tests of the implicit view, after upstream {@code backing_implicit_view.rs} tests
 * ({@code construct_fresh_view}, {@code reuse_block_info_storage}, {@code block_info_cache_pruning}).
 */
class ImplicitViewTest {
  private static final ParaId PARA_A = ParaId.of(1);
  private static final ParaId PARA_B = ParaId.of(2);
  private static final ParaId PARA_C = ParaId.of(3);

  /** A linear chain: block n has hash fromLong(1000 + n) and parent n - 1. */
  private static Hash hashOf(int number) {
    return Hash.fromLong(1000 + number);
  }

  private static final class Headers implements HeaderSource {
    final Map<Hash, BlockHeader> headers = new HashMap<>();
    final List<Hash> requested = new ArrayList<>();

    Headers(int upTo) {
      for (int n = 0; n <= upTo; n++) {
        headers.put(hashOf(n), new BlockHeader(hashOf(n), n == 0 ? Hash.ZERO : hashOf(n - 1), n));
      }
    }

    @Override
    public Optional<BlockHeader> header(Hash hash) {
      requested.add(hash);
      return Optional.ofNullable(headers.get(hash));
    }
  }

  private static List<Hash> range(int from, int downTo) {
    List<Hash> out = new ArrayList<>();
    for (int n = from; n >= downTo; n--) {
      out.add(hashOf(n));
    }
    return out;
  }

  // upstream: construct_fresh_view
  @Test
  void construct_fresh_view() {
    Headers headers = new Headers(20);
    ImplicitView view = new ImplicitView();
    Hash leaf = hashOf(14);
    // Para A may use relay parents down to 10, para B down to 12, para C not before 15.
    Map<ParaId, Integer> mins = Map.of(PARA_A, 10, PARA_B, 12, PARA_C, 15);
    assertThat(view.activateLeaf(leaf, headers, mins)).isEmpty();

    assertThat(view.leaves()).containsExactly(leaf);
    assertThat(view.allAllowedRelayParents()).containsExactlyInAnyOrderElementsOf(range(14, 10));
    assertThat(view.knownAllowedRelayParentsUnder(leaf, Optional.empty())).contains(range(14, 10));
    assertThat(view.knownAllowedRelayParentsUnder(leaf, Optional.of(PARA_A))).contains(range(14, 10));
    assertThat(view.knownAllowedRelayParentsUnder(leaf, Optional.of(PARA_B))).contains(range(14, 12));
    // Minimum above the leaf: nothing allowed.
    assertThat(view.knownAllowedRelayParentsUnder(leaf, Optional.of(PARA_C))).contains(List.of());
    // Unknown para: nothing allowed.
    assertThat(view.knownAllowedRelayParentsUnder(leaf, Optional.of(ParaId.of(99)))).contains(List.of());
    // Blocks that never were leaves have no answer.
    assertThat(view.knownAllowedRelayParentsUnder(hashOf(12), Optional.of(PARA_A))).isEmpty();
    assertThat(view.knownAllowedRelayParentsUnder(hashOf(19), Optional.empty())).isEmpty();

    assertThat(view.activateLeaf(leaf, headers, mins)).contains(new FetchError.AlreadyKnown());
  }

  @Test
  void minimum_equal_to_the_leaf_allows_the_leaf_only() {
    Headers headers = new Headers(20);
    ImplicitView view = new ImplicitView();
    Hash leaf = hashOf(14);
    assertThat(view.activateLeaf(leaf, headers, Map.of(PARA_A, 14))).isEmpty();
    assertThat(view.knownAllowedRelayParentsUnder(leaf, Optional.of(PARA_A))).contains(List.of(leaf));
    // No minimums at all: only the leaf.
    Hash other = hashOf(20);
    assertThat(view.activateLeaf(other, headers, Map.of())).isEmpty();
    assertThat(view.knownAllowedRelayParentsUnder(other, Optional.empty())).contains(List.of(other));
  }

  @Test
  void missing_headers_fail_the_activation() {
    Headers headers = new Headers(20);
    ImplicitView view = new ImplicitView();
    assertThat(view.activateLeaf(hashOf(99), headers, Map.of()))
        .contains(new FetchError.BlockHeaderUnavailable(hashOf(99)));
    headers.headers.remove(hashOf(11));
    assertThat(view.activateLeaf(hashOf(14), headers, Map.of(PARA_A, 10)))
        .contains(new FetchError.BlockHeaderUnavailable(hashOf(11)));
    assertThat(view.leaves()).isEmpty();
  }

  // upstream: reuse_block_info_storage
  @Test
  void reuse_block_info_storage() {
    Headers headers = new Headers(20);
    ImplicitView view = new ImplicitView();
    assertThat(view.activateLeaf(hashOf(14), headers, Map.of(PARA_A, 10))).isEmpty();
    headers.requested.clear();
    // The next leaf in the same chain only needs its own header: ancestors are stored.
    assertThat(view.activateLeaf(hashOf(15), headers, Map.of(PARA_A, 11))).isEmpty();
    assertThat(headers.requested).containsExactly(hashOf(15));
    assertThat(view.knownAllowedRelayParentsUnder(hashOf(15), Optional.of(PARA_A))).contains(range(15, 11));
  }

  // upstream: block_info_cache_pruning
  @Test
  void block_info_cache_pruning() {
    Headers headers = new Headers(20);
    ImplicitView view = new ImplicitView();
    view.activateLeaf(hashOf(17), headers, Map.of(PARA_A, 12));
    view.activateLeaf(hashOf(18), headers, Map.of(PARA_A, 18));
    // Leaf 18 needs only itself, but retains MINIMUM_RETAIN_LENGTH blocks below: min(18, 16) = 16.
    List<Hash> removed = view.deactivateLeaf(hashOf(17));
    assertThat(removed).containsExactlyInAnyOrderElementsOf(range(15, 12));
    assertThat(view.allAllowedRelayParents()).containsExactlyInAnyOrderElementsOf(range(18, 16));
    // Block 16 is retained but is not an allowed relay parent of leaf 18 for para A.
    assertThat(view.knownAllowedRelayParentsUnder(hashOf(18), Optional.of(PARA_A))).contains(List.of(hashOf(18)));
    // Deactivating an unknown leaf does nothing.
    assertThat(view.deactivateLeaf(hashOf(3))).isEmpty();
    // No leaves left: everything goes.
    assertThat(view.deactivateLeaf(hashOf(18))).containsExactlyInAnyOrderElementsOf(range(18, 16));
    assertThat(view.allAllowedRelayParents()).isEmpty();
  }

  @Test
  void former_leaves_keep_their_answer_while_retained() {
    Headers headers = new Headers(20);
    ImplicitView view = new ImplicitView();
    view.activateLeaf(hashOf(14), headers, Map.of(PARA_A, 12));
    view.activateLeaf(hashOf(15), headers, Map.of(PARA_A, 13));
    view.deactivateLeaf(hashOf(14));
    // 14 is retained (15 keeps down to 13) and answers for peers that lag behind.
    assertThat(view.knownAllowedRelayParentsUnder(hashOf(14), Optional.of(PARA_A))).contains(range(14, 12));
  }

  @Test
  void activation_from_prospective_parachains() {
    ImplicitView view = new ImplicitView();
    RelayBlock leaf = new RelayBlock(hashOf(10), 10);
    List<RelayBlock> ancestors = List.of(new RelayBlock(hashOf(9), 9), new RelayBlock(hashOf(8), 8),
        new RelayBlock(hashOf(7), 7));
    view.activateLeafFromProspectiveParachains(leaf, ancestors);
    assertThat(view.containsLeaf(leaf.hash())).isTrue();
    assertThat(view.allAllowedRelayParents()).containsExactlyInAnyOrderElementsOf(range(10, 7));
    // As upstream, the contiguous list holds the ancestors only and no per-para minimums exist.
    assertThat(view.knownAllowedRelayParentsUnder(leaf.hash(), Optional.empty())).contains(range(9, 7));
    assertThat(view.knownAllowedRelayParentsUnder(leaf.hash(), Optional.of(PARA_A))).contains(List.of());
    // Retain minimum = min(lowest ancestor 7, 10 - 2): a later leaf prunes by number.
    view.activateLeafFromProspectiveParachains(new RelayBlock(hashOf(11), 11), List.of(new RelayBlock(hashOf(10), 10)));
    view.deactivateLeaf(leaf.hash());
    assertThat(view.allAllowedRelayParents()).containsExactlyInAnyOrder(hashOf(9), hashOf(10), hashOf(11));
    // Without ancestors the retain minimum is 0: nothing is pruned while that leaf is active.
    ImplicitView sync = new ImplicitView();
    sync.activateLeafFromProspectiveParachains(new RelayBlock(hashOf(5), 5), List.of());
    sync.activateLeafFromProspectiveParachains(new RelayBlock(hashOf(6), 6), List.of());
    sync.deactivateLeaf(hashOf(6));
    assertThat(sync.allAllowedRelayParents()).containsExactlyInAnyOrder(hashOf(5), hashOf(6));
    // A known leaf is a no-op.
    sync.activateLeafFromProspectiveParachains(new RelayBlock(hashOf(5), 5), List.of(new RelayBlock(hashOf(4), 4)));
    assertThat(sync.allAllowedRelayParents()).doesNotContain(hashOf(4));
  }
}
