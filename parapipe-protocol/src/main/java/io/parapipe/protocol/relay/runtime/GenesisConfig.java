package io.parapipe.protocol.relay.runtime;

import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.HeadData;
import io.parapipe.protocol.primitives.HostConfiguration;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.relay.runtime.scheduler.AssignmentProvider;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the relay chain starts with.
 *
 * @param numValidators validators (all of them are parachain validators)
 * @param paras the registered paras with their genesis head and validation code hash
 * @param config the host configuration (must pass {@code check_consistency})
 * @param assignmentProvider the source of core assignments, e.g. {@code BulkCoretimeAssigner}
 * @param sessionLength blocks per session
 * @param randomness seed of the per-session validator shuffle
 */
public record GenesisConfig(
    int numValidators,
    SortedMap<ParaId, ParaGenesis> paras,
    HostConfiguration config,
    AssignmentProvider assignmentProvider,
    int sessionLength,
    Hash randomness) {

  /**
   * A para at genesis.
   *
   * @param head the genesis head data
   * @param validationCodeHash the hash of its validation code
   */
  public record ParaGenesis(HeadData head, Hash validationCodeHash) {
    /** Rejects nulls. */
    public ParaGenesis {
      Objects.requireNonNull(head, "head");
      Objects.requireNonNull(validationCodeHash, "validationCodeHash");
    }
  }

  /** Validates the plain numbers and copies the para map. */
  public GenesisConfig {
    if (numValidators < 1) {
      throw new IllegalArgumentException("at least one validator is needed, got " + numValidators);
    }
    if (sessionLength < 1) {
      throw new IllegalArgumentException("session length must be at least 1 block, got " + sessionLength);
    }
    paras = Collections.unmodifiableSortedMap(new TreeMap<>(paras));
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(assignmentProvider, "assignmentProvider");
    Objects.requireNonNull(randomness, "randomness");
  }
}
