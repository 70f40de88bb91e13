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
import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.primitives.TransposedClaimQueue;
import io.parapipe.protocol.relay.runtime.scheduler.AssignmentProvider;
import io.parapipe.protocol.relay.runtime.scheduler.BulkCoretimeAssigner;
import io.parapipe.protocol.relay.runtime.scheduler.ClaimQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code claim_queue}: the scheduler's claim queue (Era B): {@code fill_claim_queue} (with the
 * doubling of a freshly scheduled para), {@code advance_claim_queue(except_for)}, the session
 * change resize, {@code scheduled_paras} and {@code eligible_paras}. Assignments come from a FIFO
 * provider (upstream's test {@code MockAssigner}) or from bulk coretime (one para per core, for
 * good; a para may hold several cores). {@code transpose} is {@code transpose_claim_queue}.
 */
public final class ClaimQueueDriver implements ComponentDriver {
  @Override
  public String component() {
    return "claim_queue";
  }

  @Override
  public ComponentSession start(VectorNode initial, NameTable names) {
    VectorNode p = initial.get("provider");
    Optional<VectorNode> fifo = p.opt("fifo");
    Optional<VectorNode> bulk = p.opt("bulk");
    if (fifo.isPresent() == bulk.isPresent()) {
      throw p.malformed("give exactly one of \"fifo\" and \"bulk\"");
    }
    AssignmentProvider provider;
    if (fifo.isPresent()) {
      provider = new FifoAssignmentProvider(paras(fifo.get()), List.of(), 0);
    } else {
      TreeMap<CoreIndex, ParaId> m = new TreeMap<>();
      bulk.get().entries().forEach((k, v) -> m.put(CoreIndex.of(ProtocolValues.natKey(k, v)), ProtocolValues.paraId(v)));
      provider = new BulkCoretimeAssigner(m);
    }
    SortedMap<CoreIndex, List<ParaId>> queues = initial.opt("queues").map(ProspectiveParachainsDriver::claimQueue)
        .orElse(new TreeMap<>());
    ClaimQueue[] cq = {ClaimQueue.of(queues, provider)};
    return (op, args) -> switch (op) {
      case "fill" -> {
        cq[0] = cq[0].fill(CoreIndex.of(args.get("core").nat()), args.get("lookahead").nat());
        yield OpOutcome.ok(render(cq[0]));
      }
      case "advance" -> {
        cq[0] = cq[0].advance(cores(args.get("except_for")), args.get("num_cores").nat(), args.get("lookahead").nat());
        yield OpOutcome.ok(render(cq[0]));
      }
      case "on_new_session" -> {
        cq[0] = cq[0].onNewSession(args.get("old_cores").nat(), args.get("new_cores").nat(), args.get("lookahead").nat());
        yield OpOutcome.ok(render(cq[0]));
      }
      case "add_assignments" -> {
        if (!(cq[0].provider() instanceof FifoAssignmentProvider f)) {
          throw args.get("op").malformed("add_assignments needs the fifo provider");
        }
        cq[0] = ClaimQueue.of(cq[0].queues(), f.add(paras(args.get("paras"))));
        yield OpOutcome.ok(render(cq[0]));
      }
      case "scheduled_paras" -> OpOutcome.ok(paraMap("scheduled", cq[0].scheduledParas()));
      case "eligible_paras" -> OpOutcome.ok(paraMap("eligible", cq[0].eligibleParas(cores(args.get("occupied")))));
      case "total_len" -> OpOutcome.ok(Canonical.of("len", cq[0].totalLen()));
      case "transpose" -> OpOutcome.ok(CandidateReceiptDriver.renderTransposed(
          TransposedClaimQueue.of(cq[0].queues())));
      default -> throw args.get("op").malformed("unknown operation \"" + op + "\" for claim_queue");
    };
  }

  private static List<ParaId> paras(VectorNode n) {
    List<ParaId> out = new ArrayList<>();
    n.list().forEach(p -> out.add(ProtocolValues.paraId(p)));
    return out;
  }

  private static Set<CoreIndex> cores(VectorNode n) {
    Set<CoreIndex> out = new TreeSet<>();
    n.list().forEach(c -> out.add(CoreIndex.of(c.nat())));
    return out;
  }

  private static ObjectNode paraMap(String key, SortedMap<CoreIndex, ParaId> m) {
    ObjectNode o = Canonical.object();
    ObjectNode s = o.putObject(key);
    m.forEach((c, p) -> s.put(String.valueOf(c.value()), p.value()));
    return o;
  }

  private static ObjectNode render(ClaimQueue cq) {
    ObjectNode o = Canonical.object();
    ObjectNode q = o.putObject("queues");
    for (Map.Entry<CoreIndex, List<ParaId>> e : cq.queues().entrySet()) {
      ArrayNode a = q.putArray(String.valueOf(e.getKey().value()));
      e.getValue().forEach(p -> a.add(p.value()));
    }
    ObjectNode p = o.putObject("provider");
    if (cq.provider() instanceof FifoAssignmentProvider f) {
      ArrayNode pending = p.putArray("pending");
      f.pending().forEach(x -> pending.add(x.value()));
      ArrayNode processed = p.putArray("processed");
      f.processed().forEach(x -> processed.add(x.value()));
      p.put("duplicated", f.duplicated());
    } else if (cq.provider() instanceof BulkCoretimeAssigner b) {
      ObjectNode m = p.putObject("bulk");
      b.assignments().forEach((c, x) -> m.put(String.valueOf(c.value()), x.value()));
    }
    return o;
  }
}
