package io.parapipe.doctor.check;

import java.util.List;

/** Field-notes §5.14: async backing on a polkadot-sdk pinned to v1.1 or older. */
final class SdkPredatesAsyncBacking implements RuleCheck {
  @Override
  public void check(CheckInput in, List<Finding> out) {
    if (in.phase != Phase.ASYNC && in.phase != Phase.ELASTIC && in.phase != Phase.PHASE2) {
      return;
    }
    for (SdkPin pin : in.pins) {
      if (pin.predatesAsyncBacking()) {
        out.add(in.finding(Severity.WARN, Rule.SDK_PREDATES_ASYNC_BACKING,
            "polkadot-sdk is pinned to " + pin.ref() + ", which predates full async-backing support (block times degrade, e.g. 18 s instead of 6 s)",
            pin.origin()));
      }
    }
  }
}
