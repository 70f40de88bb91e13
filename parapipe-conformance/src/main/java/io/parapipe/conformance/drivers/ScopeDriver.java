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
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.HeadData;
import io.parapipe.protocol.relay.node.prospective.Constraints;
import io.parapipe.protocol.relay.node.prospective.RelayChainBlockInfo;
import io.parapipe.protocol.relay.node.prospective.Result;
import io.parapipe.protocol.relay.node.prospective.Scope;
import io.parapipe.protocol.relay.node.prospective.UnexpectedAncestor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code scope}: {@code Scope::with_ancestors} and its lookups. The scope reads only
 * {@code min_relay_parent_number} of its base constraints, so vectors give that number alone.
 */
public final class ScopeDriver implements ComponentDriver {
  @Override
  public String component() {
    return "scope";
  }

  /** Base constraints with the given minimum relay-parent number and nothing else of interest. */
  static Constraints withMinRelayParent(int min) {
    return new Constraints(min, 0, 0, 0, 0, 0, 0, List.of(), List.of(), new TreeMap<>(), 0,
        HeadData.of(new byte[0]), Hash.ZERO, Optional.empty(), Optional.empty());
  }

  @Override
  public ComponentSession start(VectorNode initial, NameTable names) {
    RelayBlocks blocks = RelayBlocks.read(initial.opt("relay_blocks"), names);
    Scope[] current = new Scope[1];
    return (op, args) -> switch (op) {
      case "with_ancestors" -> {
        RelayChainBlockInfo rp = blocks.resolve(args.get("relay_parent"));
        int min = args.get("min_relay_parent_number").nat();
        int depth = args.opt("max_depth").map(VectorNode::nat).orElse(0);
        List<RelayChainBlockInfo> ancestors = new ArrayList<>();
        for (VectorNode a : args.get("ancestors").list()) {
          ancestors.add(blocks.resolve(a));
        }
        Result<Scope, UnexpectedAncestor> r = Scope.withAncestors(rp, withMinRelayParent(min), List.of(), depth, ancestors);
        if (r.isErr()) {
          ObjectNode e = Canonical.error("UnexpectedAncestor");
          e.put("number", r.error().number());
          e.put("prev", r.error().prev());
          yield OpOutcome.err(e);
        }
        current[0] = r.value();
        yield OpOutcome.ok(render(r.value(), names));
      }
      case "ancestor" -> {
        Scope s = requireScope(current[0], args);
        Hash h = names.resolve(args.get("hash"));
        ObjectNode o = Canonical.object();
        Optional<RelayChainBlockInfo> a = s.ancestor(h);
        if (a.isPresent()) {
          o.set("ancestor", ProtocolValues.renderRelayBlock(a.get(), names));
        } else {
          o.putNull("ancestor");
        }
        yield OpOutcome.ok(o);
      }
      default -> throw args.get("op").malformed("unknown operation \"" + op + "\" for scope");
    };
  }

  private static Scope requireScope(Scope s, VectorNode args) {
    if (s == null) {
      throw args.malformed("no scope yet: run with_ancestors successfully first");
    }
    return s;
  }

  private static ObjectNode render(Scope s, NameTable names) {
    ObjectNode o = Canonical.object();
    o.set("relay_parent", ProtocolValues.renderRelayBlock(s.relayParent(), names));
    ArrayNode a = o.putArray("ancestors");
    s.ancestors().values().forEach(b -> a.add(ProtocolValues.renderRelayBlock(b, names)));
    o.set("earliest_relay_parent", ProtocolValues.renderRelayBlock(s.earliestRelayParent(), names));
    return o;
  }
}
