/**
 * The implicit view of the relay chain used by backing, the collator protocol and
 * prospective parachains ({@code polkadot/node/subsystem-util/src/backing_implicit_view.rs}): the
 * active leaves and, per leaf and para, the relay parents candidates may use.
 */
package io.parapipe.protocol.relay.node.implicitview;
