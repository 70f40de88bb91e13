package io.parapipe.protocol.relay.node.finality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

class RoundTableTest {
  @Test
  void keepsRoundsByNumberAndForgetsOldOnes() {
    RoundTable<String> t = new RoundTable<>();
    assertThat(t.get(1)).isNull();
    assertThat(t.getOrCreate(5, n -> "r" + n)).isEqualTo("r5");
    assertThat(t.getOrCreate(5, n -> "other")).isEqualTo("r5");
    for (long n = 6; n <= 20; n++) {
      t.put(n, "r" + n);
    }
    assertThat(t.size()).isEqualTo(16);
    t.put(7, "seven");
    assertThat(t.get(7)).isEqualTo("seven");
    t.removeUpTo(17);
    assertThat(t.size()).isEqualTo(3);
    assertThat(t.get(17)).isNull();
    assertThat(t.get(18)).isEqualTo("r18");
    t.clear();
    assertThat(t.size()).isZero();
    assertThat(t.get(20)).isNull();
  }

  /** Any sequence of puts and removals leaves what a sorted map would hold. */
  @Property(tries = 300)
  void agreesWithASortedMap(@ForAll("ops") List<Tuple.Tuple2<Integer, Long>> ops) {
    RoundTable<Long> t = new RoundTable<>();
    TreeMap<Long, Long> m = new TreeMap<>();
    long stamp = 0;
    for (Tuple.Tuple2<Integer, Long> op : ops) {
      long n = op.get2();
      switch (op.get1()) {
        case 0 -> {
          t.put(n, ++stamp);
          m.put(n, stamp);
        }
        case 1 -> {
          long made = ++stamp;
          assertThat(t.getOrCreate(n, k -> made)).isEqualTo(m.computeIfAbsent(n, k -> made));
        }
        default -> {
          t.removeUpTo(n);
          m.headMap(n, true).clear();
        }
      }
      assertThat(t.size()).isEqualTo(m.size());
      for (long k = 0; k <= 40; k++) {
        assertThat(t.get(k)).isEqualTo(m.get(k));
      }
    }
  }

  @Provide
  Arbitrary<List<Tuple.Tuple2<Integer, Long>>> ops() {
    return Arbitraries.integers().between(0, 2).flatMap(kind ->
            Arbitraries.longs().between(0, 40).map(n -> Tuple.of(kind, n)))
        .list().ofMaxSize(60);
  }
}
