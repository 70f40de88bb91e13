package io.parapipe.protocol.wire;

import io.parapipe.protocol.host.Message;
import io.parapipe.protocol.primitives.Hash;

/**
 * A validator requests its erasure chunk of a candidate from a backer.
 */
public record ChunkFetchRequest(Hash candidateHash, int chunkIndex) implements Message {}
