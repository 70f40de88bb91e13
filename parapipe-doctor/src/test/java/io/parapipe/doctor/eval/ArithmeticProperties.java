package io.parapipe.doctor.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.doctor.TestRepo;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** The evaluator agrees with exact integer arithmetic on random constant expressions. */
class ArithmeticProperties {
  private static Path dir;

  /** An expression with its exact value (null when it divides by zero). */
  record Expr(String rust, BigInteger value) {}

  @BeforeContainer
  static void createDir() throws IOException {
    dir = Files.createTempDirectory("doctor-arith");
  }

  @AfterContainer
  static void deleteDir() throws IOException {
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Property(tries = 60)
  void evaluatorMatchesExactArithmetic(@ForAll("expressions") Expr e) {
    TestRepo.Reading r = TestRepo.at(dir).crate("demo", "demo", "const E: u64 = " + e.rust() + ";\n").read();
    List<Alternative> alts = r.evaluator().evalPath(r.root("demo"), List.of("E"), new Origin("x", 0, "", null));
    assertThat(alts).hasSize(1);
    if (e.value() == null) {
      assertThat(alts.get(0).value()).isInstanceOf(Value.Unknown.class);
    } else {
      assertThat(alts.get(0).value()).isEqualTo(new Value.Int(e.value()));
    }
  }

  @Provide
  Arbitrary<Expr> expressions() {
    return expr(3);
  }

  private Arbitrary<Expr> expr(int depth) {
    Arbitrary<Expr> literal = Arbitraries.longs().between(0, 1_000_000).map(v -> new Expr(underscored(v), BigInteger.valueOf(v)));
    if (depth == 0) {
      return literal;
    }
    Arbitrary<Expr> binary = net.jqwik.api.Combinators.combine(expr(depth - 1), Arbitraries.of("+", "*", "/", "%"), expr(depth - 1))
        .as((l, op, r) -> new Expr("(" + l.rust() + " " + op + " " + r.rust() + ")", apply(l.value(), op, r.value())));
    Arbitrary<Expr> saturating = net.jqwik.api.Combinators.combine(expr(depth - 1), Arbitraries.of("saturating_mul", "saturating_add"), expr(depth - 1))
        .as((l, m, r) -> new Expr("(" + l.rust() + ")." + m + "(" + r.rust() + ")", saturate(l.value(), m, r.value())));
    return Arbitraries.oneOf(literal, binary, saturating);
  }

  private static String underscored(long v) {
    return String.format("%,d", v).replace(',', '_');
  }

  private static BigInteger apply(BigInteger l, String op, BigInteger r) {
    if (l == null || r == null) {
      return null;
    }
    return switch (op) {
      case "+" -> l.add(r);
      case "*" -> l.multiply(r);
      case "/" -> r.signum() == 0 ? null : l.divide(r);
      default -> r.signum() == 0 ? null : l.mod(r);
    };
  }

  private static BigInteger saturate(BigInteger l, String m, BigInteger r) {
    if (l == null || r == null) {
      return null;
    }
    BigInteger max = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    return (m.equals("saturating_mul") ? l.multiply(r) : l.add(r)).min(max);
  }
}
