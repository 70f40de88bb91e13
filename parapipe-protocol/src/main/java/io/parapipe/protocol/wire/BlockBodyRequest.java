package io.parapipe.protocol.wire;

import io.parapipe.protocol.host.Message;
import io.parapipe.protocol.primitives.Hash;

/**
 * Asks a peer that announced a block for the block (header and body), as substrate's block request
 * protocol ({@code /sync/2}) does for one announced block. Answered with a {@link BlockBodyResponse}.
 *
 * @param hash the announced block
 * @param deadlineMicros when the requester's timeout expires and it resets the stream (see
 *     {@link Message#deadlineMicros()})
 */
public record BlockBodyRequest(Hash hash, long deadlineMicros) implements Message {}
