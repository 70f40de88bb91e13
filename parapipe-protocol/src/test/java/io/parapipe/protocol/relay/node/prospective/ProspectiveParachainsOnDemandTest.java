package io.parapipe.protocol.relay.node.prospective;

import static io.parapipe.protocol.relay.node.prospective.TestCandidates.head;
import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.relay.node.prospective.TestCandidates.Made;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The upstream subsystem tests again, with {@link ProspectiveChainsMode#ON_DEMAND} and a node in no
 * backing group: no chain is kept, every answer comes from a chain built when it is asked for. Then
 * what on demand adds: only the group's paras keep chains, and a built chain answers as the kept
 * one of an exact subsystem fed the same calls.
 */
class ProspectiveParachainsOnDemandTest extends ProspectiveParachainsTest {
  @Override
  ProspectiveChainsMode mode() {
    return ProspectiveChainsMode.ON_DEMAND;
  }

  @Test
  void onlyTheBackingGroupsParasKeepChainsAndBuiltChainsAnswerAsKeptOnes() {
    chain.defaultClaimQueue(claimQueue(Map.of(0, List.of(PARA_1, PARA_2))));
    chain.backedParas(Set.of(PARA_1));
    ProspectiveParachains exact = new ProspectiveParachains(chain, ProspectiveChainsMode.EXACT);
    List<TestLeaf> leaves = threeUnrelatedLeaves();
    TestLeaf leafA = leaves.get(0);
    activateLeaf(leafA);
    exact.handleActiveLeavesUpdate(java.util.Optional.of(leafA.hash()), Set.of());

    assertThat(subsystem.keepsChain(leafA.hash(), PARA_1)).isTrue();
    assertThat(subsystem.keepsChain(leafA.hash(), PARA_2)).isFalse();
    assertThat(exact.keepsChain(leafA.hash(), PARA_2)).isTrue();

    Made a1 = candidate(leafA, PARA_2, head(2, 3, 4), head(2));
    Made a2 = candidate(leafA, PARA_2, head(2), head(5));
    for (Made m : List.of(a1, a2)) {
      var request = IntroduceSecondedCandidateRequest.of(m.candidate(), m.pvd());
      assertThat(subsystem.introduceSecondedCandidate(request))
          .isEqualTo(exact.introduceSecondedCandidate(request)).isTrue();
    }
    assertThat(subsystem.getBackableCandidates(leafA.hash(), PARA_2, 5, Set.of())).isEmpty();
    backCandidate(a1);
    exact.candidateBacked(PARA_2, a1.hash());
    assertThat(subsystem.getBackableCandidates(leafA.hash(), PARA_2, 5, Set.of()))
        .isEqualTo(exact.getBackableCandidates(leafA.hash(), PARA_2, 5, Set.of()))
        .containsExactly(bc(a1, leafA));
    backCandidate(a2);
    exact.candidateBacked(PARA_2, a2.hash());
    assertThat(subsystem.getBackableCandidates(leafA.hash(), PARA_2, 5, Set.of()))
        .isEqualTo(exact.getBackableCandidates(leafA.hash(), PARA_2, 5, Set.of()))
        .containsExactly(bc(a1, leafA), bc(a2, leafA));
    assertThat(subsystem.fragmentChain(leafA.hash(), PARA_2).orElseThrow().bestChainVec())
        .isEqualTo(exact.fragmentChain(leafA.hash(), PARA_2).orElseThrow().bestChainVec());
    // Still not kept: the answers were built.
    assertThat(subsystem.keepsChain(leafA.hash(), PARA_2)).isFalse();

    // A candidate whose relay parent left every scope is forgotten with it.
    deactivateLeaf(leafA.hash());
    assertThat(subsystem.trackedRelayParents()).isEmpty();
    activateLeaf(leaves.get(1));
    assertThat(subsystem.getBackableCandidates(leaves.get(1).hash(), PARA_2, 5, Set.of())).isEmpty();
  }
}
