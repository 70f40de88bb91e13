package io.parapipe.conformance.drivers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parapipe.conformance.Canonical;
import io.parapipe.conformance.ComponentDriver;
import io.parapipe.conformance.ComponentSession;
import io.parapipe.conformance.NameTable;
import io.parapipe.conformance.OpOutcome;
import io.parapipe.conformance.ProtocolValues;
import io.parapipe.conformance.VectorNode;
import io.parapipe.protocol.primitives.BitVec;
import io.parapipe.protocol.primitives.CandidateCommitments;
import io.parapipe.protocol.primitives.CandidateDescriptor;
import io.parapipe.protocol.primitives.CommittedCandidateReceipt;
import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.GroupIndex;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.HeadData;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.primitives.SchedulerParams;
import io.parapipe.protocol.primitives.SessionIndex;
import io.parapipe.protocol.primitives.SignedAvailabilityBitfield;
import io.parapipe.protocol.primitives.ValidatorIndex;
import io.parapipe.protocol.relay.runtime.inclusion.PendingAvailability;
import io.parapipe.protocol.relay.runtime.inclusion.PendingAvailabilityEntry;
import io.parapipe.protocol.relay.runtime.inclusion.Thresholds;
import io.parapipe.protocol.relay.runtime.paras.ParaInfo;
import io.parapipe.protocol.relay.runtime.paras.Paras;
import io.parapipe.protocol.relay.runtime.parasinherent.DroppedBitfield;
import io.parapipe.protocol.relay.runtime.parasinherent.ParasInherent;
import io.parapipe.protocol.relay.runtime.scheduler.AvailabilityTimeoutStatus;
import io.parapipe.protocol.relay.runtime.scheduler.Scheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code availability}: the availability rules of the relay runtime: the vote thresholds, the
 * availability timeout ({@code availability_timeout_check_required},
 * {@code availability_timeout_predicate}), and on a pending-availability state, bitfield
 * sanitising, enactment of available candidates ({@code update_pending_availability_and_get_freed_cores})
 * and {@code free_timedout}.
 */
public final class AvailabilityDriver implements ComponentDriver {
  @Override
  public String component() {
    return "availability";
  }

  @Override
  public ComponentSession start(VectorNode initial, NameTable names) {
    int nValidators = initial.opt("n_validators").map(VectorNode::nat).orElse(0);
    TreeMap<ParaId, ParaInfo> paraMap = new TreeMap<>();
    initial.opt("paras").ifPresent(n -> n.entries().forEach((k, v) -> paraMap.put(ProtocolValues.paraIdKey(k, v),
        new ParaInfo(ProtocolValues.headData(v.get("head")), Hash.ZERO, v.opt("most_recent_context").map(VectorNode::nat).orElse(0)))));
    Map<String, CommittedCandidateReceipt> receipts = new TreeMap<>();
    initial.opt("candidates").ifPresent(n -> n.entries().forEach((k, v) -> {
      CommittedCandidateReceipt r = receipt(v);
      names.define(k, r.hash(), v.path());
      receipts.put(k, r);
    }));
    TreeMap<ParaId, List<PendingAvailabilityEntry>> queues = new TreeMap<>();
    initial.opt("pending").ifPresent(n -> n.entries().forEach((k, v) -> {
      List<PendingAvailabilityEntry> q = new ArrayList<>();
      for (VectorNode e : v.list()) {
        String name = e.get("candidate").text();
        CommittedCandidateReceipt r = receipts.get(name);
        if (r == null) {
          throw e.get("candidate").malformed("unknown candidate \"" + name + "\"");
        }
        int core = e.get("core").nat();
        BitVec votes = e.opt("availability_votes").map(Bits::read).orElse(BitVec.zeros(nValidators));
        if (votes.len() != nValidators) {
          throw e.get("availability_votes").malformed("expected " + nValidators + " bits (n_validators)");
        }
        q.add(new PendingAvailabilityEntry(CoreIndex.of(core), r, votes, BitVec.zeros(nValidators),
            e.get("relay_parent_number").nat(), e.get("backed_in").nat(), GroupIndex.of(core)));
      }
      queues.put(ProtocolValues.paraIdKey(k, v), q);
    }));
    PendingAvailability[] pending = {PendingAvailability.of(queues)};
    Paras[] paras = {Paras.genesis(paraMap)};

    return (op, args) -> switch (op) {
      case "supermajority_threshold" -> OpOutcome.ok(Canonical.of("threshold",
          Thresholds.supermajorityThreshold(args.get("n_validators").nat())));
      case "byzantine_threshold" -> OpOutcome.ok(Canonical.of("threshold",
          Thresholds.byzantineThreshold(args.get("n_validators").nat())));
      case "effective_minimum_backing_votes" -> OpOutcome.ok(Canonical.of("votes",
          Thresholds.effectiveMinimumBackingVotes(args.get("group_len").nat(), args.get("minimum_backing_votes").nat())));
      case "availability_timeout_check_required" -> {
        Timing t = timing(args);
        yield OpOutcome.ok(Canonical.of("required", Scheduler.availabilityTimeoutCheckRequired(t.now, t.start, t.params)));
      }
      case "availability_timeout_predicate" -> {
        Timing t = timing(args);
        AvailabilityTimeoutStatus s = Scheduler.availabilityTimeoutPredicate(t.now, t.start, t.params)
            .apply(args.get("backed_in").nat());
        ObjectNode o = Canonical.object();
        o.put("timed_out", s.timedOut());
        o.put("live_until", s.liveUntil());
        yield OpOutcome.ok(o);
      }
      case "sanitize_bitfields" -> {
        ParasInherent.SanitizedBitfields s = ParasInherent.sanitizeBitfields(bitfields(args.get("bitfields")),
            args.get("expected_bits").nat(), args.get("n_validators").nat());
        ObjectNode o = Canonical.object();
        ArrayNode kept = o.putArray("kept");
        s.kept().forEach(b -> kept.add(b.validatorIndex().value()));
        ArrayNode dropped = o.putArray("dropped");
        for (DroppedBitfield d : s.dropped()) {
          ObjectNode e = dropped.addObject();
          e.put("validator_index", d.validatorIndex().value());
          e.put("reason", d.reason().name().toLowerCase(Locale.ROOT));
        }
        yield OpOutcome.ok(o);
      }
      case "process_bitfields" -> {
        PendingAvailability.AvailabilityUpdate u = pending[0].updatePendingAvailabilityAndGetFreedCores(
            nValidators, bitfields(args.get("bitfields")), paras[0]);
        pending[0] = u.pending();
        paras[0] = u.paras();
        ObjectNode o = Canonical.object();
        o.set("enacted", entries(u.enacted(), names, false));
        o.set("pending", render(pending[0], names));
        ObjectNode heads = o.putObject("heads");
        paras[0].all().forEach((p, i) -> heads.put(String.valueOf(p.value()), i.head().toHex()));
        yield OpOutcome.ok(o);
      }
      case "free_timedout" -> {
        Timing t = timing(args);
        PendingAvailability.TimeoutUpdate u = pending[0].freeTimedout(
            Scheduler.availabilityTimeoutPredicate(t.now, t.start, t.params));
        pending[0] = u.pending();
        ObjectNode o = Canonical.object();
        o.set("freed", entries(u.freed(), names, false));
        o.set("pending", render(pending[0], names));
        yield OpOutcome.ok(o);
      }
      default -> throw args.get("op").malformed("unknown operation \"" + op + "\" for availability");
    };
  }

  private record Timing(int now, int start, SchedulerParams params) {}

  private static Timing timing(VectorNode args) {
    int frequency = args.get("group_rotation_frequency").nat();
    int period = args.get("paras_availability_period").nat();
    if (frequency == 0) {
      throw args.get("group_rotation_frequency").malformed("must be positive");
    }
    return new Timing(args.get("now").nat(), args.get("session_start_block").nat(),
        SchedulerParams.DEFAULT.withGroupRotationFrequency(frequency).withParasAvailabilityPeriod(period)
            .withNumCores(1));
  }

  /** {@code [{"validator_index": n, "bits": "10110"}]}. */
  private static List<SignedAvailabilityBitfield> bitfields(VectorNode n) {
    List<SignedAvailabilityBitfield> out = new ArrayList<>();
    for (VectorNode b : n.list()) {
      out.add(new SignedAvailabilityBitfield(ValidatorIndex.of(b.get("validator_index").nat()), Bits.read(b.get("bits"))));
    }
    return out;
  }

  /** {@code {"para_id", "head_data"}}: a receipt whose other fields do not matter here. */
  private static CommittedCandidateReceipt receipt(VectorNode n) {
    ParaId para = ProtocolValues.paraId(n.get("para_id"));
    HeadData head = ProtocolValues.headData(n.get("head_data"));
    CandidateDescriptor d = new CandidateDescriptor(para, Hash.ZERO, CoreIndex.of(0), SessionIndex.of(0),
        Hash.ZERO, Hash.ZERO, Hash.ZERO, head.hash(), Hash.ZERO);
    return new CommittedCandidateReceipt(d, CandidateCommitments.ofHead(head, 0));
  }

  private static ArrayNode entries(List<PendingAvailabilityEntry> l, NameTable names, boolean votes) {
    ArrayNode a = Canonical.array();
    for (PendingAvailabilityEntry e : l) {
      ObjectNode o = a.addObject();
      o.put("candidate", names.render(e.hash()));
      o.put("core", e.core().value());
      if (votes) {
        o.put("availability_votes", Bits.render(e.availabilityVotes()));
      }
    }
    return a;
  }

  private static ObjectNode render(PendingAvailability p, NameTable names) {
    ObjectNode o = Canonical.object();
    p.all().forEach((para, q) -> o.set(String.valueOf(para.value()), entries(q, names, true)));
    return o;
  }
}
