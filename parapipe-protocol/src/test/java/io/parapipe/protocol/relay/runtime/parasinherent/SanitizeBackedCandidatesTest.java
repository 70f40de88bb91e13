package io.parapipe.protocol.relay.runtime.parasinherent;

import static io.parapipe.protocol.relay.runtime.RuntimeFixture.back;
import static io.parapipe.protocol.relay.runtime.RuntimeFixture.candidate;
import static io.parapipe.protocol.relay.runtime.RuntimeFixture.genesisHead;
import static io.parapipe.protocol.relay.runtime.RuntimeFixture.head;
import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.primitives.AsyncBackingParams;
import io.parapipe.protocol.primitives.BitVec;
import io.parapipe.protocol.primitives.CommittedCandidateReceipt;
import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.HostConfiguration;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.primitives.TransposedClaimQueue;
import io.parapipe.protocol.relay.runtime.RelayRuntimeState;
import io.parapipe.protocol.relay.runtime.RuntimeFixture;
import io.parapipe.protocol.relay.runtime.inclusion.BackedCandidate;
import io.parapipe.protocol.relay.runtime.inclusion.CandidateOnCore;
import io.parapipe.protocol.relay.runtime.inclusion.Inclusion;
import io.parapipe.protocol.relay.runtime.inclusion.InclusionError;
import io.parapipe.protocol.relay.runtime.inclusion.PendingAvailability;
import io.parapipe.protocol.relay.runtime.paras.Paras;
import io.parapipe.protocol.relay.runtime.shared.AllowedRelayParentsTracker;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Ports of the {@code sanitizers::backed_candidates} tests of {@code paras_inherent/tests.rs}. */
class SanitizeBackedCandidatesTest {
  static final ParaId P1 = ParaId.of(1);
  static final ParaId P2 = ParaId.of(2);

  /** Chain of relay states 0..5 with 6 validators in groups of one, the cores assigned as given. */
  static List<RelayRuntimeState> chain(List<ParaId> coreToPara, boolean elasticScaling) {
    HostConfiguration cfg = RuntimeFixture.config(coreToPara.size(), 3, new AsyncBackingParams(4, 3), 2, 10, 3)
        .withElasticScalingMvp(elasticScaling);
    List<RelayRuntimeState> chain = new ArrayList<>();
    RelayRuntimeState s = RuntimeFixture.genesis(6, cfg, coreToPara, 100);
    chain.add(s);
    for (int i = 0; i < 5; i++) {
      s = RuntimeFixture.empty(s);
      chain.add(s);
    }
    return chain;
  }

  static Inclusion.BlockContext ctx(RelayRuntimeState parent, Paras paras) {
    AllowedRelayParentsTracker t = parent.allowedRelayParents().update(parent.hash(), parent.stateRoot(),
        TransposedClaimQueue.of(parent.claimQueue().queues()), parent.number(),
        parent.activeConfig().asyncBackingParams().allowedAncestryLen());
    return new Inclusion.BlockContext(parent.number() + 1, parent.activeConfig(), parent.validators().size(),
        parent.validatorGroups(), parent.sessionStartBlock(), t, paras, Map.of(), parent.session());
  }

  static SortedMap<ParaId, SortedSet<CoreIndex>> scheduled(RelayRuntimeState parent) {
    TreeMap<ParaId, SortedSet<CoreIndex>> out = new TreeMap<>();
    parent.claimQueue().eligibleParas(Collections.emptySet())
        .forEach((c, p) -> out.computeIfAbsent(p, x -> new TreeSet<>()).add(c));
    return out;
  }

  static ParasInherent.SanitizedCandidates sanitize(List<RelayRuntimeState> chain, List<BackedCandidate> backed) {
    RelayRuntimeState parent = chain.get(chain.size() - 1);
    return sanitize(parent, parent.paras(), backed);
  }

  static ParasInherent.SanitizedCandidates sanitize(RelayRuntimeState parent, Paras paras, List<BackedCandidate> backed) {
    return ParasInherent.sanitizeBackedCandidates(backed, ctx(parent, paras), PendingAvailability.EMPTY, scheduled(parent));
  }

  static List<CandidateOnCore> kept(ParasInherent.SanitizedCandidates s, ParaId p) {
    return s.kept().getOrDefault(p, List.of());
  }

  /** A chain of candidates of {@code para} with the given relay parents, backed on {@code cores}. */
  static List<BackedCandidate> paraChain(List<RelayRuntimeState> chain, ParaId para, int[] relayParents, int[] cores) {
    RelayRuntimeState parent = chain.get(chain.size() - 1);
    List<BackedCandidate> out = new ArrayList<>();
    for (int i = 0; i < relayParents.length; i++) {
      io.parapipe.protocol.primitives.HeadData parentHead = i == 0 ? genesisHead(para) : head(para, i);
      CommittedCandidateReceipt c = candidate(chain.get(relayParents[i]), para, parentHead, head(para, i + 1));
      out.add(back(parent, c, CoreIndex.of(cores[i]), relayParents[i]));
    }
    return out;
  }

  private static List<BackedCandidate> concat(List<BackedCandidate> a, List<BackedCandidate> b) {
    List<BackedCandidate> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void happy_path_one_core_per_para(boolean coreIndexEnabled) {
    List<RelayRuntimeState> chain = chain(List.of(P1, P2), coreIndexEnabled);
    List<BackedCandidate> b1 = paraChain(chain, P1, new int[] {5}, new int[] {0});
    List<BackedCandidate> b2 = paraChain(chain, P2, new int[] {4}, new int[] {1});
    ParasInherent.SanitizedCandidates s = sanitize(chain, concat(b1, b2));
    assertThat(s.dropped()).isEmpty();
    assertThat(kept(s, P1)).containsExactly(new CandidateOnCore(b1.get(0), CoreIndex.of(0)));
    assertThat(kept(s, P2)).containsExactly(new CandidateOnCore(b2.get(0), CoreIndex.of(1)));
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void test_with_multiple_cores_per_para(boolean coreIndexEnabled) {
    List<RelayRuntimeState> chain = chain(List.of(P1, P1, P1, P2, P2, P2), coreIndexEnabled);
    List<BackedCandidate> b1 = paraChain(chain, P1, new int[] {5, 5, 5}, new int[] {0, 1, 2});
    List<BackedCandidate> b2 = paraChain(chain, P2, new int[] {3, 4, 5}, new int[] {3, 4, 5});
    ParasInherent.SanitizedCandidates s = sanitize(chain, concat(b1, b2));
    if (coreIndexEnabled) {
      assertThat(s.dropped()).isEmpty();
      assertThat(kept(s, P1)).extracting(CandidateOnCore::core).extracting(CoreIndex::value).containsExactly(0, 1, 2);
      assertThat(kept(s, P2)).extracting(CandidateOnCore::core).extracting(CoreIndex::value).containsExactly(3, 4, 5);
    } else {
      assertThat(s.kept()).isEmpty();
      assertThat(s.dropped()).hasSize(6)
          .allSatisfy(d -> assertThat(d.reason()).isEqualTo(SanitizeReason.MULTIPLE_CORES_WITHOUT_ELASTIC_SCALING));
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void test_candidate_ordering(boolean coreIndexEnabled) {
    // Para 1: the second candidate does not build on the first: it and the third are dropped.
    // Para 2: the first candidate does not build on the included head: all are dropped.
    // With elastic scaling each para has three cores; without, one core each.
    List<RelayRuntimeState> chain =
        chain(coreIndexEnabled ? List.of(P1, P1, P1, P2, P2, P2) : List.of(P1, P2), coreIndexEnabled);
    int[] c1 = coreIndexEnabled ? new int[] {0, 1, 2} : new int[] {0, 0, 0};
    int[] c2 = coreIndexEnabled ? new int[] {3, 4} : new int[] {1, 1};
    RelayRuntimeState parent = chain.get(5);
    RelayRuntimeState rp = chain.get(5);
    CommittedCandidateReceipt a1 = candidate(rp, P1, genesisHead(P1), head(P1, 1));
    CommittedCandidateReceipt a2 = candidate(rp, P1, head(P1, 9), head(P1, 2));
    CommittedCandidateReceipt a3 = candidate(rp, P1, head(P1, 2), head(P1, 3));
    CommittedCandidateReceipt b1 = candidate(rp, P2, head(P2, 9), head(P2, 1));
    CommittedCandidateReceipt b2 = candidate(rp, P2, head(P2, 1), head(P2, 2));
    List<BackedCandidate> backed = List.of(
        back(parent, a1, CoreIndex.of(c1[0]), 5),
        back(parent, a2, CoreIndex.of(c1[1]), 5),
        back(parent, a3, CoreIndex.of(c1[2]), 5),
        back(parent, b1, CoreIndex.of(c2[0]), 5),
        back(parent, b2, CoreIndex.of(c2[1]), 5));
    ParasInherent.SanitizedCandidates s = sanitize(chain, backed);
    assertThat(kept(s, P1)).extracting(oc -> oc.candidate().hash()).containsExactly(a1.hash());
    assertThat(kept(s, P2)).isEmpty();
    assertThat(s.dropped()).extracting(DroppedCandidate::candidateHash, DroppedCandidate::reason).containsExactly(
        org.assertj.core.groups.Tuple.tuple(a2.hash(), SanitizeReason.VERIFICATION_FAILED),
        org.assertj.core.groups.Tuple.tuple(a3.hash(), SanitizeReason.DESCENDANT_OF_DROPPED),
        org.assertj.core.groups.Tuple.tuple(b1.hash(), SanitizeReason.VERIFICATION_FAILED),
        org.assertj.core.groups.Tuple.tuple(b2.hash(), SanitizeReason.DESCENDANT_OF_DROPPED));
    assertThat(s.dropped().get(0).detail()).contains(InclusionError.VALIDATION_DATA_HASH_MISMATCH);
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void test_candidate_relay_parent_ordering(boolean coreIndexEnabled) {
    // Para 1 on cores 0-2 with relay parents 3, 2, 3: only the first is picked.
    // Para 2 on cores 3-5 with relay parents 2, 3, 3: all three are picked.
    List<RelayRuntimeState> chain = chain(List.of(P1, P1, P1, P2, P2, P2), coreIndexEnabled);
    List<BackedCandidate> b1 = paraChain(chain, P1, new int[] {3, 2, 3}, new int[] {0, 1, 2});
    List<BackedCandidate> b2 = paraChain(chain, P2, new int[] {2, 3, 3}, new int[] {3, 4, 5});
    ParasInherent.SanitizedCandidates s = sanitize(chain, concat(b1, b2));
    if (coreIndexEnabled) {
      assertThat(kept(s, P1)).extracting(CandidateOnCore::candidate).containsExactly(b1.get(0));
      assertThat(kept(s, P2)).extracting(CandidateOnCore::candidate).containsExactlyElementsOf(b2);
      assertThat(s.dropped().get(0).detail()).contains(InclusionError.DISALLOWED_RELAY_PARENT);
    } else {
      assertThat(s.kept()).isEmpty();
    }

    // With para 1's most recent context at 4 nothing of para 1 is picked; para 2 at 2 keeps all.
    RelayRuntimeState parent = chain.get(5);
    Paras paras = parent.paras().noteNewHead(P1, genesisHead(P1), 4).noteNewHead(P2, genesisHead(P2), 2);
    ParasInherent.SanitizedCandidates s2 = sanitize(parent, paras, concat(b1, b2));
    assertThat(kept(s2, P1)).isEmpty();
    if (coreIndexEnabled) {
      assertThat(kept(s2, P2)).hasSize(3);
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void nothing_scheduled(boolean coreIndexEnabled) {
    List<RelayRuntimeState> chain = chain(List.of(P1, P2), coreIndexEnabled);
    RelayRuntimeState parent = chain.get(5);
    List<BackedCandidate> backed = concat(paraChain(chain, P1, new int[] {5}, new int[] {0}),
        paraChain(chain, P2, new int[] {5}, new int[] {1}));
    ParasInherent.SanitizedCandidates s = ParasInherent.sanitizeBackedCandidates(backed, ctx(parent, parent.paras()),
        PendingAvailability.EMPTY, Collections.emptySortedMap());
    assertThat(s.kept()).isEmpty();
    assertThat(s.dropped()).extracting(DroppedCandidate::reason)
        .containsOnly(SanitizeReason.NO_SCHEDULED_CORE).hasSize(2);
  }

  @org.junit.jupiter.api.Test
  void onlyTheFirstCandidateOfASingleCoreParaIsKeptWithoutElasticScaling() {
    List<RelayRuntimeState> chain = chain(List.of(P1, P2), false);
    List<BackedCandidate> b1 = paraChain(chain, P1, new int[] {5, 5}, new int[] {0, 0});
    ParasInherent.SanitizedCandidates s = sanitize(chain, b1);
    assertThat(kept(s, P1)).extracting(CandidateOnCore::candidate).containsExactly(b1.get(0));
    assertThat(s.dropped()).extracting(DroppedCandidate::reason).containsExactly(SanitizeReason.ONLY_FIRST_ON_SINGLE_CORE);
  }

  @org.junit.jupiter.api.Test
  void elasticScalingNeedsAValidInjectedCoreIndex() {
    List<RelayRuntimeState> chain = chain(List.of(P1, P1, P2), true);
    RelayRuntimeState parent = chain.get(5);
    CommittedCandidateReceipt a1 = candidate(chain.get(5), P1, genesisHead(P1), head(P1, 1));
    CommittedCandidateReceipt a2 = candidate(chain.get(5), P1, head(P1, 1), head(P1, 2));
    // no injected core index
    BackedCandidate noCore = back(parent, a1, CoreIndex.of(0), 5, 2, false);
    assertThat(sanitize(chain, List.of(noCore)).dropped()).extracting(DroppedCandidate::reason)
        .containsExactly(SanitizeReason.MISSING_CORE_INDEX);
    // a core that belongs to another para
    BackedCandidate wrongCore = back(parent, a1, CoreIndex.of(2), 5, 2, true);
    assertThat(sanitize(chain, List.of(wrongCore)).dropped()).extracting(DroppedCandidate::reason)
        .containsExactly(SanitizeReason.CORE_NOT_SCHEDULED);
    // the same core twice: the second is dropped
    ParasInherent.SanitizedCandidates twice = sanitize(chain,
        List.of(back(parent, a1, CoreIndex.of(0), 5, 2, true), back(parent, a2, CoreIndex.of(0), 5, 2, true)));
    assertThat(kept(twice, P1)).hasSize(1);
    assertThat(twice.dropped()).extracting(DroppedCandidate::reason).containsExactly(SanitizeReason.CORE_NOT_SCHEDULED);
  }

  @org.junit.jupiter.api.Test
  void insufficientBackingVotesAreDroppedWithDescendants() {
    // 6 validators on 2 cores: groups of 3, minimum_backing_votes 2
    List<RelayRuntimeState> chain = chain(List.of(P1, P1), true);
    RelayRuntimeState parent = chain.get(5);
    CommittedCandidateReceipt a1 = candidate(chain.get(5), P1, genesisHead(P1), head(P1, 1));
    CommittedCandidateReceipt a2 = candidate(chain.get(5), P1, head(P1, 1), head(P1, 2));
    ParasInherent.SanitizedCandidates s = sanitize(chain,
        List.of(back(parent, a1, CoreIndex.of(0), 5, 1, true), back(parent, a2, CoreIndex.of(1), 5, 3, true)));
    assertThat(s.kept()).isEmpty();
    assertThat(s.dropped()).extracting(DroppedCandidate::reason)
        .containsExactly(SanitizeReason.BACKING_FAILED, SanitizeReason.DESCENDANT_OF_DROPPED);
    assertThat(s.dropped().get(0).detail()).contains(InclusionError.INSUFFICIENT_BACKING);

    ParasInherent.SanitizedCandidates ok = sanitize(chain,
        List.of(back(parent, a1, CoreIndex.of(0), 5, 2, true), back(parent, a2, CoreIndex.of(1), 5, 1, true)));
    assertThat(kept(ok, P1)).hasSize(1);
  }

  @org.junit.jupiter.api.Test
  void duplicatesAreDropped() {
    List<RelayRuntimeState> chain = chain(List.of(P1, P1), true);
    List<BackedCandidate> b = paraChain(chain, P1, new int[] {5}, new int[] {0});
    ParasInherent.SanitizedCandidates s = sanitize(chain, List.of(b.get(0), b.get(0)));
    assertThat(kept(s, P1)).hasSize(1);
    assertThat(s.dropped()).extracting(DroppedCandidate::reason).containsExactly(SanitizeReason.DUPLICATE);
  }

  @org.junit.jupiter.api.Test
  void unknownParaIsDropped() {
    List<RelayRuntimeState> chain = chain(List.of(P1, P2), false);
    ParaId unknown = ParaId.of(77);
    CommittedCandidateReceipt c = candidate(chain.get(5), unknown, genesisHead(unknown), head(unknown, 1));
    BackedCandidate b = new BackedCandidate(c, List.of(), io.parapipe.protocol.primitives.BitVec.zeros(3),
        Optional.empty());
    assertThat(sanitize(chain, List.of(b)).dropped()).extracting(DroppedCandidate::reason)
        .containsExactly(SanitizeReason.UNKNOWN_PARA);
  }
}
