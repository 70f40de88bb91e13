package io.parapipe.protocol.relay.node.prospective;

/**
 * How a validator keeps its fragment chains ({@code [relay] prospective_chains}).
 *
 * <p>Upstream's subsystem is {@link #EXACT}: every validator keeps a chain of every scheduled para
 * at every tracked relay block and imports every seconded candidate it hears of into each. A
 * simulation of hundreds of validators pays that work hundreds of times over for chains most of
 * them never read. {@link #ON_DEMAND} keeps full chains only for the paras of the validator's own
 * backing group, and for the other paras builds a chain from the scope and the candidates heard
 * of at the moment it is read (a block author choosing backable candidates). It is a cost model,
 * not a protocol change: the shipped scenarios give the same results and traces in both modes.
 */
public enum ProspectiveChainsMode {
  /** A chain per tracked relay block for every scheduled para, as upstream. */
  EXACT("exact"),
  /** Chains of foreign paras built only when read. */
  ON_DEMAND("on-demand");

  private final String key;

  ProspectiveChainsMode(String key) {
    this.key = key;
  }

  /** The configuration spelling ({@code exact}, {@code on-demand}). */
  public String key() {
    return key;
  }

  /**
   * The mode spelled {@code key}.
   *
   * @throws IllegalArgumentException for any other spelling
   */
  public static ProspectiveChainsMode fromKey(String key) {
    for (ProspectiveChainsMode m : values()) {
      if (m.key.equals(key)) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown prospective_chains mode: " + key);
  }
}
