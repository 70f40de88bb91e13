package io.parapipe.protocol.events;

import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.ParaId;

/**
 * A validator refused a collation or found a candidate invalid, for a reason upstream names: the
 * collator protocol's {@code SecondingError} before seconding, or candidate validation's
 * {@code InvalidCandidate} when backing validated it. Upstream reports the collator; parapipe
 * records the reason. Execution timeouts are not reported here.
 *
 * @param para para
 * @param candidate candidate
 * @param relayParent relay_parent
 * @param subsystem {@code collator-protocol} or {@code candidate-validation}
 * @param reason the upstream error, as Rust's {@code Debug} prints it
 */
public record CandidateRejected(ParaId para, Hash candidate, Hash relayParent, String subsystem,
    String reason) implements TraceEvent {
  /** {@link #subsystem()} of a collation the validator side of the collator protocol refused. */
  public static final String COLLATOR_PROTOCOL = "collator-protocol";
  /** {@link #subsystem()} of a candidate backing's validation found invalid. */
  public static final String CANDIDATE_VALIDATION = "candidate-validation";

  @Override
  public String type() {
    return "candidate_rejected";
  }

  @Override
  public void writeFields(FieldWriter w) {
    w.field("para", (long) para.value());
    w.field("candidate", candidate);
    w.field("relay_parent", relayParent);
    w.field("subsystem", subsystem);
    w.field("reason", reason);
  }
}
