package io.parapipe.protocol.relay.runtime.parasinherent;

import static io.parapipe.protocol.relay.runtime.RuntimeFixture.back;
import static io.parapipe.protocol.relay.runtime.RuntimeFixture.candidate;
import static io.parapipe.protocol.relay.runtime.RuntimeFixture.candidateV2;
import static io.parapipe.protocol.relay.runtime.RuntimeFixture.genesisHead;
import static io.parapipe.protocol.relay.runtime.RuntimeFixture.head;
import static io.parapipe.protocol.relay.runtime.parasinherent.SanitizeBackedCandidatesTest.chain;
import static io.parapipe.protocol.relay.runtime.parasinherent.SanitizeBackedCandidatesTest.kept;
import static io.parapipe.protocol.relay.runtime.parasinherent.SanitizeBackedCandidatesTest.sanitize;
import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.primitives.CandidateCommitments;
import io.parapipe.protocol.primitives.CandidateDescriptor;
import io.parapipe.protocol.primitives.ClaimQueueOffset;
import io.parapipe.protocol.primitives.CommittedCandidateReceipt;
import io.parapipe.protocol.primitives.CommittedCandidateReceiptError;
import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.CoreSelector;
import io.parapipe.protocol.primitives.HeadData;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.primitives.SessionIndex;
import io.parapipe.protocol.primitives.UmpSignal;
import io.parapipe.protocol.relay.runtime.BlockExecution;
import io.parapipe.protocol.relay.runtime.RelayRuntimeState;
import io.parapipe.protocol.relay.runtime.RuntimeFixture;
import io.parapipe.protocol.relay.runtime.inclusion.BackedCandidate;
import io.parapipe.protocol.relay.runtime.inclusion.CandidateEvent;
import io.parapipe.protocol.relay.runtime.inclusion.CandidateOnCore;
import io.parapipe.protocol.relay.runtime.inclusion.InclusionError;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code sanitize_backed_candidate_v2} and the core mapping with V2 descriptors: the relay
 * runtime's side of elastic scaling with RFC-103 core commitments.
 */
class CandidateReceiptV2SanitizeTest {
  static final ParaId P1 = SanitizeBackedCandidatesTest.P1;
  static final ParaId P2 = SanitizeBackedCandidatesTest.P2;

  /** Chained V2 candidates of P1 on relay parent #5 for the given cores and selectors. */
  static List<BackedCandidate> v2Chain(List<RelayRuntimeState> chain, int[] cores, int[] selectors) {
    RelayRuntimeState rp = chain.get(5);
    List<BackedCandidate> out = new ArrayList<>();
    for (int i = 0; i < cores.length; i++) {
      HeadData parent = i == 0 ? genesisHead(P1) : head(P1, i);
      CommittedCandidateReceipt c = candidateV2(rp, P1, parent, head(P1, i + 1), CoreIndex.of(cores[i]),
          selectors[i] < 0 ? OptionalInt.empty() : OptionalInt.of(selectors[i]), 0);
      out.add(back(rp, c, CoreIndex.of(cores[i]), 5));
    }
    return out;
  }

  /** The same backing (by the right group) with another injected core index. */
  static BackedCandidate injecting(BackedCandidate b, int core) {
    return new BackedCandidate(b.candidate(), b.validityVotes(), b.validatorIndices(), Optional.of(CoreIndex.of(core)));
  }

  static List<SanitizeReason> reasons(ParasInherent.SanitizedCandidates s) {
    return s.dropped().stream().map(DroppedCandidate::reason).toList();
  }

  @Test
  void aParaOnThreeCoresGetsThreeChainedV2CandidatesOnTheCoresItsSelectorsPick() {
    // P1 on cores 0, 1, 2; P2 on core 3.
    List<RelayRuntimeState> chain = chain(List.of(P1, P1, P1, P2), true);
    List<BackedCandidate> b = v2Chain(chain, new int[] {0, 1, 2}, new int[] {0, 1, 2});
    ParasInherent.SanitizedCandidates s = sanitize(chain, b);
    assertThat(s.dropped()).isEmpty();
    assertThat(kept(s, P1)).extracting(oc -> oc.core().value()).containsExactly(0, 1, 2);
  }

  @Test
  void theDescriptorsCoreNotTheInjectedOneBindsAV2Candidate() {
    List<RelayRuntimeState> chain = chain(List.of(P1, P1, P1, P2), true);
    RelayRuntimeState rp = chain.get(5);
    // selectors 2, 0: cores 2 then 0 (candidates need not be sorted by core); injected cores are 0 and 1
    CommittedCandidateReceipt c1 = candidateV2(rp, P1, genesisHead(P1), head(P1, 1), CoreIndex.of(2), OptionalInt.of(2), 0);
    CommittedCandidateReceipt c2 = candidateV2(rp, P1, head(P1, 1), head(P1, 2), CoreIndex.of(0), OptionalInt.of(0), 0);
    List<BackedCandidate> b = List.of(injecting(back(rp, c1, CoreIndex.of(2), 5), 0),
        injecting(back(rp, c2, CoreIndex.of(0), 5), 1));
    ParasInherent.SanitizedCandidates s = sanitize(chain, b);
    assertThat(kept(s, P1)).extracting(oc -> oc.core().value()).containsExactly(2, 0);
  }

  @Test
  void aWrongCoreIndexIsACoreIndexMismatchAndItsDescendantsGoWithIt() {
    List<RelayRuntimeState> chain = chain(List.of(P1, P1, P1, P2), true);
    // the second candidate selects core 1 but its descriptor says core 2
    List<BackedCandidate> b = v2Chain(chain, new int[] {0, 2, 2}, new int[] {0, 1, 2});
    ParasInherent.SanitizedCandidates s = sanitize(chain, b);
    assertThat(kept(s, P1)).extracting(oc -> oc.core().value()).containsExactly(0);
    assertThat(s.dropped().get(0).reason()).isEqualTo(SanitizeReason.UMP_SIGNAL_CHECK_FAILED);
    assertThat(s.dropped().get(0).detail()).contains(CommittedCandidateReceiptError.CORE_INDEX_MISMATCH);
    // the third no longer chains: its parent was dropped before the chain walk
    assertThat(s.dropped().get(1).reason()).isEqualTo(SanitizeReason.VERIFICATION_FAILED);
    assertThat(s.dropped().get(1).detail()).contains(InclusionError.VALIDATION_DATA_HASH_MISMATCH);
  }

  @Test
  void withoutASignalAV2DescriptorsCoreMustBeOneOfTheParasCores() {
    List<RelayRuntimeState> chain = chain(List.of(P1, P1, P1, P2), true);
    // no SelectCore: core 1 is one of P1's cores, core 3 is P2's
    ParasInherent.SanitizedCandidates ok = sanitize(chain, v2Chain(chain, new int[] {1}, new int[] {-1}));
    assertThat(kept(ok, P1)).extracting(oc -> oc.core().value()).containsExactly(1);
    ParasInherent.SanitizedCandidates bad = sanitize(chain, v2Chain(chain, new int[] {3}, new int[] {-1}));
    assertThat(bad.kept()).isEmpty();
    assertThat(bad.dropped().get(0).detail()).contains(CommittedCandidateReceiptError.INVALID_CORE_INDEX);
  }

  @Test
  void aV2CandidateOnASingleCoreParaWithoutSignalUsesThatCore() {
    List<RelayRuntimeState> chain = chain(List.of(P1, P2), false);
    ParasInherent.SanitizedCandidates ok = sanitize(chain, v2Chain(chain, new int[] {0}, new int[] {-1}));
    assertThat(kept(ok, P1)).hasSize(1);
    ParasInherent.SanitizedCandidates wrong = sanitize(chain, v2Chain(chain, new int[] {1}, new int[] {-1}));
    assertThat(wrong.dropped().get(0).detail()).contains(CommittedCandidateReceiptError.CORE_INDEX_MISMATCH);
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void v1CandidatesOnAParaWithSeveralCores(boolean elasticScalingMvp) {
    List<RelayRuntimeState> chain = chain(List.of(P1, P1, P2), elasticScalingMvp);
    RelayRuntimeState rp = chain.get(5);
    CommittedCandidateReceipt c = candidate(rp, P1, genesisHead(P1), head(P1, 1));
    ParasInherent.SanitizedCandidates noCore = sanitize(chain, List.of(RuntimeFixture.back(rp, c, CoreIndex.of(0), 5,
        RuntimeFixture.groupFor(rp, CoreIndex.of(0), 5).size(), false)));
    assertThat(noCore.kept()).isEmpty();
    assertThat(reasons(noCore)).containsExactly(elasticScalingMvp
        ? SanitizeReason.MISSING_CORE_INDEX : SanitizeReason.MULTIPLE_CORES_WITHOUT_ELASTIC_SCALING);
    ParasInherent.SanitizedCandidates injected = sanitize(chain, List.of(back(rp, c, CoreIndex.of(1), 5)));
    if (elasticScalingMvp) {
      assertThat(kept(injected, P1)).extracting(oc -> oc.core().value()).containsExactly(1);
    } else {
      assertThat(reasons(injected)).containsExactly(SanitizeReason.MULTIPLE_CORES_WITHOUT_ELASTIC_SCALING);
    }
  }

  @Test
  void aV1DescriptorMayNotSendSignals() {
    List<RelayRuntimeState> chain = chain(List.of(P1, P2), false);
    RelayRuntimeState rp = chain.get(5);
    CandidateCommitments withSignal = new CandidateCommitments(List.of(CandidateCommitments.UMP_SEPARATOR,
        new UmpSignal.SelectCore(new CoreSelector(0), ClaimQueueOffset.DEFAULT).encode()), List.of(), Optional.empty(),
        head(P1, 1), 0, 5);
    CommittedCandidateReceipt c = candidate(rp, P1, genesisHead(P1), withSignal);
    ParasInherent.SanitizedCandidates s = sanitize(chain, List.of(back(rp, c, CoreIndex.of(0), 5)));
    assertThat(s.kept()).isEmpty();
    assertThat(s.dropped().get(0).detail()).contains(CommittedCandidateReceiptError.UMP_SIGNAL_WITH_V1_DECRIPTOR);
  }

  @Test
  void aV2DescriptorMustNameTheCurrentSession() {
    List<RelayRuntimeState> chain = chain(List.of(P1, P2), false);
    RelayRuntimeState rp = chain.get(5);
    CommittedCandidateReceipt honest = candidateV2(rp, P1, genesisHead(P1), head(P1, 1), CoreIndex.of(0),
        OptionalInt.of(0), 0);
    CandidateDescriptor d = honest.descriptor();
    CommittedCandidateReceipt stale = new CommittedCandidateReceipt(new CandidateDescriptor(d.paraId(),
        d.relayParent(), d.coreIndex(), SessionIndex.of(rp.session().value() + 100), d.persistedValidationDataHash(),
        d.povHash(), d.erasureRoot(), d.paraHead(), d.validationCodeHash()), honest.commitments());
    assertThat(reasons(sanitize(chain, List.of(back(rp, stale, CoreIndex.of(0), 5)))))
        .containsExactly(SanitizeReason.INVALID_SESSION_INDEX);
    assertThat(sanitize(chain, List.of(back(rp, honest, CoreIndex.of(0), 5))).dropped()).isEmpty();
  }

  @Test
  void withoutTheNodeFeatureV2DescriptorsAreDroppedAndV1OnesKept() {
    List<RelayRuntimeState> chain = new ArrayList<>();
    RelayRuntimeState s = RuntimeFixture.genesis(6, RuntimeFixture.config(2).withCandidateReceiptV2(false),
        List.of(P1, P2), 100);
    chain.add(s);
    for (int i = 0; i < 5; i++) {
      s = RuntimeFixture.empty(s);
      chain.add(s);
    }
    RelayRuntimeState rp = chain.get(5);
    CommittedCandidateReceipt v2 = candidateV2(rp, P1, genesisHead(P1), head(P1, 1), CoreIndex.of(0),
        OptionalInt.of(0), 0);
    CommittedCandidateReceipt v1 = candidate(rp, P2, genesisHead(P2), head(P2, 1));
    ParasInherent.SanitizedCandidates out = sanitize(chain, List.of(back(rp, v2, CoreIndex.of(0), 5),
        back(rp, v1, CoreIndex.of(1), 5)));
    assertThat(reasons(out)).containsExactly(SanitizeReason.V2_RECEIPTS_NOT_ALLOWED);
    assertThat(kept(out, P2)).hasSize(1);
  }

  @Test
  void anUnknownDescriptorVersionIsDropped() {
    List<RelayRuntimeState> chain = chain(List.of(P1, P2), false);
    RelayRuntimeState rp = chain.get(5);
    CommittedCandidateReceipt c = candidateV2(rp, P1, genesisHead(P1), head(P1, 1), CoreIndex.of(0), OptionalInt.of(0), 0);
    CommittedCandidateReceipt unknown = new CommittedCandidateReceipt(c.descriptor().withInternalVersion(123),
        c.commitments());
    assertThat(reasons(sanitize(chain, List.of(back(rp, unknown, CoreIndex.of(0), 5)))))
        .containsExactly(SanitizeReason.UNKNOWN_DESCRIPTOR_VERSION);
  }

  @Test
  void aClaimBeyondTheClaimQueueHasNoAssignment() {
    // lookahead 3: depths 0..2 exist, offset 3 does not
    List<RelayRuntimeState> chain = chain(List.of(P1, P2), false);
    RelayRuntimeState rp = chain.get(5);
    CommittedCandidateReceipt c = candidateV2(rp, P1, genesisHead(P1), head(P1, 1), CoreIndex.of(0), OptionalInt.of(0), 3);
    ParasInherent.SanitizedCandidates s = sanitize(chain, List.of(back(rp, c, CoreIndex.of(0), 5)));
    assertThat(s.dropped().get(0).detail()).contains(CommittedCandidateReceiptError.NO_ASSIGNMENT);
    CommittedCandidateReceipt depth2 = candidateV2(rp, P1, genesisHead(P1), head(P1, 1), CoreIndex.of(0),
        OptionalInt.of(0), 2);
    assertThat(sanitize(chain, List.of(back(rp, depth2, CoreIndex.of(0), 5))).dropped()).isEmpty();
  }

  @Test
  void aBlockBacksThreeCandidatesOfOneParaAndIncludesThemTogether() {
    List<RelayRuntimeState> chain = chain(List.of(P1, P1, P1, P2), true);
    RelayRuntimeState parent = chain.get(5);
    List<BackedCandidate> b = v2Chain(chain, new int[] {1, 2, 0}, new int[] {1, 2, 3});
    BlockExecution e6 = RuntimeFixture.run(parent, List.of(), b);
    assertThat(e6.droppedCandidates()).isEmpty();
    assertThat(e6.state().events()).filteredOn(ev -> ev instanceof CandidateEvent.CandidateBacked)
        .extracting(ev -> ((CandidateEvent.CandidateBacked) ev).core().value()).containsExactly(1, 2, 0);
    assertThat(e6.state().pendingAvailability().forPara(P1)).hasSize(3);
    // every validator holds every chunk: the three are included in one block, in chain order
    BlockExecution e7 = RuntimeFixture.run(e6.state(), RuntimeFixture.bitfields(e6.state(), 0, 1, 2), List.of());
    assertThat(e7.state().events()).filteredOn(ev -> ev instanceof CandidateEvent.CandidateIncluded)
        .extracting(CandidateEvent::candidateHash).containsExactlyElementsOf(b.stream().map(BackedCandidate::hash).toList());
    assertThat(e7.state().paras().head(P1)).contains(head(P1, 3));
  }

  @Test
  void moreCandidatesThanCoresAreCutAtTheParasCoreCount() {
    List<RelayRuntimeState> chain = chain(List.of(P1, P1, P2), true);
    // four chained candidates for two cores; selectors 0..3 cycle over cores 0, 1
    List<BackedCandidate> b = v2Chain(chain, new int[] {0, 1, 0, 1}, new int[] {0, 1, 2, 3});
    ParasInherent.SanitizedCandidates s = sanitize(chain, b);
    assertThat(kept(s, P1)).extracting(CandidateOnCore::candidate).containsExactly(b.get(0), b.get(1));
    assertThat(reasons(s)).containsExactly(SanitizeReason.CORES_EXHAUSTED, SanitizeReason.CORES_EXHAUSTED);
  }
}
