package io.parapipe.sim;

import io.parapipe.protocol.host.ProtocolEvent;

/**
 * A crashed validator restarted ({@code faults.crashes}). With {@code stateLost} it is a fresh node
 * from here on: observers that follow a node's progress (finality never going backwards) start
 * over for it.
 *
 * @param stateLost true if it restarted with an empty block tree and stores
 */
public record NodeRestarted(boolean stateLost) implements ProtocolEvent {}
