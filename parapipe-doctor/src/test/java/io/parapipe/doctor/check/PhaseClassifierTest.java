package io.parapipe.doctor.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.doctor.extract.CollatorFacts;
import io.parapipe.doctor.extract.CollatorKind;
import io.parapipe.doctor.extract.CollatorLaunch;
import io.parapipe.doctor.extract.ParamKey;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhaseClassifierTest {
  private static Configs prepared() {
    return Configs.asyncTemplate().hook("FixedVelocityConsensusHook", 6000, 1, 1);
  }

  private static Configs sync() {
    Configs c = Configs.asyncTemplate().set(ParamKey.UNINCLUDED_SEGMENT_API, false);
    c.put(ParamKey.CONSENSUS_HOOK, new io.parapipe.doctor.eval.Alternative(io.parapipe.doctor.cfg.Conditions.ALWAYS,
        new io.parapipe.doctor.eval.Value.Type("ExpectParentIncluded", "ExpectParentIncluded", List.of()), Configs.at(3)));
    return c.set(ParamKey.UNINCLUDED_SEGMENT_CAPACITY, 1).remove(ParamKey.BLOCK_PROCESSING_VELOCITY);
  }

  private static Phase phase(Configs c, CollatorFacts collator) {
    return PhaseClassifier.classify(c.variant(), collator, true).phase();
  }

  @Test
  void followsTheUpgradeGuide() {
    CollatorFacts basic = Configs.collator(CollatorKind.BASIC, 500);
    CollatorFacts lookahead = Configs.collator(CollatorKind.LOOKAHEAD, 1500);
    assertThat(phase(sync(), basic)).isEqualTo(Phase.SYNC);
    assertThat(phase(prepared(), basic)).isEqualTo(Phase.PHASE1);
    assertThat(phase(prepared(), lookahead)).isEqualTo(Phase.PHASE2);
    assertThat(phase(Configs.asyncTemplate(), lookahead)).isEqualTo(Phase.ASYNC);
    assertThat(phase(Configs.asyncTemplate().hook("FixedVelocityConsensusHook", 6000, 3, 7), Configs.collator(CollatorKind.SLOT_BASED, 2000)))
        .isEqualTo(Phase.ELASTIC);
  }

  @Test
  void saysUnknownWhenItCannotDecide() {
    assertThat(PhaseClassifier.classify(Configs.asyncTemplate().variant(), Configs.noNode(), false).phase()).isEqualTo(Phase.UNKNOWN);
    PhaseDecision noCapacity = PhaseClassifier.classify(Configs.asyncTemplate().remove(ParamKey.UNINCLUDED_SEGMENT_CAPACITY).variant(), Configs.noNode(), true);
    assertThat(noCapacity.phase()).isEqualTo(Phase.UNKNOWN);
    assertThat(noCapacity.reason()).contains("capacity could not be read");
    CollatorLaunch b = Configs.collator(CollatorKind.BASIC, 500).launches().get(0);
    CollatorLaunch l = Configs.collator(CollatorKind.LOOKAHEAD, 2000).launches().get(0);
    CollatorFacts both = new CollatorFacts(List.of("node"), List.of(b, l), List.of());
    assertThat(phase(prepared(), both)).isEqualTo(Phase.UNKNOWN);
  }

  @Test
  void aPreparedRuntimeWithoutNodeIsPhaseOne() {
    PhaseDecision d = PhaseClassifier.classify(prepared().variant(), Configs.noNode(), true);
    assertThat(d.phase()).isEqualTo(Phase.PHASE1);
    assertThat(d.reason()).contains("not in this repository");
  }
}
