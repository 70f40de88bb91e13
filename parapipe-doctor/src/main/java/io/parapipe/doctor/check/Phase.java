package io.parapipe.doctor.check;

/** Where a parachain stands on the async-backing upgrade path (the guide's three phases). */
public enum Phase {
  /** Synchronous backing: capacity 1, no async-backing pieces; one block per 12 s. */
  SYNC("sync"),
  /** Guide phase 1: runtime prepared ({@code FixedVelocityConsensusHook}/API, capacity 1), basic collator. */
  PHASE1("phase1"),
  /** Guide phase 2: phase-1 runtime and a lookahead (or slot-based) collator; still 12 s. */
  PHASE2("phase2"),
  /** Guide phase 3 done: capacity ≥ 2, velocity 1; one block per relay block (6 s). */
  ASYNC("async"),
  /** Elastic scaling: velocity > 1, several blocks per relay block on several cores. */
  ELASTIC("elastic"),
  /** Cannot be decided from the code (the reason says why). */
  UNKNOWN("unknown");

  private final String json;

  Phase(String json) {
    this.json = json;
  }

  /** The JSON name. */
  public String json() {
    return json;
  }
}
