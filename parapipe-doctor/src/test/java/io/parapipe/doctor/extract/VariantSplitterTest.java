package io.parapipe.doctor.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.doctor.eval.Alternative;
import io.parapipe.doctor.cfg.Conditions;
import io.parapipe.doctor.eval.Origin;
import io.parapipe.doctor.eval.Value;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VariantSplitterTest {
  private static final Origin AT = new Origin("runtime/src/lib.rs", 1, "", null);

  private static Alternative alt(long v, String... conditions) {
    return new Alternative(Conditions.of(List.of(conditions)), Value.Int.of(v), AT);
  }

  private static RuntimeFacts facts(Map<ParamKey, List<Alternative>> params, Map<ParamKey, Alternative> absent) {
    return new RuntimeFacts(null, "runtime/src/lib.rs", RuntimeKind.AURA, params, absent, Map.of(), AT, true, List.of());
  }

  @Test
  void noConditionsMeansOneVariantWithoutConditions() {
    Map<ParamKey, List<Alternative>> p = new EnumMap<>(ParamKey.class);
    p.put(ParamKey.UNINCLUDED_SEGMENT_CAPACITY, List.of(alt(3)));
    List<RuntimeVariant> vs = VariantSplitter.split(facts(p, Map.of()));
    assertThat(vs).singleElement().satisfies(v -> {
      assertThat(v.conditions()).isEmpty();
      assertThat(v.integer(ParamKey.UNINCLUDED_SEGMENT_CAPACITY)).isEqualTo(3);
    });
  }

  @Test
  void variantsNameOnlyTheFeaturesThatMatter() {
    String a = "feature = \"async-backing\"";
    String b = "feature = \"std\"";
    Map<ParamKey, List<Alternative>> p = new EnumMap<>(ParamKey.class);
    p.put(ParamKey.UNINCLUDED_SEGMENT_CAPACITY, List.of(alt(3, a), alt(1, "not(" + a + ")")));
    // `std` appears, but both of its sides give the same value: it must not split the variants.
    p.put(ParamKey.BLOCK_PROCESSING_VELOCITY, List.of(alt(1, b), alt(1, "not(" + b + ")")));
    List<RuntimeVariant> vs = VariantSplitter.split(facts(p, Map.of()));
    assertThat(vs).hasSize(2);
    assertThat(vs.get(0).conditions()).containsExactly(a);
    assertThat(vs.get(0).integer(ParamKey.UNINCLUDED_SEGMENT_CAPACITY)).isEqualTo(3);
    assertThat(vs.get(1).conditions()).containsExactly("not(" + a + ")");
    assertThat(vs.get(1).integer(ParamKey.UNINCLUDED_SEGMENT_CAPACITY)).isEqualTo(1);
  }

  @Test
  void anItemMissingUnderSomeFeaturesTakesItsDefaultOrIsUnknown() {
    String a = "feature = \"x\"";
    Map<ParamKey, List<Alternative>> p = new EnumMap<>(ParamKey.class);
    p.put(ParamKey.UNINCLUDED_SEGMENT_API, List.of(new Alternative(Conditions.of(List.of(a)), new Value.Bool(true), AT)));
    p.put(ParamKey.MINIMUM_PERIOD, List.of(alt(0, a)));
    Map<ParamKey, Alternative> absent = Map.of(ParamKey.UNINCLUDED_SEGMENT_API, new Alternative(Conditions.ALWAYS, new Value.Bool(false), AT));
    List<RuntimeVariant> vs = VariantSplitter.split(facts(p, absent));
    assertThat(vs).hasSize(2);
    RuntimeVariant off = vs.get(1);
    assertThat(off.conditions()).containsExactly("not(" + a + ")");
    assertThat(off.bool(ParamKey.UNINCLUDED_SEGMENT_API)).isFalse();
    assertThat(off.value(ParamKey.MINIMUM_PERIOD)).isInstanceOf(Value.Unknown.class);
  }

  @Test
  void aDisjunctionIsOneVariantNamedByItsShortestCoverAndBuildsWithoutAConfigAreNotBuilt() {
    String noRelay = "feature = \"no-relay\"";
    String lint = "feature = \"lint-check\"";
    String parachainBuilds = "any(not(" + noRelay + "), " + lint + ")";
    Map<ParamKey, List<Alternative>> p = new EnumMap<>(ParamKey.class);
    p.put(ParamKey.UNINCLUDED_SEGMENT_CAPACITY, List.of(alt(3, parachainBuilds)));
    RuntimeFacts facts = new RuntimeFacts(null, "runtime/src/lib.rs", RuntimeKind.AURA, p, Map.of(), Map.of(), AT, true, List.of(),
        List.of(Conditions.of(List.of(parachainBuilds))), List.of(Conditions.ALWAYS));
    List<RuntimeVariant> vs = VariantSplitter.split(facts, java.util.Set.of("no-relay", "lint-check"));
    assertThat(vs).hasSize(2);
    assertThat(vs.get(0).conditions()).containsExactly("any(not(" + noRelay + "), " + lint + ")");
    assertThat(vs.get(0).integer(ParamKey.UNINCLUDED_SEGMENT_CAPACITY)).isEqualTo(3);
    assertThat(vs.get(1).isParachainBuild()).isFalse();
    assertThat(vs.get(1).conditions()).containsExactly("not(" + lint + ")", noRelay);
    assertThat(vs.get(1).notBuilt()).contains("no parachain-system Config");
  }

  @Test
  void aFeatureNoCrateDeclaresIsNeverSet() {
    String undeclared = "feature = \"parameterized-consensus-hook\"";
    Map<ParamKey, List<Alternative>> p = new EnumMap<>(ParamKey.class);
    p.put(ParamKey.UNINCLUDED_SEGMENT_CAPACITY, List.of(alt(3, undeclared), alt(1, "not(" + undeclared + ")")));
    List<RuntimeVariant> vs = VariantSplitter.split(facts(p, Map.of()), java.util.Set.of("std"));
    assertThat(vs).singleElement().satisfies(v -> {
      assertThat(v.conditions()).isEmpty();
      assertThat(v.integer(ParamKey.UNINCLUDED_SEGMENT_CAPACITY)).isEqualTo(1);
    });
  }
}
