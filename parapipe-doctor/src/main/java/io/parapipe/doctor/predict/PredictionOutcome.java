package io.parapipe.doctor.predict;

import java.util.List;

/**
 * The prediction for one runtime (variant): made, unavailable, skipped or failed, with the
 * scenario that was (or would be) simulated and the assumptions it rests on.
 *
 * @param status what happened
 * @param reason why it was not made, or null
 * @param prediction the figures when {@code status == OK}, else null
 * @param assumptions values the scenario assumes because the code did not say (empty when none)
 * @param scenarioToml the scenario, or null when skipped before one could be built
 * @param collatorKind the collator the scenario runs when the node starts several, else null
 */
public record PredictionOutcome(Status status, String reason, Prediction prediction, List<String> assumptions, String scenarioToml, String collatorKind) {
  /** Prediction states. */
  public enum Status {
    /** The simulator ran. */
    OK("ok"),
    /** No simulator in this build. */
    UNAVAILABLE("unavailable"),
    /** Not attempted: a value it needs is unknown, or the chain is not of a kind the simulator models (yet). */
    SKIPPED("skipped"),
    /** The simulator rejected the scenario or failed. */
    FAILED("failed");

    private final String json;

    Status(String json) {
      this.json = json;
    }

    /** The JSON name. */
    public String json() {
      return json;
    }
  }

  /** Copies the list. */
  public PredictionOutcome {
    assumptions = List.copyOf(assumptions);
  }

  /** True when the figures rest on assumed values. */
  public boolean basedOnAssumptions() {
    return !assumptions.isEmpty();
  }

  /** An outcome for the node's only collator (or the assumed one). */
  public PredictionOutcome(Status status, String reason, Prediction prediction, List<String> assumptions, String scenarioToml) {
    this(status, reason, prediction, assumptions, scenarioToml, null);
  }

  /** A skipped prediction. */
  public static PredictionOutcome skipped(String reason) {
    return new PredictionOutcome(Status.SKIPPED, reason, null, List.of(), null, null);
  }
}
