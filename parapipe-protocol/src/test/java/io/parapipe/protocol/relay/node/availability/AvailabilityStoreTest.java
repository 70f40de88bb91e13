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

  @Test
  void aServedChunkCarriesItsDataAndSizeAndTheValidatorCountIsReadOnlyForWholeData() {
    AvailabilityStore fetched = new AvailabilityStore();
    fetched.storeChunk(C, 10, 3, POV, 512);
    int[] reads = {0};
    java.util.function.IntSupplier validators = () -> {
      reads[0]++;
      return 10;
    };
    assertThat(fetched.serve(C, 3, validators)).isEqualTo(new AvailabilityStore.ServedChunk(POV, 512));
    assertThat(fetched.serve(C, 4, validators)).isNull();
    assertThat(reads[0]).isZero();

    AvailabilityStore backer = new AvailabilityStore();
    backer.keepPoV(C, POV, 10);
    backer.markHolder(C, 10, CoreIndex.of(0));
    // 10 validators: a threshold of 4 chunks, so a chunk of the 4,096-byte data is 1,024 bytes.
    assertThat(backer.serve(C, 7, validators)).isEqualTo(new AvailabilityStore.ServedChunk(POV, 1024));
    assertThat(reads[0]).isEqualTo(1);
    assertThat(backer.serve(Hash.fromLong(0xC1), 0, validators)).isNull();
  }
}
