package io.parapipe.protocol.para.collator.slotbased;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.para.collator.RelayBlockInfo;
import io.parapipe.protocol.para.runtime.DigestItem;
import io.parapipe.protocol.para.runtime.ParaBlockHeader;
import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Ports of the {@code determine_core_*} tests of {@code slot_based/tests.rs} [05569692]. */
class CoreSelectionTest {
  static final Hash BEST = Hash.fromLong(100);
  static final RelayBlockInfo RELAY_PARENT_100 = new RelayBlockInfo(Hash.fromLong(0x100), Hash.ZERO, 100, Hash.ZERO, 100, false);
  static final RelayBlockInfo RELAY_PARENT_101 = new RelayBlockInfo(Hash.fromLong(0x101), BEST, 101, Hash.ZERO, 101, false);

  static List<CoreIndex> cores(int n) {
    List<CoreIndex> l = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      l.add(CoreIndex.of(i));
    }
    return l;
  }

  /** A para parent #1 whose RPSR digest names the relay parent (not a new relay parent). */
  static ParaBlockHeader paraParent(RelayBlockInfo rp, DigestItem... extra) {
    List<DigestItem> digest = new ArrayList<>(List.of(extra));
    digest.add(new DigestItem.RelayParentStorageRoot(rp.stateRoot(), rp.number()));
    return new ParaBlockHeader(BEST, 1, Hash.ZERO, Hash.ZERO, digest);
  }

  static ParaBlockHeader genesis() {
    return new ParaBlockHeader(Hash.ZERO, 0, Hash.ZERO, Hash.ZERO, List.of());
  }

  @Test
  void determine_core_new_relay_parent() {
    CoreSelection.Outcome o = CoreSelection.determineCore(cores(2), RELAY_PARENT_100, genesis(), OptionalInt.empty(), 0);
    assertThat(o).isEqualTo(new CoreSelection.Core(0, CoreIndex.of(0), 0, 2));
  }

  @Test
  void determine_core_with_core_info() {
    ParaBlockHeader parent = paraParent(RELAY_PARENT_101, new DigestItem.CumulusCoreInfo(0, 0, 3));
    CoreSelection.Outcome o = CoreSelection.determineCore(cores(3), RELAY_PARENT_101, parent, OptionalInt.empty(), 0);
    assertThat(o).isEqualTo(new CoreSelection.Core(1, CoreIndex.of(1), 0, 3));
  }

  @Test
  void determine_core_no_cores_available() {
    assertThat(CoreSelection.determineCore(List.of(), RELAY_PARENT_100, genesis(), OptionalInt.empty(), 0))
        .isInstanceOf(CoreSelection.NoCoreScheduled.class);
  }

  @Test
  void determine_core_selector_overflow() {
    ParaBlockHeader parent = paraParent(RELAY_PARENT_101, new DigestItem.CumulusCoreInfo(1, 0, 2));
    assertThat(CoreSelection.determineCore(cores(2), RELAY_PARENT_101, parent, OptionalInt.empty(), 0))
        .isInstanceOf(CoreSelection.NoCoreScheduled.class);
  }

  @Test
  void determine_core_uses_last_claimed_core_selector() {
    CoreSelection.Outcome o = CoreSelection.determineCore(cores(3), RELAY_PARENT_101, paraParent(RELAY_PARENT_101),
        OptionalInt.of(1), 0);
    assertThat(o).isEqualTo(new CoreSelection.Core(2, CoreIndex.of(2), 0, 3));
  }

  @Test
  void determine_core_uses_last_claimed_core_selector_wraps_around() {
    assertThat(CoreSelection.determineCore(cores(3), RELAY_PARENT_101, paraParent(RELAY_PARENT_101), OptionalInt.of(2), 0))
        .isInstanceOf(CoreSelection.NoCoreScheduled.class);
  }

  @Test
  void determine_core_no_last_claimed_core_selector() {
    CoreSelection.Outcome o = CoreSelection.determineCore(cores(3), RELAY_PARENT_101, paraParent(RELAY_PARENT_101),
        OptionalInt.empty(), 0);
    assertThat(o).isEqualTo(new CoreSelection.Core(1, CoreIndex.of(1), 0, 3));
  }

  @Test
  void relayParentDigestDecidesNewRelayParentAndMissingDigestsAreAnError() {
    ParaBlockHeader onOther = new ParaBlockHeader(BEST, 1, Hash.ZERO, Hash.ZERO,
        List.of(new DigestItem.CumulusRelayParent(Hash.fromLong(0x99)), new DigestItem.CumulusCoreInfo(0, 0, 3)));
    assertThat(CoreSelection.determineCore(cores(3), RELAY_PARENT_101, onOther, OptionalInt.of(1), 0))
        .isEqualTo(new CoreSelection.Core(0, CoreIndex.of(0), 0, 3));
    ParaBlockHeader bare = new ParaBlockHeader(BEST, 1, Hash.ZERO, Hash.ZERO, List.of());
    assertThat(CoreSelection.determineCore(cores(3), RELAY_PARENT_101, bare, OptionalInt.empty(), 0))
        .isInstanceOf(CoreSelection.MissingRelayParentDigest.class);
  }
}
