package io.parapipe.protocol.relay.node.prospective;

import static io.parapipe.protocol.relay.node.prospective.TestCandidates.MAX_POV_SIZE;
import static io.parapipe.protocol.relay.node.prospective.TestCandidates.head;
import static io.parapipe.protocol.relay.node.prospective.TestCandidates.makeCandidate;
import static io.parapipe.protocol.relay.node.prospective.TestCandidates.repeatByte;
import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.primitives.AsyncBackingParams;
import io.parapipe.protocol.primitives.BackingState;
import io.parapipe.protocol.primitives.CandidatePendingAvailability;
import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.HeadData;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.primitives.PersistedValidationData;
import io.parapipe.protocol.relay.node.prospective.TestCandidates.Made;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Ports of the Era B subsystem tests of upstream
 * {@code polkadot/node/core/prospective-parachains/src/tests.rs} (claim-queue era,
 * {@code AsyncBackingParams{4, 3}}): same names and scenarios, driven through method calls and the
 * {@link FakeRelayChain} instead of a virtual overseer.
 *
 * <p>Upstream's harness answers {@code ChainApi::Ancestors{k: 3}} with as many ancestors as the
 * lowest minimum relay parent of the leaf needs, even more than {@code k}; our fake chain returns
 * at most {@code k}. Where upstream used a minimum relay parent four blocks below the leaf, we use
 * three, and leaves that upstream treats as unrelated live on separate branches of the fake chain
 * (upstream reuses hashes with inconsistent numbers).
 */
class ProspectiveParachainsTest {
  private static final int ALLOWED_ANCESTRY_LEN = 3;
  private static final AsyncBackingParams ASYNC_BACKING_PARAMETERS = new AsyncBackingParams(4, ALLOWED_ANCESTRY_LEN);
  private static final Hash VALIDATION_CODE_HASH = repeatByte(42);
  static final ParaId PARA_1 = ParaId.of(1);
  static final ParaId PARA_2 = ParaId.of(2);

  final FakeRelayChain chain = new FakeRelayChain();
  final ProspectiveParachains subsystem = new ProspectiveParachains(chain, mode());

  /** How the subsystem under test keeps its chains; the on-demand suite overrides it. */
  ProspectiveChainsMode mode() {
    return ProspectiveChainsMode.EXACT;
  }

  ProspectiveParachainsTest() {
    // TestState::default(): core 0 -> para 1, core 1 -> para 2.
    chain.defaultClaimQueue(claimQueue(Map.of(0, List.of(PARA_1), 1, List.of(PARA_2))));
  }

  static SortedMap<CoreIndex, List<ParaId>> claimQueue(Map<Integer, List<ParaId>> cores) {
    SortedMap<CoreIndex, List<ParaId>> cq = new TreeMap<>();
    cores.forEach((core, paras) -> cq.put(CoreIndex.of(core), paras));
    return cq;
  }

  private void onlyPara1Scheduled() {
    chain.defaultClaimQueue(claimQueue(Map.of(0, List.of(PARA_1))));
  }

  record PerParaData(int minRelayParent, HeadData headData, List<CandidatePendingAvailability> pending) {
    PerParaData(int minRelayParent, HeadData headData) {
      this(minRelayParent, headData, List.of());
    }
  }

  record TestLeaf(int number, Hash hash, Map<ParaId, PerParaData> paraData) {}

  private static Map<ParaId, PerParaData> paras(Object... pairs) {
    Map<ParaId, PerParaData> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((ParaId) pairs[i], (PerParaData) pairs[i + 1]);
    }
    return m;
  }

  private static io.parapipe.protocol.primitives.Constraints dummyConstraints(
      int minRelayParentNumber, List<Integer> validWatermarks, HeadData requiredParent) {
    return new io.parapipe.protocol.primitives.Constraints(
        minRelayParentNumber, MAX_POV_SIZE, 1_000_000, 20_480, 10, 1_000, 10, List.of(), validWatermarks,
        new TreeMap<>(), 0, requiredParent, VALIDATION_CODE_HASH, Optional.empty(), Optional.empty());
  }

  void activateLeaf(TestLeaf leaf) {
    activateLeafWithParams(leaf, ASYNC_BACKING_PARAMETERS);
  }

  /** Upstream {@code activate_leaf_with_params} + {@code handle_leaf_activation}. */
  private void activateLeafWithParams(TestLeaf leaf, AsyncBackingParams params) {
    chain.params(leaf.hash(), params);
    leaf.paraData().forEach((para, data) -> chain.backingState(leaf.hash(), para, new BackingState(
        dummyConstraints(data.minRelayParent(), List.of(leaf.number()), data.headData()), data.pending())));
    subsystem.handleActiveLeavesUpdate(Optional.of(leaf.hash()), Set.of());
    // The harness checks GetMinimumRelayParents after every activation.
    SortedMap<ParaId, Integer> expected = new TreeMap<>();
    leaf.paraData().forEach((para, data) -> expected.put(para, data.minRelayParent()));
    assertThat(subsystem.getMinimumRelayParents(leaf.hash())).isEqualTo(expected);
  }

  void deactivateLeaf(Hash hash) {
    subsystem.handleActiveLeavesUpdate(Optional.empty(), Set.of(hash));
  }

  void introduceSecondedCandidate(Made m) {
    assertThat(subsystem.introduceSecondedCandidate(IntroduceSecondedCandidateRequest.of(m.candidate(), m.pvd())))
        .as("introduce %s", m.candidate()).isTrue();
  }

  private void introduceSecondedCandidateFailed(Made m) {
    assertThat(subsystem.introduceSecondedCandidate(IntroduceSecondedCandidateRequest.of(m.candidate(), m.pvd())))
        .isFalse();
  }

  void backCandidate(Made m) {
    subsystem.candidateBacked(m.candidate().paraId(), m.hash());
  }

  private void getBackableCandidates(TestLeaf leaf, ParaId para, Set<Hash> ancestors, int count,
      List<BackableCandidate> expected) {
    assertThat(subsystem.getBackableCandidates(leaf.hash(), para, count, ancestors)).isEqualTo(expected);
  }

  private void getHypotheticalMembership(Made m, Set<Hash> expectedMembership) {
    HypotheticalCandidate candidate = HypotheticalCandidate.Complete.of(m.candidate(), m.pvd());
    List<HypotheticalMembership> resp = subsystem.getHypotheticalMembership(
        new HypotheticalMembershipRequest(List.of(candidate), Optional.empty()));
    assertThat(resp).hasSize(1);
    assertThat(resp.get(0).candidate()).isEqualTo(candidate);
    assertThat(resp.get(0).membership()).containsExactlyInAnyOrderElementsOf(expectedMembership);
  }

  private void getPvd(ParaId para, Hash candidateRelayParent, HeadData parentHeadData,
      Optional<PersistedValidationData> expected) {
    assertThat(subsystem.getProspectiveValidationData(new ProspectiveValidationDataRequest(
        para, candidateRelayParent, new ParentHeadData.OnlyHash(parentHeadData.hash())))).isEqualTo(expected);
  }

  static BackableCandidate bc(Made m, TestLeaf leaf) {
    return new BackableCandidate(m.hash(), leaf.hash());
  }

  static Made candidate(TestLeaf leaf, ParaId para, HeadData parent, HeadData head) {
    return makeCandidate(leaf.hash(), leaf.number(), para, parent, head, VALIDATION_CODE_HASH);
  }

  /** Upstream macro {@code make_and_back_candidate!}. */
  private Made makeAndBackCandidate(TestLeaf leaf, Made parent, int index) {
    Made m = makeCandidate(leaf.hash(), leaf.number(), PARA_1, parent.candidate().commitments().headData(),
        head(index), VALIDATION_CODE_HASH, Hash.fromLong(1000 + index));
    introduceSecondedCandidate(m);
    backCandidate(m);
    return m;
  }

  private static Hash h(long v) {
    return Hash.fromLong(v);
  }

  /** Upstream's three unrelated leaves A (#100), B (#101), C (#102), on separate branches. */
  List<TestLeaf> threeUnrelatedLeaves() {
    chain.branch(130, 100, 4).branch(231, 101, 4).branch(332, 102, 4);
    TestLeaf a = new TestLeaf(100, h(130), paras(
        PARA_1, new PerParaData(97, head(1, 2, 3)), PARA_2, new PerParaData(100, head(2, 3, 4))));
    TestLeaf b = new TestLeaf(101, h(231), paras(
        PARA_1, new PerParaData(99, head(3, 4, 5)), PARA_2, new PerParaData(101, head(4, 5, 6))));
    // Upstream: min relay parent 98 for para 2 (four ancestors); ours is 99.
    TestLeaf c = new TestLeaf(102, h(332), paras(
        PARA_1, new PerParaData(102, head(5, 6, 7)), PARA_2, new PerParaData(99, head(6, 7, 8))));
    return List.of(a, b, c);
  }

  private TestLeaf leafA() {
    chain.branch(130, 100, 4);
    return new TestLeaf(100, h(130), paras(
        PARA_1, new PerParaData(97, head(1, 2, 3)), PARA_2, new PerParaData(100, head(2, 3, 4))));
  }

  @Test
  void should_do_no_work_if_async_backing_disabled_for_leaf() {
    chain.branch(130, 1, 1).asyncBackingUnsupported(h(130));
    subsystem.handleActiveLeavesUpdate(Optional.of(h(130)), Set.of());
    assertThat(subsystem.activeLeaves()).isEmpty();
    assertThat(subsystem.trackedRelayParents()).isEmpty();
    // No other runtime request was made.
    assertThat(chain.calls).containsExactly("asyncBackingParams " + h(130).shortHex());
  }

  @Test
  void disabled_leaf_returns_early_without_processing_deactivations() {
    // Upstream returns from the whole update: the deactivation in the same update is skipped.
    TestLeaf a = leafA();
    activateLeaf(a);
    chain.branch(500, 7, 1).asyncBackingUnsupported(h(500));
    subsystem.handleActiveLeavesUpdate(Optional.of(h(500)), Set.of(a.hash()));
    assertThat(subsystem.activeLeaves()).containsExactly(a.hash());
  }

  // Send some candidates and make sure all are found:
  // - Two for the same leaf A (one for parachain 1 and one for parachain 2)
  // - One for leaf B on parachain 1
  // - One for leaf C on parachain 2
  // Also tests a claim queue size larger than 1.
  @Test
  void introduce_candidates_basic() {
    chain.defaultClaimQueue(claimQueue(Map.of(0, List.of(PARA_1, PARA_2))));
    List<TestLeaf> leaves = threeUnrelatedLeaves();
    TestLeaf leafA = leaves.get(0);
    TestLeaf leafB = leaves.get(1);
    TestLeaf leafC = leaves.get(2);
    activateLeaf(leafA);
    activateLeaf(leafB);
    activateLeaf(leafC);

    Made a1 = candidate(leafA, PARA_1, head(1, 2, 3), head(1));
    Made a2 = candidate(leafA, PARA_2, head(2, 3, 4), head(2));
    Made b = candidate(leafB, PARA_1, head(3, 4, 5), head(3));
    Made c = candidate(leafC, PARA_2, head(6, 7, 8), head(4));

    introduceSecondedCandidate(a1);
    introduceSecondedCandidate(a2);
    introduceSecondedCandidate(b);
    introduceSecondedCandidate(c);

    // Back candidates. Otherwise, we cannot check membership with GetBackableCandidates.
    backCandidate(a1);
    backCandidate(a2);
    backCandidate(b);
    backCandidate(c);

    getBackableCandidates(leafA, PARA_1, Set.of(), 5, List.of(bc(a1, leafA)));
    getBackableCandidates(leafA, PARA_2, Set.of(), 5, List.of(bc(a2, leafA)));
    getBackableCandidates(leafB, PARA_1, Set.of(), 5, List.of(bc(b, leafB)));
    getBackableCandidates(leafC, PARA_2, Set.of(), 5, List.of(bc(c, leafC)));

    // Check membership on other leaves.
    getBackableCandidates(leafB, PARA_2, Set.of(), 5, List.of());
    getBackableCandidates(leafC, PARA_1, Set.of(), 5, List.of());

    assertThat(subsystem.activeLeaves()).hasSize(3);
  }

  @Test
  void introduce_candidate_multiple_times() {
    TestLeaf leafA = leafA();
    activateLeaf(leafA);
    Made a = candidate(leafA, PARA_1, head(1, 2, 3), head(1));
    List<BackableCandidate> responseA = List.of(bc(a, leafA));

    introduceSecondedCandidate(a);
    backCandidate(a);
    getBackableCandidates(leafA, PARA_1, Set.of(), 5, responseA);

    // Introduce the same candidate multiple times. It'll return true but it will only be added once.
    for (int i = 0; i < 5; i++) {
      introduceSecondedCandidate(a);
    }
    getBackableCandidates(leafA, PARA_1, Set.of(), 5, responseA);
    FragmentChain fc = subsystem.fragmentChain(leafA.hash(), PARA_1).orElseThrow();
    assertThat(fc.bestChainLen()).isEqualTo(1);
    assertThat(fc.unconnectedLen()).isZero();
    assertThat(subsystem.activeLeaves()).hasSize(1);
  }

  @Test
  void fragment_chain_best_chain_length_is_bounded() {
    TestLeaf leafA = leafA();
    activateLeafWithParams(leafA, new AsyncBackingParams(1, 3));

    // Candidates A, B and C form a chain.
    Made a = candidate(leafA, PARA_1, head(1, 2, 3), head(1));
    Made b = candidate(leafA, PARA_1, head(1), head(2));
    Made c = candidate(leafA, PARA_1, head(2), head(3));

    // Introduce candidates A and B. Since max depth is 1, only these two will be allowed.
    introduceSecondedCandidate(a);
    introduceSecondedCandidate(b);
    backCandidate(a);
    backCandidate(b);
    getBackableCandidates(leafA, PARA_1, Set.of(), 5, List.of(bc(a, leafA), bc(b, leafA)));

    // Introducing C will not fail. It will be kept as unconnected storage.
    introduceSecondedCandidate(c);
    // When being backed, candidate C will be dropped.
    backCandidate(c);
    getBackableCandidates(leafA, PARA_1, Set.of(), 5, List.of(bc(a, leafA), bc(b, leafA)));
    assertThat(subsystem.activeLeaves()).hasSize(1);
  }

  // Send some candidates, check if the candidate won't be found once its relay parent leaves the view.
  @Test
  void introduce_candidate_parent_leaving_view() {
    List<TestLeaf> leaves = threeUnrelatedLeaves();
    TestLeaf leafA = leaves.get(0);
    TestLeaf leafB = leaves.get(1);
    TestLeaf leafC = leaves.get(2);
    activateLeaf(leafA);
    activateLeaf(leafB);
    activateLeaf(leafC);

    Made a1 = candidate(leafA, PARA_1, head(1, 2, 3), head(1));
    Made a2 = candidate(leafA, PARA_2, head(2, 3, 4), head(2));
    Made b = candidate(leafB, PARA_1, head(3, 4, 5), head(3));
    Made c = candidate(leafC, PARA_2, head(6, 7, 8), head(4));
    for (Made m : List.of(a1, a2, b, c)) {
      introduceSecondedCandidate(m);
    }
    for (Made m : List.of(a1, a2, b, c)) {
      backCandidate(m);
    }

    // Deactivate leaf A. Candidates A1 and A2 should be gone. Candidates B and C should remain.
    deactivateLeaf(leafA.hash());
    getBackableCandidates(leafA, PARA_1, Set.of(), 5, List.of());
    getBackableCandidates(leafA, PARA_2, Set.of(), 5, List.of());
    getBackableCandidates(leafB, PARA_1, Set.of(), 5, List.of(bc(b, leafB)));
    getBackableCandidates(leafC, PARA_2, Set.of(), 5, List.of(bc(c, leafC)));

    // Deactivate leaf B. Candidate B should be gone, C should remain.
    deactivateLeaf(leafB.hash());
    getBackableCandidates(leafA, PARA_1, Set.of(), 5, List.of());
    getBackableCandidates(leafA, PARA_2, Set.of(), 5, List.of());
    getBackableCandidates(leafB, PARA_1, Set.of(), 5, List.of());
    getBackableCandidates(leafC, PARA_2, Set.of(), 5, List.of(bc(c, leafC)));

    // Deactivate leaf C. Candidate C should be gone.
    deactivateLeaf(leafC.hash());
    getBackableCandidates(leafA, PARA_1, Set.of(), 5, List.of());
    getBackableCandidates(leafA, PARA_2, Set.of(), 5, List.of());
    getBackableCandidates(leafB, PARA_1, Set.of(), 5, List.of());
    getBackableCandidates(leafC, PARA_2, Set.of(), 5, List.of());

    assertThat(subsystem.activeLeaves()).isEmpty();
    // With no leaf left the implicit view keeps nothing, so neither does the subsystem.
    assertThat(subsystem.trackedRelayParents()).isEmpty();
  }

  // Introduce a candidate to multiple forks, see how the membership is returned.
  @Test
  void introduce_candidate_on_multiple_forks() {
    chain.branch(131, 101, 5);
    TestLeaf leafB = new TestLeaf(101, h(131), paras(
        PARA_1, new PerParaData(99, head(1, 2, 3)), PARA_2, new PerParaData(101, head(4, 5, 6))));
    TestLeaf leafA = new TestLeaf(100, h(132), paras(
        PARA_1, new PerParaData(97, head(1, 2, 3)), PARA_2, new PerParaData(100, head(2, 3, 4))));
    activateLeaf(leafA);
    activateLeaf(leafB);

    // Candidate built on leaf A. Should be present on leaves A and B.
    Made a = candidate(leafA, PARA_1, head(1, 2, 3), head(1));
    introduceSecondedCandidate(a);
    backCandidate(a);
    getBackableCandidates(leafA, PARA_1, Set.of(), 5, List.of(bc(a, leafA)));
    getBackableCandidates(leafB, PARA_1, Set.of(), 5, List.of(bc(a, leafA)));
    assertThat(subsystem.activeLeaves()).hasSize(2);
  }

  @Test
  void unconnected_candidates_become_connected() {
    TestLeaf leafA = leafA();
    activateLeaf(leafA);
    // Candidates A, B, C and D all form a chain, but we'll first introduce A, C and D.
    Made a = candidate(leafA, PARA_1, head(1, 2, 3), head(1));
    Made b = candidate(leafA, PARA_1, head(1), head(2));
    Made c = candidate(leafA, PARA_1, head(2), head(3));
    Made d = candidate(leafA, PARA_1, head(3), head(4));

    introduceSecondedCandidate(a);
    introduceSecondedCandidate(c);
    introduceSecondedCandidate(d);
    backCandidate(a);
    backCandidate(c);
    backCandidate(d);

    // Only A should be returned.
    getBackableCandidates(leafA, PARA_1, Set.of(), 5, List.of(bc(a, leafA)));

    // Introduce B and check membership. Full chain should be returned.
    introduceSecondedCandidate(b);
    backCandidate(b);
    getBackableCandidates(leafA, PARA_1, Set.of(), 5,
        List.of(bc(a, leafA), bc(b, leafA), bc(c, leafA), bc(d, leafA)));
    assertThat(subsystem.activeLeaves()).hasSize(1);
  }

  // Backs some candidates and tests `GetBackableCandidates` when requesting a single candidate.
  @Test
  void check_backable_query_single_candidate() {
    TestLeaf leafA = leafA();
    activateLeaf(leafA);
    Made a = candidate(leafA, PARA_1, head(1, 2, 3), head(1));
    // Set a field to make this candidate unique.
    Made b = makeCandidate(leafA.hash(), leafA.number(), PARA_1, head(1), head(2), VALIDATION_CODE_HASH, h(1000));

    introduceSecondedCandidate(a);
    introduceSecondedCandidate(b);

    // Should not get any backable candidates.
    getBackableCandidates(leafA, PARA_1, Set.of(a.hash()), 1, List.of());
    getBackableCandidates(leafA, PARA_1, Set.of(a.hash()), 0, List.of());
    getBackableCandidates(leafA, PARA_1, Set.of(), 0, List.of());

    backCandidate(a);
    backCandidate(b);
    // Back an unknown candidate. It doesn't return anything but it's ignored.
    subsystem.candidateBacked(PARA_1, h(0xdead_beefL));

    // Should not get any backable candidates for the other para.
    getBackableCandidates(leafA, PARA_2, Set.of(), 1, List.of());
    getBackableCandidates(leafA, PARA_2, Set.of(a.hash()), 1, List.of());

    // Get backable candidate.
    getBackableCandidates(leafA, PARA_1, Set.of(), 1, List.of(bc(a, leafA)));
    getBackableCandidates(leafA, PARA_1, Set.of(a.hash()), 1, List.of(bc(b, leafA)));

    // Wrong path
    getBackableCandidates(leafA, PARA_1, Set.of(b.hash()), 1, List.of(bc(a, leafA)));
    assertThat(subsystem.activeLeaves()).hasSize(1);
  }

  // Backs some candidates and tests `GetBackableCandidates` when requesting multiple candidates.
  @Test
  void check_backable_query_multiple_candidates() {
    TestLeaf leafA = leafA();
    activateLeaf(leafA);
    Made a = candidate(leafA, PARA_1, head(1, 2, 3), head(1));
    introduceSecondedCandidate(a);
    backCandidate(a);
    Made b = makeAndBackCandidate(leafA, a, 2);
    Made c = makeAndBackCandidate(leafA, b, 3);
    Made d = makeAndBackCandidate(leafA, c, 4);

    // Should not get any backable candidates for the other para.
    getBackableCandidates(leafA, PARA_2, Set.of(), 1, List.of());
    getBackableCandidates(leafA, PARA_2, Set.of(), 5, List.of());
    getBackableCandidates(leafA, PARA_2, Set.of(a.hash()), 1, List.of());

    // empty ancestors
    getBackableCandidates(leafA, PARA_1, Set.of(), 1, List.of(bc(a, leafA)));
    for (int count = 4; count < 10; count++) {
      getBackableCandidates(leafA, PARA_1, Set.of(), count,
          List.of(bc(a, leafA), bc(b, leafA), bc(c, leafA), bc(d, leafA)));
    }

    // ancestors of size 1
    getBackableCandidates(leafA, PARA_1, Set.of(a.hash()), 1, List.of(bc(b, leafA)));
    getBackableCandidates(leafA, PARA_1, Set.of(a.hash()), 2, List.of(bc(b, leafA), bc(c, leafA)));
    // If the requested count exceeds the largest chain, return the longest chain we can get.
    for (int count = 3; count < 10; count++) {
      getBackableCandidates(leafA, PARA_1, Set.of(a.hash()), count,
          List.of(bc(b, leafA), bc(c, leafA), bc(d, leafA)));
    }

    // ancestor count 2 and higher
    getBackableCandidates(leafA, PARA_1, Set.of(a.hash(), b.hash(), c.hash()), 1, List.of(bc(d, leafA)));
    getBackableCandidates(leafA, PARA_1, Set.of(a.hash(), b.hash()), 1, List.of(bc(c, leafA)));
    for (int count = 3; count < 10; count++) {
      getBackableCandidates(leafA, PARA_1, Set.of(a.hash(), b.hash()), count, List.of(bc(c, leafA), bc(d, leafA)));
    }

    // No more candidates in the chain.
    for (int count = 1; count < 4; count++) {
      getBackableCandidates(leafA, PARA_1, Set.of(a.hash(), b.hash(), c.hash(), d.hash()), count, List.of());
    }

    // Wrong paths.
    getBackableCandidates(leafA, PARA_1, Set.of(b.hash()), 1, List.of(bc(a, leafA)));
    getBackableCandidates(leafA, PARA_1, Set.of(b.hash(), c.hash()), 3,
        List.of(bc(a, leafA), bc(b, leafA), bc(c, leafA)));
    getBackableCandidates(leafA, PARA_1, Set.of(a.hash(), c.hash(), d.hash()), 2,
        List.of(bc(b, leafA), bc(c, leafA)));

    // Non-existent candidate.
    getBackableCandidates(leafA, PARA_1, Set.of(a.hash(), h(100)), 2, List.of(bc(b, leafA), bc(c, leafA)));

    // Requested count is zero.
    getBackableCandidates(leafA, PARA_1, Set.of(), 0, List.of());
    getBackableCandidates(leafA, PARA_1, Set.of(a.hash()), 0, List.of());
    getBackableCandidates(leafA, PARA_1, Set.of(a.hash(), b.hash()), 0, List.of());
    assertThat(subsystem.activeLeaves()).hasSize(1);
  }

  // Test hypothetical membership query.
  @Test
  void check_hypothetical_membership_query() {
    chain.branch(131, 101, 5);
    // Upstream: min relay parent 97 at leaf B (four ancestors); ours is 98.
    TestLeaf leafB = new TestLeaf(101, h(131), paras(
        PARA_1, new PerParaData(98, head(1, 2, 3)), PARA_2, new PerParaData(100, head(2, 3, 4))));
    TestLeaf leafA = new TestLeaf(100, h(132), paras(
        PARA_1, new PerParaData(98, head(1, 2, 3)), PARA_2, new PerParaData(100, head(2, 3, 4))));
    activateLeafWithParams(leafA, new AsyncBackingParams(1, 3));
    activateLeafWithParams(leafB, new AsyncBackingParams(1, 3));

    // Candidates will be valid on both leaves.
    Made a = candidate(leafA, PARA_1, head(1, 2, 3), head(1));
    Made b = candidate(leafA, PARA_1, head(1), head(2));
    Made c = candidate(leafA, PARA_1, head(2), head(3));
    Set<Hash> both = Set.of(leafA.hash(), leafB.hash());

    // Get hypothetical membership of candidates before adding candidate A.
    // Candidate A can be added directly, candidates B and C are potential candidates.
    for (Made m : List.of(a, b, c)) {
      getHypotheticalMembership(m, both);
    }

    // Add candidate A.
    introduceSecondedCandidate(a);
    // Get membership of candidates after adding A. They all are still unconnected candidates
    // (not part of the best backable chain).
    for (Made m : List.of(a, b, c)) {
      getHypotheticalMembership(m, both);
    }

    // Back A. Now A is part of the best chain the rest can be added as unconnected.
    backCandidate(a);
    for (Made m : List.of(a, b, c)) {
      getHypotheticalMembership(m, both);
    }

    // Candidate D has invalid relay parent.
    Made d = makeCandidate(h(200), leafA.number(), PARA_1, head(1), head(2), VALIDATION_CODE_HASH);
    introduceSecondedCandidateFailed(d);

    // Add candidate B and back it.
    introduceSecondedCandidate(b);
    backCandidate(b);
    // Get membership of candidates after adding B.
    for (Made m : List.of(a, b, c)) {
      getHypotheticalMembership(m, both);
    }

    // Restricting to one leaf, and an incomplete candidate with an unknown relay parent.
    HypotheticalCandidate incomplete = new HypotheticalCandidate.Incomplete(c.hash(), PARA_1, head(2).hash(), leafA.hash());
    HypotheticalCandidate unknownRp = new HypotheticalCandidate.Incomplete(h(7), PARA_1, head(2).hash(), h(200));
    List<HypotheticalMembership> resp = subsystem.getHypotheticalMembership(
        new HypotheticalMembershipRequest(List.of(incomplete, unknownRp), Optional.of(leafB.hash())));
    assertThat(resp).containsExactly(
        new HypotheticalMembership(incomplete, List.of(leafB.hash())),
        new HypotheticalMembership(unknownRp, List.of()));
    assertThat(subsystem.activeLeaves()).hasSize(2);
  }

  @Test
  void check_pvd_query() {
    TestLeaf leafA = leafA();
    activateLeaf(leafA);
    Made a = candidate(leafA, PARA_1, head(1, 2, 3), head(1));
    Made b = candidate(leafA, PARA_1, head(1), head(2));
    Made c = candidate(leafA, PARA_1, head(2), head(3));
    Made e = candidate(leafA, PARA_1, head(5), head(6));

    // Get pvd of candidate A before adding it.
    getPvd(PARA_1, leafA.hash(), head(1, 2, 3), Optional.of(a.pvd()));

    // Add candidate A.
    introduceSecondedCandidate(a);
    backCandidate(a);
    // Get pvd of candidate A after adding it.
    getPvd(PARA_1, leafA.hash(), head(1, 2, 3), Optional.of(a.pvd()));

    // Get pvd of candidate B before adding it.
    getPvd(PARA_1, leafA.hash(), head(1), Optional.of(b.pvd()));
    // Add candidate B.
    introduceSecondedCandidate(b);
    // Get pvd of candidate B after adding it.
    getPvd(PARA_1, leafA.hash(), head(1), Optional.of(b.pvd()));

    // Get pvd of candidate C before adding it.
    getPvd(PARA_1, leafA.hash(), head(2), Optional.of(c.pvd()));
    // Add candidate C.
    introduceSecondedCandidate(c);
    // Get pvd of candidate C after adding it.
    getPvd(PARA_1, leafA.hash(), head(2), Optional.of(c.pvd()));

    // Get pvd of candidate E before adding it. It won't be found, as we don't have its parent.
    getPvd(PARA_1, leafA.hash(), head(5), Optional.empty());
    // Add candidate E and check again. Should succeed this time.
    introduceSecondedCandidate(e);
    getPvd(PARA_1, leafA.hash(), head(5), Optional.of(e.pvd()));

    // Supplied head data needs no lookup; an unknown relay parent gives nothing.
    assertThat(subsystem.getProspectiveValidationData(new ProspectiveValidationDataRequest(
        PARA_1, leafA.hash(), ParentHeadData.WithData.of(head(9, 9))))).contains(
            new PersistedValidationData(head(9, 9), 100, Hash.ZERO, MAX_POV_SIZE));
    getPvd(PARA_1, h(999), head(1, 2, 3), Optional.empty());
    assertThat(subsystem.activeLeaves()).hasSize(1);
  }

  // Test simultaneously activating and deactivating leaves, and simultaneously deactivating
  // multiple leaves. (Upstream also runs it with runtime API version 8, where scheduled paras come
  // from availability cores; parapipe's runtime always has the claim queue.)
  @Test
  void correctly_updates_leaves() {
    List<TestLeaf> leaves = threeUnrelatedLeaves();
    TestLeaf leafA = leaves.get(0);
    TestLeaf leafB = leaves.get(1);
    TestLeaf leafC = leaves.get(2);

    activateLeaf(leafA);
    activateLeaf(leafB);
    // Try activating a duplicate leaf.
    activateLeaf(leafB);
    assertThat(subsystem.activeLeaves()).containsExactly(leafA.hash(), leafB.hash());

    // Pass in an empty update.
    subsystem.handleActiveLeavesUpdate(Optional.empty(), Set.of());
    assertThat(subsystem.activeLeaves()).containsExactly(leafA.hash(), leafB.hash());

    // Activate a leaf and remove one at the same time.
    chain.params(leafC.hash(), ASYNC_BACKING_PARAMETERS);
    leafC.paraData().forEach((para, data) -> chain.backingState(leafC.hash(), para, new BackingState(
        dummyConstraints(data.minRelayParent(), List.of(leafC.number()), data.headData()), data.pending())));
    subsystem.handleActiveLeavesUpdate(Optional.of(leafC.hash()), Set.of(leafB.hash()));
    assertThat(subsystem.activeLeaves()).containsExactly(leafA.hash(), leafC.hash());
    assertThat(subsystem.getMinimumRelayParents(leafC.hash())).containsEntry(PARA_2, 99);

    // Remove all remaining leaves.
    subsystem.handleActiveLeavesUpdate(Optional.empty(), Set.of(leafA.hash(), leafC.hash()));
    assertThat(subsystem.activeLeaves()).isEmpty();

    // Activate and deactivate the same leaf: no work at all.
    int requestsBefore = chain.calls.size();
    subsystem.handleActiveLeavesUpdate(Optional.of(leafA.hash()), Set.of(leafA.hash()));
    assertThat(chain.calls).hasSize(requestsBefore);

    // Remove the leaf again. Send some unnecessary hashes.
    subsystem.handleActiveLeavesUpdate(Optional.empty(), Set.of(leafA.hash(), leafB.hash(), leafC.hash()));
    assertThat(subsystem.activeLeaves()).isEmpty();
    assertThat(subsystem.trackedRelayParents()).isEmpty();
  }

  @Test
  void handle_active_leaves_update_gets_candidates_from_parent() {
    onlyPara1Scheduled();
    chain.branch(130, 100, 4);
    TestLeaf leafA = new TestLeaf(100, h(130), paras(PARA_1, new PerParaData(97, head(1, 2, 3))));
    activateLeaf(leafA);

    // Candidates A, B, C and D all form a chain
    Made a = candidate(leafA, PARA_1, head(1, 2, 3), head(1));
    introduceSecondedCandidate(a);
    backCandidate(a);
    Made b = makeAndBackCandidate(leafA, a, 2);
    Made c = makeAndBackCandidate(leafA, b, 3);
    Made d = makeAndBackCandidate(leafA, c, 4);
    List<BackableCandidate> all = new ArrayList<>(List.of(bc(a, leafA), bc(b, leafA), bc(c, leafA), bc(d, leafA)));
    getBackableCandidates(leafA, PARA_1, Set.of(), 5, all);

    // Activate leaf B, which makes candidates A and B pending availability.
    chain.block(h(129), h(130), 101, 1);
    TestLeaf leafB = new TestLeaf(101, h(129), paras(PARA_1, new PerParaData(98, head(1, 2, 3), List.of(
        pendingAvailability(a, leafA.number()), pendingAvailability(b, leafA.number())))));
    activateLeaf(leafB);
    getBackableCandidates(leafB, PARA_1, Set.of(), 5, List.of());
    getBackableCandidates(leafB, PARA_1, Set.of(a.hash(), b.hash()), 5, List.of(bc(c, leafA), bc(d, leafA)));
    getBackableCandidates(leafB, PARA_1, Set.of(), 5, List.of());
    getBackableCandidates(leafA, PARA_1, Set.of(), 5, all);

    // Now deactivate leaf A.
    deactivateLeaf(leafA.hash());
    getBackableCandidates(leafB, PARA_1, Set.of(), 5, List.of());
    getBackableCandidates(leafB, PARA_1, Set.of(a.hash(), b.hash()), 5, List.of(bc(c, leafA), bc(d, leafA)));

    // Now add leaf C, which will be a sibling (fork) of leaf B. It should also inherit the
    // candidates of leaf A (their common parent).
    chain.block(h(12), h(130), 101, 1);
    TestLeaf leafC = new TestLeaf(101, h(12), paras(PARA_1, new PerParaData(98, head(1, 2, 3))));
    activateLeaf(leafC);
    getBackableCandidates(leafB, PARA_1, Set.of(a.hash(), b.hash()), 5, List.of(bc(c, leafA), bc(d, leafA)));
    getBackableCandidates(leafC, PARA_1, Set.of(), 5, all);

    // Deactivate C and add another candidate that will be present on the deactivated parent A.
    // When activating C again it should also get the new candidate. Deactivated leaves are still
    // updated with new candidates.
    deactivateLeaf(leafC.hash());
    Made e = makeAndBackCandidate(leafA, d, 5);
    activateLeaf(leafC);
    getBackableCandidates(leafB, PARA_1, Set.of(a.hash(), b.hash()), 5,
        List.of(bc(c, leafA), bc(d, leafA), bc(e, leafA)));
    all.add(bc(e, leafA));
    getBackableCandidates(leafC, PARA_1, Set.of(), 5, all);

    // Querying the backable candidates for deactivated leaf won't work.
    getBackableCandidates(leafA, PARA_1, Set.of(), 5, List.of());

    assertThat(subsystem.activeLeaves()).hasSize(2);
    assertThat(subsystem.trackedRelayParents()).hasSize(3);
  }

  private static CandidatePendingAvailability pendingAvailability(Made m, int relayParentNumber) {
    return new CandidatePendingAvailability(m.hash(), m.candidate().descriptor(), m.candidate().commitments(),
        relayParentNumber, MAX_POV_SIZE);
  }

  @Test
  void handle_active_leaves_update_bounded_implicit_view() {
    onlyPara1Scheduled();
    chain.branch(130, 100, 14);
    List<TestLeaf> leaves = new ArrayList<>();
    leaves.add(new TestLeaf(100, h(130), paras(PARA_1, new PerParaData(100 - ALLOWED_ANCESTRY_LEN, head(1, 2, 3)))));
    for (int index = 1; index < 10; index++) {
      TestLeaf prev = leaves.get(index - 1);
      leaves.add(new TestLeaf(prev.number() - 1, h(130 + index), paras(
          PARA_1, new PerParaData(prev.number() - 1 - ALLOWED_ANCESTRY_LEN, head(1, 2, 3)))));
    }
    java.util.Collections.reverse(leaves);

    // Activate first 10 leaves.
    for (TestLeaf leaf : leaves) {
      activateLeaf(leaf);
    }
    // Now deactivate first 9 leaves.
    for (TestLeaf leaf : leaves.subList(0, 9)) {
      deactivateLeaf(leaf.hash());
    }

    // Only latest leaf is active.
    assertThat(subsystem.activeLeaves()).containsExactly(leaves.get(9).hash());
    // We keep allowed_ancestry_len implicit leaves. The latest leaf is also present here.
    assertThat(subsystem.trackedRelayParents()).hasSize(ALLOWED_ANCESTRY_LEN + 1);
    assertThat(subsystem.trackedRelayParents()).containsExactlyInAnyOrderElementsOf(
        leaves.subList(6, 10).stream().map(TestLeaf::hash).toList());
  }

  @Test
  void persists_pending_availability_candidate() {
    onlyPara1Scheduled();
    HeadData paraHead = head(1, 2, 3);
    // Min allowed relay parent for leaf `a` which goes out of scope in the test.
    Hash candidateRelayParent = h(5);
    int candidateRelayParentNumber = 97;
    chain.branch(1, 101, 6);
    TestLeaf leafA = new TestLeaf(candidateRelayParentNumber + ALLOWED_ANCESTRY_LEN, h(2),
        paras(PARA_1, new PerParaData(candidateRelayParentNumber, paraHead)));
    Hash leafBHash = h(1);
    int leafBNumber = leafA.number() + 1;

    activateLeaf(leafA);

    Made a = makeCandidate(candidateRelayParent, candidateRelayParentNumber, PARA_1, paraHead, head(1),
        VALIDATION_CODE_HASH);
    // Candidate B, built on top of the candidate which is out of scope but pending availability.
    Made b = makeCandidate(leafBHash, leafBNumber, PARA_1, head(1), head(2), VALIDATION_CODE_HASH);

    introduceSecondedCandidate(a);
    backCandidate(a);

    TestLeaf leafB = new TestLeaf(leafBNumber, leafBHash, paras(PARA_1, new PerParaData(
        candidateRelayParentNumber + 1, paraHead, List.of(pendingAvailability(a, candidateRelayParentNumber)))));
    activateLeaf(leafB);

    getHypotheticalMembership(a, Set.of(leafA.hash(), leafB.hash()));

    introduceSecondedCandidate(b);
    backCandidate(b);
    getBackableCandidates(leafB, PARA_1, Set.of(a.hash()), 1, List.of(new BackableCandidate(b.hash(), leafBHash)));
  }

  @Test
  void backwards_compatible_with_non_async_backing_params() {
    onlyPara1Scheduled();
    HeadData paraHead = head(1, 2, 3);
    Hash leafBHash = h(15);
    Hash candidateRelayParent = h(16);
    int candidateRelayParentNumber = 100;
    chain.branch(15, 101, 2);
    TestLeaf leafA = new TestLeaf(candidateRelayParentNumber, candidateRelayParent,
        paras(PARA_1, new PerParaData(candidateRelayParentNumber, paraHead)));
    activateLeafWithParams(leafA, AsyncBackingParams.SYNC);

    Made a = makeCandidate(candidateRelayParent, candidateRelayParentNumber, PARA_1, paraHead, head(1),
        VALIDATION_CODE_HASH);
    introduceSecondedCandidate(a);
    backCandidate(a);
    getBackableCandidates(leafA, PARA_1, Set.of(), 1, List.of(new BackableCandidate(a.hash(), candidateRelayParent)));

    TestLeaf leafB = new TestLeaf(candidateRelayParentNumber + 1, leafBHash,
        paras(PARA_1, new PerParaData(candidateRelayParentNumber + 1, paraHead)));
    activateLeafWithParams(leafB, AsyncBackingParams.SYNC);
    getBackableCandidates(leafB, PARA_1, Set.of(), 1, List.of());
    // With {0, 0} no ancestry is fetched.
    assertThat(chain.count("ancestors")).isZero();
  }

  @Test
  void uses_ancestry_only_within_session() {
    int number = 5;
    Hash hash = repeatByte(5);
    int session = 2;
    // Ancestry hashes 4, 3, 2; the child of block 3 is in the previous session.
    chain.block(hash, repeatByte(4), number, session)
        .block(repeatByte(4), repeatByte(3), 4, session)
        .block(repeatByte(3), repeatByte(2), 3, session - 1)
        .block(repeatByte(2), repeatByte(1), 2, session - 1)
        .params(hash, new AsyncBackingParams(0, 3))
        .claimQueue(hash, new TreeMap<>());

    subsystem.handleActiveLeavesUpdate(Optional.of(hash), Set.of());

    assertThat(chain.calls).containsExactly(
        "asyncBackingParams " + hash.shortHex(),
        "claimQueue " + hash.shortHex(),
        "blockInfo " + hash.shortHex(),
        "ancestors " + hash.shortHex() + " 3",
        "sessionIndexForChild " + hash.shortHex(),
        "blockInfo " + repeatByte(4).shortHex(),
        "sessionIndexForChild " + repeatByte(4).shortHex(),
        "blockInfo " + repeatByte(3).shortHex(),
        "sessionIndexForChild " + repeatByte(3).shortHex());
    // Only the ancestor in the same session is part of the leaf's allowed ancestry.
    assertThat(subsystem.retainedRelayBlocks()).containsExactlyInAnyOrder(hash, repeatByte(4));
  }

  // ---- beyond upstream ----

  @Test
  void pending_availability_stops_at_unknown_relay_parent() {
    onlyPara1Scheduled();
    chain.branch(130, 100, 4);
    TestLeaf leafA = new TestLeaf(100, h(130), paras(PARA_1, new PerParaData(97, head(1, 2, 3))));
    Made a = candidate(leafA, PARA_1, head(1, 2, 3), head(1));
    Made b = candidate(leafA, PARA_1, head(1), head(2));
    // B's relay parent is unknown to the chain: B and everything after it are not imported.
    Made bUnknownRp = makeCandidate(h(9999), 99, PARA_1, head(1), head(2), VALIDATION_CODE_HASH);
    chain.block(h(129), h(130), 101, 1);
    TestLeaf leafB = new TestLeaf(101, h(129), paras(PARA_1, new PerParaData(98, head(1, 2, 3), List.of(
        pendingAvailability(a, 100), pendingAvailability(bUnknownRp, 99), pendingAvailability(b, 100)))));
    activateLeaf(leafB);
    FragmentChain fc = subsystem.fragmentChain(leafB.hash(), PARA_1).orElseThrow();
    assertThat(fc.bestChainVec()).containsExactly(a.hash());
    assertThat(fc.bestChainLinks().get(0).pendingAvailability()).isTrue();
    // Pending candidates are not backable, and they end the backable chain.
    getBackableCandidates(leafB, PARA_1, Set.of(), 5, List.of());
  }

  @Test
  void pending_availability_stops_at_first_invalid_candidate() {
    onlyPara1Scheduled();
    chain.branch(130, 100, 4);
    TestLeaf leafA = new TestLeaf(100, h(130), paras(PARA_1, new PerParaData(97, head(1, 2, 3))));
    Made a = candidate(leafA, PARA_1, head(1, 2, 3), head(1));
    Made b = candidate(leafA, PARA_1, head(1), head(2));
    Made c = candidate(leafA, PARA_1, head(2), head(3));
    // The runtime reports another PoV limit for B: the rebuilt PVD does not match its descriptor.
    CandidatePendingAvailability badB = new CandidatePendingAvailability(b.hash(), b.candidate().descriptor(),
        b.candidate().commitments(), 100, 5);
    chain.block(h(129), h(130), 101, 1);
    TestLeaf leafB = new TestLeaf(101, h(129), paras(PARA_1, new PerParaData(98, head(1, 2, 3), List.of(
        pendingAvailability(a, 100), badB, pendingAvailability(c, 100)))));
    activateLeaf(leafB);
    assertThat(subsystem.fragmentChain(leafB.hash(), PARA_1).orElseThrow().bestChainVec()).containsExactly(a.hash());
  }

  @Test
  void candidate_backed_on_a_retained_former_leaf_is_seen_by_its_child() {
    onlyPara1Scheduled();
    chain.branch(130, 100, 4);
    TestLeaf leafA = new TestLeaf(100, h(130), paras(PARA_1, new PerParaData(97, head(1, 2, 3))));
    activateLeaf(leafA);
    Made a = candidate(leafA, PARA_1, head(1, 2, 3), head(1));
    introduceSecondedCandidate(a);
    // A becomes backed only after the child leaf was activated and A deactivated.
    chain.block(h(129), h(130), 101, 1);
    TestLeaf leafB = new TestLeaf(101, h(129), paras(PARA_1, new PerParaData(98, head(1, 2, 3))));
    activateLeaf(leafB);
    deactivateLeaf(leafA.hash());
    backCandidate(a);
    getBackableCandidates(leafB, PARA_1, Set.of(), 5, List.of(bc(a, leafA)));
    assertThat(subsystem.fragmentChain(leafA.hash(), PARA_1).orElseThrow().bestChainVec()).containsExactly(a.hash());
  }

  @Test
  void missing_leaf_header_skips_activation_but_not_deactivation() {
    TestLeaf leafA = leafA();
    activateLeaf(leafA);
    Hash unknown = h(4242);
    subsystem.handleActiveLeavesUpdate(Optional.of(unknown), Set.of(leafA.hash()));
    assertThat(subsystem.activeLeaves()).isEmpty();
    assertThat(subsystem.trackedRelayParents()).isEmpty();
  }
}
