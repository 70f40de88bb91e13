package io.parapipe.conformance.drivers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parapipe.conformance.Canonical;
import io.parapipe.conformance.ProtocolValues;
import io.parapipe.conformance.VectorNode;
import io.parapipe.protocol.primitives.CandidateCommitments;
import io.parapipe.protocol.primitives.CandidateDescriptor;
import io.parapipe.protocol.primitives.CandidateUmpSignals;
import io.parapipe.protocol.primitives.ClaimQueueOffset;
import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.CoreSelector;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.primitives.SessionIndex;
import io.parapipe.protocol.primitives.UmpSignal;
import io.parapipe.protocol.primitives.UmpSignalCheck;
import java.util.List;
import java.util.Optional;

/**
 * The descriptor-version and UMP-signal fields shared by the candidates of the
 * {@code candidate_receipt} and {@code sanitize_backed_candidates} vectors, and the rendering of
 * signals and receipt errors.
 *
 * <p>A candidate without {@code core_index} has a V1 descriptor whose collator id and signature
 * are upstream's test values (bytes {@code 0..31} and {@code 0..63}) unless {@code collator} and
 * {@code signature} say otherwise. With {@code core_index} it has a V2 descriptor
 * ({@code CandidateDescriptorV2::new}) in {@code session_index}, and {@code internal_version}
 * overrides its version byte. {@code ump_signals} are appended after the upward messages,
 * behind an {@code UMP_SEPARATOR}: {@code {"select_core": [selector, offset]}},
 * {@code {"approved_peer": bytes}}, or raw bytes for a message that is not a signal.
 */
final class ReceiptSpecs {
  private ReceiptSpecs() {}

  /** Upstream's {@code junk_collator()}-like test id: bytes 0..n-1. */
  static byte[] counting(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) i;
    }
    return b;
  }

  /** The descriptor a candidate spec describes, over the given honest fields. */
  static CandidateDescriptor descriptor(VectorNode n, ParaId para, Hash relayParent, Hash pvdHash, Hash povHash,
      Hash erasureRoot, Hash paraHead, Hash codeHash, int defaultSession) {
    Optional<VectorNode> core = n.opt("core_index");
    if (core.isEmpty()) {
      for (String v2Only : List.of("session_index", "internal_version")) {
        if (n.has(v2Only)) {
          throw n.get(v2Only).malformed(v2Only + " needs core_index (a V2 descriptor)");
        }
      }
      byte[] collator = n.opt("collator").map(ProtocolValues::bytes).orElse(counting(32));
      byte[] signature = n.opt("signature").map(ProtocolValues::bytes).orElse(counting(64));
      if (collator.length != 32) {
        throw n.get("collator").malformed("a collator id has 32 bytes");
      }
      if (signature.length != 64) {
        throw n.get("signature").malformed("a collator signature has 64 bytes");
      }
      return CandidateDescriptor.v1(para, relayParent, collator, pvdHash, povHash, erasureRoot, signature,
          paraHead, codeHash);
    }
    for (String v1Only : List.of("collator", "signature")) {
      if (n.has(v1Only)) {
        throw n.get(v1Only).malformed(v1Only + " belongs to a V1 descriptor (no core_index)");
      }
    }
    int c = core.get().oneOfRange(0, 0xffff);
    int session = n.opt("session_index").map(VectorNode::nat).orElse(defaultSession);
    CandidateDescriptor d = new CandidateDescriptor(para, relayParent, CoreIndex.of(c), SessionIndex.of(session),
        pvdHash, povHash, erasureRoot, paraHead, codeHash);
    Optional<VectorNode> version = n.opt("internal_version");
    return version.isPresent() ? d.withInternalVersion(version.get().oneOfRange(0, 255)) : d;
  }

  /** The upward messages: {@code upward_messages}, then, if given, a separator and {@code ump_signals}. */
  static void upwardMessages(VectorNode n, List<byte[]> out) {
    n.opt("upward_messages").ifPresent(l -> l.list().forEach(m -> out.add(ProtocolValues.bytes(m))));
    Optional<VectorNode> signals = n.opt("ump_signals");
    if (signals.isEmpty()) {
      return;
    }
    out.add(CandidateCommitments.UMP_SEPARATOR);
    for (VectorNode s : signals.get().list()) {
      if (s.isText()) {
        out.add(ProtocolValues.bytes(s));
      } else if (s.has("select_core")) {
        List<VectorNode> pair = s.get("select_core").list();
        if (pair.size() != 2) {
          throw s.get("select_core").malformed("select_core is [selector, claim_queue_offset]");
        }
        out.add(new UmpSignal.SelectCore(new CoreSelector(pair.get(0).oneOfRange(0, 255)),
            new ClaimQueueOffset(pair.get(1).oneOfRange(0, 255))).encode());
      } else if (s.has("approved_peer")) {
        byte[] peer = ProtocolValues.bytes(s.get("approved_peer"));
        if (peer.length > UmpSignal.ApprovedPeer.MAX_LEN) {
          throw s.get("approved_peer").malformed("an approved peer id has at most 64 bytes; write an "
              + "oversized one as raw bytes");
        }
        out.add(new UmpSignal.ApprovedPeer(peer).encode());
      } else {
        throw s.malformed("a UMP signal is {\"select_core\": [selector, offset]}, {\"approved_peer\": bytes} "
            + "or raw bytes");
      }
    }
  }

  /** {@code {"select_core": [selector, offset] or null, "approved_peer": bytes or null}}. */
  static ObjectNode render(CandidateUmpSignals s) {
    ObjectNode o = Canonical.object();
    if (s.selectCore().isPresent()) {
      o.putArray("select_core").add(s.selectCore().get().selector().value())
          .add(s.selectCore().get().offset().value());
    } else {
      o.putNull("select_core");
    }
    if (s.approvedPeer().isPresent()) {
      o.put("approved_peer", Canonical.hex(s.approvedPeer().get().peerId()));
    } else {
      o.putNull("approved_peer");
    }
    return o;
  }

  /**
   * A receipt error: {@code {"error": name}}; {@code UnknownVersion} carries the descriptor's
   * {@code internal_version}.
   */
  static ObjectNode renderError(UmpSignalCheck.Invalid invalid, CandidateDescriptor d) {
    ObjectNode o = Canonical.error(invalid.error().upstreamName());
    if (invalid.error() == io.parapipe.protocol.primitives.CommittedCandidateReceiptError.UNKNOWN_VERSION) {
      o.put("internal_version", d.internalVersion());
    }
    return o;
  }
}
