package io.parapipe.protocol.primitives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.BitSet;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class BitVecTest {
  @Test
  void basics() {
    BitVec v = BitVec.of(10, 1, 3, 9);
    assertThat(v.len()).isEqualTo(10);
    assertThat(v.countOnes()).isEqualTo(3);
    assertThat(v.ones()).containsExactly(1, 3, 9);
    assertThat(v.get(3)).isTrue();
    assertThat(v.get(4)).isFalse();
    assertThat(v.with(3, false).ones()).containsExactly(1, 9);
    assertThat(v.toString()).isEqualTo("0b0101000001");
    assertThat(v).isEqualTo(BitVec.fromBits(false, true, false, true, false, false, false, false, false, true));
    assertThatThrownBy(() -> v.get(10)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void scaleEncodingIsLsb0WithCompactBitLength() {
    ScaleWriter w = new ScaleWriter();
    BitVec.of(10, 0, 2, 9).writeTo(w);
    // compact(10) = 0x28, then bits 0..7 = 0b00000101, bits 8..9 = 0b10
    assertThat(Hex.encode(w.toByteArray())).isEqualTo("280502");
  }

  @Property
  void agreesWithBitSet(@ForAll @Size(max = 200) List<Boolean> bits) {
    boolean[] arr = new boolean[bits.size()];
    BitSet set = new BitSet();
    for (int i = 0; i < arr.length; i++) {
      arr[i] = bits.get(i);
      if (arr[i]) {
        set.set(i);
      }
    }
    BitVec v = BitVec.fromBits(arr);
    assertThat(v.countOnes()).isEqualTo(set.cardinality());
    assertThat(v.toBitSet()).isEqualTo(set);
    assertThat(BitVec.fromBitSet(set, arr.length)).isEqualTo(v);
    assertThat(BitVec.of(arr.length, v.ones())).isEqualTo(v);
    for (int from = 0; from <= arr.length + 64; from++) {
      assertThat(v.nextOne(from)).as("nextOne(%d)", from).isEqualTo(set.nextSetBit(from));
    }
  }

  @Test
  void nextOneWalksTheSetBitsAcrossWords() {
    BitVec v = BitVec.of(130, 0, 63, 64, 129);
    assertThat(v.nextOne(0)).isEqualTo(0);
    assertThat(v.nextOne(1)).isEqualTo(63);
    assertThat(v.nextOne(64)).isEqualTo(64);
    assertThat(v.nextOne(65)).isEqualTo(129);
    assertThat(v.nextOne(130)).isEqualTo(-1);
    assertThat(BitVec.zeros(0).nextOne(0)).isEqualTo(-1);
  }
}
