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
import io.parapipe.protocol.para.runtime.AuraExtRevision;
import io.parapipe.protocol.para.runtime.BlockInputs;
import io.parapipe.protocol.para.runtime.BlockOutcome;
import io.parapipe.protocol.para.runtime.BuiltBlock;
import io.parapipe.protocol.para.runtime.ConsensusHookKind;
import io.parapipe.protocol.para.runtime.DigestItem;
import io.parapipe.protocol.para.runtime.ParachainRuntime;
import io.parapipe.protocol.para.runtime.ParachainRuntimeConfig;
import io.parapipe.protocol.para.runtime.ParachainState;
import io.parapipe.protocol.para.runtime.ParachainSystemRevision;
import io.parapipe.protocol.para.runtime.RelayChainStateProof;
import io.parapipe.protocol.para.runtime.RelayNumberPolicy;
import io.parapipe.protocol.para.runtime.RuntimePanic;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.HeadData;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.primitives.Weight;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code parachain_runtime}: para blocks executed in FRAME order by the modelled runtime
 * (parachain-system with the unincluded segment and {@code CheckAssociatedRelayNumber},
 * {@code pallet_aura}, aura-ext, {@code pallet_timestamp}), each answering the new state or the
 * exact upstream panic, and {@code can_build_upon} at the current state. The relay parent of
 * number {@code n} has a hash and state root derived from {@code n}; the state proof carries the
 * included head, the relay slot and optionally the UMP queue state.
 *
 * <p>With {@code initial.inclusion_delay = d}, blocks may take their included head from upstream's
 * {@code BlockTests} harness ({@code "included": "harness"}): the head of the block built {@code d}
 * blocks earlier (the block just built when {@code d = 0}), the genesis head until then.
 */
public final class ParachainRuntimeDriver implements ComponentDriver {
  @Override
  public String component() {
    return "parachain_runtime";
  }

  @Override
  public ComponentSession start(VectorNode initial, NameTable names) {
    ParachainRuntimeConfig config = config(initial.get("config"));
    ParaId para = initial.opt("para_id").map(ProtocolValues::paraId).orElse(ParaId.of(200));
    int authorities = initial.opt("authorities").map(VectorNode::nat).orElse(1);
    if (authorities < 1) {
      throw initial.get("authorities").malformed("Aura needs at least one authority");
    }
    Optional<Integer> delay = initial.opt("inclusion_delay").map(VectorNode::nat);
    ParachainState genesis = ParachainState.genesis(para, config, authorities);
    names.define("genesis", genesis.headHash(), initial.path());
    return new Session(genesis, delay, names);
  }

  /**
   * The runtime configuration; {@code unincluded_segment_api_version}, {@code maximum_block_ref_time}
   * and {@code select_core_signal} (default true) are optional.
   */
  static ParachainRuntimeConfig config(VectorNode n) {
    ConsensusHookKind hook = switch (n.get("consensus_hook").oneOf("ExpectParentIncluded", "FixedCapacity", "FixedVelocity")) {
      case "ExpectParentIncluded" -> ConsensusHookKind.EXPECT_PARENT_INCLUDED;
      case "FixedCapacity" -> ConsensusHookKind.FIXED_CAPACITY;
      default -> ConsensusHookKind.FIXED_VELOCITY;
    };
    RelayNumberPolicy policy = RelayNumberDriver.policy(n.get("relay_number_policy"));
    // Fields are read in the vector format's order, so the first bad one is the one reported.
    return ParachainRuntimeConfig.builder()
        .consensusHook(hook)
        .auraExtRevision(AuraExtRevision.valueOf(n.get("aura_ext_revision").oneOf("H1", "H2", "H3")))
        .capacity(n.get("capacity").nat())
        .velocity(n.get("velocity").nat())
        .relaySlotDurationMs(positive(n.get("relay_slot_duration_ms")))
        .auraSlotDurationMs(positive(n.get("aura_slot_duration_ms")))
        .allowMultipleBlocksPerSlot(n.get("allow_multiple_blocks_per_slot").bool())
        .minimumPeriodMs(n.get("minimum_period_ms").u63())
        .relayNumberPolicy(policy)
        .maximumBlockRefTime(
            n.opt("maximum_block_ref_time").map(VectorNode::u63).orElse(2 * Weight.REF_TIME_PER_SECOND))
        .parachainSystemRevision(
            ParachainSystemRevision.valueOf(n.get("parachain_system_revision").oneOf("P1", "P2")))
        .unincludedSegmentApiVersion(
            n.opt("unincluded_segment_api_version").map(v -> v.oneOfInt(1, 2)).orElse(2))
        .selectCoreSignal(n.opt("select_core_signal").map(VectorNode::bool).orElse(true))
        .relayParentOffset(0)
        .build();
  }

  private static long positive(VectorNode n) {
    long v = n.u63();
    if (v == 0) {
      throw n.malformed("must be positive");
    }
    return v;
  }

  private static final class Session implements ComponentSession {
    private final Optional<Integer> delay;
    private final NameTable names;
    private final Map<String, HeadData> heads = new HashMap<>();
    private final Deque<HeadData> pendingBlocks = new ArrayDeque<>();
    private ParachainState state;
    private HeadData harnessIncluded;

    Session(ParachainState genesis, Optional<Integer> delay, NameTable names) {
      this.state = genesis;
      this.delay = delay;
      this.names = names;
      this.harnessIncluded = genesis.headData();
      heads.put("genesis", genesis.headData());
    }

    @Override
    public OpOutcome apply(String op, VectorNode args) {
      switch (op) {
        case "execute_block":
          return execute(args);
        case "can_build_upon": {
          Hash included = includedHash(args.get("included"));
          boolean can = ParachainRuntime.canBuildUpon(state, included, args.get("slot").u63());
          return OpOutcome.ok(Canonical.of("can_build_upon", can));
        }
        case "unincluded_segment_size_after":
          return OpOutcome.ok(Canonical.of("size",
              ParachainRuntime.unincludedSegmentSizeAfter(state, includedHash(args.get("included")))));
        case "state":
          return OpOutcome.ok(render(state));
        default:
          throw args.get("op").malformed("unknown operation \"" + op + "\" for parachain_runtime");
      }
    }

    private Hash includedHash(VectorNode ref) {
      if (ref.isText() && ref.text().equals("parent")) {
        return state.headHash();
      }
      return names.resolve(ref);
    }

    private OpOutcome execute(VectorNode args) {
      long paraSlot = args.get("para_slot").u63();
      long timestamp = args.get("timestamp_ms").u63();
      int rp = args.get("relay_parent_number").u32Bits();
      long relaySlot = args.get("relay_slot").u63();
      Optional<HeadData> included = included(args.opt("included"), args);
      Hash root = Hash.fromLong(1_000_000L + Integer.toUnsignedLong(rp));
      RelayChainStateProof proof = RelayChainStateProof.of(root, included, relaySlot);
      Optional<VectorNode> ms = args.opt("messaging_state");
      if (ms.isPresent()) {
        proof = proof.withMessagingState(UnincludedSegmentDriver.messagingState(ms.get()));
      }
      Optional<VectorNode> maxUmp = args.opt("max_upward_message_num_per_candidate");
      if (maxUmp.isPresent()) {
        proof = proof.withMessageLimits(maxUmp.get().nat(), proof.hrmpMaxMessageNumPerCandidate());
      }
      BlockInputs in = BlockInputs.of(paraSlot, timestamp, rp, Hash.fromLong(Integer.toUnsignedLong(rp)), proof);
      if (args.opt("relay_parent_storage_root_mismatch").map(VectorNode::bool).orElse(false)) {
        in = in.withRelayParentStorageRoot(Hash.fromLong(2_000_000L + Integer.toUnsignedLong(rp)));
      }
      if (args.opt("author_disabled").map(VectorNode::bool).orElse(false)) {
        in = in.withAuthorDisabled(true);
      }
      Optional<VectorNode> ump = args.opt("upward_messages");
      if (ump.isPresent()) {
        List<byte[]> msgs = new ArrayList<>();
        ump.get().list().forEach(m -> msgs.add(ProtocolValues.bytes(m)));
        in = in.withMessages(msgs, List.of());
      }
      Optional<VectorNode> coreInfo = args.opt("core_info");
      if (coreInfo.isPresent()) {
        VectorNode c = coreInfo.get();
        in = in.withCoreInfo(new DigestItem.CumulusCoreInfo(c.get("selector").oneOfRange(0, 255),
            c.get("claim_queue_offset").oneOfRange(0, 255), c.get("number_of_cores").oneOfRange(0, 65535)));
      }
      Optional<VectorNode> name = args.opt("name");
      BlockOutcome out = ParachainRuntime.executeBlock(state, in);
      if (out instanceof RuntimePanic p) {
        name.ifPresent(VectorNode::text);
        return OpOutcome.err(Canonical.panic(p.message()));
      }
      state = ((BuiltBlock) out).state();
      if (name.isPresent()) {
        names.define(name.get().text(), state.headHash(), name.get().path());
        heads.put(name.get().text(), state.headData());
      }
      if (delay.isPresent()) {
        HeadData head = state.headData();
        if (delay.get() > 0) {
          pendingBlocks.addLast(head);
          if (pendingBlocks.size() > delay.get()) {
            harnessIncluded = pendingBlocks.removeFirst();
          }
        } else {
          harnessIncluded = head;
        }
      }
      return OpOutcome.ok(render(state));
    }

    /** The included head the proof carries. */
    private Optional<HeadData> included(Optional<VectorNode> ref, VectorNode args) {
      if (ref.isEmpty()) {
        if (delay.isEmpty()) {
          throw args.malformed("missing \"included\" (or set initial.inclusion_delay to use the harness)");
        }
        return Optional.of(harnessIncluded);
      }
      String s = ref.get().text();
      switch (s) {
        case "harness":
          if (delay.isEmpty()) {
            throw ref.get().malformed("\"harness\" needs initial.inclusion_delay");
          }
          return Optional.of(harnessIncluded);
        case "parent":
          return Optional.of(state.headData());
        case "none":
          return Optional.empty();
        default:
          HeadData h = heads.get(s);
          if (h == null) {
            throw ref.get().malformed("unknown block \"" + s + "\" (name blocks with \"name\")");
          }
          return Optional.of(h);
      }
    }
  }

  static ObjectNode render(ParachainState s) {
    ObjectNode o = Canonical.object();
    o.put("number", s.blockNumber());
    o.put("unincluded_segment_len", s.unincludedSegment().size());
    if (s.aggregatedUnincludedSegment().isPresent()) {
      o.set("aggregated_segment", UnincludedSegmentDriver.render(s.aggregatedUnincludedSegment().get()));
    } else {
      o.putNull("aggregated_segment");
    }
    ArrayNode ump = o.putArray("upward_messages");
    s.commitments().upwardMessages().forEach(m -> ump.add(Canonical.hex(m)));
    o.put("pending_upward_messages", s.pendingUpwardMessages().size());
    o.put("current_slot", s.currentSlot());
    o.put("timestamp_ms", s.timestampNow());
    o.put("last_relay_chain_block_number", Integer.toUnsignedLong(s.lastRelayChainBlockNumber()));
    o.set("aura_ext", ConsensusHookDriver.render(s.auraExt()));
    return o;
  }
}
