package io.parapipe.protocol.relay.node.implicitview;

import io.parapipe.protocol.primitives.Hash;

/** Why a leaf could not be activated ({@code backing_implicit_view::FetchError}). */
public sealed interface FetchError permits FetchError.AlreadyKnown, FetchError.BlockHeaderUnavailable {

  /** The leaf is already active. */
  record AlreadyKnown() implements FetchError {}

  /**
   * A header needed for the leaf's ancestry is unknown.
   *
   * @param hash the block whose header is missing
   */
  record BlockHeaderUnavailable(Hash hash) implements FetchError {}
}
