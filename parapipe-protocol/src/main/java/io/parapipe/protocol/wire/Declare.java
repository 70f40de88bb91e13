package io.parapipe.protocol.wire;

import io.parapipe.protocol.host.Message;
import io.parapipe.protocol.primitives.ParaId;

/**
 * Collator protocol: the first message a collator sends on a new connection to a validator,
 * declaring the para it collates for ({@code Declare(CollatorId, ParaId, CollatorSignature)};
 * keys and signatures are not modelled). Sending it stands for opening the connection.
 */
public record Declare(ParaId para) implements Message {}
