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
 * What the relay chain starts with, built by name with {@link #builder()} (or {@link #toBuilder()}).
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

  /** An empty builder: every field must be set before {@link Builder#build()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this genesis configuration, to change fields by name. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Builds a genesis configuration field by field. A builder from {@link GenesisConfig#toBuilder()} starts with
   * every field set; a new one must have each field set before {{@link #build()}}.
   */
  public static final class Builder {
    private Integer numValidators;
    private SortedMap<ParaId, ParaGenesis> paras;
    private HostConfiguration config;
    private AssignmentProvider assignmentProvider;
    private Integer sessionLength;
    private Hash randomness;

    private Builder() {}

    private Builder(GenesisConfig c) {
      numValidators = c.numValidators;
      paras = c.paras;
      config = c.config;
      assignmentProvider = c.assignmentProvider;
      sessionLength = c.sessionLength;
      randomness = c.randomness;
    }

    /** Sets {@link GenesisConfig#numValidators()}. */
    public Builder numValidators(int v) {
      numValidators = v;
      return this;
    }

    /** Sets {@link GenesisConfig#paras()}. */
    public Builder paras(SortedMap<ParaId, ParaGenesis> v) {
      paras = v;
      return this;
    }

    /** Sets {@link GenesisConfig#config()}. */
    public Builder config(HostConfiguration v) {
      config = v;
      return this;
    }

    /** Sets {@link GenesisConfig#assignmentProvider()}. */
    public Builder assignmentProvider(AssignmentProvider v) {
      assignmentProvider = v;
      return this;
    }

    /** Sets {@link GenesisConfig#sessionLength()}. */
    public Builder sessionLength(int v) {
      sessionLength = v;
      return this;
    }

    /** Sets {@link GenesisConfig#randomness()}. */
    public Builder randomness(Hash v) {
      randomness = v;
      return this;
    }

    /**
     * The genesis configuration.
     *
     * @throws NullPointerException naming a field that was never set
     */
    public GenesisConfig build() {
      return new GenesisConfig(
          set(numValidators, "numValidators"),
          set(paras, "paras"),
          set(config, "config"),
          set(assignmentProvider, "assignmentProvider"),
          set(sessionLength, "sessionLength"),
          set(randomness, "randomness"));
    }

    private static <T> T set(T value, String field) {
      return Objects.requireNonNull(value, field);
    }
  }
}
