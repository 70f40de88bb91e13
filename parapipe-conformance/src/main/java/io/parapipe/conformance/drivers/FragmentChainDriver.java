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
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.HeadData;
import io.parapipe.protocol.primitives.PersistedValidationData;
import io.parapipe.protocol.relay.node.prospective.BackableCandidate;
import io.parapipe.protocol.relay.node.prospective.CandidateEntry;
import io.parapipe.protocol.relay.node.prospective.CandidateEntryError;
import io.parapipe.protocol.relay.node.prospective.CandidateStorage;
import io.parapipe.protocol.relay.node.prospective.Constraints;
import io.parapipe.protocol.relay.node.prospective.FragmentChain;
import io.parapipe.protocol.relay.node.prospective.FragmentChainError;
import io.parapipe.protocol.relay.node.prospective.HypotheticalCandidate;
import io.parapipe.protocol.relay.node.prospective.HypotheticalOrConcreteCandidate;
import io.parapipe.protocol.relay.node.prospective.PendingAvailability;
import io.parapipe.protocol.relay.node.prospective.RelayChainBlockInfo;
import io.parapipe.protocol.relay.node.prospective.Result;
import io.parapipe.protocol.relay.node.prospective.Scope;
import io.parapipe.protocol.relay.node.prospective.UnexpectedAncestor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code fragment_chain}: one para's fragment chain at one relay block ({@code FragmentChain}, Era
 * B): init and populate from a previous chain, seconded candidates, backing, the admission rule,
 * backable chains and lookups. Candidate hashes may be fixed by the vector, so that fork choice
 * (lowest hash wins) does not depend on how an implementation hashes receipts.
 */
public final class FragmentChainDriver implements ComponentDriver {
  @Override
  public String component() {
    return "fragment_chain";
  }

  @Override
  public ComponentSession start(VectorNode initial, NameTable names) {
    RelayBlocks blocks = RelayBlocks.read(initial.opt("relay_blocks"), names);
    Map<String, Constraints> constraints = new LinkedHashMap<>();
    initial.opt("constraints").ifPresent(n -> n.entries().forEach((k, v) -> constraints.put(k, ProtocolValues.constraints(v))));
    Map<String, CandidateSpec> candidates = CandidateSpec.readAll(initial.get("candidates"), names, true);
    return new Session(blocks, constraints, candidates, names);
  }

  private static final class Session implements ComponentSession {
    private final RelayBlocks blocks;
    private final Map<String, Constraints> constraints;
    private final Map<String, CandidateSpec> candidates;
    private final NameTable names;
    private FragmentChain chain;

    Session(RelayBlocks blocks, Map<String, Constraints> constraints, Map<String, CandidateSpec> candidates, NameTable names) {
      this.blocks = blocks;
      this.constraints = constraints;
      this.candidates = candidates;
      this.names = names;
    }

    @Override
    public OpOutcome apply(String op, VectorNode args) {
      if (op.equals("init")) {
        return init(args);
      }
      FragmentChain c = requireChain(args, op);
      switch (op) {
        case "state":
          return state(c);
        case "try_adding_seconded_candidate": {
          Result<CandidateEntry, CandidateEntryError> entry = CandidateStorageDriver.entry(args, candidates);
          if (entry.isErr()) {
            return OpOutcome.err(ProtocolValues.render(new FragmentChainError.CandidateEntry(entry.error()), names));
          }
          Optional<FragmentChainError> e = c.tryAddingSecondedCandidate(entry.value());
          return e.isPresent() ? OpOutcome.err(ProtocolValues.render(e.get(), names)) : state(c);
        }
        case "candidate_backed":
          c.candidateBacked(names.resolve(args.get("candidate")));
          return state(c);
        case "can_add_candidate_as_potential":
        case "check_potential": {
          HypotheticalOrConcreteCandidate cand = candidate(args);
          Optional<FragmentChainError> e = op.equals("check_potential")
              ? c.checkPotential(cand) : c.canAddCandidateAsPotential(cand);
          return e.isPresent() ? OpOutcome.err(ProtocolValues.render(e.get(), names)) : OpOutcome.ok(Canonical.object());
        }
        case "find_backable_chain": {
          Set<Hash> ancestors = hashes(args.get("ancestors"));
          List<BackableCandidate> found = c.findBackableChain(ancestors, args.get("count").nat());
          ObjectNode o = Canonical.object();
          ArrayNode a = o.putArray("backable");
          for (BackableCandidate b : found) {
            ObjectNode e = a.addObject();
            e.put("candidate", names.render(b.candidateHash()));
            e.put("relay_parent", names.render(b.relayParent()));
          }
          return OpOutcome.ok(o);
        }
        case "find_ancestor_path":
          return OpOutcome.ok(Canonical.of("index", c.findAncestorPath(hashes(args.get("ancestors")))));
        case "is_candidate_backed":
          return OpOutcome.ok(Canonical.of("backed", c.isCandidateBacked(names.resolve(args.get("candidate")))));
        case "get_head_data_by_hash": {
          Optional<HeadData> h = c.getHeadDataByHash(
              CandidateStorageDriver.headHash(args, "head_data_hash", "hash_of_head_data"));
          ObjectNode o = Canonical.object();
          if (h.isPresent()) {
            o.put("head_data", h.get().toHex());
          } else {
            o.putNull("head_data");
          }
          return OpOutcome.ok(o);
        }
        case "earliest_relay_parent": {
          ObjectNode o = Canonical.object();
          Optional<RelayChainBlockInfo> rp = c.earliestRelayParent();
          if (rp.isPresent()) {
            o.set("earliest_relay_parent", ProtocolValues.renderRelayBlock(rp.get(), names));
          } else {
            o.putNull("earliest_relay_parent");
          }
          return OpOutcome.ok(o);
        }
        case "earliest_relay_parent_pending_availability": {
          ObjectNode o = Canonical.object();
          o.set("earliest_relay_parent", ProtocolValues.renderRelayBlock(c.earliestRelayParentPendingAvailability(), names));
          return OpOutcome.ok(o);
        }
        default:
          throw args.get("op").malformed("unknown operation \"" + op + "\" for fragment_chain");
      }
    }

    private FragmentChain requireChain(VectorNode args, String op) {
      if (chain == null) {
        throw args.get("op").malformed("\"" + op + "\" before any successful \"init\"");
      }
      return chain;
    }

    private OpOutcome init(VectorNode args) {
      VectorNode s = args.get("scope");
      RelayChainBlockInfo rp = blocks.resolve(s.get("relay_parent"));
      List<RelayChainBlockInfo> ancestors = new ArrayList<>();
      s.opt("ancestors").ifPresent(l -> l.list().forEach(a -> ancestors.add(blocks.resolve(a))));
      Constraints base = constraintsRef(s.get("base_constraints"));
      List<PendingAvailability> pending = new ArrayList<>();
      s.opt("pending_availability").ifPresent(l -> l.list().forEach(p -> pending.add(new PendingAvailability(
          CandidateSpec.resolve(p.get("candidate"), candidates).hash(), blocks.resolve(p.get("relay_parent"))))));
      int maxDepth = s.get("max_depth").nat();

      CandidateStorage pendingStorage = new CandidateStorage();
      Optional<VectorNode> ps = args.opt("pending_storage");
      if (ps.isPresent()) {
        for (VectorNode n : ps.get().list()) {
          CandidateSpec cs = CandidateSpec.resolve(n, candidates);
          Optional<FragmentChainError> e = pendingStorage.addPendingAvailabilityCandidate(cs.hash(), cs.receipt(), cs.pvd());
          if (e.isPresent()) {
            throw n.malformed("cannot add to the pending storage: " + e.get().message());
          }
        }
      }
      Optional<VectorNode> prevNode = args.opt("populate_from_previous");
      FragmentChain previous = null;
      Scope scope = null;
      Result<Scope, UnexpectedAncestor> r = Scope.withAncestors(rp, base, pending, maxDepth, ancestors);
      if (r.isErr()) {
        ObjectNode e = Canonical.error("UnexpectedAncestor");
        e.put("number", r.error().number());
        e.put("prev", r.error().prev());
        prevNode.ifPresent(this::readPrevious); // still check the format
        return OpOutcome.err(e);
      }
      scope = r.value();
      if (prevNode.isPresent()) {
        VectorNode p = prevNode.get();
        if (p.isText()) {
          p.oneOf("chain");
          if (chain == null) {
            throw p.malformed("\"chain\" needs a chain from an earlier \"init\"");
          }
          previous = chain;
        } else {
          previous = FragmentChain.withUncheckedUnconnected(scope, readPrevious(p));
        }
      }
      FragmentChain next = FragmentChain.init(scope, pendingStorage);
      if (previous != null) {
        next.populateFromPrevious(previous);
      }
      chain = next;
      return state(next);
    }

    /** An unchecked storage: {@code [{"candidate": name, "state": "seconded"|"backed"}]}. */
    private CandidateStorage readPrevious(VectorNode p) {
      if (p.isText()) {
        p.oneOf("chain");
        return new CandidateStorage();
      }
      CandidateStorage storage = new CandidateStorage();
      for (VectorNode e : p.list()) {
        Result<CandidateEntry, CandidateEntryError> entry = CandidateStorageDriver.entry(e, candidates);
        if (entry.isErr()) {
          throw e.malformed("cannot build the entry: " + entry.error().message());
        }
        if (storage.addCandidateEntry(entry.value()).isPresent()) {
          throw e.malformed("candidate listed twice");
        }
      }
      return storage;
    }

    private Constraints constraintsRef(VectorNode n) {
      if (n.isObject()) {
        return ProtocolValues.constraints(n);
      }
      Constraints c = constraints.get(n.text());
      if (c == null) {
        throw n.malformed("unknown constraints \"" + n.text() + "\" (define them in initial.constraints)");
      }
      return c;
    }

    private HypotheticalOrConcreteCandidate candidate(VectorNode args) {
      Optional<VectorNode> named = args.opt("candidate");
      Optional<VectorNode> complete = args.opt("complete");
      Optional<VectorNode> incomplete = args.opt("incomplete");
      int given = (named.isPresent() ? 1 : 0) + (complete.isPresent() ? 1 : 0) + (incomplete.isPresent() ? 1 : 0);
      if (given != 1) {
        throw args.malformed("give exactly one of \"candidate\", \"complete\" and \"incomplete\"");
      }
      if (named.isPresent()) {
        Result<CandidateEntry, CandidateEntryError> entry = CandidateStorageDriver.entry(args, candidates);
        if (entry.isErr()) {
          throw args.malformed("cannot build the entry: " + entry.error().message());
        }
        return entry.value();
      }
      if (complete.isPresent()) {
        return complete(complete.get(), candidates);
      }
      return incomplete(incomplete.get(), names);
    }

    private Set<Hash> hashes(VectorNode list) {
      Set<Hash> out = new HashSet<>();
      for (VectorNode n : list.list()) {
        out.add(names.resolve(n));
      }
      return out;
    }

    private OpOutcome state(FragmentChain c) {
      ObjectNode o = Canonical.object();
      ArrayNode best = o.putArray("best_chain");
      c.bestChainVec().forEach(h -> best.add(names.render(h)));
      ArrayNode unconnected = o.putArray("unconnected");
      for (CandidateEntry e : c.unconnected()) {
        unconnected.add(names.render(e.candidateHash()));
      }
      return OpOutcome.ok(o, "unconnected");
    }
  }

  /** {@code {"candidate": name, "pvd"?: override}}: a complete hypothetical candidate. */
  static HypotheticalCandidate.Complete complete(VectorNode n, Map<String, CandidateSpec> candidates) {
    CandidateSpec c = CandidateSpec.resolve(n.get("candidate"), candidates);
    PersistedValidationData pvd = n.opt("pvd").map(ProtocolValues::pvd).orElse(c.pvd());
    return new HypotheticalCandidate.Complete(c.hash(), c.receipt(), pvd);
  }

  /**
   * {@code {"candidate_hash", "para_id", "parent_head_data_hash" | "parent_head", "relay_parent"}}:
   * an incomplete hypothetical candidate.
   */
  static HypotheticalCandidate.Incomplete incomplete(VectorNode n, NameTable names) {
    Hash parent = CandidateStorageDriver.headHash(n, "parent_head_data_hash", "parent_head");
    return new HypotheticalCandidate.Incomplete(names.resolve(n.get("candidate_hash")),
        ProtocolValues.paraId(n.get("para_id")), parent, names.resolve(n.get("relay_parent")));
  }
}
