package io.parapipe.doctor.check;

import io.parapipe.doctor.extract.ParamKey;
import java.util.List;

/** Parachain-side §9 #11: the hook's relay slot is not Polkadot's 6000 ms. */
final class RelaySlotDurationMismatch implements RuleCheck {
  @Override
  public void check(CheckInput in, List<Finding> out) {
    if (in.relaySlot == null || in.relaySlot == Checker.RELAY_SLOT_MS) {
      return;
    }
    out.add(in.finding(Severity.ERROR, Rule.RELAY_SLOT_DURATION_MISMATCH,
        "the consensus hook is given a relay chain slot of " + in.relaySlot + " ms but Polkadot and Kusama relay slots are 6000 ms: the para slot derived from the relay slot is wrong and the hook panics (\"slot number mismatch\" / \"Parachain slot is too far in the future\")",
        in.at(ParamKey.RELAY_CHAIN_SLOT_DURATION)));
  }
}
