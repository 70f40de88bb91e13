package io.parapipe.protocol.relay.runtime.inclusion;

import static io.parapipe.protocol.relay.runtime.RuntimeFixture.back;
import static io.parapipe.protocol.relay.runtime.RuntimeFixture.candidate;
import static io.parapipe.protocol.relay.runtime.RuntimeFixture.codeHash;
import static io.parapipe.protocol.relay.runtime.RuntimeFixture.genesisHead;
import static io.parapipe.protocol.relay.runtime.RuntimeFixture.head;
import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.primitives.BitVec;
import io.parapipe.protocol.primitives.CandidateCommitments;
import io.parapipe.protocol.primitives.CandidateDescriptor;
import io.parapipe.protocol.primitives.CommittedCandidateReceipt;
import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.HeadData;
import io.parapipe.protocol.primitives.OutboundHrmpMessage;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.primitives.ValidatorIndex;
import io.parapipe.protocol.relay.runtime.RelayRuntimeState;
import io.parapipe.protocol.relay.runtime.RuntimeFixture;
import io.parapipe.protocol.relay.runtime.shared.AllowedRelayParentsTracker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code candidate_checks}-style cases for {@code verify_backed_candidate}, backing votes and {@code process_candidates}. */
class CandidateChecksTest {
  static final ParaId A = ParaId.of(1);
  static final ParaId B = ParaId.of(2);
  static final ParaId C = ParaId.of(3);

  List<RelayRuntimeState> chain;
  RelayRuntimeState parent;
  AllowedRelayParentsTracker tracker;

  @BeforeEach
  void setUp() {
    chain = new ArrayList<>();
    RelayRuntimeState s = RuntimeFixture.genesis(6, RuntimeFixture.config(3), List.of(A, B, C), 100);
    chain.add(s);
    for (int i = 0; i < 5; i++) {
      s = RuntimeFixture.empty(s);
      chain.add(s);
    }
    parent = s; // block 5; the block being checked is 6
    tracker = parent.allowedRelayParents().update(parent.hash(), parent.stateRoot(), parent.number(), 2);
  }

  private Verification verify(CommittedCandidateReceipt c, HeadData parentHead, OptionalInt prev) {
    return new CandidateCheckContext(parent.activeConfig(), prev, parent.paras(), Map.of())
        .verifyBackedCandidate(tracker, c, parentHead);
  }

  private Verification verify(CommittedCandidateReceipt c) {
    return verify(c, genesisHead(c.paraId()), OptionalInt.empty());
  }

  private static CommittedCandidateReceipt withDescriptor(CommittedCandidateReceipt c, Hash codeHash, Hash paraHead) {
    CandidateDescriptor d = c.descriptor();
    return new CommittedCandidateReceipt(new CandidateDescriptor(d.paraId(), d.relayParent(), d.coreIndex(),
        d.sessionIndex(), d.persistedValidationDataHash(), d.povHash(), d.erasureRoot(), paraHead, codeHash), c.commitments());
  }

  private CandidateCommitments commitments(HeadData out, List<byte[]> ump, List<OutboundHrmpMessage> hrmp,
      Optional<byte[]> code, int dmp, int watermark) {
    return new CandidateCommitments(ump, hrmp, code, out, dmp, watermark);
  }

  @Test
  void aWellFormedCandidatePassesAtEveryAllowedRelayParent() {
    for (int rp = 3; rp <= 5; rp++) {
      Verification v = verify(candidate(chain.get(rp), A, genesisHead(A), head(A, 1)));
      assertThat(v).isEqualTo(new Verification.Ok(rp));
    }
  }

  @Test
  void candidate_checks_disallowed_relay_parent() {
    assertThat(verify(candidate(chain.get(2), A, genesisHead(A), head(A, 1))))
        .isEqualTo(new Verification.Err(InclusionError.DISALLOWED_RELAY_PARENT));
    // relay parent moves backwards relative to the previous candidate of the para
    assertThat(verify(candidate(chain.get(4), A, genesisHead(A), head(A, 1)), genesisHead(A), OptionalInt.of(5)))
        .isEqualTo(new Verification.Err(InclusionError.DISALLOWED_RELAY_PARENT));
  }

  @Test
  void candidate_checks_pvd_hash_mismatch() {
    CommittedCandidateReceipt onOtherParent = candidate(chain.get(5), A, head(A, 7), head(A, 8));
    assertThat(verify(onOtherParent)).isEqualTo(new Verification.Err(InclusionError.VALIDATION_DATA_HASH_MISMATCH));
  }

  @Test
  void candidate_checks_unscheduled_and_bad_code_hash() {
    ParaId unknown = ParaId.of(99);
    assertThat(verify(candidate(chain.get(5), unknown, genesisHead(unknown), head(unknown, 1))))
        .isEqualTo(new Verification.Err(InclusionError.UNSCHEDULED_CANDIDATE));
    CommittedCandidateReceipt c = candidate(chain.get(5), A, genesisHead(A), head(A, 1));
    assertThat(verify(withDescriptor(c, codeHash(B), c.descriptor().paraHead())))
        .isEqualTo(new Verification.Err(InclusionError.INVALID_VALIDATION_CODE_HASH));
  }

  @Test
  void candidate_checks_para_head_mismatch() {
    CommittedCandidateReceipt c = candidate(chain.get(5), A, genesisHead(A), head(A, 1));
    assertThat(verify(withDescriptor(c, codeHash(A), head(A, 2).hash())))
        .isEqualTo(new Verification.Err(InclusionError.PARA_HEAD_MISMATCH));
  }

  @Test
  void candidate_checks_validation_outputs() {
    RelayRuntimeState rp = chain.get(5);
    HeadData big = HeadData.of(new byte[parent.activeConfig().maxHeadDataSize() + 1]);
    assertThat(verify(candidate(rp, A, genesisHead(A), CandidateCommitments.ofHead(big, 5))))
        .isEqualTo(new Verification.Err(InclusionError.HEAD_DATA_TOO_LARGE));
    assertThat(verify(candidate(rp, A, genesisHead(A),
        commitments(head(A, 1), List.of(), List.of(), Optional.of(new byte[] {1, 2}), 0, 5))))
        .isEqualTo(new Verification.Err(InclusionError.PREMATURE_CODE_UPGRADE));
    assertThat(verify(candidate(rp, A, genesisHead(A), commitments(head(A, 1), List.of(), List.of(), Optional.empty(), 1, 5))))
        .isEqualTo(new Verification.Err(InclusionError.INCORRECT_DOWNWARD_MESSAGE_HANDLING));
    assertThat(verify(candidate(rp, A, genesisHead(A), CandidateCommitments.ofHead(head(A, 1), 4))))
        .isEqualTo(new Verification.Err(InclusionError.HRMP_WATERMARK_MISHANDLING));
    assertThat(verify(candidate(rp, A, genesisHead(A), commitments(head(A, 1), List.of(),
        List.of(new OutboundHrmpMessage(B, new byte[] {1})), Optional.empty(), 0, 5))))
        .isEqualTo(new Verification.Err(InclusionError.INVALID_OUTBOUND_HRMP));
  }

  @Test
  void upwardMessagesAreLimitedButSignalsAfterTheSeparatorDoNotCount() {
    RelayRuntimeState rp = chain.get(5);
    int max = parent.activeConfig().maxUpwardMessageNumPerCandidate();
    List<byte[]> tooMany = new ArrayList<>();
    for (int i = 0; i <= max; i++) {
      tooMany.add(new byte[] {1});
    }
    assertThat(verify(candidate(rp, A, genesisHead(A), commitments(head(A, 1), tooMany, List.of(), Optional.empty(), 0, 5))))
        .isEqualTo(new Verification.Err(InclusionError.INVALID_UPWARD_MESSAGES));
    List<byte[]> withSignals = new ArrayList<>(tooMany.subList(0, max));
    withSignals.add(new byte[0]);
    withSignals.add(new byte[] {0, 1, 0});
    assertThat(verify(candidate(rp, A, genesisHead(A), commitments(head(A, 1), withSignals, List.of(), Optional.empty(), 0, 5))))
        .isEqualTo(new Verification.Ok(5));
    List<byte[]> oneTooLarge = List.of(new byte[parent.activeConfig().maxUpwardMessageSize() + 1]);
    assertThat(verify(candidate(rp, A, genesisHead(A), commitments(head(A, 1), oneTooLarge, List.of(), Optional.empty(), 0, 5))))
        .isEqualTo(new Verification.Err(InclusionError.INVALID_UPWARD_MESSAGES));
  }

  @Test
  void backingVoteChecks() {
    CommittedCandidateReceipt c = candidate(chain.get(5), A, genesisHead(A), head(A, 1));
    List<ValidatorIndex> group = List.of(ValidatorIndex.of(2), ValidatorIndex.of(3), ValidatorIndex.of(4));
    List<ValidityAttestation> two = List.of(ValidityAttestation.IMPLICIT, ValidityAttestation.EXPLICIT);
    // bit vector longer than the group
    assertThat(Inclusion.checkBackingVotes(new BackedCandidate(c, two, BitVec.of(4, 0, 1), Optional.empty()), 6, group, 2))
        .isEqualTo(new BackingCheck.Err(InclusionError.INVALID_BACKING));
    // more votes than set bits
    assertThat(Inclusion.checkBackingVotes(new BackedCandidate(c, two, BitVec.of(3, 0), Optional.empty()), 6, group, 2))
        .isEqualTo(new BackingCheck.Err(InclusionError.INVALID_BACKING));
    // more votes than the group has members
    List<ValidityAttestation> four = List.of(ValidityAttestation.IMPLICIT, ValidityAttestation.EXPLICIT,
        ValidityAttestation.EXPLICIT, ValidityAttestation.EXPLICIT);
    assertThat(Inclusion.checkBackingVotes(new BackedCandidate(c, four, BitVec.of(3, 0, 1, 2), Optional.empty()), 6, group, 2))
        .isEqualTo(new BackingCheck.Err(InclusionError.INVALID_BACKING));
    // insufficient
    assertThat(Inclusion.checkBackingVotes(
        new BackedCandidate(c, List.of(ValidityAttestation.IMPLICIT), BitVec.of(3, 1), Optional.empty()), 6, group, 2))
        .isEqualTo(new BackingCheck.Err(InclusionError.INSUFFICIENT_BACKING));
    // enough: votes are attributed to group members by bit position
    BackingCheck ok = Inclusion.checkBackingVotes(new BackedCandidate(c, two, BitVec.of(3, 0, 2), Optional.empty()), 6, group, 2);
    assertThat(ok).isInstanceOf(BackingCheck.Ok.class);
    assertThat(((BackingCheck.Ok) ok).votes()).containsExactly(
        new BackingCheck.Backer(ValidatorIndex.of(2), ValidityAttestation.IMPLICIT),
        new BackingCheck.Backer(ValidatorIndex.of(4), ValidityAttestation.EXPLICIT));
    assertThat(((BackingCheck.Ok) ok).backers()).isEqualTo(BitVec.of(6, 2, 4));
    // a group of one backs alone although minimum_backing_votes is 2
    assertThat(Inclusion.checkBackingVotes(
        new BackedCandidate(c, List.of(ValidityAttestation.IMPLICIT), BitVec.of(1, 0), Optional.empty()), 6,
        List.of(ValidatorIndex.of(5)), 2)).isInstanceOf(BackingCheck.Ok.class);
  }

  @Test
  void candidate_checks_ordering_in_process_candidates() {
    RelayRuntimeState rp = chain.get(5);
    CommittedCandidateReceipt b1 = candidate(rp, B, genesisHead(B), head(B, 1));
    CommittedCandidateReceipt b2 = candidate(rp, B, head(B, 1), head(B, 2));
    CommittedCandidateReceipt a1 = candidate(rp, A, genesisHead(A), head(A, 1));
    Inclusion.BlockContext ctx = new Inclusion.BlockContext(6, parent.activeConfig(), 6, parent.validatorGroups(),
        parent.sessionStartBlock(), tracker, parent.paras(), Map.of(), parent.session());
    // candidates are required to be in dependency order
    Inclusion.ProcessedCandidates wrong = Inclusion.processCandidates(ctx, PendingAvailability.EMPTY, new TreeMap<>(Map.of(B,
        List.of(new CandidateOnCore(back(parent, b2, CoreIndex.of(1), 5), CoreIndex.of(1)),
            new CandidateOnCore(back(parent, b1, CoreIndex.of(2), 5), CoreIndex.of(2))))));
    assertThat(wrong).isInstanceOf(Inclusion.ProcessedCandidates.Err.class);
    assertThat(((Inclusion.ProcessedCandidates.Err) wrong).error()).isEqualTo(InclusionError.VALIDATION_DATA_HASH_MISMATCH);

    // but they need not be sorted by core index
    Inclusion.ProcessedCandidates ok = Inclusion.processCandidates(ctx, PendingAvailability.EMPTY, new TreeMap<>(Map.of(
        B, List.of(new CandidateOnCore(back(parent, b1, CoreIndex.of(2), 5), CoreIndex.of(2)),
            new CandidateOnCore(back(parent, b2, CoreIndex.of(1), 5), CoreIndex.of(1))),
        A, List.of(new CandidateOnCore(back(parent, a1, CoreIndex.of(0), 5), CoreIndex.of(0))))));
    assertThat(ok).isInstanceOf(Inclusion.ProcessedCandidates.Ok.class);
    PendingAvailability p = ((Inclusion.ProcessedCandidates.Ok) ok).pending();
    assertThat(p.forPara(B)).extracting(PendingAvailabilityEntry::hash).containsExactly(b1.hash(), b2.hash());
    assertThat(p.forPara(B).get(0).backedInNumber()).isEqualTo(6);
    assertThat(p.forPara(B).get(0).relayParentNumber()).isEqualTo(5);
    assertThat(p.forPara(B).get(0).availabilityVotes()).isEqualTo(BitVec.zeros(6));
    assertThat(p.forPara(B).get(0).backingGroup()).isEqualTo(
        parent.validatorGroups().groupAssignedToCore(CoreIndex.of(2), 6, parent.sessionStartBlock(), 10).orElseThrow());
    assertThat(((Inclusion.ProcessedCandidates.Ok) ok).events()).extracting(CandidateEvent::candidateHash)
        .containsExactly(a1.hash(), b1.hash(), b2.hash());
  }
}
