/**
 * The messages nodes exchange: relay block announcements, the collator protocol, statement
 * distribution, availability, bitfields, approvals and finality votes. Sizes are the bytes the
 * simulated network carries.
 */
package io.parapipe.protocol.wire;
