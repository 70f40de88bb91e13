/**
 * The prospective-parachains subsystem of a validator node (Era B: the fragment chain) and the
 * node-side inclusion emulator it is built on.
 *
 * <p>The inclusion emulator ({@link io.parapipe.protocol.relay.node.prospective.Constraints},
 * {@link io.parapipe.protocol.relay.node.prospective.ConstraintModifications},
 * {@link io.parapipe.protocol.relay.node.prospective.Fragment}) predicts whether a candidate would
 * be accepted by the relay runtime on top of a chain of unincluded candidates. The fragment chain
 * ({@link io.parapipe.protocol.relay.node.prospective.FragmentChain}) keeps, per active leaf and
 * para, the best chain of backed candidates plus the unconnected candidates that may still join
 * it. {@link io.parapipe.protocol.relay.node.prospective.ProspectiveParachains} holds the state of
 * one node and answers the subsystem's messages as method calls; it reads the chain only through
 * {@link io.parapipe.protocol.relay.node.prospective.ProspectiveRuntime}.
 *
 * <p>Upstream: {@code polkadot/node/core/prospective-parachains/src/{lib.rs,
 * fragment_chain/mod.rs}} and {@code polkadot/node/subsystem-util/src/inclusion_emulator/mod.rs},
 * late 2024. See {@code docs/prospective-parachains.md}.
 */
package io.parapipe.protocol.relay.node.prospective;
