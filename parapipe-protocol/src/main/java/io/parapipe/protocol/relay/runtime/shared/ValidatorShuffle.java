package io.parapipe.protocol.relay.runtime.shared;

import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.ScaleWriter;
import io.parapipe.protocol.primitives.SessionIndex;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-session shuffle of the active validator set ({@code shared::initializer_on_new_session}
 * shuffles with a seeded RNG). Upstream seeds ChaCha20 with BABE randomness; parapipe seeds a
 * SplitMix64 generator with {@code blake2_256(genesis_randomness ‖ session_index)} and runs a
 * Fisher–Yates shuffle, which is deterministic and independent of the JDK.
 */
public final class ValidatorShuffle {
  private ValidatorShuffle() {}

  /**
   * The active validator set of {@code session}: all {@code n} validators in shuffled order. The
   * position of a validator in the list is its {@code ValidatorIndex} for the session.
   */
  public static List<ValidatorId> shuffle(int n, Hash randomness, SessionIndex session) {
    ScaleWriter w = new ScaleWriter();
    randomness.writeTo(w);
    w.u32(session.value());
    byte[] seedBytes = w.blake2b256().toByteArray();
    long state = 0;
    for (int i = 0; i < 8; i++) {
      state |= (seedBytes[i] & 0xffL) << (8 * i);
    }
    List<ValidatorId> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(ValidatorId.of(i));
    }
    for (int i = n - 1; i > 0; i--) {
      state += 0x9E3779B97F4A7C15L;
      long z = state;
      z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
      z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
      z = z ^ (z >>> 31);
      int j = (int) Long.remainderUnsigned(z, i + 1L);
      ValidatorId tmp = out.get(i);
      out.set(i, out.get(j));
      out.set(j, tmp);
    }
    return List.copyOf(out);
  }
}
