package io.parapipe.conformance.drivers;

import io.parapipe.conformance.Canonical;
import io.parapipe.conformance.ComponentDriver;
import io.parapipe.conformance.ComponentSession;
import io.parapipe.conformance.NameTable;
import io.parapipe.conformance.OpOutcome;
import io.parapipe.conformance.VectorNode;
import io.parapipe.protocol.para.runtime.RelayNumberPolicy;
import io.parapipe.protocol.para.runtime.RuntimePanic;
import java.util.Optional;

/**
 * {@code relay_number}: parachain-system's {@code CheckAssociatedRelayNumber} policies
 * ({@code RelayNumberStrictlyIncreases}, {@code RelayNumberMonotonicallyIncreases},
 * {@code AnyRelayNumber}) on {@code u32} block numbers, with their exact panic messages.
 */
public final class RelayNumberDriver implements ComponentDriver {
  @Override
  public String component() {
    return "relay_number";
  }

  static RelayNumberPolicy policy(VectorNode n) {
    return switch (n.oneOf("RelayNumberStrictlyIncreases", "RelayNumberMonotonicallyIncreases", "AnyRelayNumber")) {
      case "RelayNumberStrictlyIncreases" -> RelayNumberPolicy.RELAY_NUMBER_STRICTLY_INCREASES;
      case "RelayNumberMonotonicallyIncreases" -> RelayNumberPolicy.RELAY_NUMBER_MONOTONICALLY_INCREASES;
      default -> RelayNumberPolicy.ANY_RELAY_NUMBER;
    };
  }

  @Override
  public ComponentSession start(VectorNode initial, NameTable names) {
    Optional<RelayNumberPolicy> initialPolicy = initial.opt("policy").map(RelayNumberDriver::policy);
    return (op, args) -> {
      if (!op.equals("check")) {
        throw args.get("op").malformed("unknown operation \"" + op + "\" for relay_number");
      }
      RelayNumberPolicy p = args.opt("policy").map(RelayNumberDriver::policy)
          .or(() -> initialPolicy)
          .orElseThrow(() -> args.malformed("no policy: give initial.policy or the operation's \"policy\""));
      Optional<RuntimePanic> panic = p.check(args.get("current").u32Bits(), args.get("previous").u32Bits());
      return panic.isPresent() ? OpOutcome.err(Canonical.panic(panic.get().message())) : OpOutcome.ok(Canonical.object());
    };
  }
}
