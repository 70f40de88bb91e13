/**
 * The messages nodes exchange: relay block announcements, the collator protocol, statement
 * distribution, availability, bitfields, approvals and finality votes. Sizes are the bytes the
 * simulated network carries.
 *
 * <p>Plain data: records over {@code primitives} and {@code host} only (an ArchUnit test holds
 * this), so any node can read any message without depending on another node's subsystems. Blocks
 * travel as the opaque {@link io.parapipe.protocol.primitives.Block}.
 */
package io.parapipe.protocol.wire;
