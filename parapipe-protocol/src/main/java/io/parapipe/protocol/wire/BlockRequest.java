package io.parapipe.protocol.wire;

import io.parapipe.protocol.host.Message;
import io.parapipe.protocol.primitives.Hash;

/**
 * Block sync: a node that received a relay block whose parent it does not have asks the sender
 * for the parent; the answer is a {@link RelayBlockAnnouncement} sent back directly.
 *
 * @param hash the missing block
 */
public record BlockRequest(Hash hash) implements Message {}
