package io.parapipe.protocol.relay.node.backing;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.events.CandidateAttested;
import io.parapipe.protocol.events.CandidateSeconded;
import io.parapipe.protocol.events.CandidateValid;
import io.parapipe.protocol.primitives.AsyncBackingParams;
import io.parapipe.protocol.primitives.BackingState;
import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.HeadData;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.primitives.PersistedValidationData;
import io.parapipe.protocol.primitives.PoV;
import io.parapipe.protocol.primitives.SessionIndex;
import io.parapipe.protocol.primitives.Statement;
import io.parapipe.protocol.primitives.ValidatorIndex;
import io.parapipe.protocol.relay.node.availability.AvailabilityStore;
import io.parapipe.protocol.relay.node.chain.RelayBlock;
import io.parapipe.protocol.relay.node.implicitview.BlockHeader;
import io.parapipe.protocol.relay.node.implicitview.ImplicitView;
import io.parapipe.protocol.relay.node.prospective.ProspectiveParachains;
import io.parapipe.protocol.relay.node.prospective.ProspectiveRuntime;
import io.parapipe.protocol.relay.node.prospective.RelayChainBlockInfo;
import io.parapipe.protocol.relay.node.validation.PvfArtifactKey;
import io.parapipe.protocol.relay.node.validation.PvfExecutionQueue;
import io.parapipe.protocol.relay.runtime.RelayRuntimeState;
import io.parapipe.protocol.relay.runtime.RuntimeFixture;
import io.parapipe.protocol.relay.runtime.inclusion.BackedCandidate;
import io.parapipe.protocol.relay.runtime.inclusion.ValidityAttestation;
import io.parapipe.protocol.testing.ManualContext;
import io.parapipe.protocol.testing.RelayChains;
import io.parapipe.protocol.wire.PoVFetchRequest;
import io.parapipe.protocol.wire.PoVFetchResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

/**
 * Candidate backing of one validator, driven as the node drives it: a relay parent enters the
 * view, collations come from the collator protocol, statements from statement distribution, PVF
 * jobs finish on the manual clock. Checks seconding, validating a group-mate's candidate, the
 * backing threshold and the backed candidate handed to the provisioner.
 */
class CandidateBackingTest {
  /** 6 validators, 2 cores: groups of 3, minimum backing votes 2, async backing {3, 2}. */
  private static final RelayRuntimeState STATE = RelayChains.genesis(6, 2);
  private static final RelayBlock RP = RelayChains.block(STATE);
  private static final int LOCAL = 0;
  /** The PVF backing timeout of upstream (2 s). */
  private static final long BACKING_TIMEOUT_MICROS = 2_000_000;

  private record Outcome(Hash candidate, boolean seconded) {}

  private final ManualContext ctx = new ManualContext(RelayChains.nodeOf(STATE, LOCAL));
  private final ProspectiveParachains prospective = new ProspectiveParachains(new OneBlockChain());
  private final ImplicitView implicitView = new ImplicitView();
  private final AvailabilityStore store = new AvailabilityStore();
  private final List<Outcome> outcomes = new ArrayList<>();
  private final List<Statement> shared = new ArrayList<>();
  private final List<StatementTable.AttestedCandidate> backedToDistribution = new ArrayList<>();
  private int secondingLimit = Integer.MAX_VALUE;
  private CandidateBacking backing;
  private final List<Long> pvfMicros = new ArrayList<>();
  private final PvfExecutionQueue pvf = new PvfExecutionQueue(ctx, 1, 1.0, 1.0, (job, valid, micros) -> {
    pvfMicros.add(micros);
    assertThat(backing.onExecuted(job, valid)).isTrue();
  });

  CandidateBackingTest() {
    backing = new CandidateBacking(ctx, RelayChains.directory(STATE, RelayChains.authorityOf(STATE, LOCAL)),
        prospective, implicitView, pvf, store, PvfArtifactKey.ALL_EXECUTOR_PARAMS,
        (rp, c, ok) -> outcomes.add(new Outcome(c, ok)), new StatementSharing() {
          private final List<Hash> seconded = new ArrayList<>();

          @Override
          public boolean withinSecondingLimit(Hash relayParent, int validator, Hash candidate) {
            return seconded.contains(candidate) || seconded.size() < secondingLimit;
          }

          @Override
          public void share(Hash relayParent, Statement statement) {
            if (statement instanceof Statement.Seconded s) {
              seconded.add(s.candidateHash());
            }
            shared.add(statement);
          }

          @Override
          public void backed(Hash relayParent, StatementTable.AttestedCandidate candidate) {
            backedToDistribution.add(candidate);
          }
        });
    prospective.handleActiveLeavesUpdate(Optional.of(RP.hash()), List.of());
    implicitView.activateLeaf(RP.hash(),
        h -> h.equals(RP.hash()) ? Optional.of(new BlockHeader(RP.hash(), RP.parentHash(), RP.number()))
            : Optional.empty(),
        prospective.getMinimumRelayParents(RP.hash()));
    backing.addRelayParent(RP);
  }

  /** The relay chain of one block, answered from its runtime state as the node's port does. */
  private static final class OneBlockChain implements ProspectiveRuntime {
    private static Optional<RelayRuntimeState> at(Hash block) {
      return block.equals(RP.hash()) ? Optional.of(STATE) : Optional.empty();
    }

    @Override
    public Optional<RelayChainBlockInfo> blockInfo(Hash block) {
      return at(block).map(s -> new RelayChainBlockInfo(block, s.number(), s.stateRoot()));
    }

    @Override
    public List<Hash> ancestors(Hash block, int k) {
      return List.of();
    }

    @Override
    public SessionIndex sessionIndexForChild(Hash block) {
      return at(block).orElseThrow().api().sessionIndexForChild();
    }

    @Override
    public Optional<AsyncBackingParams> asyncBackingParams(Hash block) {
      return at(block).map(s -> s.api().asyncBackingParams());
    }

    @Override
    public SortedMap<CoreIndex, List<ParaId>> claimQueue(Hash block) {
      return at(block).orElseThrow().api().claimQueue();
    }

    @Override
    public Optional<BackingState> backingState(Hash block, ParaId para) {
      return at(block).flatMap(s -> s.api().backingState(para));
    }
  }

  private TableContext context() {
    return backing.tableContext(RP.hash());
  }

  /** The para the claim queue puts on our group's core. */
  private ParaId ourPara() {
    return STATE.api().claimQueue().get(context().assignedCore()).get(0);
  }

  private ParaId otherPara() {
    return ourPara().equals(ParaId.of(1)) ? ParaId.of(2) : ParaId.of(1);
  }

  private int mate(int nth) {
    int seen = 0;
    for (ValidatorIndex v : context().group(context().assignedCore())) {
      if (v.value() != LOCAL && seen++ == nth) {
        return v.value();
      }
    }
    throw new AssertionError("our group has no member " + nth + " besides us");
  }

  /** The validator of the other group (whose core serves the other para). */
  private int outsider() {
    for (int v = 0; v < STATE.validators().size(); v++) {
      if (!context().isMemberOf(v, context().assignedCore())) {
        return v;
      }
    }
    throw new AssertionError("every validator is in our group");
  }

  private static Statement.Seconded candidate(ParaId para, int n) {
    return RelayChains.seconded(STATE, para, n);
  }

  /** The PoV that yields {@code s}'s commitments, of {@code refTime} picoseconds of execution. */
  private static PoV povOf(Statement.Seconded s, int sizeBytes, long refTime) {
    return new PoV(s.receipt().descriptor().povHash(), sizeBytes, refTime,
        s.receipt().commitments().hash());
  }

  private static PoV povOf(Statement.Seconded s) {
    return povOf(s, 100_000, 500_000_000_000L); // 0.5 s of execution at reference speed
  }

  /** Runs the node's timers for the next 10 s: PVF jobs and PoV request timeouts. */
  private void runPvf() {
    ctx.fireUntil(ctx.now() + 10_000_000, t -> assertThat(pvf.onTimer(t) || backing.povFetcher().onTimer(t)).isTrue());
  }

  private <T> List<T> events(Class<T> type) {
    return ctx.events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  @Test
  void aValidCollationIsSecondedSharedWithTheGroupAndBackedByOneMoreValidVote() {
    Statement.Seconded a = candidate(ourPara(), 1);
    backing.second(RP.hash(), a.receipt(), a.validationData(), povOf(a));
    assertThat(outcomes).isEmpty(); // validation takes PVF time
    assertThat(ctx.timers).hasSize(1);

    runPvf();
    assertThat(outcomes).containsExactly(new Outcome(a.candidateHash(), true));
    assertThat(shared).containsExactly(a);
    assertThat(events(CandidateSeconded.class))
        .containsExactly(new CandidateSeconded(ourPara(), a.candidateHash(), RP.hash()));
    // One vote of two: not yet backed.
    assertThat(backing.backedCandidate(RP.hash(), a.candidateHash(), false)).isEmpty();

    int mate = mate(0);
    assertThat(backing.importStatement(RP.hash(), mate, new Statement.Valid(a.candidateHash()))).isTrue();
    assertThat(events(CandidateAttested.class)).containsExactly(new CandidateAttested(ourPara(), a.candidateHash()));
    assertThat(backedToDistribution).hasSize(1);

    BackedCandidate backed = backing.backedCandidate(RP.hash(), a.candidateHash(), true).orElseThrow();
    assertThat(backed.candidate()).isEqualTo(a.receipt());
    List<ValidatorIndex> group = context().group(context().assignedCore());
    List<ValidityAttestation> expected = new ArrayList<>();
    for (int i = 0; i < group.size(); i++) {
      int v = group.get(i).value();
      assertThat(backed.validatorIndices().get(i)).as("bit of group position %d", i).isEqualTo(v == LOCAL || v == mate);
      if (v == LOCAL) {
        expected.add(ValidityAttestation.IMPLICIT);
      } else if (v == mate) {
        expected.add(ValidityAttestation.EXPLICIT);
      }
    }
    assertThat(backed.validityVotes()).containsExactlyElementsOf(expected);
    assertThat(backed.injectedCoreIndex()).contains(context().assignedCore());
    assertThat(backing.backedCandidate(RP.hash(), a.candidateHash(), false).orElseThrow().injectedCoreIndex()).isEmpty();
  }

  @Test
  void aCollationOfAParaOurCoreDoesNotServeIsNotValidated() {
    Statement.Seconded b = candidate(otherPara(), 1);
    backing.second(RP.hash(), b.receipt(), b.validationData(), povOf(b));
    assertThat(outcomes).containsExactly(new Outcome(b.candidateHash(), false));
    assertThat(ctx.timers).isEmpty();
    assertThat(shared).isEmpty();
  }

  @Test
  void aPovAboveMaxPovSizeOrAnExecutionPastTheBackingTimeoutIsNotSeconded() {
    Statement.Seconded a = candidate(ourPara(), 1);
    int max = a.validationData().maxPovSize();
    backing.second(RP.hash(), a.receipt(), a.validationData(), povOf(a, max + 1, 1_000_000_000L));
    assertThat(outcomes).containsExactly(new Outcome(a.candidateHash(), false));
    assertThat(ctx.timers).isEmpty();

    outcomes.clear();
    backing.second(RP.hash(), a.receipt(), a.validationData(), povOf(a, 100_000, 3_000_000_000_000L)); // 3 s
    runPvf();
    assertThat(outcomes).containsExactly(new Outcome(a.candidateHash(), false));
    assertThat(pvfMicros).as("the job was cut at the backing timeout").containsExactly(BACKING_TIMEOUT_MICROS);
    assertThat(shared).isEmpty();
    assertThat(events(CandidateSeconded.class)).isEmpty();
  }

  @Test
  void aPovWhoseOutputIsNotTheReceiptsCommitmentsFailsValidation() {
    Statement.Seconded a = candidate(ourPara(), 1);
    PoV lying = new PoV(a.receipt().descriptor().povHash(), 100_000, 500_000_000_000L, Hash.fromLong(0xbad));
    backing.second(RP.hash(), a.receipt(), a.validationData(), lying);
    runPvf();
    assertThat(outcomes).containsExactly(new Outcome(a.candidateHash(), false));
    assertThat(shared).isEmpty();
  }

  @Test
  void aGroupMatesSecondedIsValidatedWithThePovFetchedFromItAndGetsOurValidVote() {
    Statement.Seconded a = candidate(ourPara(), 1);
    int mate = mate(0);
    assertThat(backing.importStatement(RP.hash(), mate, a)).isTrue();

    assertThat(ctx.sent).hasSize(1);
    assertThat(ctx.sent.get(0).to()).isEqualTo(RelayChains.nodeOf(STATE, mate));
    assertThat(ctx.sent.get(0).message()).isEqualTo(new PoVFetchRequest(RP.hash(), a.candidateHash(),
        ctx.now() + PovFetcher.POV_REQUEST_TIMEOUT_MICROS));
    assertThat(backing.awaitingPoV(RP.hash(), a.candidateHash())).isTrue();

    backing.povFetcher().onResponse(new PoVFetchResponse(RP.hash(), a.candidateHash(), povOf(a)));
    runPvf();
    assertThat(shared).containsExactly(new Statement.Valid(a.candidateHash()));
    assertThat(events(CandidateValid.class)).containsExactly(new CandidateValid(ourPara(), a.candidateHash()));
    assertThat(events(CandidateAttested.class)).hasSize(1); // the mate's Seconded and our Valid
    assertThat(backing.backedCandidate(RP.hash(), a.candidateHash(), false)).isPresent();
  }

  @Test
  void aValidThatOvertakesItsSecondedCountsOnceTheSecondedArrives() {
    Statement.Seconded a = candidate(ourPara(), 1);
    assertThat(backing.importStatement(RP.hash(), mate(1), new Statement.Valid(a.candidateHash()))).isTrue();
    assertThat(events(CandidateAttested.class)).isEmpty();

    assertThat(backing.importStatement(RP.hash(), mate(0), a)).isTrue();
    assertThat(events(CandidateAttested.class)).containsExactly(new CandidateAttested(ourPara(), a.candidateHash()));
    assertThat(backing.table(RP.hash()).attestedCandidate(a.candidateHash()).validityVotes())
        .extracting(StatementTable.Vote::validator).containsExactly(mate(0), mate(1));
  }

  @Test
  void aSecondedFromAValidatorWhoseCoreDoesNotServeTheParaIsRefused() {
    Statement.Seconded a = candidate(ourPara(), 1);
    assertThat(backing.importStatement(RP.hash(), outsider(), a)).isFalse();
    assertThat(backing.table(RP.hash()).hasCandidate(a.candidateHash())).isFalse();
    assertThat(ctx.sent).isEmpty();
  }

  @Test
  void aCandidateProspectiveParachainsRefuseNeverEntersTheTable() {
    // Its output head is its parent head: upstream's ZeroLengthCycle.
    HeadData head = RuntimeFixture.genesisHead(ourPara());
    Statement.Seconded cycle = new Statement.Seconded(RuntimeFixture.candidate(STATE, ourPara(), head, head),
        new PersistedValidationData(head, STATE.number(), STATE.stateRoot(), STATE.activeConfig().maxPovSize()));
    assertThat(backing.importStatement(RP.hash(), mate(0), cycle)).isFalse();
    assertThat(backing.table(RP.hash()).hasCandidate(cycle.candidateHash())).isFalse();
    assertThat(ctx.sent).as("no PoV is fetched for it").isEmpty();
  }

  @Test
  void statementDistributionsSecondingLimitStopsASecondSeconded() {
    secondingLimit = 1;
    Statement.Seconded a = candidate(ourPara(), 1);
    Statement.Seconded b = candidate(ourPara(), 2); // builds on a
    backing.second(RP.hash(), a.receipt(), a.validationData(), povOf(a));
    runPvf();
    backing.second(RP.hash(), b.receipt(), b.validationData(), povOf(b));
    runPvf();
    assertThat(outcomes).containsExactly(new Outcome(a.candidateHash(), true), new Outcome(b.candidateHash(), false));
    assertThat(shared).containsExactly(a);
  }

  @Test
  void aRelayParentThatLeftTheViewForgetsItsTableAndRefusesStatements() {
    Statement.Seconded a = candidate(ourPara(), 1);
    int mate = mate(0);
    backing.retainOnly(java.util.Set.of());
    assertThat(backing.knows(RP.hash())).isFalse();
    assertThat(backing.importStatement(RP.hash(), mate, a)).isFalse();
    backing.second(RP.hash(), a.receipt(), a.validationData(), povOf(a));
    assertThat(outcomes).containsExactly(new Outcome(a.candidateHash(), false));
  }
}
