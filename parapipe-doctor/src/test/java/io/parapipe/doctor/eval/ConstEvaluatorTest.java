package io.parapipe.doctor.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.doctor.TestRepo;
import io.parapipe.doctor.workspace.ModuleScope;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConstEvaluatorTest {
  @TempDir Path dir;

  private List<Alternative> eval(String libRs, String name) {
    TestRepo.Reading r = TestRepo.at(dir).crate("demo", "demo", libRs).read();
    ModuleScope root = r.root("demo");
    return r.evaluator().evalPath(root, List.of(name), new Origin("demo/src/lib.rs", 0, "", null));
  }

  private static BigInteger single(List<Alternative> alts) {
    assertThat(alts).hasSize(1);
    assertThat(alts.get(0).value()).isInstanceOf(Value.Int.class);
    return ((Value.Int) alts.get(0).value()).value();
  }

  @Test
  void integerArithmeticWithUnderscoresHexAndPrecedence() {
    assertThat(single(eval("pub const A: u64 = 1_000 * 6 + 0x10 - (4 / 3) % 2;", "A"))).isEqualTo(6015);
  }

  @Test
  void saturatingOperationsClampToU64() {
    String src = "const M: u64 = 18_446_744_073_709_551_615;\n"
        + "const UP: u64 = M.saturating_add(1);\nconst DOWN: u64 = 3u64.saturating_sub(5);\nconst MUL: u64 = M.saturating_mul(2);\n";
    assertThat(single(eval(src, "UP"))).isEqualTo(new BigInteger("18446744073709551615"));
    assertThat(single(eval(src, "DOWN"))).isZero();
    assertThat(single(eval(src, "MUL"))).isEqualTo(new BigInteger("18446744073709551615"));
  }

  @Test
  void castsTruncateToTheTargetWidth() {
    String src = "const A: u8 = 300 as u8;\nconst B: u32 = 5_000_000_000u64 as u32;\nconst C: u64 = 7u32 as u64;\n";
    assertThat(single(eval(src, "A"))).isEqualTo(44);
    assertThat(single(eval(src, "B"))).isEqualTo(705_032_704L);
    assertThat(single(eval(src, "C"))).isEqualTo(7);
  }

  @Test
  void weightFromPartsKeepsRefTimeWhenProofSizeIsUnknown() {
    String src = "use frame_support::weights::{constants::WEIGHT_REF_TIME_PER_SECOND, Weight};\n"
        + "const W: Weight = Weight::from_parts(\n    WEIGHT_REF_TIME_PER_SECOND.saturating_mul(2),\n"
        + "    cumulus_primitives_core::relay_chain::MAX_POV_SIZE as u64,\n);\n";
    Value v = eval(src, "W").get(0).value();
    assertThat(v).isEqualTo(new Value.Weight(BigInteger.valueOf(2_000_000_000_000L), null));
  }

  @Test
  void weightMethodsAndPerbillMultiplication() {
    String src = "use frame_support::weights::{constants::WEIGHT_REF_TIME_PER_MILLIS, Weight};\n"
        + "const W: Weight = Weight::from_parts(2_000 * WEIGHT_REF_TIME_PER_MILLIS, 0).set_proof_size(7);\n"
        + "const HALF: Weight = W.saturating_div(2);\n"
        + "const NORMAL: Weight = Perbill::from_percent(75) * W;\n";
    assertThat(eval(src, "W").get(0).value()).isEqualTo(new Value.Weight(BigInteger.valueOf(2_000_000_000_000L), BigInteger.valueOf(7)));
    assertThat(eval(src, "HALF").get(0).value()).isEqualTo(new Value.Weight(BigInteger.valueOf(1_000_000_000_000L), BigInteger.valueOf(3)));
    assertThat(eval(src, "NORMAL").get(0).value()).isEqualTo(new Value.Weight(BigInteger.valueOf(1_500_000_000_000L), BigInteger.valueOf(5)));
  }

  @Test
  void constGenericWrappersAndBlocks() {
    String src = "const SLOT_DURATION: u64 = 6000;\ntype A = ConstU32<3>;\ntype B = ConstBool<true>;\ntype C = ConstU64<{ SLOT_DURATION / 2 }>;\n";
    assertThat(single(eval(src, "A"))).isEqualTo(3);
    assertThat(eval(src, "B").get(0).value()).isEqualTo(new Value.Bool(true));
    assertThat(single(eval(src, "C"))).isEqualTo(3000);
  }

  @Test
  void genericTypeArgumentsAreEvaluatedWithTheirOrigins() {
    String src = "const CAP: u32 = 3;\nconst VEL: u32 = 1;\n"
        + "type Hook = cumulus_pallet_aura_ext::FixedVelocityConsensusHook<Runtime, 6000, VEL, CAP>;\n";
    Value.Type hook = (Value.Type) eval(src, "Hook").get(0).value();
    assertThat(hook.name()).isEqualTo("FixedVelocityConsensusHook");
    assertThat(hook.describe()).isEqualTo("FixedVelocityConsensusHook<Runtime, 6000, 1, 3>");
    assertThat(hook.arg(3).origin().line()).isEqualTo(1);
    assertThat(hook.arg(1).origin().line()).isEqualTo(3);
  }

  @Test
  void referencesAcrossModulesFollowUseDeclarations() {
    String src = "mod a { pub const X: u32 = 2; }\nmod b { use super::a::X; pub const Y: u32 = X * 3; }\nuse b::Y;\nconst Z: u32 = Y + 1;\n";
    assertThat(single(eval(src, "Z"))).isEqualTo(7);
  }

  @Test
  void constantsOfAnotherCrateOfTheRepositoryAreFollowedThroughReexports() {
    TestRepo.Reading r = TestRepo.at(dir)
        .crate("consts", "my-consts", "pub mod timing { pub const X: u32 = 5; }\npub use timing::X;\n")
        .crate("runtime", "my-runtime", "use my_consts::X;\npub const Y: u32 = X;\n")
        .read();
    List<Alternative> y = r.evaluator().evalPath(r.root("my_runtime"), List.of("Y"), new Origin("x", 0, "", null));
    assertThat(single(y)).isEqualTo(5);
    assertThat(y.get(0).origin().file()).isEqualTo("runtime/src/lib.rs");
    assertThat(y.get(0).origin().note()).isEqualTo("value from consts/src/lib.rs:1");
  }

  @Test
  void cfgVariantsAreKeptApartAndContradictionsDropped() {
    String src = "#[cfg(feature = \"fast\")]\nconst X: u32 = 3;\n#[cfg(not(feature=\"fast\"))]\nconst X: u32 = 1;\nconst Z: u32 = X + X;\n";
    Map<String, BigInteger> byCondition = new TreeMap<>();
    for (Alternative a : eval(src, "Z")) {
      byCondition.put(a.conditions().toString(), ((Value.Int) a.value()).value());
    }
    assertThat(byCondition).containsExactly(Map.entry("feature = \"fast\"", BigInteger.valueOf(6)), Map.entry("not(feature = \"fast\")", BigInteger.valueOf(2)));
  }

  @Test
  void prodOrFastGivesOneAlternativePerBuild() {
    Map<String, BigInteger> byCondition = new TreeMap<>();
    for (Alternative a : eval("const E: u32 = prod_or_fast!(600, 10);", "E")) {
      byCondition.put(a.conditions().toString(), ((Value.Int) a.value()).value());
    }
    assertThat(byCondition).containsExactly(
        Map.entry("feature = \"fast-runtime\"", BigInteger.TEN), Map.entry("not(feature = \"fast-runtime\")", BigInteger.valueOf(600)));
  }

  @Test
  void parameterTypesEntriesAreValuesAndGetters() {
    String src = "const SLOT_DURATION: u64 = 12000;\nparameter_types! {\n    pub const MinimumPeriod: u64 = SLOT_DURATION / 2;\n    pub Foo: u32 = 3;\n}\nconst G: u32 = Foo::get() + 1;\n";
    List<Alternative> mp = eval(src, "MinimumPeriod");
    assertThat(single(mp)).isEqualTo(6000);
    assertThat(mp.get(0).origin().line()).isEqualTo(3);
    assertThat(single(eval(src, "G"))).isEqualTo(4);
  }

  @Test
  void knownExternalConstantsHaveTheirUpstreamValue() {
    String src = "use parachains_common::MAXIMUM_BLOCK_WEIGHT;\nconst W: Weight = MAXIMUM_BLOCK_WEIGHT;\n";
    Alternative w = eval(src, "W").get(0);
    assertThat(w.value()).isEqualTo(new Value.Weight(BigInteger.valueOf(500_000_000_000L), null));
    assertThat(w.origin().note()).contains("parachains_common");
  }

  @Test
  void whatCannotBeEvaluatedIsUnknownWithAReasonNeverAGuess() {
    String src = "const A: u32 = SOMETHING_ELSE + 1;\nconst B: u32 = my_macro!(3);\nconst C: u32 = 1 / 0;\n"
        + "const D: u32 = E;\nconst E: u32 = D;\nconst F: u64 = other_crate::VALUE;\n";
    assertThat(reason(eval(src, "A"))).contains("`SOMETHING_ELSE` could not be resolved");
    assertThat(reason(eval(src, "B"))).contains("macro `my_macro!`");
    assertThat(reason(eval(src, "C"))).contains("division by zero");
    assertThat(reason(eval(src, "D"))).contains("refers to itself");
    assertThat(reason(eval(src, "F"))).contains("outside this repository");
  }

  private static String reason(List<Alternative> alts) {
    assertThat(alts).hasSize(1);
    assertThat(alts.get(0).value()).isInstanceOf(Value.Unknown.class);
    return ((Value.Unknown) alts.get(0).value()).reason();
  }
}
