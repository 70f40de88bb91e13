package io.parapipe.protocol.relay.runtime.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.SessionIndex;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class AllowedRelayParentsTrackerTest {
  private static Hash h(int n) {
    return Hash.fromLong(1000 + n);
  }

  private static Hash root(int n) {
    return Hash.fromLong(5000 + n);
  }

  private static AllowedRelayParentsTracker upTo(int last, int ancestry) {
    AllowedRelayParentsTracker t = AllowedRelayParentsTracker.EMPTY;
    for (int n = 0; n <= last; n++) {
      t = t.update(h(n), root(n), n, ancestry);
    }
    return t;
  }

  @Test
  void bufferKeepsAllowedAncestryLenPlusOneNewest() {
    AllowedRelayParentsTracker t = upTo(10, 2);
    assertThat(t.buffer()).extracting(RelayParentInfo::relayParent).containsExactly(h(8), h(9), h(10));
    assertThat(t.latestNumber()).isEqualTo(10);
    assertThat(t.acquireInfo(h(7), OptionalInt.empty())).isEmpty();
    AllowedRelayParentsTracker.AcquiredInfo i = t.acquireInfo(h(8), OptionalInt.empty()).orElseThrow();
    assertThat(i.number()).isEqualTo(8);
    assertThat(i.info().stateRoot()).isEqualTo(root(8));
  }

  @Test
  void relayParentMustNotMoveBackwards() {
    AllowedRelayParentsTracker t = upTo(10, 2);
    assertThat(t.acquireInfo(h(9), OptionalInt.of(9))).isPresent();
    assertThat(t.acquireInfo(h(9), OptionalInt.of(10))).isEmpty();
    assertThat(t.acquireInfo(h(10), OptionalInt.of(10))).isPresent();
  }

  @Test
  void synchronousBackingAllowsOnlyTheParent() {
    AllowedRelayParentsTracker t = upTo(10, 0);
    assertThat(t.buffer()).hasSize(1);
    assertThat(t.acquireInfo(h(9), OptionalInt.empty())).isEmpty();
    assertThat(t.hypotheticalEarliestBlockNumber(11, 0)).isEqualTo(11);
  }

  @Test
  void hypotheticalEarliestBlockNumberIsCappedByTheBuffer() {
    assertThat(upTo(10, 2).hypotheticalEarliestBlockNumber(11, 2)).isEqualTo(9);
    AllowedRelayParentsTracker cleared = upTo(10, 2).cleared();
    assertThat(cleared.buffer()).isEmpty();
    assertThat(cleared.hypotheticalEarliestBlockNumber(11, 2)).isEqualTo(11);
    assertThat(cleared.update(h(11), root(11), 11, 2).hypotheticalEarliestBlockNumber(12, 2)).isEqualTo(11);
  }

  @Property
  void shuffleIsADeterministicPermutation(@ForAll @IntRange(min = 1, max = 300) int n, @ForAll @IntRange(min = 0, max = 50) int session) {
    List<ValidatorId> a = ValidatorShuffle.shuffle(n, Hash.fromLong(7), SessionIndex.of(session));
    assertThat(a).isEqualTo(ValidatorShuffle.shuffle(n, Hash.fromLong(7), SessionIndex.of(session)));
    assertThat(new HashSet<>(a)).hasSize(n);
    assertThat(a).allSatisfy(v -> assertThat(v.authority()).isBetween(0, n - 1));
  }

  @Test
  void shuffleDiffersBetweenSessions() {
    assertThat(ValidatorShuffle.shuffle(50, Hash.fromLong(7), SessionIndex.of(0)))
        .isNotEqualTo(ValidatorShuffle.shuffle(50, Hash.fromLong(7), SessionIndex.of(1)));
  }
}
