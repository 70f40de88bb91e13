package io.parapipe.conformance.drivers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parapipe.conformance.Canonical;
import io.parapipe.conformance.CandidateSpec;
import io.parapipe.conformance.ComponentDriver;
import io.parapipe.conformance.ComponentSession;
import io.parapipe.conformance.NameTable;
import io.parapipe.conformance.OpOutcome;
import io.parapipe.conformance.ProtocolValues;
import io.parapipe.conformance.VectorNode;
import io.parapipe.protocol.primitives.AsyncBackingParams;
import io.parapipe.protocol.primitives.BackingState;
import io.parapipe.protocol.primitives.CandidatePendingAvailability;
import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.primitives.PersistedValidationData;
import io.parapipe.protocol.primitives.SessionIndex;
import io.parapipe.protocol.relay.node.prospective.BackableCandidate;
import io.parapipe.protocol.relay.node.prospective.Constraints;
import io.parapipe.protocol.relay.node.prospective.HypotheticalCandidate;
import io.parapipe.protocol.relay.node.prospective.HypotheticalMembership;
import io.parapipe.protocol.relay.node.prospective.HypotheticalMembershipRequest;
import io.parapipe.protocol.relay.node.prospective.IntroduceSecondedCandidateRequest;
import io.parapipe.protocol.relay.node.prospective.ParentHeadData;
import io.parapipe.protocol.relay.node.prospective.ProspectiveParachains;
import io.parapipe.protocol.relay.node.prospective.ProspectiveRuntime;
import io.parapipe.protocol.relay.node.prospective.ProspectiveValidationDataRequest;
import io.parapipe.protocol.relay.node.prospective.RelayChainBlockInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code prospective_parachains}: the subsystem (Era B {@code lib.rs}) over a relay chain the
 * vector describes: leaf activation and deactivation, introducing and backing candidates, and the
 * queries {@code GetBackableCandidates}, {@code GetHypotheticalMembership},
 * {@code GetProspectiveValidationData} and {@code GetMinimumRelayParents}. Candidate hashes are
 * the implementation's receipt hashes (vectors never depend on their order).
 */
public final class ProspectiveParachainsDriver implements ComponentDriver {
  @Override
  public String component() {
    return "prospective_parachains";
  }

  @Override
  public ComponentSession start(VectorNode initial, NameTable names) {
    VectorNode rc = initial.get("relay_chain");
    VectorRelayChain chain = new VectorRelayChain();
    Map<String, VectorNode> blocks = rc.get("blocks").entries();
    for (Map.Entry<String, VectorNode> e : blocks.entrySet()) {
      names.define(e.getKey(), ProtocolValues.hash(e.getValue().get("hash")), e.getValue().path());
    }
    for (VectorNode b : blocks.values()) {
      Hash hash = ProtocolValues.hash(b.get("hash"));
      chain.blocks.put(hash, new Block(hash, names.resolve(b.get("parent")), b.get("number").nat(),
          b.get("session").nat(), b.opt("storage_root").map(ProtocolValues::hash).orElse(Hash.ZERO)));
    }
    chain.defaultParams = params(rc.get("async_backing_params"));
    chain.defaultClaimQueue = claimQueue(rc.get("claim_queue"));
    Map<String, CandidateSpec> candidates = CandidateSpec.readAll(initial.get("candidates"), names, false);
    return new Session(chain, candidates, names);
  }

  private record Block(Hash hash, Hash parent, int number, int childSession, Hash storageRoot) {}

  /** The relay chain of the vector, answering the subsystem's Chain API and Runtime API requests. */
  private static final class VectorRelayChain implements ProspectiveRuntime {
    final Map<Hash, Block> blocks = new HashMap<>();
    final Map<Hash, Optional<AsyncBackingParams>> params = new HashMap<>();
    final Map<Hash, SortedMap<CoreIndex, List<ParaId>>> claimQueues = new HashMap<>();
    final Map<Hash, Map<ParaId, BackingState>> backingStates = new HashMap<>();
    AsyncBackingParams defaultParams;
    SortedMap<CoreIndex, List<ParaId>> defaultClaimQueue;

    @Override
    public Optional<RelayChainBlockInfo> blockInfo(Hash block) {
      Block b = blocks.get(block);
      return b == null ? Optional.empty() : Optional.of(new RelayChainBlockInfo(b.hash(), b.number(), b.storageRoot()));
    }

    @Override
    public List<Hash> ancestors(Hash block, int k) {
      List<Hash> out = new ArrayList<>();
      Block b = blocks.get(block);
      while (b != null && out.size() < k && b.number() > 0) {
        out.add(b.parent());
        b = blocks.get(b.parent());
      }
      return out;
    }

    @Override
    public SessionIndex sessionIndexForChild(Hash block) {
      Block b = blocks.get(block);
      return SessionIndex.of(b == null ? 0 : b.childSession());
    }

    @Override
    public Optional<AsyncBackingParams> asyncBackingParams(Hash block) {
      return params.getOrDefault(block, Optional.of(defaultParams));
    }

    @Override
    public SortedMap<CoreIndex, List<ParaId>> claimQueue(Hash block) {
      return claimQueues.getOrDefault(block, defaultClaimQueue);
    }

    @Override
    public Optional<BackingState> backingState(Hash block, ParaId para) {
      Map<ParaId, BackingState> m = backingStates.get(block);
      return m == null ? Optional.empty() : Optional.ofNullable(m.get(para));
    }
  }

  private static AsyncBackingParams params(VectorNode n) {
    return new AsyncBackingParams(n.get("max_candidate_depth").nat(), n.get("allowed_ancestry_len").nat());
  }

  /** {@code {"0": [1, 2], "1": [2]}}: core → paras, next first. */
  static SortedMap<CoreIndex, List<ParaId>> claimQueue(VectorNode n) {
    SortedMap<CoreIndex, List<ParaId>> cq = new TreeMap<>();
    for (Map.Entry<String, VectorNode> e : n.entries().entrySet()) {
      List<ParaId> paras = new ArrayList<>();
      e.getValue().list().forEach(p -> paras.add(ProtocolValues.paraId(p)));
      cq.put(CoreIndex.of(ProtocolValues.natKey(e.getKey(), e.getValue())), paras);
    }
    return cq;
  }

  private static final class Session implements ComponentSession {
    private final VectorRelayChain chain;
    private final Map<String, CandidateSpec> candidates;
    private final NameTable names;
    private final ProspectiveParachains subsystem;

    Session(VectorRelayChain chain, Map<String, CandidateSpec> candidates, NameTable names) {
      this.chain = chain;
      this.candidates = candidates;
      this.names = names;
      this.subsystem = new ProspectiveParachains(chain);
    }

    @Override
    public OpOutcome apply(String op, VectorNode args) {
      switch (op) {
        case "activate_leaf": {
          Hash leaf = names.resolve(args.get("leaf"));
          Optional<VectorNode> p = args.opt("async_backing_params");
          if (p.isPresent()) {
            if (p.get().isText()) {
              p.get().oneOf("unsupported");
              chain.params.put(leaf, Optional.empty());
            } else {
              chain.params.put(leaf, Optional.of(params(p.get())));
            }
          }
          args.opt("claim_queue").ifPresent(cq -> chain.claimQueues.put(leaf, claimQueue(cq)));
          Optional<VectorNode> states = args.opt("backing_states");
          if (states.isPresent()) {
            Map<ParaId, BackingState> m = new HashMap<>();
            for (Map.Entry<String, VectorNode> e : states.get().entries().entrySet()) {
              m.put(ProtocolValues.paraIdKey(e.getKey(), e.getValue()), backingState(e.getValue()));
            }
            chain.backingStates.put(leaf, m);
          }
          List<Hash> deactivated = hashes(args.opt("deactivated"));
          subsystem.handleActiveLeavesUpdate(Optional.of(leaf), deactivated);
          return OpOutcome.ok(minimumRelayParents(leaf), "active_leaves", "tracked_relay_parents", "retained_relay_blocks");
        }
        case "deactivate_leaves":
          subsystem.handleActiveLeavesUpdate(Optional.empty(), hashes(Optional.of(args.get("leaves"))));
          return leaves();
        case "introduce_seconded_candidate": {
          CandidateSpec c = CandidateSpec.resolve(args.get("candidate"), candidates);
          PersistedValidationData pvd = args.opt("pvd").map(ProtocolValues::pvd).orElse(c.pvd());
          boolean added = subsystem.introduceSecondedCandidate(
              new IntroduceSecondedCandidateRequest(c.paraId(), c.receipt(), pvd));
          return OpOutcome.ok(Canonical.of("added", added));
        }
        case "candidate_backed": {
          VectorNode ref = args.get("candidate");
          ParaId para;
          Hash hash;
          if (candidates.containsKey(ref.text())) {
            CandidateSpec c = candidates.get(ref.text());
            para = args.opt("para_id").map(ProtocolValues::paraId).orElse(c.paraId());
            hash = c.hash();
          } else {
            hash = names.resolve(ref);
            para = ProtocolValues.paraId(args.get("para_id"));
          }
          subsystem.candidateBacked(para, hash);
          return OpOutcome.ok(Canonical.object());
        }
        case "get_backable_candidates": {
          Hash leaf = names.resolve(args.get("leaf"));
          ParaId para = ProtocolValues.paraId(args.get("para_id"));
          Set<Hash> ancestors = new HashSet<>(hashes(Optional.of(args.get("ancestors"))));
          List<BackableCandidate> found = subsystem.getBackableCandidates(leaf, para, args.get("count").nat(), ancestors);
          ObjectNode o = Canonical.object();
          ArrayNode a = o.putArray("backable");
          for (BackableCandidate b : found) {
            ObjectNode e = a.addObject();
            e.put("candidate", names.render(b.candidateHash()));
            e.put("relay_parent", names.render(b.relayParent()));
          }
          return OpOutcome.ok(o);
        }
        case "get_hypothetical_membership": {
          List<HypotheticalCandidate> asked = new ArrayList<>();
          List<String> labels = new ArrayList<>();
          for (VectorNode c : args.get("candidates").list()) {
            Optional<VectorNode> complete = c.opt("complete");
            Optional<VectorNode> incomplete = c.opt("incomplete");
            if (complete.isPresent() == incomplete.isPresent()) {
              throw c.malformed("give exactly one of \"complete\" and \"incomplete\"");
            }
            HypotheticalCandidate h = complete.isPresent()
                ? FragmentChainDriver.complete(complete.get(), candidates)
                : FragmentChainDriver.incomplete(incomplete.get(), names);
            asked.add(h);
            labels.add(names.render(h.candidateHash()));
          }
          Optional<Hash> only = args.opt("fragment_chain_relay_parent").map(names::resolve);
          List<HypotheticalMembership> resp = subsystem.getHypotheticalMembership(new HypotheticalMembershipRequest(asked, only));
          ObjectNode o = Canonical.object();
          ArrayNode a = o.putArray("membership");
          for (int i = 0; i < resp.size(); i++) {
            ObjectNode e = a.addObject();
            e.put("candidate", labels.get(i));
            ArrayNode leaves = e.putArray("leaves");
            resp.get(i).membership().forEach(h -> leaves.add(names.render(h)));
          }
          return OpOutcome.ok(o, "leaves");
        }
        case "get_prospective_validation_data": {
          ParaId para = ProtocolValues.paraId(args.get("para_id"));
          Hash rp = names.resolve(args.get("candidate_relay_parent"));
          Optional<VectorNode> onlyHash = args.opt("parent_head_data_hash");
          Optional<VectorNode> hashOf = args.opt("hash_of_parent_head_data");
          Optional<VectorNode> withData = args.opt("parent_head_data");
          int given = (onlyHash.isPresent() ? 1 : 0) + (hashOf.isPresent() ? 1 : 0) + (withData.isPresent() ? 1 : 0);
          if (given != 1) {
            throw args.malformed("give exactly one of \"parent_head_data_hash\", \"hash_of_parent_head_data\""
                + " (both OnlyHash) and \"parent_head_data\" (WithData)");
          }
          ParentHeadData parent;
          if (withData.isPresent()) {
            parent = ParentHeadData.WithData.of(ProtocolValues.headData(withData.get()));
          } else if (onlyHash.isPresent()) {
            parent = new ParentHeadData.OnlyHash(ProtocolValues.hash(onlyHash.get()));
          } else {
            parent = new ParentHeadData.OnlyHash(ProtocolValues.headData(hashOf.get()).hash());
          }
          Optional<PersistedValidationData> pvd =
              subsystem.getProspectiveValidationData(new ProspectiveValidationDataRequest(para, rp, parent));
          ObjectNode o = Canonical.object();
          if (pvd.isPresent()) {
            o.set("pvd", ProtocolValues.render(pvd.get()));
          } else {
            o.putNull("pvd");
          }
          return OpOutcome.ok(o);
        }
        case "get_minimum_relay_parents":
          return OpOutcome.ok(minimumRelayParents(names.resolve(args.get("leaf"))),
              "active_leaves", "tracked_relay_parents", "retained_relay_blocks");
        case "active_leaves":
          return leaves();
        case "update": {
          Optional<Hash> activated = args.opt("activated").map(names::resolve);
          subsystem.handleActiveLeavesUpdate(activated, hashes(args.opt("deactivated")));
          return leaves();
        }
        default:
          throw args.get("op").malformed("unknown operation \"" + op + "\" for prospective_parachains");
      }
    }

    private OpOutcome leaves() {
      ObjectNode o = Canonical.object();
      ArrayNode a = o.putArray("active_leaves");
      subsystem.activeLeaves().forEach(h -> a.add(names.render(h)));
      ArrayNode t = o.putArray("tracked_relay_parents");
      subsystem.trackedRelayParents().forEach(h -> t.add(names.render(h)));
      ArrayNode r = o.putArray("retained_relay_blocks");
      subsystem.retainedRelayBlocks().forEach(h -> r.add(names.render(h)));
      return OpOutcome.ok(o, "active_leaves", "tracked_relay_parents", "retained_relay_blocks");
    }

    private ObjectNode minimumRelayParents(Hash leaf) {
      ObjectNode o = Canonical.object();
      ObjectNode m = o.putObject("minimum_relay_parents");
      subsystem.getMinimumRelayParents(leaf).forEach((p, n) -> m.put(String.valueOf(p.value()), n));
      ((OpOutcome.Ok) leaves()).value().fields().forEachRemaining(e -> o.set(e.getKey(), e.getValue()));
      return o;
    }

    private List<Hash> hashes(Optional<VectorNode> list) {
      List<Hash> out = new ArrayList<>();
      list.ifPresent(l -> l.list().forEach(n -> out.add(names.resolve(n))));
      return out;
    }

    private BackingState backingState(VectorNode n) {
      Constraints c = ProtocolValues.constraints(n.get("constraints"));
      List<CandidatePendingAvailability> pending = new ArrayList<>();
      n.opt("pending_availability").ifPresent(l -> l.list().forEach(p -> {
        CandidateSpec cs = CandidateSpec.resolve(p.get("candidate"), candidates);
        int rpNumber = p.opt("relay_parent_number").map(VectorNode::nat).orElse(cs.pvd().relayParentNumber());
        int maxPov = p.opt("max_pov_size").map(VectorNode::nat).orElse(cs.pvd().maxPovSize());
        pending.add(new CandidatePendingAvailability(cs.hash(), cs.receipt().descriptor(), cs.receipt().commitments(),
            rpNumber, maxPov));
      }));
      return new BackingState(toPrimitive(c), pending);
    }

    private static io.parapipe.protocol.primitives.Constraints toPrimitive(Constraints c) {
      return new io.parapipe.protocol.primitives.Constraints(c.minRelayParentNumber(), c.maxPovSize(), c.maxCodeSize(),
          c.maxHeadDataSize(), c.umpRemaining(), c.umpRemainingBytes(), c.maxUmpNumPerCandidate(),
          c.dmpRemainingMessages(), c.hrmpInboundValidWatermarks(), c.hrmpChannelsOut(), c.maxHrmpNumPerCandidate(),
          c.requiredParent(), c.validationCodeHash(), c.upgradeRestriction(), c.futureValidationCode());
    }
  }
}
