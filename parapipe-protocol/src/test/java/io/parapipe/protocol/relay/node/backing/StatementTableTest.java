package io.parapipe.protocol.relay.node.backing;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.primitives.Statement;
import io.parapipe.protocol.relay.node.backing.StatementTable.ImportResult;
import io.parapipe.protocol.relay.node.backing.StatementTable.Misbehavior;
import io.parapipe.protocol.relay.runtime.RelayRuntimeState;
import io.parapipe.protocol.relay.runtime.inclusion.ValidityAttestation;
import io.parapipe.protocol.testing.RelayChains;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The statement table, after upstream's {@code generic.rs} tests. */
class StatementTableTest {
  private static final CoreIndex CORE_0 = CoreIndex.of(0);
  private static final CoreIndex CORE_1 = CoreIndex.of(1);
  private static final RelayRuntimeState RP = RelayChains.genesis(5, 2);
  private static final Statement.Seconded A = RelayChains.seconded(RP, ParaId.of(1), 1);
  private static final Statement.Seconded B = RelayChains.seconded(RP, ParaId.of(1), 2);

  /** Validators 0, 1, 2 back core 0; 3, 4 back core 1. */
  private static final StatementTable.Context GROUPS = new StatementTable.Context() {
    @Override
    public boolean isMemberOf(int validator, CoreIndex group) {
      return group.equals(validator < 3 ? CORE_0 : CORE_1);
    }

    @Override
    public int groupSize(CoreIndex group) {
      return group.equals(CORE_0) ? 3 : group.equals(CORE_1) ? 2 : -1;
    }
  };

  private static StatementTable table(int minimumBackingVotes) {
    return new StatementTable(GROUPS, minimumBackingVotes, new StatementTable.Config(true));
  }

  private static Statement.Valid valid(Statement.Seconded s) {
    return new Statement.Valid(s.candidateHash());
  }

  @Test
  void aCandidateIsAttestedAtMinimumBackingVotesWithItsVotesInArrivalOrder() {
    StatementTable t = table(2);
    assertThat(t.importStatement(2, A, CORE_0)).isEqualTo(ImportResult.NEW_VOTE);
    assertThat(t.attestedCandidate(A.candidateHash())).isNull();
    assertThat(t.importStatement(0, valid(A), null)).isEqualTo(ImportResult.NEW_VOTE);

    StatementTable.AttestedCandidate a = t.attestedCandidate(A.candidateHash());
    assertThat(a).isNotNull();
    assertThat(a.group()).isEqualTo(CORE_0);
    assertThat(a.candidate()).isEqualTo(A.receipt());
    assertThat(a.validationData()).isEqualTo(A.validationData());
    assertThat(a.validityVotes()).containsExactly(
        new StatementTable.Vote(2, ValidityAttestation.IMPLICIT),
        new StatementTable.Vote(0, ValidityAttestation.EXPLICIT));
    assertThat(t.misbehavior()).isEmpty();
  }

  @Test
  void aGroupSmallerThanMinimumBackingVotesNeedsEveryMember() {
    StatementTable t = table(3);
    Statement.Seconded onCore1 = RelayChains.seconded(RP, ParaId.of(2), 1);
    t.importStatement(3, onCore1, CORE_1);
    assertThat(t.attestedCandidate(onCore1.candidateHash())).isNull();
    t.importStatement(4, valid(onCore1), null);
    assertThat(t.attestedCandidate(onCore1.candidateHash())).isNotNull();

    // Core 0's group has 3 members, so 3 votes are needed there.
    t.importStatement(0, A, CORE_0);
    t.importStatement(1, valid(A), null);
    assertThat(t.attestedCandidate(A.candidateHash())).isNull();
    t.importStatement(2, valid(A), null);
    assertThat(t.attestedCandidate(A.candidateHash())).isNotNull();
  }

  @Test
  void aValidForAnUnknownCandidateIsIgnored() {
    StatementTable t = table(2);
    assertThat(t.importStatement(1, valid(A), null)).isEqualTo(ImportResult.UNKNOWN_CANDIDATE);
    assertThat(t.hasCandidate(A.candidateHash())).isFalse();
    t.importStatement(0, A, CORE_0);
    assertThat(t.validityVotes(A.candidateHash())).isEqualTo(1);
    assertThat(t.hasVote(A.candidateHash(), 1)).isFalse();
  }

  @Test
  void aVoteFromOutsideTheCandidatesGroupIsAnUnauthorizedStatement() {
    StatementTable t = table(2);
    t.importStatement(0, A, CORE_0);
    assertThat(t.importStatement(3, valid(A), null)).isEqualTo(ImportResult.UNAUTHORIZED);
    // Seconding core 0's candidate from core 1's group is unauthorized too.
    assertThat(t.importStatement(4, A, CORE_1)).isEqualTo(ImportResult.UNAUTHORIZED);
    assertThat(t.importStatement(4, B, CORE_0)).isEqualTo(ImportResult.UNAUTHORIZED);

    assertThat(t.validityVotes(A.candidateHash())).isEqualTo(1);
    assertThat(t.hasCandidate(B.candidateHash())).isFalse();
    assertThat(t.misbehavior()).containsOnlyKeys(3, 4);
    assertThat(t.misbehavior().get(3)).containsExactly(new Misbehavior.UnauthorizedStatement(3, valid(A)));
    assertThat(t.misbehavior().get(4)).containsExactly(
        new Misbehavior.UnauthorizedStatement(4, A), new Misbehavior.UnauthorizedStatement(4, B));
  }

  @Test
  void secondingAndVotingValidOnOneCandidateIsAValidityDoubleVote() {
    StatementTable t = table(2);
    t.importStatement(0, A, CORE_0);
    assertThat(t.importStatement(0, valid(A), null)).isEqualTo(ImportResult.NO_NEW_VOTE);
    t.importStatement(1, valid(A), null);
    assertThat(t.importStatement(1, A, CORE_0)).isEqualTo(ImportResult.NO_NEW_VOTE);

    assertThat(t.validityVotes(A.candidateHash())).isEqualTo(2);
    assertThat(t.misbehavior()).isEqualTo(Map.of(
        0, List.of(new Misbehavior.ValidityDoubleVote(0, A.candidateHash())),
        1, List.of(new Misbehavior.ValidityDoubleVote(1, A.candidateHash()))));
    // The first vote stands.
    assertThat(t.attestedCandidate(A.candidateHash()).validityVotes()).containsExactly(
        new StatementTable.Vote(0, ValidityAttestation.IMPLICIT),
        new StatementTable.Vote(1, ValidityAttestation.EXPLICIT));
  }

  @Test
  void theSameStatementTwiceIsOneStatementWithoutSignatures() {
    StatementTable t = table(2);
    t.importStatement(0, A, CORE_0);
    t.importStatement(1, valid(A), null);
    assertThat(t.importStatement(0, A, CORE_0)).isEqualTo(ImportResult.NO_NEW_VOTE);
    assertThat(t.importStatement(1, valid(A), null)).isEqualTo(ImportResult.NO_NEW_VOTE);
    assertThat(t.validityVotes(A.candidateHash())).isEqualTo(2);
    assertThat(t.misbehavior()).isEmpty();
  }

  @Test
  void secondingTwoCandidatesIsMisbehaviourOnlyWhenMultipleAreNotAllowed() {
    StatementTable strict = new StatementTable(GROUPS, 2, new StatementTable.Config(false));
    strict.importStatement(0, A, CORE_0);
    assertThat(strict.importStatement(0, B, CORE_0)).isEqualTo(ImportResult.MULTIPLE_CANDIDATES);
    assertThat(strict.hasCandidate(B.candidateHash())).isFalse();
    assertThat(strict.misbehavior().get(0)).containsExactly(
        new Misbehavior.MultipleCandidates(0, A.candidateHash(), B.candidateHash()));

    StatementTable relaxed = table(2);
    relaxed.importStatement(0, A, CORE_0);
    assertThat(relaxed.importStatement(0, B, CORE_0)).isEqualTo(ImportResult.NEW_VOTE);
    assertThat(relaxed.hasCandidate(B.candidateHash())).isTrue();
    assertThat(relaxed.misbehavior()).isEmpty();
  }

  @Test
  void aSecondSeconderKeepsTheCandidatesGroupAndCountsAsAVote() {
    StatementTable t = table(3);
    t.importStatement(0, A, CORE_0);
    assertThat(t.importStatement(1, A, CORE_0)).isEqualTo(ImportResult.NEW_VOTE);
    assertThat(t.groupOf(A.candidateHash())).isEqualTo(CORE_0);
    assertThat(t.candidate(A.candidateHash())).isEqualTo(A);
    assertThat(t.validityVotes(A.candidateHash())).isEqualTo(2);
  }
}
