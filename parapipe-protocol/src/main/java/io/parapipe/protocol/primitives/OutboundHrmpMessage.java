package io.parapipe.protocol.primitives;

/**
 * An HRMP message a candidate sends to another para.
 *
 * @param recipient the receiving para
 * @param data the message bytes
 */
public record OutboundHrmpMessage(ParaId recipient, byte[] data) {}
