package io.parapipe.protocol.wire;

import io.parapipe.protocol.host.Message;
import io.parapipe.protocol.primitives.Hash;

/**
 * An approval checker asks a backer for a candidate's available data (the PoV).
 */
public record AvailableDataRequest(Hash candidateHash) implements Message {}
