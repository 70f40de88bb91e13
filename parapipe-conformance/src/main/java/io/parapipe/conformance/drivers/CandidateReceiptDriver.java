package io.parapipe.conformance.drivers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parapipe.conformance.Canonical;
import io.parapipe.conformance.ComponentDriver;
import io.parapipe.conformance.ComponentSession;
import io.parapipe.conformance.NameTable;
import io.parapipe.conformance.OpOutcome;
import io.parapipe.conformance.ProtocolValues;
import io.parapipe.conformance.VectorNode;
import io.parapipe.protocol.primitives.CandidateCommitments;
import io.parapipe.protocol.primitives.CandidateDescriptor;
import io.parapipe.protocol.primitives.ClaimQueueOffset;
import io.parapipe.protocol.primitives.CommittedCandidateReceipt;
import io.parapipe.protocol.primitives.CommittedCandidateReceiptError;
import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.CoreSelector;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.HeadData;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.primitives.ScaleWriter;
import io.parapipe.protocol.primitives.TransposedClaimQueue;
import io.parapipe.protocol.primitives.UmpSignalCheck;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * {@code candidate_receipt}: the RFC-103 candidate types of {@code polkadot/primitives} —
 * {@code CandidateDescriptorV2} and its {@code version()}, the byte-compatible encoding and the
 * candidate hash, {@code ump_signals}, {@code parse_ump_signals}, {@code check_core_index} and
 * {@code transpose_claim_queue}. Candidates are not named in results (a V1 and a V2 descriptor may
 * encode alike); hashes and encodings are rendered in hex.
 */
public final class CandidateReceiptDriver implements ComponentDriver {
  @Override
  public String component() {
    return "candidate_receipt";
  }

  @Override
  public ComponentSession start(VectorNode initial, NameTable names) {
    Map<String, CommittedCandidateReceipt> candidates = new LinkedHashMap<>();
    for (Map.Entry<String, VectorNode> e : initial.get("candidates").entries().entrySet()) {
      candidates.put(e.getKey(), receipt(e.getValue()));
    }
    return (op, args) -> switch (op) {
      case "descriptor" -> OpOutcome.ok(renderDescriptor(candidate(args, candidates).descriptor()));
      case "encode_descriptor" -> {
        ScaleWriter w = new ScaleWriter();
        candidate(args, candidates).descriptor().writeTo(w);
        yield OpOutcome.ok(Canonical.of("encoded", Canonical.hex(w.toByteArray())));
      }
      case "candidate_hash" -> OpOutcome.ok(Canonical.of("hash", candidate(args, candidates).hash().toHex()));
      case "ump_signals" -> {
        CommittedCandidateReceipt c = candidate(args, candidates);
        yield outcome(c.commitments().umpSignals(), c.descriptor());
      }
      case "parse_ump_signals" -> {
        CommittedCandidateReceipt c = candidate(args, candidates);
        yield outcome(c.parseUmpSignals(claimQueue(args.get("claim_queue"))), c.descriptor());
      }
      case "check_core_index" -> {
        CommittedCandidateReceipt c = candidate(args, candidates);
        Optional<CoreSelector> selector = args.nullable("selector").map(v -> new CoreSelector(v.oneOfRange(0, 255)));
        Optional<CommittedCandidateReceiptError> err = c.checkCoreIndex(claimQueue(args.get("claim_queue")), selector,
            new ClaimQueueOffset(args.get("offset").oneOfRange(0, 255)));
        yield err.isPresent() ? OpOutcome.err(Canonical.error(err.get().upstreamName())) : OpOutcome.ok(Canonical.object());
      }
      case "transpose_claim_queue" -> OpOutcome.ok(renderTransposed(claimQueue(args.get("claim_queue"))));
      default -> throw args.get("op").malformed("unknown operation \"" + op + "\" for candidate_receipt");
    };
  }

  private static CommittedCandidateReceipt candidate(VectorNode args, Map<String, CommittedCandidateReceipt> all) {
    VectorNode ref = args.get("candidate");
    CommittedCandidateReceipt c = all.get(ref.text());
    if (c == null) {
      throw ref.malformed("unknown candidate \"" + ref.text() + "\"");
    }
    return c;
  }

  /**
   * {@code {"para_id", descriptor fields of ReceiptSpecs, "relay_parent"?, "persisted_validation_data_hash"?,
   * "pov_hash"?, "erasure_root"?, "para_head"?, "validation_code_hash"? (zero hashes by default), "head_data"?
   * ("0x"), "upward_messages"?, "ump_signals"?, "hrmp_watermark"? (0)}}.
   */
  private static CommittedCandidateReceipt receipt(VectorNode n) {
    ParaId para = ProtocolValues.paraId(n.get("para_id"));
    Hash rp = hashOr(n, "relay_parent");
    CandidateDescriptor d = ReceiptSpecs.descriptor(n, para, rp, hashOr(n, "persisted_validation_data_hash"),
        hashOr(n, "pov_hash"), hashOr(n, "erasure_root"), hashOr(n, "para_head"), hashOr(n, "validation_code_hash"),
        0);
    List<byte[]> ump = new ArrayList<>();
    ReceiptSpecs.upwardMessages(n, ump);
    HeadData head = n.opt("head_data").map(ProtocolValues::headData).orElse(HeadData.of(new byte[0]));
    int watermark = n.opt("hrmp_watermark").map(VectorNode::nat).orElse(0);
    return new CommittedCandidateReceipt(d, new CandidateCommitments(ump, List.of(), Optional.empty(), head, 0, watermark));
  }

  private static Hash hashOr(VectorNode n, String field) {
    return n.opt(field).map(ProtocolValues::hash).orElse(Hash.ZERO);
  }

  /** {@code {core: [paras, front first]}}. */
  private static TransposedClaimQueue claimQueue(VectorNode n) {
    return TransposedClaimQueue.of(ProspectiveParachainsDriver.claimQueue(n));
  }

  private static OpOutcome outcome(UmpSignalCheck check, CandidateDescriptor d) {
    if (check instanceof UmpSignalCheck.Invalid invalid) {
      return OpOutcome.err(ReceiptSpecs.renderError(invalid, d));
    }
    return OpOutcome.ok(ReceiptSpecs.render(((UmpSignalCheck.Valid) check).signals()));
  }

  private static ObjectNode renderDescriptor(CandidateDescriptor d) {
    ObjectNode o = Canonical.object();
    o.put("version", switch (d.version()) {
      case V1 -> "V1";
      case V2 -> "V2";
      case UNKNOWN -> "Unknown";
    });
    o.put("internal_version", d.internalVersion());
    if (d.versionedCoreIndex().isPresent()) {
      o.put("core_index", d.versionedCoreIndex().get().value());
      o.put("session_index", d.versionedSessionIndex().getAsLong());
    } else {
      o.putNull("core_index");
      o.putNull("session_index");
    }
    if (d.collator().isPresent()) {
      o.put("collator", Canonical.hex(d.collator().get()));
      o.put("signature", Canonical.hex(d.signature().orElseThrow()));
    } else {
      o.putNull("collator");
      o.putNull("signature");
    }
    return o;
  }

  /** {@code {"transposed": {para: {depth: [cores ascending]}}}}. */
  static ObjectNode renderTransposed(TransposedClaimQueue q) {
    ObjectNode o = Canonical.object();
    ObjectNode t = o.putObject("transposed");
    for (Map.Entry<ParaId, SortedMap<Integer, SortedSet<CoreIndex>>> e : q.asMap().entrySet()) {
      ObjectNode depths = t.putObject(String.valueOf(e.getKey().value()));
      e.getValue().forEach((depth, cores) -> {
        var a = depths.putArray(String.valueOf(depth));
        cores.forEach(c -> a.add(c.value()));
      });
    }
    return o;
  }
}
