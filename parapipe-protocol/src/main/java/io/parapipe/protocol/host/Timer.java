package io.parapipe.protocol.host;

/**
 * A timer a node schedules on itself. Nodes define their own timer types (usually records or
 * enum constants, reused where possible) and dispatch on them in {@link Node#onTimer}.
 */
public interface Timer {}
