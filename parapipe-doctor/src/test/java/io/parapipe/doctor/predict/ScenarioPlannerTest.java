package io.parapipe.doctor.predict;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.doctor.eval.Alternative;
import io.parapipe.doctor.cfg.Conditions;
import io.parapipe.doctor.eval.Origin;
import io.parapipe.doctor.eval.Value;
import io.parapipe.doctor.extract.CollatorFacts;
import io.parapipe.doctor.extract.ParamKey;
import io.parapipe.doctor.extract.RuntimeFacts;
import io.parapipe.doctor.extract.RuntimeKind;
import io.parapipe.doctor.extract.RuntimeVariant;
import java.math.BigInteger;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScenarioPlannerTest {
  private static final Origin AT = new Origin("runtime/src/lib.rs", 1, "", null);
  private static final CollatorFacts NO_NODE = new CollatorFacts(List.of(), List.of(), List.of());

  private static Alternative v(Value value) {
    return new Alternative(Conditions.ALWAYS, value, AT);
  }

  private static Map<ParamKey, Alternative> fixedVelocityOnly() {
    Map<ParamKey, Alternative> m = new EnumMap<>(ParamKey.class);
    List<Value.Argument> args = List.of();
    m.put(ParamKey.CONSENSUS_HOOK, v(new Value.Type("FixedVelocityConsensusHook", "FixedVelocityConsensusHook", args)));
    m.put(ParamKey.UNINCLUDED_SEGMENT_CAPACITY, v(Value.Int.of(3)));
    m.put(ParamKey.BLOCK_PROCESSING_VELOCITY, v(Value.Int.of(1)));
    m.put(ParamKey.RELAY_CHAIN_SLOT_DURATION, v(Value.Int.of(6000)));
    return m;
  }

  private static RuntimeFacts facts(RuntimeKind kind) {
    return new RuntimeFacts(null, "runtime/src/lib.rs", kind, Map.of(), Map.of(), Map.of(), AT, true, List.of());
  }

  @Test
  void missingSecondaryValuesBecomeStatedAssumptions() {
    Map<ParamKey, Alternative> m = fixedVelocityOnly();
    m.put(ParamKey.MILLISECS_PER_BLOCK, v(Value.Int.of(6000)));
    ScenarioPlanner.Plan plan = ScenarioPlanner.plan(facts(RuntimeKind.AURA), new RuntimeVariant(List.of(), m), NO_NODE);
    ScenarioSpec s = plan.spec();
    assertThat(s.slotMs()).isEqualTo(6000);
    assertThat(s.minimumPeriodMs()).isEqualTo(3000);
    assertThat(s.relayNumberPolicy()).isEqualTo("strictly-increases");
    assertThat(s.maxBlockWeightPs()).isEqualTo(500_000_000_000L);
    assertThat(s.collatorKind()).isEqualTo("lookahead");
    assertThat(s.assumptions()).hasSize(7).anySatisfy(a -> assertThat(a).startsWith("slot_duration 6000 ms (SLOT_DURATION = MILLISECS_PER_BLOCK"))
        .anySatisfy(a -> assertThat(a).startsWith("collator: the parachain template's node"))
        .anySatisfy(a -> assertThat(a).startsWith("relay_number_policy strictly-increases"));
  }

  @Test
  void anUnreadableEssentialValueSkipsThePrediction() {
    Map<ParamKey, Alternative> m = fixedVelocityOnly();
    m.put(ParamKey.UNINCLUDED_SEGMENT_CAPACITY, v(new Value.Unknown("value produced by macro `cap!`")));
    ScenarioPlanner.Plan plan = ScenarioPlanner.plan(facts(RuntimeKind.AURA), new RuntimeVariant(List.of(), m), NO_NODE);
    assertThat(plan.spec()).isNull();
    assertThat(plan.skipReason()).isEqualTo("the consensus hook's capacity: value produced by macro `cap!` could not be read");
  }

  @Test
  void nimbusIsSimulatedAsAuraOnRelaySlotsAndCustomHooksAreNot() {
    Map<ParamKey, Alternative> moonkit = fixedVelocityOnly();
    moonkit.remove(ParamKey.RELAY_CHAIN_SLOT_DURATION); // moonkit's hook takes velocity and capacity only
    ScenarioSpec nimbus = ScenarioPlanner.plan(facts(RuntimeKind.NIMBUS), new RuntimeVariant(List.of(), moonkit), NO_NODE).spec();
    assertThat(nimbus.slotMs()).isEqualTo(6000);
    assertThat(nimbus.relayChainSlotMs()).isEqualTo(6000);
    assertThat(nimbus.assumptions()).anySatisfy(a -> assertThat(a).startsWith("Nimbus is simulated as Aura"))
        .anySatisfy(a -> assertThat(a).startsWith("relay_chain_slot_duration 6 s: moonkit's"));
    Map<ParamKey, Alternative> custom = fixedVelocityOnly();
    custom.put(ParamKey.CONSENSUS_HOOK, v(new Value.Type("MyHook", "crate::MyHook", List.of())));
    assertThat(ScenarioPlanner.plan(facts(RuntimeKind.AURA), new RuntimeVariant(List.of(), custom), NO_NODE).skipReason())
        .isEqualTo("the custom consensus hook MyHook is not modelled by the simulator");
  }

  @Test
  void expectParentIncludedIsSimulatedWithCapacityOne() {
    Map<ParamKey, Alternative> m = new EnumMap<>(ParamKey.class);
    m.put(ParamKey.CONSENSUS_HOOK, v(new Value.Type("ExpectParentIncluded", "ExpectParentIncluded", List.of())));
    m.put(ParamKey.MAX_BLOCK_WEIGHT, v(new Value.Int(BigInteger.valueOf(500_000_000_000L))));
    ScenarioSpec s = ScenarioPlanner.plan(facts(RuntimeKind.AURA), new RuntimeVariant(List.of(), m), NO_NODE).spec();
    assertThat(s.consensusHook()).isEqualTo("expect-parent-included");
    assertThat(s.capacity()).isEqualTo(1);
    assertThat(s.assumptions()).noneMatch(a -> a.startsWith("hook_revision"));
  }
}
