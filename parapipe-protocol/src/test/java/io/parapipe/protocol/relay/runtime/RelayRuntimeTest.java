package io.parapipe.protocol.relay.runtime;

import static io.parapipe.protocol.relay.runtime.RuntimeFixture.back;
import static io.parapipe.protocol.relay.runtime.RuntimeFixture.bitfields;
import static io.parapipe.protocol.relay.runtime.RuntimeFixture.candidate;
import static io.parapipe.protocol.relay.runtime.RuntimeFixture.empty;
import static io.parapipe.protocol.relay.runtime.RuntimeFixture.genesisHead;
import static io.parapipe.protocol.relay.runtime.RuntimeFixture.head;
import static io.parapipe.protocol.relay.runtime.RuntimeFixture.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parapipe.protocol.primitives.AsyncBackingParams;
import io.parapipe.protocol.primitives.BackingState;
import io.parapipe.protocol.primitives.CommittedCandidateReceipt;
import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.HostConfiguration;
import io.parapipe.protocol.primitives.InconsistentError;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.primitives.PersistedValidationData;
import io.parapipe.protocol.primitives.ScaleWriter;
import io.parapipe.protocol.primitives.SessionIndex;
import io.parapipe.protocol.relay.runtime.configuration.ConfigUpdate;
import io.parapipe.protocol.relay.runtime.configuration.ConfigUpdateOutcome;
import io.parapipe.protocol.relay.runtime.inclusion.BackedCandidate;
import io.parapipe.protocol.relay.runtime.inclusion.CandidateEvent;
import io.parapipe.protocol.relay.runtime.inclusion.PendingAvailabilityEntry;
import io.parapipe.protocol.relay.runtime.parasinherent.DroppedCandidate;
import io.parapipe.protocol.relay.runtime.parasinherent.ProcessInherentDataContext;
import io.parapipe.protocol.relay.runtime.parasinherent.SanitizeReason;
import io.parapipe.protocol.relay.runtime.scheduler.AssignmentProvider;
import io.parapipe.protocol.relay.runtime.scheduler.BulkCoretimeAssigner;
import io.parapipe.protocol.relay.runtime.shared.ValidatorId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RelayRuntimeTest {
  static final ParaId A = ParaId.of(100);
  static final ParaId B = ParaId.of(200);

  static RelayRuntimeState oneParaGenesis() {
    return RuntimeFixture.genesis(6, RuntimeFixture.config(1), List.of(A), 100);
  }

  static RelayRuntimeState elasticGenesis(int sessionLength) {
    HostConfiguration cfg = RuntimeFixture.config(2).withElasticScalingMvp(true);
    return RuntimeFixture.genesis(6, cfg, List.of(A, A), sessionLength);
  }

  /** Six validators, 100-block sessions, zero randomness. */
  private static GenesisConfig sixValidatorGenesis(SortedMap<ParaId, GenesisConfig.ParaGenesis> paras,
      HostConfiguration config, AssignmentProvider provider) {
    return GenesisConfig.builder()
        .numValidators(6)
        .paras(paras)
        .config(config)
        .assignmentProvider(provider)
        .sessionLength(100)
        .randomness(Hash.ZERO)
        .build();
  }

  static List<Class<?>> kinds(RelayRuntimeState s) {
    return s.events().stream().<Class<?>>map(Object::getClass).toList();
  }

  @Test
  void genesisRejectsAnInconsistentConfiguration() {
    HostConfiguration bad = RuntimeFixture.config(1).withMinimumBackingVotes(0);
    GenesisOutcome o = RelayRuntime.genesis(GenesisConfig.builder()
        .numValidators(4)
        .paras(new TreeMap<>())
        .config(bad)
        .assignmentProvider(RuntimeFixture.bulk(List.of(A)))
        .sessionLength(10)
        .randomness(Hash.ZERO)
        .build());
    assertThat(o).isEqualTo(new GenesisOutcome.Inconsistent(InconsistentError.ZERO_MINIMUM_BACKING_VOTES));
    assertThatThrownBy(o::orElseThrow).hasMessageContaining("ZeroMinimumBackingVotes");
  }

  @Test
  void genesisState() {
    RelayRuntimeState g = elasticGenesis(10);
    assertThat(g.number()).isZero();
    assertThat(g.parentHash()).isEqualTo(Hash.ZERO);
    assertThat(g.session()).isEqualTo(SessionIndex.of(0));
    assertThat(g.sessionStartBlock()).isEqualTo(1);
    assertThat(g.validators()).hasSize(6).doesNotHaveDuplicates();
    assertThat(g.validatorGroups().groups()).extracting(List::size).containsExactly(3, 3);
    // lookahead 3 from an empty queue: doubled first assignment, then one more
    assertThat(g.api().claimQueue()).containsExactlyEntriesOf(
        new TreeMap<>(Map.of(CoreIndex.of(0), List.of(A, A, A), CoreIndex.of(1), List.of(A, A, A))));
    assertThat(g.allowedRelayParents().buffer()).isEmpty();
    assertThat(g.api().paraHead(A)).contains(genesisHead(A));
    assertThat(g.paras().mostRecentContext(A)).contains(0);
    assertThat(g.api().availabilityCores()).containsExactly(
        new CoreState.Scheduled(CoreIndex.of(0), A), new CoreState.Scheduled(CoreIndex.of(1), A));
  }

  @Test
  void blockHashIsBlake2bOfTheScaleHeaderAndExecutionIsDeterministic() {
    RelayRuntimeState g = oneParaGenesis();
    BlockExecution a = run(g, List.of(), List.of());
    BlockExecution b = run(g, List.of(), List.of());
    assertThat(a.state().hash()).isEqualTo(b.state().hash());
    ScaleWriter w = new ScaleWriter();
    a.state().header().writeTo(w);
    assertThat(a.state().hash()).isEqualTo(w.blake2b256());
    assertThat(a.state().parentHash()).isEqualTo(g.hash());
    BlockExecution otherAuthor = RelayRuntime.executeBlock(g, BlockInputs.of(1, ValidatorId.of(3), ParasInherentData.empty(g.header())));
    assertThat(otherAuthor.state().hash()).isNotEqualTo(a.state().hash());
    assertThat(otherAuthor.state().stateRoot()).isNotEqualTo(a.state().stateRoot());
  }

  @Test
  void invalidParentHeaderIsRejected() {
    RelayRuntimeState g = oneParaGenesis();
    RelayRuntimeState s1 = empty(g);
    ExecutionOutcome o = RelayRuntime.executeBlock(s1, BlockInputs.of(2, ValidatorId.of(0), ParasInherentData.empty(g.header())),
        ProcessInherentDataContext.ENTER);
    assertThat(o).isEqualTo(new ExecutionOutcome.Rejected(InherentError.INVALID_PARENT_HEADER, List.of()));
  }

  @Test
  void candidateIncludedAndItsChildBackedInTheSameBlock() {
    RelayRuntimeState g = oneParaGenesis();
    CommittedCandidateReceipt c1 = candidate(g, A, genesisHead(A), head(A, 1));
    BlockExecution b1 = run(g, List.of(), List.of(back(g, c1, CoreIndex.of(0), 0)));
    RelayRuntimeState s1 = b1.state();
    assertThat(b1.droppedCandidates()).isEmpty();
    assertThat(kinds(s1)).containsExactly(CandidateEvent.CandidateBacked.class);
    assertThat(s1.pendingAvailability().forPara(A)).extracting(PendingAvailabilityEntry::hash).containsExactly(c1.hash());
    assertThat(s1.api().candidatePendingAvailability(A)).contains(c1);

    // Block 2: availability of C1 and backing of its child C2 (relay parent 1), same core.
    CommittedCandidateReceipt c2 = candidate(s1, A, head(A, 1), head(A, 2));
    BlockExecution b2 = run(s1, bitfields(s1, 0), List.of(back(s1, c2, CoreIndex.of(0), 1)));
    RelayRuntimeState s2 = b2.state();
    assertThat(b2.droppedCandidates()).isEmpty();
    assertThat(s2.events()).extracting(CandidateEvent::candidateHash).containsExactly(c1.hash(), c2.hash());
    assertThat(kinds(s2)).containsExactly(CandidateEvent.CandidateIncluded.class, CandidateEvent.CandidateBacked.class);
    assertThat(s2.api().paraHead(A)).contains(head(A, 1));
    assertThat(s2.paras().mostRecentContext(A)).contains(0);
    assertThat(s2.pendingAvailability().forPara(A)).extracting(PendingAvailabilityEntry::hash).containsExactly(c2.hash());
    assertThat(s2.pendingAvailability().forPara(A).get(0).backedInNumber()).isEqualTo(2);
    assertThat(b2.processedInherent().backedCandidates()).extracting(BackedCandidate::hash).containsExactly(c2.hash());
  }

  @Test
  void aChildAvailableBeforeItsParentIsEnactedOnlyWithItsParent() {
    RelayRuntimeState g = elasticGenesis(100);
    CommittedCandidateReceipt a1 = candidate(g, A, genesisHead(A), head(A, 1));
    CommittedCandidateReceipt a2 = candidate(g, A, head(A, 1), head(A, 2));
    RelayRuntimeState s1 = run(g, List.of(), List.of(back(g, a1, CoreIndex.of(0), 0), back(g, a2, CoreIndex.of(1), 0))).state();
    assertThat(s1.pendingAvailability().forPara(A)).hasSize(2);
    assertThat(s1.pendingAvailability().occupiedCores()).containsOnlyKeys(CoreIndex.of(0), CoreIndex.of(1));

    // Only A2 (core 1) is available: nothing is enacted, A2 keeps its votes.
    RelayRuntimeState s2 = run(s1, bitfields(s1, 1), List.of()).state();
    assertThat(s2.events()).isEmpty();
    assertThat(s2.pendingAvailability().forPara(A).get(1).availabilityVotes().countOnes()).isEqualTo(6);
    assertThat(s2.api().paraHead(A)).contains(genesisHead(A));

    // Now A1 becomes available: both are enacted, in order.
    RelayRuntimeState s3 = run(s2, bitfields(s2, 0), List.of()).state();
    assertThat(s3.events()).extracting(CandidateEvent::candidateHash).containsExactly(a1.hash(), a2.hash());
    assertThat(s3.api().paraHead(A)).contains(head(A, 2));
    assertThat(s3.pendingAvailability().forPara(A)).isEmpty();
  }

  @Test
  void availabilityNeedsASupermajority() {
    RelayRuntimeState g = oneParaGenesis();
    CommittedCandidateReceipt c1 = candidate(g, A, genesisHead(A), head(A, 1));
    RelayRuntimeState s1 = run(g, List.of(), List.of(back(g, c1, CoreIndex.of(0), 0))).state();
    // 6 validators: supermajority 5; 4 votes are not enough
    RelayRuntimeState s2 = run(s1, RuntimeFixture.bitfieldsFrom(s1, 4, 0), List.of()).state();
    assertThat(s2.events()).isEmpty();
    RelayRuntimeState s3 = run(s2, List.of(bitfields(s2, 0).get(4)), List.of()).state();
    assertThat(kinds(s3)).containsExactly(CandidateEvent.CandidateIncluded.class);
  }

  @Test
  void timeoutEvictsTheEarliestTimedOutCandidateAndItsDescendants() {
    // rotation every 10 blocks from block 1, availability period 3
    RelayRuntimeState s = elasticGenesis(100);
    for (int i = 0; i < 7; i++) {
      s = empty(s);
    }
    RelayRuntimeState s7 = s;
    CommittedCandidateReceipt a1 = candidate(s7, A, genesisHead(A), head(A, 1));
    RelayRuntimeState s8 = run(s7, List.of(), List.of(back(s7, a1, CoreIndex.of(0), 7))).state();
    CommittedCandidateReceipt a2 = candidate(s8, A, head(A, 1), head(A, 2));
    RelayRuntimeState s9 = run(s8, List.of(), List.of(back(s8, a2, CoreIndex.of(1), 8))).state();
    assertThat(s9.pendingAvailability().forPara(A)).hasSize(2);
    // the core state reports when the candidate times out: next rotation (11) + period (3)
    CoreState.Occupied core0 = (CoreState.Occupied) s9.api().availabilityCores().get(0);
    assertThat(core0.occupiedSince()).isEqualTo(8);
    assertThat(core0.timeOutAt()).isEqualTo(14);
    assertThat(core0.candidateHash()).isEqualTo(a1.hash());

    RelayRuntimeState s10 = empty(s9); // window opens, but 8 + 3 > 10
    assertThat(s10.pendingAvailability().forPara(A)).hasSize(2);
    // Block 11: A1 (backed in 8) times out; A2 (backed in 9, not yet timed out) goes with it.
    // The freed core 0 can be backed again in the same block.
    CommittedCandidateReceipt fresh = candidate(s10, A, genesisHead(A), head(A, 11));
    RelayRuntimeState s11 = run(s10, List.of(), List.of(back(s10, fresh, CoreIndex.of(0), 10))).state();
    assertThat(s11.events()).extracting(CandidateEvent::candidateHash).containsExactly(a1.hash(), a2.hash(), fresh.hash());
    assertThat(kinds(s11)).containsExactly(CandidateEvent.CandidateTimedOut.class, CandidateEvent.CandidateTimedOut.class,
        CandidateEvent.CandidateBacked.class);
    assertThat(s11.pendingAvailability().forPara(A)).extracting(PendingAvailabilityEntry::hash).containsExactly(fresh.hash());
    assertThat(s11.api().paraHead(A)).contains(genesisHead(A));
  }

  @Test
  void withinARotationThereIsNoTimeout() {
    RelayRuntimeState g = oneParaGenesis();
    CommittedCandidateReceipt c1 = candidate(g, A, genesisHead(A), head(A, 1));
    RelayRuntimeState s = run(g, List.of(), List.of(back(g, c1, CoreIndex.of(0), 0))).state();
    for (int i = 2; i <= 9; i++) {
      s = empty(s);
      assertThat(s.pendingAvailability().forPara(A)).hasSize(1);
    }
    assertThat(s.events()).isEmpty();
  }

  @Test
  void claimQueueAdvancesExceptForCoresStillOccupied() {
    // core 0 alternates A, B; core 1 is always B
    RotatingAssigner provider = new RotatingAssigner(List.of(A, B), 0);
    TreeMap<ParaId, GenesisConfig.ParaGenesis> paras = new TreeMap<>();
    paras.put(A, new GenesisConfig.ParaGenesis(genesisHead(A), RuntimeFixture.codeHash(A)));
    paras.put(B, new GenesisConfig.ParaGenesis(genesisHead(B), RuntimeFixture.codeHash(B)));
    HostConfiguration cfg = RuntimeFixture.config(2, 2, new AsyncBackingParams(3, 2), 2, 10, 3);
    RelayRuntimeState g = RelayRuntime.genesis(sixValidatorGenesis(paras, cfg, provider)).orElseThrow();
    assertThat(g.api().claimQueue().get(CoreIndex.of(0))).containsExactly(A, A);
    assertThat(g.api().claimQueue().get(CoreIndex.of(1))).containsExactly(B, B);

    CommittedCandidateReceipt c = candidate(g, A, genesisHead(A), head(A, 1));
    RelayRuntimeState s1 = run(g, List.of(), List.of(back(g, c, CoreIndex.of(0), 0))).state();
    // core 0 was free when the block started: its claim was used and the queue advanced
    assertThat(s1.api().claimQueue().get(CoreIndex.of(0))).containsExactly(A, B);
    assertThat(s1.api().claimQueue().get(CoreIndex.of(1))).containsExactly(B, B);
    // core 0 stays occupied: its queue stays as it is
    RelayRuntimeState s2 = empty(s1);
    assertThat(s2.api().claimQueue().get(CoreIndex.of(0))).containsExactly(A, B);
    assertThat(s2.api().availabilityCores().get(0)).isInstanceOf(CoreState.Occupied.class);
    assertThat(((CoreState.Occupied) s2.api().availabilityCores().get(0)).nextUpOnAvailable()).contains(A);
    // freed in block 3: advanced again
    RelayRuntimeState s3 = run(s2, bitfields(s2, 0), List.of()).state();
    assertThat(s3.api().claimQueue().get(CoreIndex.of(0))).containsExactly(B, A);
    assertThat(RuntimeApi.transposeClaimQueue(s3.api().claimQueue()).get(B))
        .containsExactlyEntriesOf(new TreeMap<>(Map.of(
            0, new java.util.TreeSet<>(List.of(CoreIndex.of(0), CoreIndex.of(1))),
            1, new java.util.TreeSet<>(List.of(CoreIndex.of(1))))));
  }

  @Test
  void aCandidateForAParaNotAtTheFrontOfTheClaimQueueIsDropped() {
    RotatingAssigner provider = new RotatingAssigner(List.of(A, B), 0);
    TreeMap<ParaId, GenesisConfig.ParaGenesis> paras = new TreeMap<>();
    paras.put(A, new GenesisConfig.ParaGenesis(genesisHead(A), RuntimeFixture.codeHash(A)));
    paras.put(B, new GenesisConfig.ParaGenesis(genesisHead(B), RuntimeFixture.codeHash(B)));
    HostConfiguration cfg = RuntimeFixture.config(1, 2, new AsyncBackingParams(3, 2), 2, 10, 3);
    RelayRuntimeState g = RelayRuntime.genesis(sixValidatorGenesis(paras, cfg, provider)).orElseThrow();
    RelayRuntimeState s1 = empty(g); // claim queue [A, A] → [A, B]
    RelayRuntimeState s2 = empty(s1); // → [B, A]
    assertThat(s2.api().claimQueue().get(CoreIndex.of(0))).containsExactly(B, A);
    CommittedCandidateReceipt c = candidate(s2, A, genesisHead(A), head(A, 1));
    BlockExecution b3 = run(s2, List.of(), List.of(back(s2, c, CoreIndex.of(0), 2)));
    assertThat(b3.droppedCandidates()).extracting(DroppedCandidate::reason).containsExactly(SanitizeReason.NO_SCHEDULED_CORE);
  }

  @Test
  void configChangeTakesEffectOnlyAtTheSessionBoundaryTwoSessionsLater() {
    RelayRuntimeState g = RuntimeFixture.genesis(6, RuntimeFixture.config(1), List.of(A), 5);
    RelayRuntimeState s1 = empty(g);
    BlockExecution b2 = RelayRuntime.executeBlock(s1, new BlockInputs(2, ValidatorId.of(0), ParasInherentData.empty(s1.header()),
        Optional.of(base -> base.withMinimumBackingVotes(3))));
    assertThat(b2.configUpdate()).hasValueSatisfying(o -> assertThat(o).isInstanceOf(ConfigUpdateOutcome.Scheduled.class));
    assertThat(((ConfigUpdateOutcome.Scheduled) b2.configUpdate().get()).session()).isEqualTo(SessionIndex.of(2));
    RelayRuntimeState s = b2.state();
    assertThat(s.api().minimumBackingVotes()).isEqualTo(2);
    while (s.number() < 10) {
      s = empty(s);
      if (s.number() == 5) {
        assertThat(s.session()).isEqualTo(SessionIndex.of(1));
        assertThat(s.sessionStartBlock()).isEqualTo(6);
      }
      if (s.number() < 10) {
        assertThat(s.api().minimumBackingVotes()).as("block %d", s.number()).isEqualTo(2);
      }
    }
    assertThat(s.session()).isEqualTo(SessionIndex.of(2));
    assertThat(s.sessionStartBlock()).isEqualTo(11);
    assertThat(s.api().minimumBackingVotes()).isEqualTo(3);
    assertThat(s.pendingConfigs().entries()).isEmpty();
  }

  @Test
  void anInconsistentGovernanceChangeIsRefused() {
    RelayRuntimeState g = oneParaGenesis();
    BlockExecution b = RelayRuntime.executeBlock(g, new BlockInputs(1, ValidatorId.of(0), ParasInherentData.empty(g.header()),
        Optional.of(ConfigUpdate.replaceWith(g.activeConfig().toBuilder()
            .maxPovSize(1).minimumBackingVotes(0).neededApprovals(1).build()))));
    assertThat(b.configUpdate()).contains(new ConfigUpdateOutcome.InvalidNewValue(InconsistentError.ZERO_MINIMUM_BACKING_VOTES));
    assertThat(b.state().pendingConfigs().entries()).isEmpty();
  }

  @Test
  void sessionChangeWipesPendingAvailabilityAndRelayParentsAndBacksNothingInItsLastBlock() {
    RelayRuntimeState g = RuntimeFixture.genesis(6, RuntimeFixture.config(1), List.of(A), 5);
    RelayRuntimeState s = g;
    for (int i = 0; i < 3; i++) {
      s = empty(s);
    }
    RelayRuntimeState s3 = s;
    CommittedCandidateReceipt c = candidate(s3, A, genesisHead(A), head(A, 1));
    RelayRuntimeState s4 = run(s3, List.of(), List.of(back(s3, c, CoreIndex.of(0), 3))).state();
    assertThat(s4.pendingAvailability().size()).isEqualTo(1);

    // Block 5 is the last of session 0: a candidate offered now is not backed.
    RelayRuntimeState s4b = run(s3, List.of(), List.of()).state();
    CommittedCandidateReceipt late = candidate(s4b, A, genesisHead(A), head(A, 5));
    BlockExecution b5 = run(s4b, List.of(), List.of(back(s4b, late, CoreIndex.of(0), 4)));
    assertThat(b5.droppedCandidates()).extracting(DroppedCandidate::reason).containsExactly(SanitizeReason.SESSION_CHANGE_UPCOMING);
    assertThat(b5.sessionChanged()).isTrue();
    assertThat(b5.state().api().claimQueue()).isEqualTo(s4b.api().claimQueue());
    ExecutionOutcome strict = RelayRuntime.executeBlock(s4b,
        BlockInputs.of(5, ValidatorId.of(0), new ParasInherentData(List.of(), List.of(back(s4b, late, CoreIndex.of(0), 4)), s4b.header())),
        ProcessInherentDataContext.ENTER);
    assertThat(strict).isInstanceOf(ExecutionOutcome.Rejected.class);

    // On the other fork the pending candidate is wiped at the session change, without an event.
    BlockExecution e5 = run(s4, List.of(), List.of());
    RelayRuntimeState s5 = e5.state();
    assertThat(s5.events()).isEmpty();
    assertThat(s5.pendingAvailability().size()).isZero();
    assertThat(s5.session()).isEqualTo(SessionIndex.of(1));
    assertThat(s5.sessionStartBlock()).isEqualTo(6);
    assertThat(s5.allowedRelayParents().buffer()).isEmpty();
    assertThat(s5.api().sessionIndexForChild()).isEqualTo(SessionIndex.of(1));
    assertThat(s5.validators()).isNotEqualTo(s4.validators()).containsExactlyInAnyOrderElementsOf(s4.validators());
    assertThat(s5.api().validatorGroups().rotationInfo().sessionStartBlock()).isEqualTo(6);

    // Block 6: only block 5 is an allowed relay parent.
    CommittedCandidateReceipt old = candidate(s4, A, genesisHead(A), head(A, 6));
    CommittedCandidateReceipt fresh = candidate(s5, A, genesisHead(A), head(A, 7));
    BlockExecution b6old = run(s5, List.of(), List.of(back(s5, old, CoreIndex.of(0), 5)));
    // sanitize_backed_candidate_v2 looks the relay parent up first, for V1 descriptors too.
    assertThat(b6old.droppedCandidates()).singleElement().satisfies(d ->
        assertThat(d.reason()).isEqualTo(SanitizeReason.RELAY_PARENT_NOT_ALLOWED));
    BlockExecution b6 = run(s5, List.of(), List.of(back(s5, fresh, CoreIndex.of(0), 5)));
    assertThat(b6.droppedCandidates()).isEmpty();
    assertThat(b6.state().pendingAvailability().forPara(A)).hasSize(1);
  }

  @Test
  void enterContextRejectsABlockWhoseCandidatesNeedFiltering() {
    RelayRuntimeState g = oneParaGenesis();
    CommittedCandidateReceipt c = candidate(g, A, genesisHead(A), head(A, 1));
    BackedCandidate weak = back(g, c, CoreIndex.of(0), 0, 1, false);
    ParasInherentData data = new ParasInherentData(List.of(), List.of(weak), g.header());
    ExecutionOutcome strict = RelayRuntime.executeBlock(g, BlockInputs.of(1, ValidatorId.of(0), data), ProcessInherentDataContext.ENTER);
    assertThat(strict).isInstanceOf(ExecutionOutcome.Rejected.class);
    assertThat(((ExecutionOutcome.Rejected) strict).error()).isEqualTo(InherentError.CANDIDATES_FILTERED_DURING_EXECUTION);
    // The author's context drops it instead, and the filtered data passes the strict check.
    BlockExecution lenient = RelayRuntime.executeBlock(g, BlockInputs.of(1, ValidatorId.of(0), data));
    assertThat(lenient.droppedCandidates()).hasSize(1);
    ExecutionOutcome reimport = RelayRuntime.executeBlock(g, BlockInputs.of(1, ValidatorId.of(0), lenient.processedInherent()),
        ProcessInherentDataContext.ENTER);
    assertThat(((ExecutionOutcome.Executed) reimport).execution().state().hash()).isEqualTo(lenient.state().hash());
  }

  @Test
  void persistedValidationDataUnderEachAssumption() {
    RelayRuntimeState g = oneParaGenesis();
    CommittedCandidateReceipt c1 = candidate(g, A, genesisHead(A), head(A, 1));
    RelayRuntimeState s1 = run(g, List.of(), List.of(back(g, c1, CoreIndex.of(0), 0))).state();
    RuntimeApi api = s1.api();
    int pov = s1.activeConfig().maxPovSize();
    assertThat(api.persistedValidationData(A, OccupiedCoreAssumption.FREE)).isEmpty();
    assertThat(api.persistedValidationData(A, OccupiedCoreAssumption.TIMED_OUT))
        .contains(new PersistedValidationData(genesisHead(A), 1, s1.stateRoot(), pov));
    assertThat(api.persistedValidationData(A, OccupiedCoreAssumption.INCLUDED))
        .contains(new PersistedValidationData(head(A, 1), 1, s1.stateRoot(), pov));
    assertThat(api.persistedValidationData(ParaId.of(9), OccupiedCoreAssumption.TIMED_OUT)).isEmpty();
    assertThat(api.validationCodeHash(A, OccupiedCoreAssumption.INCLUDED)).contains(RuntimeFixture.codeHash(A));
    assertThat(api.validationCodeHash(A, OccupiedCoreAssumption.FREE)).isEmpty();
    // the PVD a collator gets here is exactly what the runtime checks
    CommittedCandidateReceipt c2 = candidate(s1, A, head(A, 1), head(A, 2));
    assertThat(c2.descriptor().persistedValidationDataHash())
        .isEqualTo(api.persistedValidationData(A, OccupiedCoreAssumption.INCLUDED).orElseThrow().hash());
  }

  @Test
  void backingStateReportsConstraintsAndPendingCandidatesInOrder() {
    RelayRuntimeState g = elasticGenesis(100);
    assertThat(g.api().backingState(A).orElseThrow().constraints().minRelayParentNumber()).isZero();
    CommittedCandidateReceipt a1 = candidate(g, A, genesisHead(A), head(A, 1));
    CommittedCandidateReceipt a2 = candidate(g, A, head(A, 1), head(A, 2));
    RelayRuntimeState s = run(g, List.of(), List.of(back(g, a1, CoreIndex.of(0), 0), back(g, a2, CoreIndex.of(1), 0))).state();
    BackingState bs = s.api().backingState(A).orElseThrow();
    assertThat(bs.constraints().minRelayParentNumber()).isEqualTo(0); // now 1, buffer holds 1 entry
    assertThat(bs.constraints().requiredParent()).isEqualTo(genesisHead(A));
    assertThat(bs.constraints().validationCodeHash()).isEqualTo(RuntimeFixture.codeHash(A));
    assertThat(bs.constraints().maxPovSize()).isEqualTo(s.activeConfig().maxPovSize());
    assertThat(bs.pendingAvailability()).extracting(p -> p.candidateHash()).containsExactly(a1.hash(), a2.hash());
    assertThat(bs.pendingAvailability().get(0).relayParentNumber()).isZero();
    for (int i = 0; i < 4; i++) {
      s = empty(s);
    }
    // now 5, allowed_ancestry_len 2: min relay parent 3
    assertThat(s.api().backingState(A).orElseThrow().constraints().minRelayParentNumber()).isEqualTo(3);
    assertThat(s.api().backingState(ParaId.of(5))).isEmpty();
  }

  @Test
  void validatorGroupsAreLocalisedToTheChild() {
    RelayRuntimeState s = empty(empty(oneParaGenesis()));
    ValidatorGroupsView v = s.api().validatorGroups();
    assertThat(v.rotationInfo().now()).isEqualTo(3);
    assertThat(v.rotationInfo().sessionStartBlock()).isEqualTo(1);
    assertThat(v.rotationInfo().groupRotationFrequency()).isEqualTo(10);
    assertThat(v.groups()).hasSize(1);
    assertThat(s.api().validatorIndexOf(s.validators().get(4))).contains(io.parapipe.protocol.primitives.ValidatorIndex.of(4));
  }

  @Test
  void availabilityCoresOnAnUnassignedCoreAreFree() {
    TreeMap<CoreIndex, ParaId> m = new TreeMap<>(Map.of(CoreIndex.of(0), A));
    TreeMap<ParaId, GenesisConfig.ParaGenesis> paras = new TreeMap<>();
    paras.put(A, new GenesisConfig.ParaGenesis(genesisHead(A), RuntimeFixture.codeHash(A)));
    RelayRuntimeState g = RelayRuntime.genesis(
        sixValidatorGenesis(paras, RuntimeFixture.config(2), new BulkCoretimeAssigner(m))).orElseThrow();
    assertThat(g.api().availabilityCores()).containsExactly(
        new CoreState.Scheduled(CoreIndex.of(0), A), new CoreState.Free(CoreIndex.of(1)));
  }

  @Test
  void allIncludedCandidatesAreDistinctOverALongRun() {
    RelayRuntimeState s = oneParaGenesis();
    HashSet<Hash> included = new HashSet<>();
    int n = 0;
    for (int block = 1; block <= 30; block++) {
      // always offer the child of the newest head, pending or included
      var latest = s.pendingAvailability().paraLatestHeadData(A, s.paras()).orElseThrow();
      CommittedCandidateReceipt c = candidate(s, A, latest, head(A, ++n));
      List<BackedCandidate> backed = List.of(back(s, c, CoreIndex.of(0), s.number()));
      s = run(s, bitfields(s, s.pendingAvailability().occupiedCores().keySet().stream().mapToInt(CoreIndex::value).toArray()),
          backed).state();
      for (CandidateEvent e : s.events()) {
        if (e instanceof CandidateEvent.CandidateIncluded) {
          assertThat(included.add(e.candidateHash())).isTrue();
        }
      }
    }
    // backed in block k, included in k+1 together with the next backing: one per block after the first
    assertThat(included).hasSize(29);
  }

  /** Each core cycles through the given paras, starting at its own offset. */
  record RotatingAssigner(List<ParaId> cycle, int popped) implements io.parapipe.protocol.relay.runtime.scheduler.AssignmentProvider {
    @Override
    public Popped popAssignmentForCore(CoreIndex core) {
      if (core.value() == 1) {
        return new Popped(Optional.of(B), this);
      }
      return new Popped(Optional.of(cycle.get(popped % cycle.size())), new RotatingAssigner(cycle, popped + 1));
    }

    @Override
    public io.parapipe.protocol.relay.runtime.scheduler.AssignmentProvider reportProcessed(ParaId assignment) {
      return this;
    }

    @Override
    public io.parapipe.protocol.relay.runtime.scheduler.AssignmentProvider pushBackAssignment(ParaId assignment) {
      return this;
    }

    @Override
    public io.parapipe.protocol.relay.runtime.scheduler.AssignmentProvider assignmentDuplicated(ParaId assignment) {
      return this;
    }
  }
}
