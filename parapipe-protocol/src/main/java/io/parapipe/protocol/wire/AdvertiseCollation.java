package io.parapipe.protocol.wire;

import io.parapipe.protocol.host.Message;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.ParaId;

/**
 * Collator protocol v2: a collator advertises a collation to a backing-group validator.
 */
public record AdvertiseCollation(ParaId para, Hash relayParent, Hash candidateHash, Hash parentHeadHash) implements Message {}
