package io.parapipe.doctor.cfg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ConditionsTest {
  @Test
  void canonicalFormIgnoresWhitespaceOutsideStrings() {
    assertThat(Conditions.canonical("feature=\"async-backing\"")).isEqualTo("feature = \"async-backing\"");
    assertThat(Conditions.canonical(" not( feature = \"a b\" ) ")).isEqualTo("not(feature = \"a b\")");
    assertThat(Conditions.canonical("all(feature=\"x\",not(test))")).isEqualTo("all(feature = \"x\", not(test))");
  }

  @Test
  void aPredicateAndItsNegationContradict() {
    Conditions a = Conditions.of(List.of("feature = \"x\""));
    Conditions notA = Conditions.of(List.of("not(feature = \"x\")"));
    assertThat(a.and(notA).isContradictory()).isTrue();
    assertThat(a.and(Conditions.of(List.of("not(feature = \"y\")"))).isContradictory()).isFalse();
  }

  @Test
  void compoundPredicatesAreBooleanExpressionsOverLeafAtoms() {
    String x = "feature = \"x\"";
    String y = "feature = \"y\"";
    String z = "feature = \"z\"";
    Conditions c = Conditions.of(List.of(x, "not(any(" + y + ", " + z + "))"));
    assertThat(c.atoms()).containsExactly(x, y, z);
    assertThat(c.holdsUnder(Map.of(x, true, y, false, z, false))).isTrue();
    assertThat(c.holdsUnder(Map.of(x, true, y, false, z, true))).isFalse();
    assertThat(c.holdsUnder(Map.of(x, true, y, false))).as("an atom left unassigned").isFalse();
    assertThat(Conditions.ALWAYS.holdsUnder(Map.of())).isTrue();
  }

  @Test
  void contradictionIsDecidedOnTheLeafAtoms() {
    String a = "feature = \"a\"";
    String b = "feature = \"b\"";
    assertThat(Conditions.of(List.of("any(not(" + a + "), " + b + ")", a, "not(" + b + ")")).isContradictory()).isTrue();
    assertThat(Conditions.of(List.of("any(not(" + a + "), " + b + ")", a)).isContradictory()).isFalse();
    assertThat(Conditions.of(List.of("all(" + a + ", not(" + a + "))")).isContradictory()).isTrue();
  }

  @Property
  void canonicalIsIdempotentAndBlindToSpacing(@ForAll @IntRange(min = 0, max = 3) int spaces) {
    String pad = " ".repeat(spaces);
    String messy = "all(" + pad + "feature" + pad + "=" + pad + "\"std\"" + pad + "," + pad + "not(" + pad + "test" + pad + "))";
    String canonical = Conditions.canonical(messy);
    assertThat(canonical).isEqualTo("all(feature = \"std\", not(test))");
    assertThat(Conditions.canonical(canonical)).isEqualTo(canonical);
  }
}
