package io.parapipe.protocol.wire;

import io.parapipe.protocol.host.Message;
import io.parapipe.protocol.primitives.Hash;

/**
 * A backer asks the seconder for a candidate's PoV to validate it.
 */
public record PoVFetchRequest(Hash relayParent, Hash candidateHash) implements Message {}
