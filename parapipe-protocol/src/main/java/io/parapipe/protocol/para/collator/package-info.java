/**
 * The pure decision logic of cumulus collators: the parent search (F1
 * {@code find_potential_parents}, F2 {@code find_parent_for_building}), the client side of
 * {@code can_build_upon} and slot claiming, the lookahead collator's per-relay-parent steps (L2),
 * and the basic collator's once-per-slot rule. The node that runs timers and talks to the network
 * calls these; they read the world only through {@link io.parapipe.protocol.para.collator.ParaBlockTree}
 * and {@link io.parapipe.protocol.para.collator.RelayChainView}. The slot-based collator's pieces (S2)
 * are in {@code io.parapipe.protocol.para.collator.slotbased}.
 */
package io.parapipe.protocol.para.collator;
