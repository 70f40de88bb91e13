package io.parapipe.protocol.para.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parapipe.protocol.primitives.Weight;
import org.junit.jupiter.api.Test;

/** Building parachain runtime configurations by name. */
class ParachainRuntimeConfigTest {
  @Test
  void thePresetsHaveTheirDocumentedValues() {
    ParachainRuntimeConfig t = ParachainRuntimeConfig.asyncBackingTemplate();
    assertThat(t).isEqualTo(new ParachainRuntimeConfig(ConsensusHookKind.FIXED_VELOCITY,
        AuraExtRevision.H2, 3, 1, 6000, 6000, true, 0,
        RelayNumberPolicy.RELAY_NUMBER_MONOTONICALLY_INCREASES, 2 * Weight.REF_TIME_PER_SECOND,
        ParachainSystemRevision.P1, 2, true, 0));
    ParachainRuntimeConfig l = ParachainRuntimeConfig.syncBackingLegacy();
    assertThat(l).isEqualTo(new ParachainRuntimeConfig(ConsensusHookKind.EXPECT_PARENT_INCLUDED,
        AuraExtRevision.H2, 1, 1, 6000, 12000, false, 6000,
        RelayNumberPolicy.RELAY_NUMBER_STRICTLY_INCREASES, Weight.REF_TIME_PER_SECOND / 2,
        ParachainSystemRevision.P1, 2, true, 0));
  }

  @Test
  void copiesChangeOnlyTheirField() {
    ParachainRuntimeConfig t = ParachainRuntimeConfig.asyncBackingTemplate();
    assertThat(t.toBuilder().build()).isEqualTo(t);
    ParachainRuntimeConfig c = t.withCapacity(5).withVelocity(2);
    assertThat(c.capacity()).isEqualTo(5);
    assertThat(c.velocity()).isEqualTo(2);
    assertThat(c.withCapacity(3).withVelocity(1)).isEqualTo(t);
    assertThat(t.withUnincludedSegmentApiVersion(1).withUnincludedSegmentApiVersion(2)).isEqualTo(t);
    assertThat(t.withSelectCoreSignal(false).selectCoreSignal()).isFalse();
    assertThat(t.withRelayParentOffset(2).withRelayParentOffset(0)).isEqualTo(t);
  }

  @Test
  void theBuilderValidatesAsTheRecordDoes() {
    assertThatThrownBy(() -> ParachainRuntimeConfig.asyncBackingTemplate().toBuilder()
        .unincludedSegmentApiVersion(3).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 or 2");
    assertThatThrownBy(() -> ParachainRuntimeConfig.builder()
        .consensusHook(ConsensusHookKind.FIXED_CAPACITY).auraExtRevision(AuraExtRevision.H1).build())
        .isInstanceOf(NullPointerException.class).hasMessage("capacity");
  }
}
