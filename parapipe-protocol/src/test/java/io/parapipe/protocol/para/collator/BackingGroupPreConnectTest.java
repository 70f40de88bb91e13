package io.parapipe.protocol.para.collator;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.para.collator.BackingGroupPreConnect.Action;
import java.util.OptionalLong;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/**
 * Ports of the {@code preconnect_*} tests of {@code cumulus/client/consensus/aura/src/collators/mod.rs}
 * (newest). The test client has six Aura authorities (Alice .. Ferdie); {@code set_up_components(6)}
 * puts all six keys in the keystore, {@code set_up_components(1)} only Alice's (index 0).
 */
class BackingGroupPreConnectTest {
  static final int AUTHORITIES = 6;
  static final IntPredicate ALL_KEYS = i -> true;
  static final IntPredicate ALICE = i -> i == 0;

  @Test
  void preconnect_when_next_slot_is_ours() {
    BackingGroupPreConnect.Update u = BackingGroupPreConnect.initial().update(0, AUTHORITIES, ALL_KEYS);
    assertThat(u.action()).isEqualTo(Action.CONNECT);
    assertThat(u.helper().ourSlot()).isEqualTo(OptionalLong.of(1));
  }

  @Test
  void preconnect_no_duplicate_connect_message() {
    BackingGroupPreConnect h = BackingGroupPreConnect.initial().update(0, AUTHORITIES, ALL_KEYS).helper();
    BackingGroupPreConnect.Update again = h.update(0, AUTHORITIES, ALL_KEYS);
    assertThat(again.action()).isEqualTo(Action.NONE);
    assertThat(again.helper().update(1, AUTHORITIES, ALL_KEYS).action()).isEqualTo(Action.NONE);
  }

  @Test
  void preconnect_disconnect_when_slot_passes() {
    BackingGroupPreConnect.Update u = BackingGroupPreConnect.initial().update(5, AUTHORITIES, ALICE);
    assertThat(u.action()).isEqualTo(Action.CONNECT);
    assertThat(u.helper().ourSlot()).isEqualTo(OptionalLong.of(6));
    BackingGroupPreConnect.Update later = u.helper().update(8, AUTHORITIES, ALICE);
    assertThat(later.action()).isEqualTo(Action.DISCONNECT);
    assertThat(later.helper().ourSlot()).isEmpty();
  }

  @Test
  void preconnect_no_disconnect_without_previous_connection() {
    BackingGroupPreConnect.Update u = BackingGroupPreConnect.initial().update(1, AUTHORITIES, ALICE);
    assertThat(u.action()).isEqualTo(Action.NONE);
    assertThat(u.helper().ourSlot()).isEmpty();
  }

  @Test
  void preconnect_multiple_cycles() {
    BackingGroupPreConnect.Update first = BackingGroupPreConnect.initial().update(5, AUTHORITIES, ALICE);
    assertThat(first.action()).isEqualTo(Action.CONNECT);
    BackingGroupPreConnect.Update passed = first.helper().update(7, AUTHORITIES, ALICE);
    assertThat(passed.action()).isEqualTo(Action.DISCONNECT);
    BackingGroupPreConnect.Update second = passed.helper().update(11, AUTHORITIES, ALICE);
    assertThat(second.action()).isEqualTo(Action.CONNECT);
    assertThat(second.helper().ourSlot()).isEqualTo(OptionalLong.of(12));
  }

  @Test
  void ourOwnSlotKeepsTheConnectionOpen() {
    BackingGroupPreConnect h = BackingGroupPreConnect.initial().update(5, AUTHORITIES, ALICE).helper();
    assertThat(h.update(6, AUTHORITIES, ALICE).action()).isEqualTo(Action.NONE);
  }
}
