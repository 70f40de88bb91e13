package io.parapipe.protocol.primitives;

/**
 * A block as the network carries it: its place in a chain and its encoded size. What else it
 * holds belongs to the chain that made it and is read only by that chain's nodes (a relay block
 * carries the runtime's post-state, a para block its post-state and candidate). The wire treats
 * blocks as opaque, as Substrate's networking is generic over its {@code Block} type.
 */
public interface Block {
  /** The block hash. */
  Hash hash();

  /** The parent block's hash. */
  Hash parentHash();

  /** The block number. */
  int number();

  /** Bytes on the wire when the block is announced with its body. */
  int sizeBytes();
}
