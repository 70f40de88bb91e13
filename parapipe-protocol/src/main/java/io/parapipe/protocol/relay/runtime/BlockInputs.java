package io.parapipe.protocol.relay.runtime;

import io.parapipe.protocol.relay.runtime.configuration.ConfigUpdate;
import io.parapipe.protocol.relay.runtime.shared.ValidatorId;
import java.util.Objects;
import java.util.Optional;

/**
 * What a block author decides: the slot, itself, the inherent data and, optionally, a governance
 * configuration change included as an extrinsic.
 *
 * @param babeSlot the BABE slot
 * @param author the author's authority index
 * @param inherent the parachains inherent data
 * @param configUpdate a configuration change to schedule, if any
 */
public record BlockInputs(long babeSlot, ValidatorId author, ParasInherentData inherent, Optional<ConfigUpdate> configUpdate) {
  /** Rejects nulls. */
  public BlockInputs {
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(inherent, "inherent");
    Objects.requireNonNull(configUpdate, "configUpdate");
  }

  /** Inputs without a configuration change. */
  public static BlockInputs of(long babeSlot, ValidatorId author, ParasInherentData inherent) {
    return new BlockInputs(babeSlot, author, inherent, Optional.empty());
  }
}
