package io.parapipe.conformance.drivers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parapipe.conformance.Canonical;
import io.parapipe.conformance.ComponentDriver;
import io.parapipe.conformance.ComponentSession;
import io.parapipe.conformance.NameTable;
import io.parapipe.conformance.OpOutcome;
import io.parapipe.conformance.VectorNode;
import io.parapipe.protocol.para.collator.slotbased.SlotBasedCollator;
import io.parapipe.protocol.para.runtime.Slots;

/**
 * {@code aura}: Aura slot arithmetic as the runtime and the collators use it
 * ({@code Slot::from_timestamp}, the para slot derived from a relay slot, the author of a slot,
 * the slot-based collator's slot and timestamp). The slot rules enforced while executing blocks
 * ({@code "Slot must increase"}, the timestamp rules) are vectors of {@code parachain_runtime}.
 */
public final class AuraDriver implements ComponentDriver {
  @Override
  public String component() {
    return "aura";
  }

  @Override
  public ComponentSession start(VectorNode initial, NameTable names) {
    return (op, args) -> switch (op) {
      case "slot_from_timestamp" -> OpOutcome.ok(Canonical.of("slot",
          Slots.fromTimestamp(args.get("timestamp_ms").u63(), positive(args.get("slot_duration_ms")))));
      case "para_slot_from_relay" -> OpOutcome.ok(Canonical.of("para_slot", Slots.paraSlotFromRelay(
          args.get("relay_slot").u63(), args.get("relay_slot_duration_ms").u63(), positive(args.get("para_slot_duration_ms")))));
      case "author_index" -> {
        int authorities = args.get("authorities").nat();
        if (authorities == 0) {
          throw args.get("authorities").malformed("must be positive");
        }
        yield OpOutcome.ok(Canonical.of("author_index", Slots.authorIndex(args.get("slot").u63(), authorities)));
      }
      case "slot_based_slot_and_timestamp" -> {
        SlotBasedCollator.SlotAndTimestamp s = SlotBasedCollator.paraSlotAndTimestamp(args.get("relay_slot").u63(),
            args.get("relay_slot_duration_ms").u63(), positive(args.get("para_slot_duration_ms")));
        ObjectNode o = Canonical.object();
        o.put("para_slot", s.paraSlot());
        o.put("timestamp_ms", s.timestampMs());
        yield OpOutcome.ok(o);
      }
      default -> throw args.get("op").malformed("unknown operation \"" + op + "\" for aura");
    };
  }

  private static long positive(VectorNode n) {
    long v = n.u63();
    if (v == 0) {
      throw n.malformed("must be positive");
    }
    return v;
  }
}
