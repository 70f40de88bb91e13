package io.parapipe.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.parapipe.protocol.primitives.CandidateCommitments;
import io.parapipe.protocol.primitives.Constraints.FutureValidationCode;
import io.parapipe.protocol.primitives.Constraints.OutboundHrmpChannelLimitations;
import io.parapipe.protocol.primitives.Constraints.UpgradeRestriction;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.HeadData;
import io.parapipe.protocol.primitives.Hex;
import io.parapipe.protocol.primitives.OutboundHrmpMessage;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.primitives.PersistedValidationData;
import io.parapipe.protocol.relay.node.prospective.CandidateEntryError;
import io.parapipe.protocol.relay.node.prospective.ConstraintModifications;
import io.parapipe.protocol.relay.node.prospective.Constraints;
import io.parapipe.protocol.relay.node.prospective.FragmentChainError;
import io.parapipe.protocol.relay.node.prospective.FragmentValidityError;
import io.parapipe.protocol.relay.node.prospective.HrmpWatermarkUpdate;
import io.parapipe.protocol.relay.node.prospective.ModificationError;
import io.parapipe.protocol.relay.node.prospective.OutboundHrmpChannelModification;
import io.parapipe.protocol.relay.node.prospective.RelayChainBlockInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reading and rendering the protocol values shared by several components: hashes, byte strings,
 * constraints and their modifications, commitments, validation data, relay block info, and the
 * errors of the inclusion emulator and the fragment chain. Field names are upstream's.
 */
public final class ProtocolValues {
  private static final Pattern HASH = Pattern.compile("0x[0-9a-fA-F]{64}");
  private static final Pattern HEX = Pattern.compile("0x([0-9a-fA-F]{2})*");

  private ProtocolValues() {}

  // ---- scalars

  /** A 32-byte hash: {@code 0x} and 64 hex digits. */
  public static Hash hash(VectorNode n) {
    String s = n.text();
    if (!HASH.matcher(s).matches()) {
      throw n.malformed("expected a hash (0x and 64 hex digits), got \"" + s + "\"");
    }
    return Hash.fromHex(s.toLowerCase());
  }

  /**
   * A byte string: {@code "0x..."} hex (an even number of digits; {@code "0x"} is empty), or
   * {@code {"repeat": "0x..", "times": n}}.
   */
  public static byte[] bytes(VectorNode n) {
    if (n.isObject()) {
      byte[] unit = bytes(n.get("repeat"));
      int times = n.get("times").nat();
      if ((long) unit.length * times > 64L * 1024 * 1024) {
        throw n.malformed("byte string too long");
      }
      byte[] out = new byte[unit.length * times];
      for (int i = 0; i < times; i++) {
        System.arraycopy(unit, 0, out, i * unit.length, unit.length);
      }
      return out;
    }
    String s = n.text();
    if (!HEX.matcher(s).matches()) {
      throw n.malformed("expected bytes as 0x followed by pairs of hex digits, got \"" + s + "\"");
    }
    return Hex.decode(s);
  }

  /** Head data (bytes). */
  public static HeadData headData(VectorNode n) {
    return HeadData.of(bytes(n));
  }

  /** A para id. */
  public static ParaId paraId(VectorNode n) {
    return ParaId.of(n.nat());
  }

  /** A para id written as an object key. */
  public static ParaId paraIdKey(String key, VectorNode at) {
    return ParaId.of(natKey(key, at));
  }

  /** A non-negative integer written as an object key (para ids, core indices). */
  public static int natKey(String key, VectorNode at) {
    try {
      int v = Integer.parseInt(key);
      if (v >= 0 && String.valueOf(v).equals(key)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // fall through
    }
    throw at.malformed("keys must be decimal integers, got \"" + key + "\"");
  }

  /** A list of non-negative integers. */
  public static List<Integer> nats(VectorNode n) {
    List<Integer> out = new ArrayList<>();
    for (VectorNode e : n.list()) {
      out.add(e.nat());
    }
    return out;
  }

  // ---- relay blocks

  /** {@code {"hash", "number", "storage_root"}}. */
  public static RelayChainBlockInfo relayBlock(VectorNode n) {
    return new RelayChainBlockInfo(hash(n.get("hash")), n.get("number").nat(), hash(n.get("storage_root")));
  }

  /** A relay block rendered by name if the vector names its hash, else in full. */
  public static JsonNode renderRelayBlock(RelayChainBlockInfo b, NameTable names) {
    Optional<String> name = names.nameOf(b.hash());
    if (name.isPresent()) {
      return TextNode.valueOf(name.get());
    }
    ObjectNode o = Canonical.object();
    o.put("hash", b.hash().toHex());
    o.put("number", b.number());
    o.put("storage_root", b.storageRoot().toHex());
    return o;
  }

  // ---- constraints

  /** Node-side constraints; every field is required. */
  public static Constraints constraints(VectorNode n) {
    TreeMap<ParaId, OutboundHrmpChannelLimitations> out = new TreeMap<>();
    for (Map.Entry<String, VectorNode> e : n.get("hrmp_channels_out").entries().entrySet()) {
      VectorNode c = e.getValue();
      out.put(paraIdKey(e.getKey(), c), new OutboundHrmpChannelLimitations(
          c.get("bytes_remaining").nat(), c.get("messages_remaining").nat()));
    }
    Optional<UpgradeRestriction> restriction = n.nullable("upgrade_restriction")
        .map(r -> {
          r.oneOf("Present");
          return UpgradeRestriction.PRESENT;
        });
    Optional<FutureValidationCode> future = n.nullable("future_validation_code")
        .map(f -> new FutureValidationCode(f.get("at").nat(), hash(f.get("code_hash"))));
    return new Constraints(
        n.get("min_relay_parent_number").nat(),
        n.get("max_pov_size").nat(),
        n.get("max_code_size").nat(),
        n.get("max_head_data_size").nat(),
        n.get("ump_remaining").nat(),
        n.get("ump_remaining_bytes").nat(),
        n.get("max_ump_num_per_candidate").nat(),
        nats(n.get("dmp_remaining_messages")),
        nats(n.get("hrmp_inbound").get("valid_watermarks")),
        out,
        n.get("max_hrmp_num_per_candidate").nat(),
        headData(n.get("required_parent")),
        hash(n.get("validation_code_hash")),
        restriction,
        future);
  }

  /** Renders node-side constraints with every field. */
  public static ObjectNode render(Constraints c) {
    ObjectNode o = Canonical.object();
    o.put("min_relay_parent_number", c.minRelayParentNumber());
    o.put("max_pov_size", c.maxPovSize());
    o.put("max_code_size", c.maxCodeSize());
    o.put("max_head_data_size", c.maxHeadDataSize());
    o.put("ump_remaining", c.umpRemaining());
    o.put("ump_remaining_bytes", c.umpRemainingBytes());
    o.put("max_ump_num_per_candidate", c.maxUmpNumPerCandidate());
    ArrayNode dmp = o.putArray("dmp_remaining_messages");
    c.dmpRemainingMessages().forEach(dmp::add);
    ArrayNode wm = o.putObject("hrmp_inbound").putArray("valid_watermarks");
    c.hrmpInboundValidWatermarks().forEach(wm::add);
    ObjectNode out = o.putObject("hrmp_channels_out");
    c.hrmpChannelsOut().forEach((p, l) -> {
      ObjectNode ch = out.putObject(String.valueOf(p.value()));
      ch.put("bytes_remaining", l.bytesRemaining());
      ch.put("messages_remaining", l.messagesRemaining());
    });
    o.put("max_hrmp_num_per_candidate", c.maxHrmpNumPerCandidate());
    o.put("required_parent", c.requiredParent().toHex());
    o.put("validation_code_hash", c.validationCodeHash().toHex());
    if (c.upgradeRestriction().isPresent()) {
      o.put("upgrade_restriction", "Present");
    } else {
      o.putNull("upgrade_restriction");
    }
    if (c.futureValidationCode().isPresent()) {
      ObjectNode fut = o.putObject("future_validation_code");
      fut.put("at", c.futureValidationCode().get().at());
      fut.put("code_hash", c.futureValidationCode().get().codeHash().toHex());
    } else {
      o.putNull("future_validation_code");
    }
    return o;
  }

  // ---- modifications

  /** Constraint modifications; every field is optional (identity by default). */
  public static ConstraintModifications modifications(VectorNode n) {
    TreeMap<ParaId, OutboundHrmpChannelModification> outbound = new TreeMap<>();
    Optional<VectorNode> ob = n.opt("outbound_hrmp");
    if (ob.isPresent()) {
      for (Map.Entry<String, VectorNode> e : ob.get().entries().entrySet()) {
        VectorNode c = e.getValue();
        outbound.put(paraIdKey(e.getKey(), c), new OutboundHrmpChannelModification(
            c.get("bytes_submitted").nat(), c.get("messages_submitted").nat()));
      }
    }
    return new ConstraintModifications(
        n.opt("required_parent").map(ProtocolValues::headData),
        n.opt("hrmp_watermark").map(ProtocolValues::watermark),
        outbound,
        n.opt("ump_messages_sent").map(VectorNode::nat).orElse(0),
        n.opt("ump_bytes_sent").map(VectorNode::nat).orElse(0),
        n.opt("dmp_messages_processed").map(VectorNode::nat).orElse(0),
        n.opt("code_upgrade_applied").map(VectorNode::bool).orElse(false));
  }

  /** {@code {"Head": n}} or {@code {"Trunk": n}}. */
  public static HrmpWatermarkUpdate watermark(VectorNode n) {
    Map<String, VectorNode> e = n.entries();
    if (e.size() != 1) {
      throw n.malformed("expected {\"Head\": n} or {\"Trunk\": n}");
    }
    Map.Entry<String, VectorNode> only = e.entrySet().iterator().next();
    int v = only.getValue().nat();
    return switch (only.getKey()) {
      case "Head" -> new HrmpWatermarkUpdate.Head(v);
      case "Trunk" -> new HrmpWatermarkUpdate.Trunk(v);
      default -> throw n.malformed("expected {\"Head\": n} or {\"Trunk\": n}, got key \"" + only.getKey() + "\"");
    };
  }

  /** Renders modifications with every field. */
  public static ObjectNode render(ConstraintModifications m) {
    ObjectNode o = Canonical.object();
    if (m.requiredParent().isPresent()) {
      o.put("required_parent", m.requiredParent().get().toHex());
    } else {
      o.putNull("required_parent");
    }
    if (m.hrmpWatermark().isPresent()) {
      HrmpWatermarkUpdate w = m.hrmpWatermark().get();
      o.putObject("hrmp_watermark").put(w instanceof HrmpWatermarkUpdate.Head ? "Head" : "Trunk", w.watermark());
    } else {
      o.putNull("hrmp_watermark");
    }
    ObjectNode out = o.putObject("outbound_hrmp");
    m.outboundHrmp().forEach((p, c) -> {
      ObjectNode ch = out.putObject(String.valueOf(p.value()));
      ch.put("bytes_submitted", c.bytesSubmitted());
      ch.put("messages_submitted", c.messagesSubmitted());
    });
    o.put("ump_messages_sent", m.umpMessagesSent());
    o.put("ump_bytes_sent", m.umpBytesSent());
    o.put("dmp_messages_processed", m.dmpMessagesProcessed());
    o.put("code_upgrade_applied", m.codeUpgradeApplied());
    return o;
  }

  // ---- commitments and validation data

  /**
   * Commitments from the fields of {@code n}: {@code head_data}, {@code hrmp_watermark} and
   * {@code processed_downward_messages} required; {@code upward_messages},
   * {@code horizontal_messages} and {@code new_validation_code} optional (empty).
   */
  public static CandidateCommitments commitments(VectorNode n) {
    List<byte[]> ump = new ArrayList<>();
    n.opt("upward_messages").ifPresent(l -> l.list().forEach(m -> ump.add(bytes(m))));
    List<OutboundHrmpMessage> hrmp = new ArrayList<>();
    n.opt("horizontal_messages").ifPresent(l -> l.list().forEach(m ->
        hrmp.add(new OutboundHrmpMessage(paraId(m.get("recipient")), bytes(m.get("data"))))));
    Optional<byte[]> code = n.opt("new_validation_code").map(ProtocolValues::bytes);
    return new CandidateCommitments(ump, hrmp, code, headData(n.get("head_data")),
        n.get("processed_downward_messages").nat(), n.get("hrmp_watermark").nat());
  }

  /** {@code {"parent_head", "relay_parent_number", "relay_parent_storage_root", "max_pov_size"}}. */
  public static PersistedValidationData pvd(VectorNode n) {
    return new PersistedValidationData(headData(n.get("parent_head")), n.get("relay_parent_number").nat(),
        hash(n.get("relay_parent_storage_root")), n.get("max_pov_size").nat());
  }

  /** Renders validation data. */
  public static ObjectNode render(PersistedValidationData p) {
    ObjectNode o = Canonical.object();
    o.put("parent_head", p.parentHead().toHex());
    o.put("relay_parent_number", p.relayParentNumber());
    o.put("relay_parent_storage_root", p.relayParentStorageRoot().toHex());
    o.put("max_pov_size", p.maxPovSize());
    return o;
  }

  // ---- errors

  /** {@code inclusion_emulator::ModificationError}. */
  public static ObjectNode render(ModificationError e) {
    if (e instanceof ModificationError.DisallowedHrmpWatermark x) {
      ObjectNode o = Canonical.error("DisallowedHrmpWatermark");
      o.put("watermark", x.watermark());
      return o;
    }
    if (e instanceof ModificationError.NoSuchHrmpChannel x) {
      ObjectNode o = Canonical.error("NoSuchHrmpChannel");
      o.put("para_id", x.paraId().value());
      return o;
    }
    if (e instanceof ModificationError.HrmpMessagesOverflow x) {
      ObjectNode o = Canonical.error("HrmpMessagesOverflow");
      o.put("para_id", x.paraId().value());
      o.put("messages_remaining", x.messagesRemaining());
      o.put("messages_submitted", x.messagesSubmitted());
      return o;
    }
    if (e instanceof ModificationError.HrmpBytesOverflow x) {
      ObjectNode o = Canonical.error("HrmpBytesOverflow");
      o.put("para_id", x.paraId().value());
      o.put("bytes_remaining", x.bytesRemaining());
      o.put("bytes_submitted", x.bytesSubmitted());
      return o;
    }
    if (e instanceof ModificationError.UmpMessagesOverflow x) {
      ObjectNode o = Canonical.error("UmpMessagesOverflow");
      o.put("messages_remaining", x.messagesRemaining());
      o.put("messages_submitted", x.messagesSubmitted());
      return o;
    }
    if (e instanceof ModificationError.UmpBytesOverflow x) {
      ObjectNode o = Canonical.error("UmpBytesOverflow");
      o.put("bytes_remaining", x.bytesRemaining());
      o.put("bytes_submitted", x.bytesSubmitted());
      return o;
    }
    if (e instanceof ModificationError.DmpMessagesUnderflow x) {
      ObjectNode o = Canonical.error("DmpMessagesUnderflow");
      o.put("messages_remaining", x.messagesRemaining());
      o.put("messages_processed", x.messagesProcessed());
      return o;
    }
    return Canonical.error("AppliedNonexistentCodeUpgrade");
  }

  /** {@code inclusion_emulator::FragmentValidityError}. */
  public static ObjectNode render(FragmentValidityError e) {
    if (e instanceof FragmentValidityError.ValidationCodeMismatch x) {
      ObjectNode o = Canonical.error("ValidationCodeMismatch");
      o.put("expected", x.expected().toHex());
      o.put("got", x.got().toHex());
      return o;
    }
    if (e instanceof FragmentValidityError.PersistedValidationDataMismatch x) {
      ObjectNode o = Canonical.error("PersistedValidationDataMismatch");
      o.set("expected", render(x.expected()));
      o.set("got", render(x.got()));
      return o;
    }
    if (e instanceof FragmentValidityError.OutputsInvalid x) {
      ObjectNode o = Canonical.error("OutputsInvalid");
      o.set("inner", render(x.error()));
      return o;
    }
    if (e instanceof FragmentValidityError.CodeSizeTooLarge x) {
      ObjectNode o = Canonical.error("CodeSizeTooLarge");
      o.put("max_allowed", x.maxAllowed());
      o.put("new_size", x.newSize());
      return o;
    }
    if (e instanceof FragmentValidityError.HeadDataTooLarge x) {
      ObjectNode o = Canonical.error("HeadDataTooLarge");
      o.put("max_allowed", x.maxAllowed());
      o.put("new_size", x.newSize());
      return o;
    }
    if (e instanceof FragmentValidityError.RelayParentTooOld x) {
      ObjectNode o = Canonical.error("RelayParentTooOld");
      o.put("min_allowed", x.minAllowed());
      o.put("current", x.current());
      return o;
    }
    if (e instanceof FragmentValidityError.DmpAdvancementRule) {
      return Canonical.error("DmpAdvancementRule");
    }
    if (e instanceof FragmentValidityError.UmpMessagesPerCandidateOverflow x) {
      ObjectNode o = Canonical.error("UmpMessagesPerCandidateOverflow");
      o.put("messages_allowed", x.messagesAllowed());
      o.put("messages_submitted", x.messagesSubmitted());
      return o;
    }
    if (e instanceof FragmentValidityError.HrmpMessagesPerCandidateOverflow x) {
      ObjectNode o = Canonical.error("HrmpMessagesPerCandidateOverflow");
      o.put("messages_allowed", x.messagesAllowed());
      o.put("messages_submitted", x.messagesSubmitted());
      return o;
    }
    if (e instanceof FragmentValidityError.CodeUpgradeRestricted) {
      return Canonical.error("CodeUpgradeRestricted");
    }
    FragmentValidityError.HrmpMessagesDescendingOrDuplicate x = (FragmentValidityError.HrmpMessagesDescendingOrDuplicate) e;
    ObjectNode o = Canonical.error("HrmpMessagesDescendingOrDuplicate");
    o.put("index", x.index());
    return o;
  }

  /** {@code fragment_chain::CandidateEntryError}. */
  public static ObjectNode render(CandidateEntryError e) {
    return Canonical.error(e.upstreamName());
  }

  /** {@code fragment_chain::Error}, hashes rendered by name where the vector names them. */
  public static ObjectNode render(FragmentChainError e, NameTable names) {
    String variant = e.getClass().getSimpleName();
    ObjectNode o = Canonical.error(variant);
    if (e instanceof FragmentChainError.RelayParentPrecedesCandidatePendingAvailability x) {
      o.put("relay_parent", names.render(x.relayParent()));
      o.put("pending_relay_parent", names.render(x.pendingRelayParent()));
    } else if (e instanceof FragmentChainError.ForkWithCandidatePendingAvailability x) {
      o.put("candidate", names.render(x.other()));
    } else if (e instanceof FragmentChainError.ForkChoiceRule x) {
      o.put("candidate", names.render(x.other()));
    } else if (e instanceof FragmentChainError.ComputeConstraints x) {
      o.set("inner", render(x.error()));
    } else if (e instanceof FragmentChainError.CheckAgainstConstraints x) {
      o.set("inner", render(x.error()));
    } else if (e instanceof FragmentChainError.CandidateEntry x) {
      o.set("inner", render(x.error()));
    } else if (e instanceof FragmentChainError.RelayParentNotInScope x) {
      o.put("relay_parent", names.render(x.relayParent()));
      o.put("earliest_relay_parent", names.render(x.earliest()));
    }
    return o;
  }

  /** A list of strings as a JSON array. */
  public static ArrayNode strings(List<String> l) {
    ArrayNode a = Canonical.array();
    l.forEach(a::add);
    return a;
  }
}
