package io.parapipe.conformance.drivers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parapipe.conformance.Canonical;
import io.parapipe.conformance.ComponentDriver;
import io.parapipe.conformance.ComponentSession;
import io.parapipe.conformance.NameTable;
import io.parapipe.conformance.OpOutcome;
import io.parapipe.conformance.VectorNode;
import io.parapipe.protocol.para.collator.slotbased.SlotTimer;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * {@code slot_timer}: the slot-based collator's timing rules ({@code slot_timer.rs}, S2): when to
 * wake up for the next block, the time until the next slot change, how long to author at the end
 * of a slot, and whether the best relay block is from the current relay slot.
 */
public final class SlotTimerDriver implements ComponentDriver {
  @Override
  public String component() {
    return "slot_timer";
  }

  @Override
  public ComponentSession start(VectorNode initial, NameTable names) {
    Optional<Long> relayMs = initial.opt("relay_slot_duration_ms").map(VectorNode::u63);
    return (op, args) -> switch (op) {
      case "compute_next_wake_up_time" -> {
        Optional<VectorNode> cores = args.opt("core_count");
        SlotTimer.WakeUp w = SlotTimer.computeNextWakeUpTime(positive(args.get("para_slot_duration_ms")),
            relay(args, relayMs), cores.isPresent() ? OptionalInt.of(cores.get().nat()) : OptionalInt.empty(),
            args.get("now_ms").u63(), args.get("offset_ms").u63());
        ObjectNode o = Canonical.object();
        o.put("wait_ms", w.waitMs());
        o.put("aura_slot", w.auraSlot());
        yield OpOutcome.ok(o);
      }
      case "compute_time_until_next_slot_change" -> {
        Optional<SlotTimer.SlotChange> c = SlotTimer.computeTimeUntilNextSlotChange(positive(args.get("para_slot_duration_ms")),
            args.get("now_ms").u63(), args.get("offset_ms").u63(), args.get("last_reported_slot").u63());
        ObjectNode o = Canonical.object();
        if (c.isPresent()) {
          o.put("duration_ms", c.get().durationMs());
          o.put("next_slot", c.get().nextSlot());
        } else {
          o.putNull("duration_ms");
        }
        yield OpOutcome.ok(o);
      }
      case "adjust_authoring_duration" -> {
        OptionalLong r = SlotTimer.adjustAuthoringDuration(args.get("authoring_duration_ms").u63(),
            new SlotTimer.WakeUp(args.get("next_block_ms").u63(), 1),
            new SlotTimer.SlotChange(args.get("next_slot_change_ms").u63(), 2), args.get("different_authors").bool());
        ObjectNode o = Canonical.object();
        if (r.isPresent()) {
          o.put("authoring_duration_ms", r.getAsLong());
        } else {
          o.putNull("authoring_duration_ms");
        }
        yield OpOutcome.ok(o);
      }
      case "is_best_relay_block_current_at" -> OpOutcome.ok(Canonical.of("current", SlotTimer.isBestRelayBlockCurrentAt(
          args.get("best_relay_slot").u63(), args.get("now_ms").u63(), relay(args, relayMs))));
      default -> throw args.get("op").malformed("unknown operation \"" + op + "\" for slot_timer");
    };
  }

  private static long relay(VectorNode args, Optional<Long> initial) {
    Optional<VectorNode> own = args.opt("relay_slot_duration_ms");
    long v = own.isPresent() ? own.get().u63()
        : initial.orElseThrow(() -> args.malformed("no relay_slot_duration_ms: give it in initial or in the operation"));
    if (v == 0) {
      throw args.malformed("relay_slot_duration_ms must be positive");
    }
    return v;
  }

  private static long positive(VectorNode n) {
    long v = n.u63();
    if (v == 0) {
      throw n.malformed("must be positive");
    }
    return v;
  }
}
