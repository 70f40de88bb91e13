package io.parapipe.protocol.relay.node.validation;

import io.parapipe.protocol.primitives.ExecutorParams;

/**
 * Which executor parameters a compiled PVF artifact depends on: when they change, every artifact
 * is stale and each validator prepares (compiles) every PVF again on first use. polkadot-sdk
 * changed this in 2024, so the choice is configuration ({@code [relay] pvf_artifact_key}).
 */
public enum PvfArtifactKey {
  /**
   * Artifacts keyed by the hash of all executor parameters, as when async backing rolled out:
   * changing only the execution timeouts "forces the PVFs to be recompiled on all validators at
   * once" (the rollout thread; polkadot-sdk issue #4132).
   */
  ALL_EXECUTOR_PARAMS,
  /**
   * Artifacts keyed by the preparation-related parameters only ({@code ExecutorParams::prep_hash},
   * polkadot-sdk PR #4211, 2024-04): execution timeouts do not touch the artifact. parapipe models
   * no preparation-related parameter, so under this key no change recompiles.
   */
  PREPARATION_PARAMS;

  /** The artifact key of a session's executor parameters. */
  public long of(ExecutorParams p) {
    return this == ALL_EXECUTOR_PARAMS ? p.hashOfAll() : 0L;
  }
}
