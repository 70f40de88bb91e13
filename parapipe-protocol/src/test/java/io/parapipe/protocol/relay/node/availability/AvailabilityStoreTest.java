package io.parapipe.protocol.relay.node.availability;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.PoV;
import org.junit.jupiter.api.Test;

/** Which chunks a validator's store can serve. */
class AvailabilityStoreTest {
  private static final Hash C = Hash.fromLong(0xC0);
  private static final PoV POV = new PoV(Hash.fromLong(0x90), 4096, 7, Hash.ZERO);

  @Test
  void aFetchedChunkIsServedUnderTheIndexItWasFetchedWithAndNoOther() {
    AvailabilityStore store = new AvailabilityStore();
    store.storeChunk(C, 10, 3, POV, 512);
    // The index is the one of the candidate's session: after a session change reshuffles the
    // validators, this validator's new index is some other number, and chunk 3 is still its own.
    assertThat(store.holdsChunk(C, 3)).isTrue();
    assertThat(store.holdsChunk(C, 4)).isFalse();
    assertThat(store.holdsAllChunks(C)).isFalse();
  }

  @Test
  void aBackerServesEveryChunkAndAStrangerNone() {
    AvailabilityStore store = new AvailabilityStore();
    store.keepPoV(C, POV, 10);
    store.markHolder(C, 10, CoreIndex.of(0));
    assertThat(store.holdsChunk(C, 0)).isTrue();
    assertThat(store.holdsChunk(C, 5)).isTrue();
    assertThat(store.holdsChunk(Hash.fromLong(0xC1), 0)).isFalse();
  }
}
