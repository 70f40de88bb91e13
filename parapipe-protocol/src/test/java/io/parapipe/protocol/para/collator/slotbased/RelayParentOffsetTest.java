package io.parapipe.protocol.para.collator.slotbased;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.para.collator.RelayBlockInfo;
import io.parapipe.protocol.para.collator.RelayChainView;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.primitives.PersistedValidationData;
import io.parapipe.protocol.primitives.SessionIndex;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Ports of the {@code offset_test_*} tests of {@code slot_based/tests.rs} [05569692]: a chain of relay blocks 1..=100. */
class RelayParentOffsetTest {
  static final class Chain implements RelayChainView {
    final Map<Hash, RelayBlockInfo> headers = new HashMap<>();
    Hash best;

    Chain(int epochChangeAt) {
      Hash parent = Hash.ZERO;
      for (int n = 1; n <= 100; n++) {
        Hash h = Hash.fromLong(0xAB00_0000L + n);
        headers.put(h, new RelayBlockInfo(h, parent, n, Hash.ZERO, n, n == epochChangeAt));
        parent = h;
      }
      best = parent;
    }

    @Override
    public Optional<RelayBlockInfo> header(Hash hash) {
      return Optional.ofNullable(headers.get(hash));
    }

    @Override
    public SessionIndex sessionIndexForChild(Hash hash) {
      throw new UnsupportedOperationException("Not needed for test");
    }

    @Override
    public Optional<PersistedValidationData> validationDataAssumingTimedOut(Hash relayParent, ParaId paraId) {
      throw new UnsupportedOperationException("Not needed for test");
    }

    @Override
    public Optional<PersistedValidationData> validationDataAssumingIncluded(Hash relayParent, ParaId paraId) {
      throw new UnsupportedOperationException("Not needed for test");
    }
  }

  static RelayParentOffset.RelayParentData data(RelayParentOffset.Outcome o) {
    assertThat(o).isInstanceOf(RelayParentOffset.RelayParentData.class);
    return (RelayParentOffset.RelayParentData) o;
  }

  @Test
  void offset_test_zero_offset() {
    Chain c = new Chain(-1);
    RelayParentOffset.RelayParentData d = data(RelayParentOffset.findDescendants(c, c.best, 0));
    assertThat(d.descendantsLen()).isZero();
    assertThat(d.relayParent().hash()).isEqualTo(c.best);
    assertThat(d.intoInherentDescendantList()).isEmpty();
  }

  @Test
  void offset_test_two_offset() {
    Chain c = new Chain(-1);
    RelayParentOffset.RelayParentData d = data(RelayParentOffset.findDescendants(c, c.best, 2));
    assertThat(d.descendantsLen()).isEqualTo(2);
    assertThat(d.relayParent().number()).isEqualTo(98);
    assertThat(d.intoInherentDescendantList()).hasSize(3);
    assertThat(d.intoInherentDescendantList().get(0).number()).isEqualTo(98);
    assertThat(d.intoInherentDescendantList().get(2).number()).isEqualTo(100);
  }

  @Test
  void offset_test_five_offset() {
    Chain c = new Chain(-1);
    RelayParentOffset.RelayParentData d = data(RelayParentOffset.findDescendants(c, c.best, 5));
    assertThat(d.descendantsLen()).isEqualTo(5);
    assertThat(d.relayParent().number()).isEqualTo(95);
    assertThat(d.intoInherentDescendantList()).hasSize(6);
    assertThat(d.intoInherentDescendantList().get(0).number()).isEqualTo(95);
    assertThat(d.intoInherentDescendantList().get(5).number()).isEqualTo(100);
  }

  @Test
  void offset_test_too_long() {
    Chain c = new Chain(-1);
    assertThat(RelayParentOffset.findDescendants(c, c.best, 200)).isInstanceOf(RelayParentOffset.MissingHeader.class);
    assertThat(RelayParentOffset.findDescendants(c, c.best, 101)).isInstanceOf(RelayParentOffset.MissingHeader.class);
  }

  @Test
  void epochChangeOnTheWayMeansNoBlock() {
    assertThat(RelayParentOffset.findDescendants(new Chain(99), new Chain(99).best, 2))
        .isInstanceOf(RelayParentOffset.EpochChange.class);
    // The relay parent itself may change the epoch.
    Chain c = new Chain(98);
    assertThat(data(RelayParentOffset.findDescendants(c, c.best, 2)).relayParent().number()).isEqualTo(98);
  }
}
