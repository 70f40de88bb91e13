package io.parapipe.protocol.relay.runtime.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.GroupIndex;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.primitives.SchedulerParams;
import io.parapipe.protocol.primitives.ValidatorIndex;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** Ports of {@code polkadot/runtime/parachains/src/scheduler/tests.rs} (claim-queue era). */
class SchedulerTest {
  /** The upstream test {@code default_config()}: rotation 10, availability period 3, lookahead 2, 3 cores. */
  private static final SchedulerParams DEFAULT = SchedulerParams.DEFAULT.withGroupRotationFrequency(10)
      .withParasAvailabilityPeriod(3).withLookahead(2).withNumCores(3);

  private static final ParaId A = ParaId.of(1);
  private static final ParaId B = ParaId.of(2);
  private static final ParaId C = ParaId.of(3);
  private static final ParaId D = ParaId.of(4);
  private static final ParaId E = ParaId.of(5);

  @Test
  void availability_predicate_works() {
    // Session start 1, F = 10, P = 3.
    int start = 1;
    assertThat(Scheduler.availabilityTimeoutCheckRequired(1 + 3, start, DEFAULT)).isFalse();

    int now = 1 + 10;
    assertThat(Scheduler.availabilityTimeoutCheckRequired(now, start, DEFAULT)).isTrue();
    IntFunction<AvailabilityTimeoutStatus> pred = Scheduler.availabilityTimeoutPredicate(now, start, DEFAULT);
    int lastRotation = Scheduler.lastRotationAt(now, start, 10);
    int wouldBeTimedOut = now - 3;
    assertThat(pred.apply(wouldBeTimedOut).timedOut()).isTrue();
    assertThat(pred.apply(lastRotation).timedOut()).isFalse();
    assertThat(pred.apply(now).timedOut()).isFalse();
    // the threshold is exact
    assertThat(pred.apply(wouldBeTimedOut + 1).timedOut()).isFalse();
  }

  @Test
  void outsideTheRotationWindowCandidatesLiveUntilTheNextRotationPlusThePeriod() {
    int start = 1;
    int now = 5; // rotations at 1, 11, 21; window after 1 is [1, 4)
    assertThat(Scheduler.availabilityTimeoutCheckRequired(now, start, DEFAULT)).isFalse();
    AvailabilityTimeoutStatus s = Scheduler.availabilityTimeoutPredicate(now, start, DEFAULT).apply(2);
    assertThat(s.timedOut()).isFalse();
    assertThat(s.liveUntil()).isEqualTo(11 + 3);
  }

  @Test
  void schedule_rotates_groups() {
    ValidatorGroups groups = ValidatorGroups.of(List.of(List.of(ValidatorIndex.of(0)), List.of(ValidatorIndex.of(1))));
    int start = 1;
    int f = 10;
    assertGroupsRotated(groups, 0, 2, start, f);
    assertGroupsRotated(groups, 0, f, start, f); // one block before first rotation
    assertGroupsRotated(groups, 1, f + 1, start, f);
    assertGroupsRotated(groups, 1, 2 * f, start, f);
    assertGroupsRotated(groups, 2, 2 * f + 1, start, f);
    assertThat(groups.groupAssignedToCore(CoreIndex.of(0), 0, start, f)).isEmpty(); // before session start
    assertThat(groups.groupAssignedToCore(CoreIndex.of(2), 5, start, f)).isEmpty(); // no such core
  }

  private static void assertGroupsRotated(ValidatorGroups g, int rotations, int now, int start, int f) {
    assertThat(g.groupAssignedToCore(CoreIndex.of(0), now, start, f)).contains(GroupIndex.of(rotations % 2));
    assertThat(g.groupAssignedToCore(CoreIndex.of(1), now, start, f)).contains(GroupIndex.of((1 + rotations) % 2));
  }

  @Test
  void session_change_shuffles_validators() {
    // 7 validators, 5 cores: the first two groups take the overflow.
    ValidatorGroups g = ValidatorGroups.partition(7, DEFAULT.withNumCores(5));
    assertThat(g.count()).isEqualTo(5);
    assertThat(g.groups()).extracting(List::size).containsExactly(2, 2, 1, 1, 1);
    assertThat(g.groups().get(0)).containsExactly(ValidatorIndex.of(0), ValidatorIndex.of(1));
    assertThat(g.groups().get(4)).containsExactly(ValidatorIndex.of(6));
  }

  @Test
  void session_change_takes_only_max_per_core() {
    ValidatorGroups g = ValidatorGroups.partition(7, DEFAULT.withMaxValidatorsPerCore(OptionalInt.of(1)).withNumCores(2));
    assertThat(g.count()).isEqualTo(7);
    assertThat(g.groups()).allSatisfy(members -> assertThat(members).hasSize(1));
  }

  @Test
  void noCoresOrNoValidatorsGiveNoGroups() {
    assertThat(ValidatorGroups.partition(5, DEFAULT.withNumCores(0)).count()).isZero();
  }

  @Test
  void fill_claimqueue_fills() {
    // lookahead 3, two cores, assignments a, b, c from one FIFO
    ClaimQueue cq = ClaimQueue.empty(FifoAssigner.of(A, B, C)).advance(Set.of(), 2, 3);
    assertThat(cq.totalLen()).isEqualTo(5);
    // The first assignment is doubled because the queue used to be empty.
    assertThat(cq.queues().get(CoreIndex.of(0))).containsExactly(A, A, B);
    assertThat(cq.queues().get(CoreIndex.of(1))).containsExactly(C, C);
    assertThat(((FifoAssigner) cq.provider()).duplicated()).isEqualTo(2);
  }

  @Test
  void noDoublingWithLookaheadOne() {
    ClaimQueue cq = ClaimQueue.empty(FifoAssigner.of(A, B)).fill(CoreIndex.of(0), 1);
    assertThat(cq.queues().get(CoreIndex.of(0))).containsExactly(A);
  }

  @Test
  void schedule_schedules_including_just_freed() {
    // lookahead 1, three cores
    ClaimQueue cq = ClaimQueue.empty(FifoAssigner.of(A, C)).advance(Set.of(), 3, 1);
    assertThat(cq.eligibleParas(Set.of())).hasSize(2);
    // cores 0, 1 are occupied, core 2 is free (and has nothing)
    assertThat(cq.eligibleParas(Set.of(CoreIndex.of(0), CoreIndex.of(1)))).isEmpty();
    cq = cq.advance(Set.of(), 3, 1);
    assertThat(cq.totalLen()).isZero();

    cq = ClaimQueue.of(cq.queues(), ((FifoAssigner) cq.provider()).add(A, C, B, D, E)).advance(Set.of(), 3, 1);
    assertThat(cq.scheduledParas()).hasSize(3).containsEntry(CoreIndex.of(2), B);

    // now cores 0 and 1 were freed; core 2 stays occupied
    cq = cq.advance(Set.of(CoreIndex.of(2)), 3, 1);
    assertThat(cq.scheduledParas())
        .containsExactlyEntriesOf(new TreeMap<>(Map.of(CoreIndex.of(0), D, CoreIndex.of(1), E, CoreIndex.of(2), B)));
  }

  @Test
  void next_up_on_available_uses_next_scheduled_or_none() {
    // one core, lookahead 2, a single assignment for A
    ClaimQueue cq = ClaimQueue.empty(FifoAssigner.of(A)).advance(Set.of(), 1, 2);
    assertThat(cq.totalLen()).isEqualTo(2); // doubled
    assertThat(cq.scheduledParas()).doesNotContainKey(CoreIndex.of(1)).containsEntry(CoreIndex.of(0), A);
    cq = cq.advance(Set.of(), 1, 2);
    assertThat(cq.scheduledParas()).containsEntry(CoreIndex.of(0), A);
    cq = cq.advance(Set.of(), 1, 2);
    assertThat(cq.scheduledParas()).isEmpty();
    assertThat(((FifoAssigner) cq.provider()).processed()).containsExactly(A, A);
  }

  @Test
  void advanceLeavesOccupiedCoresAlone() {
    ClaimQueue cq = ClaimQueue.empty(FifoAssigner.of(A, B, C, D, E)).advance(Set.of(), 2, 2);
    assertThat(cq.queues().get(CoreIndex.of(0))).containsExactly(A, A);
    assertThat(cq.queues().get(CoreIndex.of(1))).containsExactly(B, B);
    ClaimQueue next = cq.advance(Set.of(CoreIndex.of(1)), 2, 2);
    assertThat(next.queues().get(CoreIndex.of(0))).containsExactly(A, C);
    assertThat(next.queues().get(CoreIndex.of(1))).containsExactly(B, B);
  }

  @Test
  void bulkCoretimeKeepsTheQueueFullOfTheSamePara() {
    ClaimQueue cq = ClaimQueue.empty(new BulkCoretimeAssigner(new TreeMap<>(Map.of(CoreIndex.of(0), A, CoreIndex.of(1), A))))
        .onNewSession(0, 3, 3);
    assertThat(cq.queues()).containsOnlyKeys(CoreIndex.of(0), CoreIndex.of(1));
    assertThat(cq.queues().get(CoreIndex.of(0))).containsExactly(A, A, A);
    assertThat(cq.advance(Set.of(), 3, 3)).isEqualTo(cq);
  }

  @Test
  void sessionChangeShrinkingCoresGivesClaimsBackInOrderAndRefills() {
    ClaimQueue cq = ClaimQueue.empty(FifoAssigner.of(A, B, C, D)).advance(Set.of(), 3, 2);
    assertThat(cq.queues().get(CoreIndex.of(2))).containsExactly(C, C);
    // 3 → 2 cores; lookahead grows to 3
    ClaimQueue after = cq.onNewSession(3, 2, 3);
    assertThat(after.queues()).containsOnlyKeys(CoreIndex.of(0), CoreIndex.of(1));
    // core 2's claims [C, C] went back to the front of the provider and are popped first, in order
    assertThat(after.queues().get(CoreIndex.of(0))).containsExactly(A, A, C);
    assertThat(after.queues().get(CoreIndex.of(1))).containsExactly(B, B, C);
    assertThat(((FifoAssigner) after.provider()).queue()).containsExactly(D);
  }
}
