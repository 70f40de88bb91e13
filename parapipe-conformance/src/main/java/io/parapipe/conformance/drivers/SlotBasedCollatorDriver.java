package io.parapipe.conformance.drivers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parapipe.conformance.Canonical;
import io.parapipe.conformance.ComponentDriver;
import io.parapipe.conformance.ComponentSession;
import io.parapipe.conformance.NameTable;
import io.parapipe.conformance.OpOutcome;
import io.parapipe.conformance.VectorNode;
import io.parapipe.protocol.para.collator.BackingGroupPreConnect;
import io.parapipe.protocol.para.collator.RelayBlockInfo;
import io.parapipe.protocol.para.collator.RelayChainView;
import io.parapipe.protocol.para.collator.slotbased.CoreSelection;
import io.parapipe.protocol.para.collator.slotbased.RelayParentOffset;
import io.parapipe.protocol.para.runtime.DigestItem;
import io.parapipe.protocol.para.runtime.ParaBlockHeader;
import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.primitives.PersistedValidationData;
import io.parapipe.protocol.primitives.SessionIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * {@code slot_based_collator}: the slot-based collator's choices before building
 * ({@code slot_based/block_builder_task.rs}, S2): the core to build for ({@code determine_core}) and
 * the relay parent at a relay-parent offset with its descendants
 * ({@code offset_relay_parent_find_descendants}), and the backing-group pre-connect helper
 * ({@code BackingGroupConnectionHelper::update}, {@code collators/mod.rs}), whose state lives in the
 * session: {@code initial.authorities} Aura authorities and {@code initial.our_keys} (the author
 * indices the keystore holds).
 *
 * <p>The relay chain is blocks {@code 1..=length}, each the parent of the next, the best block being
 * {@code length}; some may carry a BABE epoch change. For {@code determine_core} the relay parent is
 * block #101 and the para parent is described by its number and digests.
 */
public final class SlotBasedCollatorDriver implements ComponentDriver {
  private static final RelayBlockInfo RELAY_PARENT =
      new RelayBlockInfo(Hash.fromLong(0x101), Hash.fromLong(0x100), 101, Hash.fromLong(0x5101), 101, false);

  @Override
  public String component() {
    return "slot_based_collator";
  }

  @Override
  public ComponentSession start(VectorNode initial, NameTable names) {
    Map<Hash, RelayBlockInfo> headers = new HashMap<>();
    Hash[] best = {Hash.ZERO};
    Optional<VectorNode> rc = initial.opt("relay_chain");
    if (rc.isPresent()) {
      int length = rc.get().get("length").nat();
      Set<Integer> epochChanges = new HashSet<>();
      rc.get().opt("epoch_change_at").ifPresent(l -> l.list().forEach(n -> epochChanges.add(n.nat())));
      Hash parent = Hash.ZERO;
      for (int n = 1; n <= length; n++) {
        Hash h = Hash.fromLong(0xAB00_0000L + n);
        headers.put(h, new RelayBlockInfo(h, parent, n, Hash.ZERO, n, epochChanges.contains(n)));
        parent = h;
      }
      best[0] = parent;
    }
    RelayChainView relay = new RelayChainView() {
      @Override
      public Optional<RelayBlockInfo> header(Hash hash) {
        return Optional.ofNullable(headers.get(hash));
      }

      @Override
      public SessionIndex sessionIndexForChild(Hash hash) {
        return SessionIndex.of(0);
      }

      @Override
      public Optional<PersistedValidationData> validationDataAssumingTimedOut(Hash relayParent, ParaId paraId) {
        return Optional.empty();
      }

      @Override
      public Optional<PersistedValidationData> validationDataAssumingIncluded(Hash relayParent, ParaId paraId) {
        return Optional.empty();
      }
    };
    int authorities = initial.opt("authorities").map(VectorNode::nat).orElse(1);
    Set<Integer> ourKeys = new HashSet<>();
    initial.opt("our_keys").ifPresent(l -> l.list().forEach(k -> ourKeys.add(k.nat())));
    BackingGroupPreConnect[] helper = {BackingGroupPreConnect.initial()};
    return (op, args) -> switch (op) {
      case "preconnect_update" -> {
        BackingGroupPreConnect.Update u = helper[0].update(args.get("current_slot").u63(), authorities,
            ourKeys::contains);
        helper[0] = u.helper();
        ObjectNode out = Canonical.object();
        out.put("message", switch (u.action()) {
          case CONNECT -> "ConnectToBackingGroups";
          case DISCONNECT -> "DisconnectFromBackingGroups";
          case NONE -> "none";
        });
        if (u.helper().ourSlot().isPresent()) {
          out.put("our_slot", u.helper().ourSlot().getAsLong());
        } else {
          out.putNull("our_slot");
        }
        yield OpOutcome.ok(out);
      }
      case "determine_core" -> {
        List<CoreIndex> cores = new ArrayList<>();
        args.get("cores").list().forEach(c -> cores.add(CoreIndex.of(c.nat())));
        OptionalInt last = args.opt("last_claimed_core_selector").map(v -> OptionalInt.of(v.nat())).orElse(OptionalInt.empty());
        CoreSelection.Outcome o = CoreSelection.determineCore(cores, RELAY_PARENT, parent(args.get("parent")), last,
            args.opt("relay_parent_offset").map(VectorNode::nat).orElse(0));
        if (o instanceof CoreSelection.MissingRelayParentDigest) {
          yield OpOutcome.err(Canonical.error("MissingRelayParentDigest"));
        }
        ObjectNode out = Canonical.object();
        if (o instanceof CoreSelection.Core c) {
          ObjectNode core = out.putObject("core");
          core.put("selector", c.selector());
          core.put("core_index", c.coreIndex().value());
          core.put("claim_queue_offset", c.claimQueueOffset());
          core.put("number_of_cores", c.numberOfCores());
        } else {
          out.putNull("core");
        }
        yield OpOutcome.ok(out);
      }
      case "find_descendants" -> {
        if (rc.isEmpty()) {
          throw args.get("op").malformed("find_descendants needs initial.relay_chain");
        }
        RelayParentOffset.Outcome o = RelayParentOffset.findDescendants(relay, best[0], args.get("offset").nat());
        if (o instanceof RelayParentOffset.MissingHeader) {
          yield OpOutcome.err(Canonical.error("MissingHeader"));
        }
        ObjectNode out = Canonical.object();
        if (o instanceof RelayParentOffset.RelayParentData d) {
          ObjectNode r = out.putObject("result");
          r.put("relay_parent", d.relayParent().number());
          ArrayNode desc = r.putArray("descendants");
          d.descendants().forEach(b -> desc.add(b.number()));
          ArrayNode inh = r.putArray("inherent_descendant_list");
          d.intoInherentDescendantList().forEach(b -> inh.add(b.number()));
        } else {
          out.putNull("result");
        }
        yield OpOutcome.ok(out);
      }
      default -> throw args.get("op").malformed("unknown operation \"" + op + "\" for slot_based_collator");
    };
  }

  private static int byteField(VectorNode n, String field) {
    return n.get(field).oneOfRange(0, 255);
  }

  /**
   * {@code {"number", "relay_parent": "same"|"other"|null, "relay_parent_storage_root": "same"|"other"|null,
   * "core_info": {"selector", "claim_queue_offset", "number_of_cores"}|null}}: a para parent whose
   * digests name the relay parent (#101), another relay block, or nothing.
   */
  private static ParaBlockHeader parent(VectorNode n) {
    int number = n.get("number").nat();
    List<DigestItem> digest = new ArrayList<>();
    n.opt("core_info").ifPresent(c -> digest.add(new DigestItem.CumulusCoreInfo(byteField(c, "selector"),
        byteField(c, "claim_queue_offset"), c.get("number_of_cores").oneOfRange(0, 65535))));
    n.opt("relay_parent").ifPresent(r -> digest.add(new DigestItem.CumulusRelayParent(
        r.oneOf("same", "other").equals("same") ? RELAY_PARENT.hash() : Hash.fromLong(0x99))));
    n.opt("relay_parent_storage_root").ifPresent(r -> digest.add(r.oneOf("same", "other").equals("same")
        ? new DigestItem.RelayParentStorageRoot(RELAY_PARENT.stateRoot(), RELAY_PARENT.number())
        : new DigestItem.RelayParentStorageRoot(Hash.fromLong(0x5099), 99)));
    return new ParaBlockHeader(Hash.fromLong(0x100), number, Hash.ZERO, Hash.ZERO, digest);
  }
}
