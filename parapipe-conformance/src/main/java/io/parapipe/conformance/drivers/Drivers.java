package io.parapipe.conformance.drivers;

import io.parapipe.conformance.ComponentDriver;
import java.util.List;

/** Every component driver parapipe ships. */
public final class Drivers {
  private Drivers() {}

  /** One driver per component, in no particular order. */
  public static List<ComponentDriver> all() {
    return List.of(
        new InclusionEmulatorDriver(),
        new ScopeDriver(),
        new CandidateStorageDriver(),
        new FragmentChainDriver(),
        new ProspectiveParachainsDriver(),
        new UnincludedSegmentDriver(),
        new ConsensusHookDriver(),
        new ParachainRuntimeDriver(),
        new RelayNumberDriver(),
        new AuraDriver(),
        new GroupRotationDriver(),
        new ClaimQueueDriver(),
        new AvailabilityDriver(),
        new SanitizeBackedCandidatesDriver(),
        new CandidateReceiptDriver(),
        new ParentSearchDriver(),
        new SlotTimerDriver(),
        new SlotBasedCollatorDriver());
  }
}
