package io.parapipe.sim.scenario;

import java.util.List;

/**
 * Validators that crash and restart: from {@code atMicros} to {@code restartAtMicros} they neither
 * send, receive nor run timers. With {@code stateLost} they come back as fresh nodes (an empty
 * block tree and empty stores, as after losing the database) that must sync the chain by block
 * requests and catch up GRANDPA; otherwise they resume with the state they had.
 *
 * @param validators the validator indices (authorities) that crash
 * @param atMicros when they crash
 * @param restartAtMicros when they restart (after {@code atMicros} once the loader has checked it)
 * @param stateLost true for {@code state = "lost"}, false for {@code "kept"}
 */
public record Crash(List<Integer> validators, long atMicros, long restartAtMicros, boolean stateLost) {
  /** True if the node is down at {@code t}. */
  public boolean covers(long t) {
    return t >= atMicros && t < restartAtMicros;
  }
}
