package io.parapipe.doctor.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.doctor.eval.Alternative;
import io.parapipe.doctor.cfg.Conditions;
import io.parapipe.doctor.eval.Origin;
import io.parapipe.doctor.eval.Value;
import io.parapipe.doctor.extract.CollatorFacts;
import io.parapipe.doctor.extract.CollatorKind;
import io.parapipe.doctor.extract.ParamKey;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckerTest {
  private static List<Finding> check(Configs c, CollatorFacts collator) {
    Phase phase = PhaseClassifier.classify(c.variant(), collator, true).phase();
    return Checker.check(c.facts(), c.variant(), collator, List.of(), phase);
  }

  private static List<String> rules(List<Finding> findings) {
    return findings.stream().map(f -> f.severity().json() + " " + f.rule().id()).toList();
  }

  @Test
  void theActivatedTemplateIsClean() {
    assertThat(check(Configs.asyncTemplate(), Configs.collator(CollatorKind.LOOKAHEAD, 2000))).isEmpty();
  }

  @Test
  void strictRelayNumberIsAnErrorWithLookaheadAWarningOtherwiseAndFineAtCapacityOne() {
    Configs c = Configs.asyncTemplate().type(ParamKey.RELAY_NUMBER_POLICY, "RelayNumberStrictlyIncreases");
    assertThat(rules(check(c, Configs.collator(CollatorKind.LOOKAHEAD, 2000)))).containsExactly("error strict-relay-number-with-capacity");
    assertThat(rules(check(c, Configs.noNode()))).containsExactly("warn strict-relay-number-with-capacity");
    Finding basic = check(c, Configs.collator(CollatorKind.BASIC, 2000)).get(0);
    assertThat(basic.severity()).isEqualTo(Severity.WARN);
    assertThat(basic.message()).contains("only works until the collator is upgraded");
    Configs capacityOne = Configs.asyncTemplate().hook("FixedVelocityConsensusHook", 6000, 1, 1)
        .type(ParamKey.RELAY_NUMBER_POLICY, "RelayNumberStrictlyIncreases").set(ParamKey.MILLISECS_PER_BLOCK, 12000)
        .set(ParamKey.SLOT_DURATION, 12000).set(ParamKey.MAX_BLOCK_WEIGHT, 500_000_000_000L);
    assertThat(rules(check(capacityOne, Configs.collator(CollatorKind.BASIC, 500)))).isEmpty();
  }

  @Test
  void minimumPeriodIsAnErrorWhenBlocksShareASlotAndAWarningOtherwise() {
    Configs shared = Configs.asyncTemplate().hook("FixedVelocityConsensusHook", 6000, 3, 9).set(ParamKey.MILLISECS_PER_BLOCK, 2000)
        .set(ParamKey.MINIMUM_PERIOD, 1000);
    List<Finding> f = check(shared, Configs.collator(CollatorKind.SLOT_BASED, 2000));
    assertThat(f).filteredOn(x -> x.rule() == Rule.MINIMUM_PERIOD_NONZERO_MULTI_BLOCK).singleElement()
        .satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.ERROR));
    Configs distinct = Configs.asyncTemplate().set(ParamKey.MINIMUM_PERIOD, 3000);
    assertThat(rules(check(distinct, Configs.collator(CollatorKind.LOOKAHEAD, 2000)))).containsExactly("warn minimum-period-nonzero-multi-block");
    Configs disallowed = Configs.asyncTemplate().set(ParamKey.MINIMUM_PERIOD, 3000).set(ParamKey.ALLOW_MULTIPLE_BLOCKS_PER_SLOT, false);
    assertThat(rules(check(disallowed, Configs.collator(CollatorKind.LOOKAHEAD, 2000))))
        .containsExactly("warn multiple-blocks-per-slot-disallowed");
  }

  @Test
  void authoringBoundsAreInclusive() {
    assertThat(check(Configs.asyncTemplate(), Configs.collator(CollatorKind.LOOKAHEAD, 2000))).isEmpty();
    assertThat(rules(check(Configs.asyncTemplate(), Configs.collator(CollatorKind.LOOKAHEAD, 2001))))
        .containsExactly("warn authoring-above-backing-timeout");
    assertThat(rules(check(Configs.asyncTemplate(), Configs.collator(CollatorKind.LOOKAHEAD, 1999))))
        .containsExactly("warn authoring-below-weight-budget");
  }

  @Test
  void halfASecondOfWeightIsTheSynchronousBudget() {
    Configs half = Configs.asyncTemplate().set(ParamKey.MAX_BLOCK_WEIGHT, 500_000_000_000L);
    assertThat(rules(check(half, Configs.collator(CollatorKind.LOOKAHEAD, 500)))).containsExactly("warn block-weight-sync-on-async");
    Configs more = Configs.asyncTemplate().set(ParamKey.MAX_BLOCK_WEIGHT, 600_000_000_000L);
    assertThat(rules(check(more, Configs.collator(CollatorKind.LOOKAHEAD, 600)))).isEmpty();
  }

  @Test
  void anApiAnsweringFromTheConfiguredHookIsNoMismatch() {
    Alternative qualified = new Alternative(Conditions.ALWAYS,
        new Value.Type("ConsensusHook", "<Runtime as cumulus_pallet_parachain_system::Config>::ConsensusHook", List.of()), Configs.at(80));
    Configs c = Configs.asyncTemplate().put(ParamKey.UNINCLUDED_SEGMENT_API_HOOK, qualified);
    assertThat(check(c, Configs.collator(CollatorKind.LOOKAHEAD, 2000))).isEmpty();
  }

  @Test
  void anApiHookWithAnotherCapacityIsAMismatch() {
    Configs c = Configs.asyncTemplate();
    Alternative configured = c.variant().values().get(ParamKey.CONSENSUS_HOOK);
    c.hook("FixedVelocityConsensusHook", 6000, 1, 1).set(ParamKey.MILLISECS_PER_BLOCK, 12000).set(ParamKey.SLOT_DURATION, 12000)
        .set(ParamKey.MAX_BLOCK_WEIGHT, 500_000_000_000L).set(ParamKey.ALLOW_MULTIPLE_BLOCKS_PER_SLOT, false)
        .put(ParamKey.UNINCLUDED_SEGMENT_API_HOOK, configured);
    List<Finding> f = check(c, Configs.collator(CollatorKind.BASIC, 500));
    assertThat(rules(f)).containsExactly("error api-hook-mismatch");
    assertThat(f.get(0).message()).contains("FixedVelocityConsensusHook<Runtime, 6000, 1, 1>").contains("FixedVelocityConsensusHook<Runtime, 6000, 1, 3>");
  }

  @Test
  void elasticCapacityThresholdsCountTheRelayParentOffset() {
    Configs base = Configs.asyncTemplate().set(ParamKey.MILLISECS_PER_BLOCK, 2000).set(ParamKey.SLOT_DURATION, 2000)
        .set(ParamKey.RELAY_PARENT_OFFSET, 1).set(ParamKey.CORE_SELECTOR_API, true).set(ParamKey.UMP_SIGNALS_FEATURE, true)
        .type(ParamKey.SELECT_CORE, "DefaultCoreSelector");
    CollatorFacts slotBased = Configs.collator(CollatorKind.SLOT_BASED, 2000);
    // (2 + 1) * 3 + 1 = 10 minimum, (3 + 1) * 3 = 12 comfortable.
    assertThat(rules(check(base.hook("FixedVelocityConsensusHook", 6000, 3, 9), slotBased)))
        .containsExactly("warn elastic-capacity-too-small", "info elastic-needs-cores");
    assertThat(rules(check(base.hook("FixedVelocityConsensusHook", 6000, 3, 10), slotBased)))
        .containsExactly("info elastic-capacity-too-small", "info elastic-needs-cores");
    assertThat(rules(check(base.hook("FixedVelocityConsensusHook", 6000, 3, 12), slotBased))).containsExactly("info elastic-needs-cores");
  }

  @Test
  void elasticPiecesAreReportedOneByOne() {
    Configs c = Configs.asyncTemplate().hook("FixedVelocityConsensusHook", 6000, 2, 6).set(ParamKey.MILLISECS_PER_BLOCK, 3000).set(ParamKey.SLOT_DURATION, 3000)
        .type(ParamKey.SELECT_CORE, "()");
    List<String> found = rules(check(c, Configs.noNode()));
    assertThat(found).containsExactly("warn elastic-scaling-incomplete", "error elastic-scaling-incomplete", "error elastic-scaling-incomplete",
        "warn elastic-scaling-incomplete", "info elastic-needs-cores");
  }

  @Test
  void unknownValuesSilenceTheRulesThatNeedThem() {
    Alternative unknown = new Alternative(Conditions.ALWAYS, new Value.Unknown("value produced by macro `x!`"), Configs.at(9));
    Configs c = Configs.asyncTemplate().type(ParamKey.RELAY_NUMBER_POLICY, "RelayNumberStrictlyIncreases")
        .put(ParamKey.UNINCLUDED_SEGMENT_CAPACITY, unknown).set(ParamKey.MINIMUM_PERIOD, 3000);
    // Without a capacity, neither the strict-relay-number rule nor the interval-based rules can fire;
    // MinimumPeriod with AllowMultipleBlocksPerSlot still can.
    assertThat(rules(check(c, Configs.collator(CollatorKind.LOOKAHEAD, 2000)))).containsExactly("warn minimum-period-nonzero-multi-block");
  }

  @Test
  void missingHookLineIsInformation() {
    Configs legacy = Configs.asyncTemplate().withoutHookLine();
    assertThat(rules(check(legacy, Configs.collator(CollatorKind.LOOKAHEAD, 2000)))).contains("info missing-consensus-hook");
  }

  @Test
  void sdkPinsMatterOnlyOnceAsyncBackingIsUsed() {
    SdkPin old = new SdkPin("release-polkadot-v1.1.0", 1, 1, new Origin("Cargo.toml", 3, "", null));
    SdkPin recent = new SdkPin("polkadot-v1.9.0", 1, 9, new Origin("Cargo.toml", 4, "", null));
    Configs c = Configs.asyncTemplate();
    CollatorFacts lookahead = Configs.collator(CollatorKind.LOOKAHEAD, 2000);
    assertThat(rules(Checker.check(c.facts(), c.variant(), lookahead, List.of(old, recent), Phase.ASYNC))).containsExactly("warn sdk-predates-async-backing");
    assertThat(Checker.check(c.facts(), c.variant(), lookahead, List.of(old), Phase.SYNC)).isEmpty();
  }

  @Test
  void expectedIntervalFollowsCapacityCollatorAndVelocity() {
    assertThat(Checker.expectedInterval(1L, 1L, CollatorKind.LOOKAHEAD, 6000L)).isEqualTo(12000);
    assertThat(Checker.expectedInterval(3L, 1L, CollatorKind.BASIC, 12000L)).isEqualTo(12000);
    assertThat(Checker.expectedInterval(3L, 1L, CollatorKind.BASIC, 6000L)).isEqualTo(6000);
    assertThat(Checker.expectedInterval(3L, 1L, CollatorKind.BASIC, null)).isNull();
    assertThat(Checker.expectedInterval(3L, 1L, CollatorKind.LOOKAHEAD, 12000L)).isEqualTo(6000);
    assertThat(Checker.expectedInterval(7L, 3L, null, null)).isEqualTo(2000);
    assertThat(Checker.expectedInterval(null, 3L, null, 6000L)).isNull();
  }
}
