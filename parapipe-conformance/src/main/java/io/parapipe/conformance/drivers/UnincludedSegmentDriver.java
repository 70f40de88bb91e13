package io.parapipe.conformance.drivers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parapipe.conformance.Canonical;
import io.parapipe.conformance.ComponentDriver;
import io.parapipe.conformance.ComponentSession;
import io.parapipe.conformance.NameTable;
import io.parapipe.conformance.OpOutcome;
import io.parapipe.conformance.ProtocolValues;
import io.parapipe.conformance.VectorNode;
import io.parapipe.protocol.para.runtime.segment.AbridgedHrmpChannel;
import io.parapipe.protocol.para.runtime.segment.Ancestor;
import io.parapipe.protocol.para.runtime.segment.BandwidthUpdateError;
import io.parapipe.protocol.para.runtime.segment.HrmpChannelUpdate;
import io.parapipe.protocol.para.runtime.segment.HrmpOutboundLimits;
import io.parapipe.protocol.para.runtime.segment.HrmpWatermarkUpdate;
import io.parapipe.protocol.para.runtime.segment.MessagingStateSnapshot;
import io.parapipe.protocol.para.runtime.segment.OutboundBandwidthLimits;
import io.parapipe.protocol.para.runtime.segment.SegmentTracker;
import io.parapipe.protocol.para.runtime.segment.SegmentUpdate;
import io.parapipe.protocol.para.runtime.segment.UnincludedSegment;
import io.parapipe.protocol.para.runtime.segment.UpgradeGoAhead;
import io.parapipe.protocol.para.runtime.segment.UsedBandwidth;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.ParaId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code unincluded_segment}: parachain-system's segment bookkeeping ({@code unincluded_segment.rs}):
 * outbound limits from the relay state, per-channel HRMP accumulation, the segment tracker's append
 * (with its bandwidth errors) and subtract, {@code HrmpWatermarkUpdate::new} and
 * {@code size_after_included}. Counters are {@code u32}.
 */
public final class UnincludedSegmentDriver implements ComponentDriver {
  @Override
  public String component() {
    return "unincluded_segment";
  }

  @Override
  public ComponentSession start(VectorNode initial, NameTable names) {
    Optional<OutboundBandwidthLimits> limits = initial.opt("limits").map(UnincludedSegmentDriver::limits);
    Map<String, Ancestor> ancestors = new LinkedHashMap<>();
    initial.opt("ancestors").ifPresent(n -> n.entries().forEach((k, v) -> ancestors.put(k, ancestor(v))));
    Map<ParaId, HrmpChannelUpdate> channels = new HashMap<>();
    SegmentTracker[] tracker = {SegmentTracker.EMPTY};
    return (op, args) -> switch (op) {
      case "outbound_limits_from_relay_chain_state" -> {
        ObjectNode o = Canonical.object();
        o.set("limits", render(OutboundBandwidthLimits.fromRelayChainState(messagingState(args.get("messaging_state")))));
        yield OpOutcome.ok(o);
      }
      case "hrmp_channel_append" -> {
        ParaId recipient = ProtocolValues.paraId(args.get("recipient"));
        HrmpChannelUpdate current = channels.getOrDefault(recipient, HrmpChannelUpdate.EMPTY);
        HrmpChannelUpdate update = channelUpdate(args.get("update"));
        OutboundBandwidthLimits l = limits(args, limits);
        SegmentUpdate<HrmpChannelUpdate> u;
        try {
          u = current.append(update, recipient, l);
        } catch (IllegalStateException e) {
          yield OpOutcome.err(Canonical.panic(e.getMessage()));
        }
        if (u instanceof SegmentUpdate.Rejected<HrmpChannelUpdate> r) {
          yield OpOutcome.err(render(r.error()));
        }
        HrmpChannelUpdate next = ((SegmentUpdate.Accepted<HrmpChannelUpdate>) u).value();
        channels.put(recipient, next);
        ObjectNode o = Canonical.object();
        o.set("update", render(next));
        yield OpOutcome.ok(o);
      }
      case "append" -> {
        Ancestor a = ancestorRef(args.get("ancestor"), ancestors);
        HrmpWatermarkUpdate w = watermark(args.get("watermark"));
        OutboundBandwidthLimits l = limits(args, limits);
        SegmentUpdate<SegmentTracker> u;
        try {
          u = tracker[0].append(a, w, l);
        } catch (IllegalStateException e) {
          yield OpOutcome.err(Canonical.panic(e.getMessage()));
        }
        if (u instanceof SegmentUpdate.Rejected<SegmentTracker> r) {
          yield OpOutcome.err(render(r.error()));
        }
        tracker[0] = ((SegmentUpdate.Accepted<SegmentTracker>) u).value();
        yield OpOutcome.ok(trackerOutcome(tracker[0]));
      }
      case "subtract" -> {
        Ancestor a = ancestorRef(args.get("ancestor"), ancestors);
        try {
          tracker[0] = tracker[0].subtract(a);
        } catch (IllegalStateException e) {
          yield OpOutcome.err(Canonical.panic(e.getMessage()));
        }
        yield OpOutcome.ok(trackerOutcome(tracker[0]));
      }
      case "tracker" -> OpOutcome.ok(trackerOutcome(tracker[0]));
      case "watermark_update" -> {
        HrmpWatermarkUpdate w = HrmpWatermarkUpdate.of(args.get("watermark").u32Bits(),
            args.get("relay_parent_number").u32Bits());
        ObjectNode o = Canonical.object();
        o.set("update", render(w));
        yield OpOutcome.ok(o);
      }
      case "size_after_included" -> {
        List<Ancestor> segment = new ArrayList<>();
        for (VectorNode h : args.get("segment").list()) {
          Ancestor a = Ancestor.newUnchecked(UsedBandwidth.EMPTY, Optional.empty());
          segment.add(h.isNull() ? a : a.withParaHeadHash(ProtocolValues.hash(h)));
        }
        Hash included = ProtocolValues.hash(args.get("included"));
        yield OpOutcome.ok(Canonical.of("size", UnincludedSegment.sizeAfterIncluded(included, segment)));
      }
      default -> throw args.get("op").malformed("unknown operation \"" + op + "\" for unincluded_segment");
    };
  }

  private static OutboundBandwidthLimits limits(VectorNode args, Optional<OutboundBandwidthLimits> initial) {
    Optional<VectorNode> own = args.opt("limits");
    if (own.isPresent()) {
      return limits(own.get());
    }
    return initial.orElseThrow(() -> args.malformed("no limits: give initial.limits or the operation's \"limits\""));
  }

  /** {@code {"ump_messages_remaining", "ump_bytes_remaining", "hrmp_outgoing": {para: {"bytes_remaining", "messages_remaining"}}}}. */
  static OutboundBandwidthLimits limits(VectorNode n) {
    TreeMap<ParaId, HrmpOutboundLimits> hrmp = new TreeMap<>();
    n.get("hrmp_outgoing").entries().forEach((k, v) -> hrmp.put(ProtocolValues.paraIdKey(k, v),
        new HrmpOutboundLimits(v.get("bytes_remaining").u32(), v.get("messages_remaining").u32())));
    return new OutboundBandwidthLimits(n.get("ump_messages_remaining").u32(), n.get("ump_bytes_remaining").u32(), hrmp);
  }

  static ObjectNode render(OutboundBandwidthLimits l) {
    ObjectNode o = Canonical.object();
    o.put("ump_messages_remaining", l.umpMessagesRemaining());
    o.put("ump_bytes_remaining", l.umpBytesRemaining());
    ObjectNode h = o.putObject("hrmp_outgoing");
    l.hrmpOutgoing().forEach((p, v) -> {
      ObjectNode c = h.putObject(String.valueOf(p.value()));
      c.put("bytes_remaining", v.bytesRemaining());
      c.put("messages_remaining", v.messagesRemaining());
    });
    return o;
  }

  /**
   * {@code {"relay_dispatch_queue_remaining_capacity": {"remaining_count", "remaining_size"},
   * "egress_channels": {para: {"max_capacity", "max_total_size", "max_message_size", "msg_count", "total_size"}}}}.
   */
  static MessagingStateSnapshot messagingState(VectorNode n) {
    VectorNode q = n.get("relay_dispatch_queue_remaining_capacity");
    TreeMap<ParaId, AbridgedHrmpChannel> egress = new TreeMap<>();
    n.opt("egress_channels").ifPresent(e -> e.entries().forEach((k, v) -> egress.put(ProtocolValues.paraIdKey(k, v),
        new AbridgedHrmpChannel(v.get("max_capacity").u32(), v.get("max_total_size").u32(),
            v.get("max_message_size").u32(), v.get("msg_count").u32(), v.get("total_size").u32()))));
    return new MessagingStateSnapshot(q.get("remaining_count").u32(), q.get("remaining_size").u32(), egress);
  }

  static HrmpChannelUpdate channelUpdate(VectorNode n) {
    return new HrmpChannelUpdate(n.get("msg_count").u32(), n.get("total_bytes").u32());
  }

  static ObjectNode render(HrmpChannelUpdate u) {
    ObjectNode o = Canonical.object();
    o.put("msg_count", u.msgCount());
    o.put("total_bytes", u.totalBytes());
    return o;
  }

  /** {@code {"Head": n}} or {@code {"Trunk": n}} ({@code u32}). */
  static HrmpWatermarkUpdate watermark(VectorNode n) {
    Map<String, VectorNode> e = n.entries();
    if (e.size() == 1 && e.containsKey("Head")) {
      return new HrmpWatermarkUpdate.Head(e.get("Head").u32Bits());
    }
    if (e.size() == 1 && e.containsKey("Trunk")) {
      return new HrmpWatermarkUpdate.Trunk(e.get("Trunk").u32Bits());
    }
    throw n.malformed("expected {\"Head\": n} or {\"Trunk\": n}");
  }

  static ObjectNode render(HrmpWatermarkUpdate w) {
    ObjectNode o = Canonical.object();
    o.put(w instanceof HrmpWatermarkUpdate.Head ? "Head" : "Trunk", Integer.toUnsignedLong(w.watermark()));
    return o;
  }

  private static Ancestor ancestorRef(VectorNode n, Map<String, Ancestor> named) {
    if (n.isText()) {
      Ancestor a = named.get(n.text());
      if (a == null) {
        throw n.malformed("unknown ancestor \"" + n.text() + "\" (define it in initial.ancestors)");
      }
      return a;
    }
    return ancestor(n);
  }

  /**
   * {@code {"used_bandwidth": {"ump_msg_count", "ump_total_bytes", "hrmp_outgoing": {para: {"msg_count", "total_bytes"}}},
   * "para_head_hash", "consumed_go_ahead_signal": "GoAhead"|"Abort"}}; every field optional (zero, none).
   */
  static Ancestor ancestor(VectorNode n) {
    UsedBandwidth used = n.opt("used_bandwidth").map(UnincludedSegmentDriver::usedBandwidth).orElse(UsedBandwidth.EMPTY);
    Optional<Hash> head = n.opt("para_head_hash").map(ProtocolValues::hash);
    Optional<UpgradeGoAhead> signal = n.opt("consumed_go_ahead_signal")
        .map(s -> s.oneOf("GoAhead", "Abort").equals("GoAhead") ? UpgradeGoAhead.GO_AHEAD : UpgradeGoAhead.ABORT);
    return new Ancestor(used, head, signal);
  }

  static UsedBandwidth usedBandwidth(VectorNode n) {
    TreeMap<ParaId, HrmpChannelUpdate> hrmp = new TreeMap<>();
    n.opt("hrmp_outgoing").ifPresent(h -> h.entries().forEach((k, v) ->
        hrmp.put(ProtocolValues.paraIdKey(k, v), channelUpdate(v))));
    return new UsedBandwidth(n.opt("ump_msg_count").map(VectorNode::u32).orElse(0L),
        n.opt("ump_total_bytes").map(VectorNode::u32).orElse(0L), hrmp);
  }

  static ObjectNode render(UsedBandwidth u) {
    ObjectNode o = Canonical.object();
    o.put("ump_msg_count", u.umpMsgCount());
    o.put("ump_total_bytes", u.umpTotalBytes());
    ObjectNode h = o.putObject("hrmp_outgoing");
    u.hrmpOutgoing().forEach((p, c) -> h.set(String.valueOf(p.value()), render(c)));
    return o;
  }

  static ObjectNode render(SegmentTracker t) {
    ObjectNode o = Canonical.object();
    o.set("used_bandwidth", render(t.usedBandwidth()));
    if (t.hrmpWatermark().isPresent()) {
      o.put("hrmp_watermark", Integer.toUnsignedLong(t.hrmpWatermark().getAsInt()));
    } else {
      o.putNull("hrmp_watermark");
    }
    if (t.consumedGoAheadSignal().isPresent()) {
      o.put("consumed_go_ahead_signal", t.consumedGoAheadSignal().get().debug());
    } else {
      o.putNull("consumed_go_ahead_signal");
    }
    return o;
  }

  private static ObjectNode trackerOutcome(SegmentTracker t) {
    ObjectNode o = Canonical.object();
    o.set("tracker", render(t));
    return o;
  }

  /** {@code BandwidthUpdateError}, upstream field names. */
  static ObjectNode render(BandwidthUpdateError e) {
    if (e instanceof BandwidthUpdateError.HrmpMessagesOverflow x) {
      ObjectNode o = Canonical.error("HrmpMessagesOverflow");
      o.put("recipient", x.recipient().value());
      o.put("messages_remaining", x.messagesRemaining());
      o.put("messages_submitted", x.messagesSubmitted());
      return o;
    }
    if (e instanceof BandwidthUpdateError.HrmpBytesOverflow x) {
      ObjectNode o = Canonical.error("HrmpBytesOverflow");
      o.put("recipient", x.recipient().value());
      o.put("bytes_remaining", x.bytesRemaining());
      o.put("bytes_submitted", x.bytesSubmitted());
      return o;
    }
    if (e instanceof BandwidthUpdateError.UmpMessagesOverflow x) {
      ObjectNode o = Canonical.error("UmpMessagesOverflow");
      o.put("messages_remaining", x.messagesRemaining());
      o.put("messages_submitted", x.messagesSubmitted());
      return o;
    }
    if (e instanceof BandwidthUpdateError.UmpBytesOverflow x) {
      ObjectNode o = Canonical.error("UmpBytesOverflow");
      o.put("bytes_remaining", x.bytesRemaining());
      o.put("bytes_submitted", x.bytesSubmitted());
      return o;
    }
    if (e instanceof BandwidthUpdateError.InvalidHrmpWatermark x) {
      ObjectNode o = Canonical.error("InvalidHrmpWatermark");
      o.put("submitted", Integer.toUnsignedLong(x.submitted()));
      o.put("latest", Integer.toUnsignedLong(x.latest()));
      return o;
    }
    return Canonical.error("UpgradeGoAheadAlreadyProcessed");
  }
}
