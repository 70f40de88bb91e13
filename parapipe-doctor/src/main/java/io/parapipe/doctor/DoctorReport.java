package io.parapipe.doctor;

import io.parapipe.doctor.check.Finding;
import io.parapipe.doctor.check.Phase;
import io.parapipe.doctor.check.PhaseDecision;
import io.parapipe.doctor.check.SdkPin;
import io.parapipe.doctor.extract.CollatorFacts;
import io.parapipe.doctor.extract.RuntimeFacts;
import io.parapipe.doctor.extract.RuntimeVariant;
import io.parapipe.doctor.extract.Unknown;
import io.parapipe.doctor.predict.PredictionOutcome;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything {@code parapipe doctor} found in a repository.
 *
 * @param root the analysed directory
 * @param phase the repository's phase (the runtimes' common phase, else unknown)
 * @param phaseReason why
 * @param runtimes the runtimes, sorted by path
 * @param collator the node's collator
 * @param findings every finding, errors first
 * @param prediction the prediction when there is exactly one runtime configuration, else an
 *     outcome pointing at the per-runtime predictions
 * @param unknowns what cannot be known, repository-wide
 * @param sdkPins polkadot-sdk git pins found in the manifests
 */
public record DoctorReport(
    Path root,
    Phase phase,
    String phaseReason,
    List<RuntimeReport> runtimes,
    CollatorFacts collator,
    List<Finding> findings,
    PredictionOutcome prediction,
    List<Unknown> unknowns,
    List<SdkPin> sdkPins) {

  /**
   * One runtime.
   *
   * @param facts what was read
   * @param variants its feature variants (one, without conditions, when it has none)
   * @param phase its phase (common to the variants, else unknown)
   */
  public record RuntimeReport(RuntimeFacts facts, List<VariantReport> variants, PhaseDecision phase) {
    /** True when the runtime's parameters depend on cargo features / cfgs. */
    public boolean hasVariants() {
      return variants.size() > 1;
    }
  }

  /**
   * One feature variant of a runtime.
   *
   * @param variant its parameters
   * @param phase its phase
   * @param predictions its predictions: one, or one per collator kind when the node starts several
   */
  public record VariantReport(RuntimeVariant variant, PhaseDecision phase, List<PredictionOutcome> predictions) {
    /** Copies the list. */
    public VariantReport {
      predictions = List.copyOf(predictions);
    }

    /** A variant with one prediction. */
    public VariantReport(RuntimeVariant variant, PhaseDecision phase, PredictionOutcome prediction) {
      this(variant, phase, List.of(prediction));
    }

    /** The first (or only) prediction. */
    public PredictionOutcome prediction() {
      return predictions.get(0);
    }
  }
}
