/**
 * Pure pieces of the slot-based (elastic scaling) collator, revision S2
 * ({@code cumulus/client/consensus/aura/src/collators/slot_based/}): the slot timer, the
 * authoring-duration adjustment, core selection, and the relay-parent offset. Times are
 * milliseconds, as upstream computes them ({@code as_millis}).
 */
package io.parapipe.protocol.para.collator.slotbased;
