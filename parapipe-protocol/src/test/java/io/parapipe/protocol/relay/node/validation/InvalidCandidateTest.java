package io.parapipe.protocol.relay.node.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.primitives.CandidateCommitments;
import io.parapipe.protocol.primitives.CandidateDescriptor;
import io.parapipe.protocol.primitives.ClaimQueueOffset;
import io.parapipe.protocol.primitives.CommittedCandidateReceipt;
import io.parapipe.protocol.primitives.CommittedCandidateReceiptError;
import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.CoreSelector;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.HeadData;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.primitives.PoV;
import io.parapipe.protocol.primitives.SessionIndex;
import io.parapipe.protocol.primitives.TransposedClaimQueue;
import io.parapipe.protocol.primitives.UmpSignal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Candidate validation's backing checks (the {@code validate_candidate_exhaustive} tests of
 * {@code polkadot/node/core/candidate-validation/src/tests.rs}: a wrong session index, no
 * assignment, commitments that differ from the PVF's).
 */
class InvalidCandidateTest {
  static final ParaId PARA = ParaId.of(2000);
  static final Hash RP = Hash.fromLong(7);

  /** Para 2000 on cores 0, 1 and 2 at every depth. */
  static TransposedClaimQueue threeCores() {
    TreeMap<CoreIndex, List<ParaId>> cq = new TreeMap<>();
    for (int c = 0; c < 3; c++) {
      cq.put(CoreIndex.of(c), List.of(PARA, PARA));
    }
    return TransposedClaimQueue.of(cq);
  }

  static CommittedCandidateReceipt receipt(int core, int session, Optional<Integer> selector) {
    List<byte[]> up = new ArrayList<>();
    selector.ifPresent(s -> {
      up.add(CandidateCommitments.UMP_SEPARATOR);
      up.add(new UmpSignal.SelectCore(new CoreSelector(s), new ClaimQueueOffset(0)).encode());
    });
    CandidateCommitments c = new CandidateCommitments(up, List.of(), Optional.empty(),
        HeadData.of(new byte[] {1}), 0, 5);
    CandidateDescriptor d = new CandidateDescriptor(PARA, RP, CoreIndex.of(core), SessionIndex.of(session),
        Hash.fromLong(1), Hash.fromLong(2), Hash.fromLong(3), Hash.fromLong(4), Hash.fromLong(5));
    return new CommittedCandidateReceipt(d, c);
  }

  static PoV pov(CommittedCandidateReceipt r) {
    return new PoV(Hash.fromLong(2), 1000, 10, r.commitments().hash());
  }

  @Test
  void anHonestCandidatePasses() {
    CommittedCandidateReceipt r = receipt(1, 4, Optional.of(1));
    assertThat(InvalidCandidate.beforeExecution(r, SessionIndex.of(4))).isEmpty();
    assertThat(InvalidCandidate.afterExecution(r, pov(r), threeCores())).isEmpty();
  }

  @Test
  void theSessionMustBeTheRelayParentsChild() {
    CommittedCandidateReceipt r = receipt(1, 3, Optional.of(1));
    assertThat(InvalidCandidate.beforeExecution(r, SessionIndex.of(4)))
        .map(InvalidCandidate::debug).contains("InvalidSessionIndex");
  }

  @Test
  void aSignalPickingAnotherCoreIsCoreIndexMismatch() {
    CommittedCandidateReceipt r = receipt(2, 4, Optional.of(1));
    assertThat(InvalidCandidate.afterExecution(r, pov(r), threeCores()))
        .contains(new InvalidCandidate.InvalidUmpSignals(CommittedCandidateReceiptError.CORE_INDEX_MISMATCH));
  }

  @Test
  void noAssignmentAtTheRelayParent() {
    CommittedCandidateReceipt r = receipt(0, 4, Optional.of(0));
    assertThat(InvalidCandidate.afterExecution(r, pov(r), TransposedClaimQueue.EMPTY))
        .map(InvalidCandidate::debug).contains("InvalidUMPSignals(NoAssignment)");
  }

  @Test
  void commitmentsTheBlockDidNotProduceAreCommitmentsHashMismatch() {
    CommittedCandidateReceipt stripped = receipt(1, 4, Optional.empty());
    CommittedCandidateReceipt produced = receipt(1, 4, Optional.of(1));
    assertThat(InvalidCandidate.afterExecution(stripped, pov(produced), threeCores()))
        .map(InvalidCandidate::debug).contains("CommitmentsHashMismatch");
    // Without the signal but with the PVF agreeing, a core of the para is enough (this revision).
    assertThat(InvalidCandidate.afterExecution(stripped, pov(stripped), threeCores())).isEmpty();
  }
}
