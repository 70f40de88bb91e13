package io.parapipe.protocol.wire;

import io.parapipe.protocol.host.Message;
import io.parapipe.protocol.primitives.Hash;

/**
 * A validator tells the collator it seconded its collation.
 */
public record CollationSeconded(Hash relayParent, Hash candidateHash) implements Message {}
