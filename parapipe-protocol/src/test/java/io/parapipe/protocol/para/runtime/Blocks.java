package io.parapipe.protocol.para.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.HeadData;
import io.parapipe.protocol.primitives.ParaId;
import java.util.Optional;

/** Test helpers to build inputs and run blocks. */
final class Blocks {
  static final ParaId PARA = ParaId.of(200);

  private Blocks() {}

  static Hash relayHash(int number) {
    return Hash.fromLong(number);
  }

  static Hash relayRoot(int number) {
    return Hash.fromLong(1_000_000L + number);
  }

  /** Inputs on relay parent {@code rp} with relay slot {@code relaySlot}. */
  static BlockInputs inputs(int rp, long relaySlot, long paraSlot, long timestampMs, Optional<HeadData> included) {
    RelayChainStateProof proof = RelayChainStateProof.of(relayRoot(rp), included, relaySlot);
    return BlockInputs.of(paraSlot, timestampMs, rp, relayHash(rp), proof);
  }

  /**
   * Inputs the way the lookahead collator makes them for relay parent {@code rp} in relay slot
   * {@code relaySlot}: timestamp = relay slot × relay ms, para slot = timestamp / para ms.
   */
  static BlockInputs lookahead(ParachainState parent, int rp, long relaySlot, Optional<HeadData> included) {
    ParachainRuntimeConfig c = parent.config();
    long ts = Slots.relayTimestamp(relaySlot, c.relaySlotDurationMs());
    return inputs(rp, relaySlot, Slots.fromTimestamp(ts, c.auraSlotDurationMs()), ts, included);
  }

  static ParachainState built(BlockOutcome o) {
    assertThat(o).isInstanceOf(BuiltBlock.class);
    return ((BuiltBlock) o).state();
  }

  static String panic(BlockOutcome o) {
    assertThat(o).isInstanceOf(RuntimePanic.class);
    return ((RuntimePanic) o).message();
  }
}
