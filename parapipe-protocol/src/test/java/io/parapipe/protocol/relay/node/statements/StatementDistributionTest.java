package io.parapipe.protocol.relay.node.statements;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.host.Topic;
import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.primitives.Statement;
import io.parapipe.protocol.primitives.ValidatorIndex;
import io.parapipe.protocol.relay.node.backing.StatementTable;
import io.parapipe.protocol.relay.node.backing.TableContext;
import io.parapipe.protocol.relay.node.chain.RelayBlock;
import io.parapipe.protocol.relay.runtime.RelayRuntimeState;
import io.parapipe.protocol.relay.runtime.inclusion.ValidityAttestation;
import io.parapipe.protocol.testing.ManualContext;
import io.parapipe.protocol.testing.RelayChains;
import io.parapipe.protocol.wire.BackedCandidateManifest;
import io.parapipe.protocol.wire.StatementMessage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Statement distribution, driven by injected messages and backing's calls. */
class StatementDistributionTest {
  private static final RelayRuntimeState STATE = RelayChains.genesis(6, 2);
  private static final RelayBlock RP = RelayChains.block(STATE);
  private static final int LOCAL = 0;

  /** What backing received, and which statements it refuses. */
  private record Imported(Hash relayParent, int validator, Statement statement) {}

  private final List<Imported> imported = new ArrayList<>();
  private final Set<Hash> refused = new HashSet<>();
  private final ManualContext ctx = new ManualContext(RelayChains.nodeOf(STATE, LOCAL));
  private final TableContext context = TableContext.of(LOCAL, STATE.api().validatorGroups(), STATE.api().claimQueue());
  private final StatementDistribution distribution = new StatementDistribution(ctx,
      RelayChains.directory(STATE, RelayChains.authorityOf(STATE, LOCAL)), (rp, v, s) -> {
        imported.add(new Imported(rp, v, s));
        return !refused.contains(s.candidateHash());
      }, 48_000_000);

  private static Statement.Seconded candidate(int n) {
    return RelayChains.seconded(STATE, ParaId.of(1), n);
  }

  private static StatementMessage message(int validator, Statement s) {
    return new StatementMessage(RP.hash(), validator, s);
  }

  @Test
  void statementsForARelayParentNotInViewWaitForItInArrivalOrder() {
    Statement.Seconded a = candidate(1);
    distribution.onStatement(message(1, a));
    distribution.onStatement(message(2, new Statement.Valid(a.candidateHash())));
    assertThat(imported).isEmpty();

    distribution.addRelayParent(RP, context);
    assertThat(imported).containsExactly(new Imported(RP.hash(), 1, a),
        new Imported(RP.hash(), 2, new Statement.Valid(a.candidateHash())));

    distribution.onStatement(message(2, candidate(2)));
    assertThat(imported).hasSize(3);
  }

  @Test
  void aValidatorMaySecondAtMostMaxCandidateDepthPlusOneCandidatesPerRelayParent() {
    distribution.addRelayParent(RP, context); // max_candidate_depth 3: limit 4
    for (int n = 1; n <= 5; n++) {
      distribution.onStatement(message(1, candidate(n)));
    }
    assertThat(imported).extracting(Imported::statement)
        .containsExactly(candidate(1), candidate(2), candidate(3), candidate(4));
    // A candidate it seconded already still passes; Valid statements are not limited.
    distribution.onStatement(message(1, candidate(2)));
    distribution.onStatement(message(1, new Statement.Valid(candidate(5).candidateHash())));
    assertThat(imported).hasSize(6);
    // Another validator has its own limit.
    distribution.onStatement(message(2, candidate(5)));
    assertThat(imported).hasSize(7);
    assertThat(distribution.withinSecondingLimit(RP.hash(), 1, candidate(6).candidateHash())).isFalse();
    assertThat(distribution.withinSecondingLimit(RP.hash(), 1, candidate(1).candidateHash())).isTrue();
  }

  @Test
  void onlySecondedStatementsBackingAcceptedCountTowardsTheLimit() {
    distribution.addRelayParent(RP, context);
    refused.add(candidate(1).candidateHash());
    refused.add(candidate(2).candidateHash());
    for (int n = 1; n <= 7; n++) {
      distribution.onStatement(message(1, candidate(n)));
    }
    assertThat(imported).extracting(Imported::statement).containsExactly(candidate(1), candidate(2),
        candidate(3), candidate(4), candidate(5), candidate(6));
  }

  @Test
  void ourStatementsGoToTheOtherMembersOfOurGroupOnly() {
    distribution.addRelayParent(RP, context);
    Statement.Seconded a = candidate(1);
    distribution.share(RP.hash(), a);

    List<ValidatorIndex> group = context.group(context.assignedCore());
    assertThat(group).extracting(ValidatorIndex::value).contains(LOCAL);
    List<Integer> mates = new ArrayList<>();
    for (ValidatorIndex v : group) {
      if (v.value() != LOCAL) {
        mates.add(RelayChains.nodeOf(STATE, v.value()));
      }
    }
    assertThat(ctx.sent).extracting(ManualContext.Sent::to).containsExactlyElementsOf(mates);
    assertThat(ctx.sent).extracting(ManualContext.Sent::message).containsOnly(new StatementMessage(RP.hash(), LOCAL, a));
    // Our own Seconded counts towards our limit.
    for (int n = 2; n <= 4; n++) {
      distribution.share(RP.hash(), candidate(n));
    }
    assertThat(distribution.withinSecondingLimit(RP.hash(), LOCAL, candidate(5).candidateHash())).isFalse();
  }

  @Test
  void aCandidateOfOurGroupBackedGoesToEveryValidatorWithItsStatementsInVoteOrder() {
    distribution.addRelayParent(RP, context);
    Statement.Seconded a = candidate(1);
    int mate = otherMemberOfOurGroup();
    distribution.backed(RP.hash(), new StatementTable.AttestedCandidate(context.assignedCore(), a.receipt(),
        a.validationData(), List.of(new StatementTable.Vote(mate, ValidityAttestation.IMPLICIT),
            new StatementTable.Vote(LOCAL, ValidityAttestation.EXPLICIT))));

    assertThat(ctx.sent).hasSize(1);
    ManualContext.Sent sent = ctx.sent.get(0);
    assertThat(sent.topic()).isEqualTo(Topic.VALIDATORS);
    BackedCandidateManifest m = (BackedCandidateManifest) sent.message();
    assertThat(m.relayParent()).isEqualTo(RP.hash());
    assertThat(m.statements()).containsExactly(
        new BackedCandidateManifest.SignedStatement(mate, new Statement.Seconded(a.receipt(), a.validationData())),
        new BackedCandidateManifest.SignedStatement(LOCAL, new Statement.Valid(a.candidateHash())));
  }

  @Test
  void aCandidateOfAnotherGroupBackedIsNotAnnouncedButItsManifestsAreSkipped() {
    distribution.addRelayParent(RP, context);
    Statement.Seconded a = RelayChains.seconded(STATE, ParaId.of(2), 1);
    CoreIndex other = context.inGroup(CoreIndex.of(0)) ? CoreIndex.of(1) : CoreIndex.of(0);
    BackedCandidateManifest manifest = new BackedCandidateManifest(RP.hash(),
        List.of(new BackedCandidateManifest.SignedStatement(3, a)));

    distribution.onManifest(manifest);
    assertThat(imported).containsExactly(new Imported(RP.hash(), 3, a));

    distribution.backed(RP.hash(), new StatementTable.AttestedCandidate(other, a.receipt(),
        a.validationData(), List.of(new StatementTable.Vote(3, ValidityAttestation.IMPLICIT))));
    assertThat(ctx.sent).isEmpty();
    distribution.onManifest(manifest);
    assertThat(imported).hasSize(1);
  }

  private int otherMemberOfOurGroup() {
    for (ValidatorIndex v : context.group(context.assignedCore())) {
      if (v.value() != LOCAL) {
        return v.value();
      }
    }
    throw new AssertionError("our group has one member");
  }
}
