package io.parapipe.sim.scenario;

import java.util.List;
import java.util.Map;

/**
 * A change during the run ({@code [[upgrades]]}). Exactly one of {@code atRelayBlock} and
 * {@code atSession} is non-negative.
 *
 * @param atRelayBlock the relay block number from which it applies, or -1
 * @param atSession the session index from which it applies, or -1
 * @param paras the paras runtime and collator changes apply to (all paras if empty)
 * @param relay host-configuration changes ({@code [relay]} keys), applied at a session boundary
 * @param runtime runtime changes ({@code [para]} keys)
 * @param collator collator changes ({@code [collator]} keys)
 */
public record UpgradeSpec(
    int atRelayBlock,
    int atSession,
    List<Integer> paras,
    Map<String, Object> relay,
    Map<String, Object> runtime,
    Map<String, Object> collator) {

  /**
   * The relay block from which it applies: {@code at_relay_block}, or the first block of
   * {@code at_session} ({@code at_session × session_length + 1}).
   */
  public long point(int sessionLength) {
    return atRelayBlock >= 0 ? atRelayBlock : (long) atSession * sessionLength + 1;
  }

  /** True if the runtime and collator changes apply to {@code para}. */
  public boolean appliesTo(int para) {
    return paras.isEmpty() || paras.contains(para);
  }
}
