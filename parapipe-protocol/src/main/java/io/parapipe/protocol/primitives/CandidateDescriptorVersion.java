package io.parapipe.protocol.primitives;

/**
 * {@code CandidateDescriptorVersion}: what a descriptor's bytes say it is
 * ({@code polkadot/primitives/src/vstaging/mod.rs}, {@code CandidateDescriptorV2::version}).
 */
public enum CandidateDescriptorVersion {
  /** The legacy layout: a collator id and signature where V2 has its reserved fields. */
  V1,
  /** {@code CandidateDescriptorV2}: reserved fields zero, internal version 0. */
  V2,
  /** Reserved fields zero but an internal version other than 0. */
  UNKNOWN
}
