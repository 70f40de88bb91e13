package io.parapipe.protocol.relay.runtime;

/** The {@code paras_inherent::Error} variants that reject a whole block. */
public enum InherentError {
  /** The inherent's parent header does not hash to the parent block's hash. */
  INVALID_PARENT_HEADER("InvalidParentHeader"),
  /** In the {@code Enter} context a backed candidate had to be filtered: the author did not pre-filter. */
  CANDIDATES_FILTERED_DURING_EXECUTION("CandidatesFilteredDuringExecution");

  private final String upstreamName;

  InherentError(String upstreamName) {
    this.upstreamName = upstreamName;
  }

  /** The variant's name in polkadot-sdk. */
  public String upstreamName() {
    return upstreamName;
  }
}
