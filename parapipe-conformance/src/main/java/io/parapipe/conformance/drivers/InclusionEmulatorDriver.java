package io.parapipe.conformance.drivers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parapipe.conformance.Canonical;
import io.parapipe.conformance.ComponentDriver;
import io.parapipe.conformance.ComponentSession;
import io.parapipe.conformance.NameTable;
import io.parapipe.conformance.OpOutcome;
import io.parapipe.conformance.ProtocolValues;
import io.parapipe.conformance.VectorNode;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.PersistedValidationData;
import io.parapipe.protocol.relay.node.prospective.ConstraintModifications;
import io.parapipe.protocol.relay.node.prospective.Constraints;
import io.parapipe.protocol.relay.node.prospective.Fragment;
import io.parapipe.protocol.relay.node.prospective.FragmentValidityError;
import io.parapipe.protocol.relay.node.prospective.ModificationError;
import io.parapipe.protocol.relay.node.prospective.ProspectiveCandidate;
import io.parapipe.protocol.relay.node.prospective.RelayChainBlockInfo;
import io.parapipe.protocol.relay.node.prospective.Result;
import java.util.Optional;

/**
 * {@code inclusion_emulator}: constraints and their modifications ({@code check_modifications},
 * {@code apply_modifications}, {@code stack}) and fragment validity ({@code Fragment::new}).
 */
public final class InclusionEmulatorDriver implements ComponentDriver {
  @Override
  public String component() {
    return "inclusion_emulator";
  }

  @Override
  public ComponentSession start(VectorNode initial, NameTable names) {
    Optional<Constraints> constraints = initial.opt("constraints").map(ProtocolValues::constraints);
    return (op, args) -> switch (op) {
      case "check_modifications" -> {
        Constraints c = constraints(args, constraints);
        Optional<ModificationError> e = c.checkModifications(ProtocolValues.modifications(args.get("modifications")));
        yield e.isPresent() ? OpOutcome.err(ProtocolValues.render(e.get())) : OpOutcome.ok(Canonical.object());
      }
      case "apply_modifications" -> {
        Constraints c = constraints(args, constraints);
        Result<Constraints, ModificationError> r = c.applyModifications(ProtocolValues.modifications(args.get("modifications")));
        if (r.isErr()) {
          yield OpOutcome.err(ProtocolValues.render(r.error()));
        }
        ObjectNode o = Canonical.object();
        o.set("constraints", ProtocolValues.render(r.value()));
        yield OpOutcome.ok(o);
      }
      case "stack_modifications" -> {
        ConstraintModifications a = ProtocolValues.modifications(args.get("modifications"));
        ConstraintModifications b = ProtocolValues.modifications(args.get("other"));
        ObjectNode o = Canonical.object();
        o.set("modifications", ProtocolValues.render(a.stack(b)));
        yield OpOutcome.ok(o);
      }
      case "check_fragment" -> {
        Constraints c = constraints(args, constraints);
        RelayChainBlockInfo rp = ProtocolValues.relayBlock(args.get("relay_parent"));
        VectorNode cand = args.get("candidate");
        PersistedValidationData pvd = ProtocolValues.pvd(cand.get("persisted_validation_data"));
        ProspectiveCandidate candidate = new ProspectiveCandidate(
            ProtocolValues.commitments(cand.get("commitments")), pvd,
            cand.opt("pov_hash").map(ProtocolValues::hash).orElse(Hash.ZERO),
            ProtocolValues.hash(cand.get("validation_code_hash")));
        Result<Fragment, FragmentValidityError> f = Fragment.create(rp, c, candidate);
        if (f.isErr()) {
          yield OpOutcome.err(ProtocolValues.render(f.error()));
        }
        ObjectNode o = Canonical.object();
        o.set("modifications", ProtocolValues.render(f.value().constraintModifications()));
        yield OpOutcome.ok(o);
      }
      default -> throw args.get("op").malformed("unknown operation \"" + op + "\" for inclusion_emulator");
    };
  }

  private static Constraints constraints(VectorNode args, Optional<Constraints> initial) {
    Optional<VectorNode> own = args.opt("constraints");
    if (own.isPresent()) {
      return ProtocolValues.constraints(own.get());
    }
    return initial.orElseThrow(() -> args.malformed(
        "no constraints: give initial.constraints or the operation's \"constraints\""));
  }
}
