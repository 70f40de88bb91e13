package io.parapipe.protocol.wire;

import io.parapipe.protocol.host.Message;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.SignedAvailabilityBitfield;

/**
 * A signed availability bitfield for a leaf, gossiped to every validator.
 */
public record BitfieldGossip(Hash leaf, SignedAvailabilityBitfield bitfield) implements Message {
  @Override
  public int sizeBytes() {
    return 112 + (bitfield.bits().len() + 7) / 8;
  }
}
