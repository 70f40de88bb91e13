package io.parapipe.protocol.wire;

import io.parapipe.protocol.host.Message;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.ParaId;

/**
 * A validator requests an advertised collation.
 */
public record CollationFetchRequest(ParaId para, Hash relayParent, Hash candidateHash) implements Message {}
