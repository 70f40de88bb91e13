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
import io.parapipe.protocol.para.collator.ParaBlockTree;
import io.parapipe.protocol.para.collator.ParentSearch;
import io.parapipe.protocol.para.collator.ParentSearchParams;
import io.parapipe.protocol.para.collator.ParentSearchResult;
import io.parapipe.protocol.para.collator.PotentialParent;
import io.parapipe.protocol.para.collator.RelayBlockInfo;
import io.parapipe.protocol.para.collator.RelayChainView;
import io.parapipe.protocol.para.collator.UnknownPendingPolicy;
import io.parapipe.protocol.para.runtime.DigestItem;
import io.parapipe.protocol.para.runtime.ParaBlockHeader;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.primitives.PersistedValidationData;
import io.parapipe.protocol.primitives.SessionIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code parent_search}: the collator's search for a parent to build on (F1
 * {@code find_potential_parents}, F2 {@code find_parent_for_building}), over a para block tree and
 * a relay chain shaped like upstream's test mocks: relay block {@code n} exists for every number,
 * its parent is {@code n − 1}, its children's session is 0 unless the vector says otherwise; the
 * heads included and pending availability at a relay parent are given per relay block number.
 * Para blocks are named; each records its parent and its relay parent number in its header.
 */
public final class ParentSearchDriver implements ComponentDriver {
  @Override
  public String component() {
    return "parent_search";
  }

  @Override
  public ComponentSession start(VectorNode initial, NameTable names) {
    ParaId para = initial.opt("para_id").map(ProtocolValues::paraId).orElse(ParaId.of(100));
    Fixture f = new Fixture(para, names);
    for (Map.Entry<String, VectorNode> e : initial.get("blocks").entries().entrySet()) {
      VectorNode b = e.getValue();
      f.build(e.getKey(), b.get("parent"), b.get("relay_parent").nat(),
          b.opt("imported").map(VectorNode::bool).orElse(true), b.path());
    }
    initial.opt("included").ifPresent(n -> n.entries().forEach((k, v) -> f.included.put(ProtocolValues.natKey(k, v), f.block(v))));
    initial.opt("pending").ifPresent(n -> n.entries().forEach((k, v) -> f.pending.put(ProtocolValues.natKey(k, v), f.block(v))));
    initial.opt("sessions").ifPresent(n -> n.entries().forEach((k, v) -> f.sessions.put(ProtocolValues.natKey(k, v), v.nat())));
    return f::apply;
  }

  private static Hash relayHash(int n) {
    return Hash.fromLong(n);
  }

  private static final class Fixture {
    private final ParaId para;
    private final NameTable names;
    private final Map<String, ParaBlockHeader> built = new LinkedHashMap<>();
    private final Map<Hash, ParaBlockHeader> imported = new HashMap<>();
    private final Map<Hash, List<Hash>> children = new HashMap<>();
    private final Map<Integer, ParaBlockHeader> included = new HashMap<>();
    private final Map<Integer, ParaBlockHeader> pending = new HashMap<>();
    private final Map<Integer, Integer> sessions = new HashMap<>();
    private final Map<Hash, Integer> relayNumbers = new HashMap<>();
    private long salt;

    Fixture(ParaId para, NameTable names) {
      this.para = para;
      this.names = names;
      ParaBlockHeader genesis = ParaBlockHeader.genesis(para);
      built.put("genesis", genesis);
      names.define("genesis", genesis.hash(), "initial");
      importBlock(genesis);
    }

    void build(String name, VectorNode parentRef, int relayParent, boolean doImport, String at) {
      ParaBlockHeader parent = block(parentRef);
      salt++;
      ParaBlockHeader h = new ParaBlockHeader(parent.hash(), parent.number() + 1, Hash.fromLong(salt), Hash.ZERO,
          List.of(new DigestItem.AuraPreDigest(salt), new DigestItem.CumulusRelayParent(relayHash(relayParent))));
      names.define(name, h.hash(), at);
      built.put(name, h);
      if (doImport) {
        importBlock(h);
      }
    }

    ParaBlockHeader block(VectorNode ref) {
      ParaBlockHeader h = built.get(ref.text());
      if (h == null) {
        throw ref.malformed("unknown block \"" + ref.text() + "\" (blocks are defined in order; \"genesis\" is predefined)");
      }
      return h;
    }

    private void importBlock(ParaBlockHeader h) {
      if (imported.putIfAbsent(h.hash(), h) == null) {
        children.computeIfAbsent(h.parentHash(), k -> new ArrayList<>()).add(h.hash());
      }
    }

    OpOutcome apply(String op, VectorNode args) {
      switch (op) {
        case "find_potential_parents": {
          boolean ignore = args.get("ignore_alternative_branches").bool();
          UnknownPendingPolicy policy = args.opt("unknown_pending").map(v -> v.oneOf("empty", "included"))
              .map(v -> v.equals("empty") ? UnknownPendingPolicy.RETURN_EMPTY : UnknownPendingPolicy.RETURN_INCLUDED)
              .orElse(UnknownPendingPolicy.RETURN_EMPTY);
          List<PotentialParent> found = ParentSearch.findPotentialParents(new ParentSearchParams(
              relayHash(args.get("relay_parent").nat()), para, args.get("ancestry_lookback").nat(),
              args.get("max_depth").nat(), ignore), tree, relay, policy);
          ObjectNode o = Canonical.object();
          ArrayNode ordered = o.putArray("parents");
          ArrayNode set = o.putArray("parent_set");
          for (PotentialParent p : found) {
            ObjectNode e = ordered.addObject();
            e.put("block", names.render(p.hash()));
            e.put("depth", p.depth());
            e.put("aligned_with_pending", p.alignedWithPending());
            set.add(e.deepCopy());
          }
          return OpOutcome.ok(o, "parent_set");
        }
        case "find_parent_for_building": {
          Set<Hash> rejected = new HashSet<>();
          args.opt("reject").ifPresent(l -> l.list().forEach(b -> rejected.add(block(b).hash())));
          Optional<ParentSearchResult> r = ParentSearch.findParentForBuilding(relayHash(args.get("relay_parent").nat()),
              para, args.get("ancestry_lookback").nat(), tree, relay, h -> !rejected.contains(h.hash()));
          ObjectNode o = Canonical.object();
          if (r.isEmpty()) {
            o.putNull("result");
          } else {
            ObjectNode res = o.putObject("result");
            res.put("included", names.render(r.get().includedHeader().hash()));
            res.put("best_parent", names.render(r.get().bestParentHeader().hash()));
            res.put("unincluded_segment_length", r.get().unincludedSegmentLength());
          }
          return OpOutcome.ok(o);
        }
        case "import_block":
          importBlock(block(args.get("block")));
          return OpOutcome.ok(Canonical.object());
        case "set_included":
          set(included, args);
          return OpOutcome.ok(Canonical.object());
        case "set_pending":
          set(pending, args);
          return OpOutcome.ok(Canonical.object());
        case "set_session":
          sessions.put(args.get("relay_block").nat(), args.get("session").nat());
          return OpOutcome.ok(Canonical.object());
        default:
          throw args.get("op").malformed("unknown operation \"" + op + "\" for parent_search");
      }
    }

    private void set(Map<Integer, ParaBlockHeader> m, VectorNode args) {
      int rp = args.get("relay_parent").nat();
      Optional<VectorNode> b = args.opt("block");
      if (b.isPresent()) {
        m.put(rp, block(b.get()));
      } else {
        m.remove(rp);
      }
    }

    private int number(Hash relayHash) {
      byte[] b = relayHash.toByteArray();
      long v = 0;
      for (int i = 0; i < 8; i++) {
        v = (v << 8) | (b[i] & 0xff);
      }
      return (int) v;
    }

    private final ParaBlockTree tree = new ParaBlockTree() {
      @Override
      public Optional<ParaBlockHeader> header(Hash hash) {
        return Optional.ofNullable(imported.get(hash));
      }

      @Override
      public List<Hash> children(Hash hash) {
        return children.getOrDefault(hash, List.of());
      }
    };

    private final RelayChainView relay = new RelayChainView() {
      @Override
      public Optional<RelayBlockInfo> header(Hash hash) {
        int n = number(hash);
        Hash parent = n > 0 ? relayHash(n - 1) : Hash.ZERO;
        return Optional.of(new RelayBlockInfo(hash, parent, n, Hash.fromLong(0x7000_0000L + n), n, false));
      }

      @Override
      public SessionIndex sessionIndexForChild(Hash hash) {
        return SessionIndex.of(sessions.getOrDefault(number(hash), 0));
      }

      @Override
      public Optional<PersistedValidationData> validationDataAssumingTimedOut(Hash relayParent, ParaId paraId) {
        return Optional.ofNullable(included.get(number(relayParent))).map(h -> pvd(h, relayParent));
      }

      @Override
      public Optional<PersistedValidationData> validationDataAssumingIncluded(Hash relayParent, ParaId paraId) {
        return Optional.ofNullable(pending.get(number(relayParent))).map(h -> pvd(h, relayParent));
      }
    };

    private PersistedValidationData pvd(ParaBlockHeader h, Hash relayParent) {
      int n = number(relayParent);
      return new PersistedValidationData(h.headData(), n, Hash.fromLong(0x7000_0000L + n), 5 << 20);
    }
  }
}
