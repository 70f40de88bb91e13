package io.parapipe.protocol.primitives;

/** An error value named after a polkadot-sdk error variant. */
public interface UpstreamError {
  /** The variant's name in polkadot-sdk. */
  String upstreamName();
}
