package io.parapipe.conformance.drivers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.parapipe.conformance.Canonical;
import io.parapipe.conformance.ComponentDriver;
import io.parapipe.conformance.ComponentSession;
import io.parapipe.conformance.NameTable;
import io.parapipe.conformance.OpOutcome;
import io.parapipe.conformance.ProtocolValues;
import io.parapipe.conformance.VectorNode;
import io.parapipe.protocol.para.runtime.AuraExtRevision;
import io.parapipe.protocol.para.runtime.AuraExtState;
import io.parapipe.protocol.para.runtime.ConsensusHook;
import io.parapipe.protocol.para.runtime.FixedVelocityConsensusHook;
import io.parapipe.protocol.para.runtime.HookOutcome;
import io.parapipe.protocol.para.runtime.RuntimePanicException;
import io.parapipe.protocol.para.runtime.SlotInfo;
import io.parapipe.protocol.para.runtime.UnincludedSegmentCapacity;
import io.parapipe.protocol.para.runtime.segment.Ancestor;
import io.parapipe.protocol.para.runtime.segment.UnincludedSegment;
import io.parapipe.protocol.para.runtime.segment.UsedBandwidth;
import io.parapipe.protocol.primitives.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code consensus_hook}: parachain-system's consensus hooks ({@code ExpectParentIncluded},
 * {@code FixedCapacityUnincludedSegment}, aura-ext's {@code FixedVelocityConsensusHook} in
 * revisions H1, H2 and H3): {@code on_state_proof} (capacity, velocity, slot rules, with their exact
 * panic messages) and the runtime side of {@code can_build_upon}.
 */
public final class ConsensusHookDriver implements ComponentDriver {
  @Override
  public String component() {
    return "consensus_hook";
  }

  @Override
  public ComponentSession start(VectorNode initial, NameTable names) {
    ConsensusHook hook = hook(initial.get("hook"));
    long paraSlotMs = initial.get("para_slot_duration_ms").u63();
    long[] paraSlot = {initial.opt("para_slot").map(VectorNode::u63).orElse(0L)};
    AuraExtState[] ext = {initial.opt("aura_ext").map(ConsensusHookDriver::auraExt).orElse(AuraExtState.EMPTY)};
    List<Ancestor> segmentList = new ArrayList<>();
    initial.opt("segment").ifPresent(l -> l.list().forEach(h -> {
      Ancestor a = Ancestor.newUnchecked(UsedBandwidth.EMPTY, Optional.empty());
      segmentList.add(h.isNull() ? a : a.withParaHeadHash(ProtocolValues.hash(h)));
    }));
    UnincludedSegment segment = UnincludedSegment.of(segmentList);
    return (op, args) -> switch (op) {
      case "on_state_proof" -> {
        args.opt("para_slot").ifPresent(s -> paraSlot[0] = s.u63());
        long relaySlot = args.get("relay_slot").u63();
        HookOutcome out;
        try {
          out = hook.onStateProof(relaySlot, paraSlot[0], paraSlotMs, ext[0]);
        } catch (RuntimePanicException e) {
          yield OpOutcome.err(Canonical.panic(e.panic().message()));
        }
        ext[0] = out.auraExt();
        ObjectNode o = Canonical.object();
        o.set("capacity", render(out.capacity()));
        o.set("aura_ext", render(ext[0]));
        yield OpOutcome.ok(o);
      }
      case "can_build_upon" -> {
        Hash included = ProtocolValues.hash(args.get("included"));
        long slot = args.get("slot").u63();
        yield OpOutcome.ok(Canonical.of("can_build_upon",
            hook.canBuildUpon(ext[0], segment.sizeAfterIncluded(included), slot)));
      }
      case "set_aura_ext" -> {
        ext[0] = auraExt(args.get("aura_ext"));
        ObjectNode o = Canonical.object();
        o.set("aura_ext", render(ext[0]));
        yield OpOutcome.ok(o);
      }
      case "on_initialize_h1" -> {
        try {
          ext[0] = FixedVelocityConsensusHook.onInitializeH1(ext[0], args.get("slot").u63());
        } catch (RuntimePanicException e) {
          yield OpOutcome.err(Canonical.panic(e.panic().message()));
        }
        ObjectNode o = Canonical.object();
        o.set("aura_ext", render(ext[0]));
        yield OpOutcome.ok(o);
      }
      case "migrate_v0_to_v1" -> {
        ext[0] = ext[0].migrateV0ToV1();
        ObjectNode o = Canonical.object();
        o.set("aura_ext", render(ext[0]));
        yield OpOutcome.ok(o);
      }
      default -> throw args.get("op").malformed("unknown operation \"" + op + "\" for consensus_hook");
    };
  }

  /**
   * {@code {"kind": "ExpectParentIncluded"}}, {@code {"kind": "FixedCapacity", "capacity"}} or
   * {@code {"kind": "FixedVelocity", "revision": "H1"|"H2"|"H3", "relay_slot_duration_ms", "velocity", "capacity"}}.
   */
  static ConsensusHook hook(VectorNode n) {
    String kind = n.get("kind").oneOf("ExpectParentIncluded", "FixedCapacity", "FixedVelocity");
    return switch (kind) {
      case "ExpectParentIncluded" -> new ConsensusHook.ExpectParentIncluded();
      case "FixedCapacity" -> new ConsensusHook.FixedCapacityUnincludedSegment(n.get("capacity").nat());
      default -> new FixedVelocityConsensusHook(revision(n.get("revision")),
          n.get("relay_slot_duration_ms").u63(), n.get("velocity").nat(), n.get("capacity").nat());
    };
  }

  static AuraExtRevision revision(VectorNode n) {
    return AuraExtRevision.valueOf(n.oneOf("H1", "H2", "H3"));
  }

  /** {@code {"slot_info": {"slot", "authored"} | null, "relay_slot_info": {...} | null}} (both optional). */
  static AuraExtState auraExt(VectorNode n) {
    return new AuraExtState(n.opt("slot_info").map(ConsensusHookDriver::slotInfo),
        n.opt("relay_slot_info").map(ConsensusHookDriver::slotInfo));
  }

  private static SlotInfo slotInfo(VectorNode n) {
    return new SlotInfo(n.get("slot").u63(), n.get("authored").u32Bits());
  }

  static ObjectNode render(AuraExtState s) {
    ObjectNode o = Canonical.object();
    put(o, "slot_info", s.slotInfo());
    put(o, "relay_slot_info", s.relaySlotInfo());
    return o;
  }

  private static void put(ObjectNode o, String key, Optional<SlotInfo> info) {
    if (info.isPresent()) {
      ObjectNode i = o.putObject(key);
      i.put("slot", info.get().slot());
      i.put("authored", Integer.toUnsignedLong(info.get().authored()));
    } else {
      o.putNull(key);
    }
  }

  /** {@code "ExpectParentIncluded"} or {@code {"Value": n}}. */
  static JsonNode render(UnincludedSegmentCapacity c) {
    if (c.expectingIncludedParent()) {
      return TextNode.valueOf("ExpectParentIncluded");
    }
    return Canonical.of("Value", c.value());
  }
}
