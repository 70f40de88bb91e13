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
    for (int twice = 0; twice < 2; twice++) { // the second answer comes from the slot index
      assertThat(fetched.serve(C, 3, validators)).isEqualTo(512);
      assertThat(fetched.servedData()).isSameAs(POV);
      assertThat(fetched.serve(C, 4, validators)).isEqualTo(-1);
    }
    assertThat(reads[0]).isZero();

    AvailabilityStore backer = new AvailabilityStore();
    backer.keepPoV(C, POV, 10);
    backer.markHolder(C, 10, CoreIndex.of(0));
    // 10 validators: a threshold of 4 chunks, so a chunk of the 4,096-byte data is 1,024 bytes.
    assertThat(backer.serve(C, 7, validators)).isEqualTo(1024);
    assertThat(backer.servedData()).isSameAs(POV);
    assertThat(reads[0]).isEqualTo(1);
    assertThat(backer.serve(Hash.fromLong(0xC1), 0, validators)).isEqualTo(-1);
  }

  @Test
  void aChunkHolderThatLaterValidatesServesEveryChunkAndAPrunedOneNone() {
    AvailabilityStore store = new AvailabilityStore();
    store.storeChunk(C, 10, 3, POV, 512);
    assertThat(store.serve(C, 3, () -> 10)).isEqualTo(512); // now in the slot index
    store.keepPoV(C, POV, 10);
    assertThat(store.serve(C, 5, () -> 10)).isEqualTo(1024);
    store.pruneBelow(11);
    assertThat(store.serve(C, 3, () -> 10)).isEqualTo(-1);
    assertThat(store.hasChunk(C)).isFalse();
  }

  @Test
  void pruningDropsWhatWasFiledBelowByItsLowestNumberAndKeepsTheRest() {
    AvailabilityStore store = new AvailabilityStore();
    Hash old = Hash.fromLong(0xA5), mid = Hash.fromLong(0xA10), late = Hash.fromLong(0xA15);
    Hash lowered = Hash.fromLong(0xA8);
    store.storeChunk(old, 5, 1, POV, 512);
    store.storeChunk(mid, 10, 1, POV, 512);
    store.storeChunk(late, 15, 1, POV, 512);
    store.storeChunk(lowered, 15, 1, POV, 512);
    store.keepPoV(lowered, POV, 8); // its relay number is now 8
    store.keepPoV(late, POV, 20); // a higher number does not move it
    store.pruneBelow(11);
    assertThat(store.hasChunk(old)).isFalse();
    assertThat(store.hasChunk(mid)).isFalse();
    assertThat(store.hasChunk(lowered)).isFalse();
    assertThat(store.hasChunk(late)).isTrue();
    // Stored again after pruning under an old number: the next pruning drops it.
    store.storeChunk(mid, 10, 1, POV, 512);
    store.pruneBelow(11);
    assertThat(store.hasChunk(mid)).isFalse();
    store.pruneBelow(16);
    assertThat(store.hasChunk(late)).isFalse();
  }

  /**
   * Whatever is stored, kept, pruned and asked for, in any order, the answer is what the entry
   * says: the slot index in front of the map never answers for a chunk the map would refuse, nor
   * with another size or data. Candidates share slots (more candidates than slots' worth of
   * distinct hashes collide), and equal hashes come as distinct objects.
   */
  @net.jqwik.api.Property(tries = 200)
  void theSlotIndexAgreesWithTheEntries(
      @net.jqwik.api.ForAll @net.jqwik.api.constraints.Size(max = 300)
          java.util.List<@net.jqwik.api.constraints.IntRange(min = 0, max = 1_000_000) Integer> ops) {
    AvailabilityStore store = new AvailabilityStore();
    java.util.Map<Long, int[]> model = new java.util.HashMap<>(); // candidate -> {relay, index, size, whole}
    java.util.Map<Long, Hash> canonical = new java.util.HashMap<>(); // one object per candidate
    for (int op : ops) {
      long c = 0xC000 + (op % 5) * 1024L + (op / 5) % 3; // few candidates, some in one slot
      // The canonical object or a fresh, equal one.
      Hash h = op % 2 == 0 ? canonical.computeIfAbsent(c, Hash::fromLong) : Hash.fromLong(c);
      int relay = (op / 15) % 8;
      int index = (op / 120) % 4;
      switch ((op / 480) % 4) {
        case 0 -> {
          store.storeChunk(h, relay, index, POV, 100 + index);
          int[] m = model.computeIfAbsent(c, k -> new int[] {relay, -1, 0, 0});
          m[0] = Math.min(m[0], relay);
          m[1] = index;
          m[2] = 100 + index;
        }
        case 1 -> {
          store.keepPoV(h, POV, relay);
          store.markHolder(h, relay, CoreIndex.of(0));
          int[] m = model.computeIfAbsent(c, k -> new int[] {relay, -1, 0, 0});
          m[0] = Math.min(m[0], relay);
          m[3] = 1;
        }
        case 2 -> {
          store.pruneBelow(relay);
          model.values().removeIf(m -> m[0] < relay);
        }
        default -> { }
      }
      for (long k = 0xC000; k < 0xC000 + 5 * 1024; k += 1024) {
        for (long j = 0; j < 3; j++) {
          int[] m = model.get(k + j);
          for (int i = 0; i < 4; i++) {
            int expected = m == null ? -1 : m[3] == 1 ? 1024 : m[1] == i ? m[2] : -1;
            // An equal object (through the map), then the canonical one (through a slot filled
            // earlier, or the map), then that again (through the slot it may have filled), so
            // that the canonical object's slot outlives the next operations.
            assertThat(store.serve(Hash.fromLong(k + j), i, () -> 10)).isEqualTo(expected);
            Hash same = canonical.computeIfAbsent(k + j, Hash::fromLong);
            assertThat(store.serve(same, i, () -> 10)).isEqualTo(expected);
            assertThat(store.serve(same, i, () -> 10)).isEqualTo(expected);
          }
        }
      }
    }
  }
}
