package io.parapipe.protocol.host;

/**
 * Something a node observed or did that metrics, traces and reports care about. Emitting an
 * event never changes protocol behaviour.
 */
public interface ProtocolEvent {}
