package io.parapipe.protocol.relay.runtime.inclusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parapipe.protocol.primitives.ChunkIndex;
import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.ValidatorIndex;
import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThresholdsTest {
  @Test
  void availability_threshold_is_supermajority() {
    assertThat(Thresholds.supermajorityThreshold(4)).isEqualTo(3);
    assertThat(Thresholds.supermajorityThreshold(6)).isEqualTo(5);
    assertThat(Thresholds.supermajorityThreshold(9)).isEqualTo(7);
    assertThat(Thresholds.supermajorityThreshold(7)).isEqualTo(5);
  }

  @ParameterizedTest
  @CsvSource({"0, 0", "1, 0", "3, 0", "4, 1", "6, 1", "7, 2", "10, 3", "300, 99"})
  void byzantineThreshold(int n, int expected) {
    assertThat(Thresholds.byzantineThreshold(n)).isEqualTo(expected);
  }

  @Test
  void effectiveMinimumBackingVotesIsCappedByGroupSize() {
    assertThat(Thresholds.effectiveMinimumBackingVotes(5, 2)).isEqualTo(2);
    assertThat(Thresholds.effectiveMinimumBackingVotes(1, 2)).isEqualTo(1);
    assertThat(Thresholds.effectiveMinimumBackingVotes(3, 3)).isEqualTo(3);
  }

  @Property
  void supermajorityIsMoreThanTwoThirds(@ForAll @IntRange(min = 1, max = 10_000) int n) {
    int t = Thresholds.supermajorityThreshold(n);
    assertThat(3L * t).isGreaterThan(2L * n);
    assertThat(3L * (t - 1)).isLessThanOrEqualTo(2L * n);
  }

  @ParameterizedTest
  @CsvSource({"2, 1", "4, 2", "6, 2", "7, 3", "10, 4", "100, 34", "1000, 334"})
  void recoveryThreshold(int n, int expected) {
    assertThat(ErasureCoding.recoveryThreshold(n)).isEqualTo(expected);
  }

  @Test
  void recoveryThresholdNeedsTwoToManyValidators() {
    assertThatThrownBy(() -> ErasureCoding.recoveryThreshold(1)).hasMessageContaining("NotEnoughValidators");
    assertThatThrownBy(() -> ErasureCoding.recoveryThreshold(65_537)).hasMessageContaining("TooManyValidators");
  }

  @Test
  void chunkIndexIsTheValidatorIndexWithoutTheMapping() {
    assertThat(ErasureCoding.chunkIndex(false, 10, CoreIndex.of(3), ValidatorIndex.of(7))).isEqualTo(ChunkIndex.of(7));
  }

  @Test
  void chunkIndexMappingShiftsBySystematicThresholdPerCore() {
    // n = 10: recovery threshold 4, systematic 4; core 1 starts at 4
    assertThat(ErasureCoding.systematicRecoveryThreshold(10)).isEqualTo(4);
    assertThat(ErasureCoding.chunkIndex(true, 10, CoreIndex.of(1), ValidatorIndex.of(0))).isEqualTo(ChunkIndex.of(4));
    assertThat(ErasureCoding.chunkIndex(true, 10, CoreIndex.of(1), ValidatorIndex.of(7))).isEqualTo(ChunkIndex.of(1));
    // n = 7: recovery 3, systematic 2
    assertThat(ErasureCoding.systematicRecoveryThreshold(7)).isEqualTo(2);
    assertThat(ErasureCoding.chunkIndex(true, 7, CoreIndex.of(2), ValidatorIndex.of(5))).isEqualTo(ChunkIndex.of(2));
  }

  @Property
  void chunkMappingIsABijectionPerCore(@ForAll @IntRange(min = 2, max = 200) int n, @ForAll @IntRange(min = 0, max = 50) int core) {
    Set<ChunkIndex> seen = new HashSet<>();
    for (int v = 0; v < n; v++) {
      seen.add(ErasureCoding.chunkIndex(true, n, CoreIndex.of(core), ValidatorIndex.of(v)));
    }
    assertThat(seen).hasSize(n);
  }
}
