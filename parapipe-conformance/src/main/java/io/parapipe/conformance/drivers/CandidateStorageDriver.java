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
import io.parapipe.protocol.relay.node.prospective.CandidateEntry;
import io.parapipe.protocol.relay.node.prospective.CandidateEntryError;
import io.parapipe.protocol.relay.node.prospective.CandidateState;
import io.parapipe.protocol.relay.node.prospective.CandidateStorage;
import io.parapipe.protocol.relay.node.prospective.FragmentChainError;
import io.parapipe.protocol.relay.node.prospective.Result;
import java.util.Map;
import java.util.Optional;

/** {@code candidate_storage}: candidate entries and the three-index candidate storage. */
public final class CandidateStorageDriver implements ComponentDriver {
  @Override
  public String component() {
    return "candidate_storage";
  }

  @Override
  public ComponentSession start(VectorNode initial, NameTable names) {
    RelayBlocks.read(initial.opt("relay_blocks"), names);
    Map<String, CandidateSpec> candidates = CandidateSpec.readAll(initial.get("candidates"), names, true);
    CandidateStorage storage = new CandidateStorage();
    return (op, args) -> switch (op) {
      case "new_entry" -> {
        Result<CandidateEntry, CandidateEntryError> r = entry(args, candidates);
        yield r.isErr() ? OpOutcome.err(ProtocolValues.render(r.error())) : OpOutcome.ok(Canonical.object());
      }
      case "add" -> {
        Result<CandidateEntry, CandidateEntryError> r = entry(args, candidates);
        if (r.isErr()) {
          yield OpOutcome.err(ProtocolValues.render(new FragmentChainError.CandidateEntry(r.error()), names));
        }
        Optional<FragmentChainError> e = storage.addCandidateEntry(r.value());
        yield e.isPresent() ? OpOutcome.err(ProtocolValues.render(e.get(), names)) : OpOutcome.ok(Canonical.object());
      }
      case "add_pending_availability" -> {
        CandidateSpec c = CandidateSpec.resolve(args.get("candidate"), candidates);
        PersistedValidationData pvd = args.opt("pvd").map(ProtocolValues::pvd).orElse(c.pvd());
        Optional<FragmentChainError> e = storage.addPendingAvailabilityCandidate(c.hash(), c.receipt(), pvd);
        yield e.isPresent() ? OpOutcome.err(ProtocolValues.render(e.get(), names)) : OpOutcome.ok(Canonical.object());
      }
      case "mark_backed" -> {
        storage.markBacked(names.resolve(args.get("candidate")));
        yield OpOutcome.ok(Canonical.object());
      }
      case "remove" -> {
        storage.removeCandidate(names.resolve(args.get("candidate")));
        yield OpOutcome.ok(Canonical.object());
      }
      case "contains" -> OpOutcome.ok(Canonical.of("contains", storage.contains(names.resolve(args.get("candidate")))));
      case "len" -> OpOutcome.ok(Canonical.of("len", storage.len()));
      case "possible_backed_para_children" -> {
        Hash parent = headHash(args, "parent_head_hash", "parent_head");
        ArrayNode a = Canonical.array();
        storage.possibleBackedParaChildren(parent).forEach(e -> a.add(names.render(e.candidateHash())));
        ObjectNode o = Canonical.object();
        o.set("candidates", a);
        yield OpOutcome.ok(o, "candidates");
      }
      case "head_data_by_hash" -> {
        Optional<HeadData> h = storage.headDataByHash(headHash(args, "head_data_hash", "hash_of_head_data"));
        ObjectNode o = Canonical.object();
        if (h.isPresent()) {
          o.put("head_data", h.get().toHex());
        } else {
          o.putNull("head_data");
        }
        yield OpOutcome.ok(o);
      }
      default -> throw args.get("op").malformed("unknown operation \"" + op + "\" for candidate_storage");
    };
  }

  /** {@code CandidateEntry::new} for {@code candidate} in {@code state} (default seconded), with an optional PVD. */
  static Result<CandidateEntry, CandidateEntryError> entry(VectorNode args, Map<String, CandidateSpec> candidates) {
    CandidateSpec c = CandidateSpec.resolve(args.get("candidate"), candidates);
    PersistedValidationData pvd = args.opt("pvd").map(ProtocolValues::pvd).orElse(c.pvd());
    return CandidateEntry.create(c.hash(), c.receipt(), pvd, state(args));
  }

  /** The optional {@code state}: {@code "seconded"} (default) or {@code "backed"}. */
  static CandidateState state(VectorNode args) {
    return args.opt("state").map(s -> s.oneOf("seconded", "backed"))
        .map(s -> s.equals("backed") ? CandidateState.BACKED : CandidateState.SECONDED)
        .orElse(CandidateState.SECONDED);
  }

  /** A head-data hash given as a hash ({@code hashField}) or as the head data to hash ({@code dataField}). */
  static Hash headHash(VectorNode args, String hashField, String dataField) {
    Optional<VectorNode> h = args.opt(hashField);
    Optional<VectorNode> d = args.opt(dataField);
    if (h.isPresent() == d.isPresent()) {
      throw args.malformed("give exactly one of \"" + hashField + "\" and \"" + dataField + "\"");
    }
    return h.isPresent() ? ProtocolValues.hash(h.get()) : ProtocolValues.headData(d.get()).hash();
  }
}
