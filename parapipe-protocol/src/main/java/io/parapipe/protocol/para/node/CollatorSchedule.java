package io.parapipe.protocol.para.node;

import io.parapipe.protocol.para.runtime.ParachainRuntimeConfig;
import java.util.List;

/**
 * The settings and runtime a para uses over a run: an initial value and changes that apply from a
 * relay block number on (a node upgrade changes the settings, a runtime upgrade the runtime).
 *
 * @param changes in ascending {@code fromRelayBlock} order; the first applies from block 0
 */
public record CollatorSchedule(List<Change> changes) {
  /**
   * What applies from a relay block on.
   *
   * @param fromRelayBlock first relay parent number it applies to
   * @param settings the node settings
   * @param runtime the runtime configuration
   */
  public record Change(int fromRelayBlock, CollatorSettings settings, ParachainRuntimeConfig runtime) {}

  /** Requires a first change from block 0, in ascending order. */
  public CollatorSchedule {
    changes = List.copyOf(changes);
    if (changes.isEmpty() || changes.get(0).fromRelayBlock() != 0) {
      throw new IllegalArgumentException("a schedule starts at relay block 0");
    }
    for (int i = 1; i < changes.size(); i++) {
      if (changes.get(i).fromRelayBlock() < changes.get(i - 1).fromRelayBlock()) {
        throw new IllegalArgumentException("schedule changes must be in order");
      }
    }
  }

  /** The change in force for a relay parent number. */
  public Change at(int relayParentNumber) {
    Change c = changes.get(0);
    for (Change x : changes) {
      if (x.fromRelayBlock() <= relayParentNumber) {
        c = x;
      }
    }
    return c;
  }
}
