package io.parapipe.doctor.check;

import java.util.List;

/** Field-notes §5.11: no {@code type ConsensusHook} (legal before polkadot-sdk#4380). */
final class MissingConsensusHook implements RuleCheck {
  @Override
  public void check(CheckInput in, List<Finding> out) {
    if (in.facts.hookDeclared()) {
      return;
    }
    out.add(in.finding(Severity.INFO, Rule.MISSING_CONSENSUS_HOOK,
        "parachain-system has no `type ConsensusHook`: legal on SDKs before polkadot-sdk#4380 (May 2024), where the pallet behaves as ExpectParentIncluded (synchronous backing); newer SDKs require the line",
        in.facts.configOrigin()));
  }
}
