package io.parapipe.protocol.wire;

import io.parapipe.protocol.host.Message;
import io.parapipe.protocol.primitives.Hash;
import java.util.List;

/**
 * The network bridge's {@code ViewUpdate} on the collation peer set: a validator tells a newly
 * connected collator its active leaves. Receiving it is when the collator counts the connection
 * as open and sends its advertisements.
 *
 * @param leaves the validator's active leaves
 */
public record ViewUpdate(List<Hash> leaves) implements Message {
  /** Copies the list. */
  public ViewUpdate {
    leaves = List.copyOf(leaves);
  }
}
