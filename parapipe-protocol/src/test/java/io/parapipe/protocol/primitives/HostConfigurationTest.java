package io.parapipe.protocol.primitives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Building host configurations by name: the preset, the builder and the single-field copies. */
class HostConfigurationTest {
  private static final HostConfiguration BASE = HostConfiguration.polkadotLike();

  @Test
  void thePresetHasItsDocumentedValuesAndIsConsistent() {
    assertThat(BASE.maxPovSize()).isEqualTo(5 * 1024 * 1024);
    assertThat(BASE.asyncBackingParams()).isEqualTo(AsyncBackingParams.SYNC);
    assertThat(BASE.minimumBackingVotes()).isEqualTo(HostConfiguration.LEGACY_MIN_BACKING_VOTES);
    assertThat(BASE.neededApprovals()).isEqualTo(30);
    assertThat(BASE.schedulerParams())
        .isEqualTo(new SchedulerParams(10, 10, OptionalInt.empty(), 1, 5, 5));
    assertThat(BASE.checkConsistency()).isEmpty();
  }

  @Test
  void aBuilderFromAConfigurationRebuildsItExactly() {
    assertThat(BASE.toBuilder().build()).isEqualTo(BASE);
  }

  @Test
  void eachCopyChangesOnlyItsField() {
    assertThat(BASE.withMaxPovSize(7)).isEqualTo(BASE.toBuilder().maxPovSize(7).build())
        .isNotEqualTo(BASE).extracting(HostConfiguration::maxPovSize).isEqualTo(7);
    assertThat(BASE.withMinimumBackingVotes(3).minimumBackingVotes()).isEqualTo(3);
    assertThat(BASE.withMinimumBackingVotes(3).withMinimumBackingVotes(BASE.minimumBackingVotes()))
        .isEqualTo(BASE);
    assertThat(BASE.withNeededApprovals(5).withNeededApprovals(30)).isEqualTo(BASE);
    assertThat(BASE.withElasticScalingMvp(true).elasticScalingMvp()).isTrue();
  }

  @Test
  void anUnsetFieldIsNamed() {
    assertThatThrownBy(() -> HostConfiguration.builder().maxCodeSize(1).build())
        .isInstanceOf(NullPointerException.class).hasMessage("maxHeadDataSize");
  }

  @Test
  void schedulerParamsAreBuiltByNameFromTheDefault() {
    SchedulerParams p = SchedulerParams.DEFAULT.withGroupRotationFrequency(10)
        .withParasAvailabilityPeriod(3).withMaxValidatorsPerCore(OptionalInt.of(2)).withLookahead(4)
        .withNumCores(6).withTtl(7);
    assertThat(p).isEqualTo(new SchedulerParams(10, 3, OptionalInt.of(2), 4, 6, 7));
  }
}
