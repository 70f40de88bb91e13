package io.parapipe.protocol.relay.node.approval;

/**
 * How approval checking covers checkers that did not show up ({@code [relay] no_show_cover}).
 *
 * <p>Upstream assigns the validators beyond tranche 0 to delay tranches of half a second, one or
 * two validators each, and covers every no-show with one more non-empty tranche
 * (polkadot-sdk {@code polkadot/node/core/approval-voting/src/approval_checking.rs}:
 * {@code State::advance}, {@code maximum_broadcast = tranche + covering + uncovered}).
 * {@link #PER_NO_SHOW} follows that: at the end of each no-show period, one more validator per
 * approval still missing. {@link #TRANCHE} is this model's earlier simplification, a whole group of
 * {@code needed_approvals} per no-show period; once checks run late it calls far more checkers than
 * upstream would, which makes them later still (the 100-validator {@code polkadot-scale} hour
 * stalls at about 55 minutes under it, docs/performance.md, "Memory over time").
 */
public enum NoShowCover {
  /** A whole further group of {@code needed_approvals} checks per no-show period. */
  TRANCHE("tranche"),
  /** One more check per missing approval per no-show period, as upstream covers each no-show. */
  PER_NO_SHOW("per-no-show");

  private final String key;

  NoShowCover(String key) {
    this.key = key;
  }

  /** The configuration spelling ({@code tranche}, {@code per-no-show}). */
  public String key() {
    return key;
  }

  /**
   * The cover spelled {@code key}.
   *
   * @throws IllegalArgumentException for any other spelling
   */
  public static NoShowCover fromKey(String key) {
    for (NoShowCover c : values()) {
      if (c.key.equals(key)) {
        return c;
      }
    }
    throw new IllegalArgumentException("unknown no_show_cover: " + key);
  }
}
