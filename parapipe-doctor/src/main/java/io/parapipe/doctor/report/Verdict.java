package io.parapipe.doctor.report;

import io.parapipe.doctor.DoctorReport;
import io.parapipe.doctor.DoctorReport.RuntimeReport;
import io.parapipe.doctor.DoctorReport.VariantReport;
import io.parapipe.doctor.check.Finding;
import io.parapipe.doctor.check.Phase;
import io.parapipe.doctor.check.Severity;
import io.parapipe.doctor.extract.Unknown;
import io.parapipe.doctor.predict.PanicNotes;
import io.parapipe.doctor.predict.Prediction;
import io.parapipe.doctor.predict.PredictionOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report's first lines: the phase, the block time the simulator predicts, and the one thing
 * to do next (the most severe finding's fix, else the guide's next step for the phase).
 *
 * @param phase the repository's phase
 * @param phaseReason why
 * @param blockTime the predicted block time in words (from the simulator only), or why there is none
 * @param blockTimeMs the predicted inclusion interval when every prediction agrees, else null
 * @param next what to do next
 * @param nextWhere the file and line the next step is about, or null
 */
public record Verdict(Phase phase, String phaseReason, String blockTime, Double blockTimeMs, String next, String nextWhere) {
  // Predictions within this share of each other are reported as one block time.
  private static final double AGREE = 0.05;

  /** The verdict of a report. */
  public static Verdict of(DoctorReport report) {
    List<String> labels = new ArrayList<>();
    List<PredictionOutcome> outcomes = new ArrayList<>();
    boolean several = report.runtimes().size() > 1;
    boolean fromDefault = false;
    for (RuntimeReport r : report.runtimes()) {
      List<VariantReport> builds = r.variants().stream().filter(v -> v.variant().isParachainBuild()).toList();
      // With feature variants, the default build (plain `cargo build`) speaks for the runtime.
      List<VariantReport> shown = builds.stream().filter(v -> v.variant().defaultBuild()).toList();
      fromDefault |= !shown.isEmpty();
      for (VariantReport v : shown.isEmpty() ? builds : shown) {
        for (PredictionOutcome p : v.predictions()) {
          String conditions = v.variant().defaultBuild() ? "default build" : v.variant().describe();
          String label = (several ? r.facts().path() : "")
              + (v.variant().conditions().isEmpty() ? "" : (several ? " " : "") + "[" + conditions + "]")
              + (p.collatorKind() == null ? "" : (several || !v.variant().conditions().isEmpty() ? " " : "") + "with the " + p.collatorKind() + " collator");
          labels.add(label.strip());
          outcomes.add(p);
        }
      }
    }
    String blockTime;
    Double blockTimeMs = null;
    List<Double> ok = outcomes.stream().filter(p -> p.status() == PredictionOutcome.Status.OK).map(p -> p.prediction().inclusionIntervalMs()).toList();
    if (ok.isEmpty()) {
      String why = outcomes.isEmpty() ? "" : outcomes.get(0).reason();
      blockTime = why.startsWith("no prediction") ? why : "no prediction" + (why.isEmpty() ? "" : ": " + why);
    } else if (ok.size() == outcomes.size() && agree(ok)) {
      blockTimeMs = ok.get(0);
      blockTime = seconds(ok.get(0)) + " (simulated inclusion interval" + (fromDefault ? ", default build" : "")
          + (ok.size() > 1 ? ", the same for every configuration" : "") + ")" + panics(outcomes);
    } else {
      List<String> parts = new ArrayList<>();
      for (int i = 0; i < outcomes.size(); i++) {
        PredictionOutcome p = outcomes.get(i);
        String label = labels.get(i).isEmpty() ? "" : labels.get(i) + ": ";
        parts.add(label + (p.status() == PredictionOutcome.Status.OK ? seconds(p.prediction().inclusionIntervalMs()) + panics(List.of(p)) : "no prediction (" + p.status().json() + ")"));
      }
      blockTime = String.join("; ", parts);
    }
    Finding top = report.findings().stream().filter(f -> f.severity() != Severity.INFO).findFirst().orElse(null);
    String next;
    String where = null;
    if (top != null) {
      next = top.fix();
      where = top.at() == null ? null : top.at().where();
    } else {
      next = nextStep(report);
    }
    return new Verdict(report.phase(), report.phaseReason(), blockTime, blockTimeMs, next, where);
  }

  private static boolean agree(List<Double> values) {
    double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    return max - min <= AGREE * max;
  }

  private static String seconds(double ms) {
    return String.format(Locale.ROOT, "%.1f s", ms / 1000);
  }

  // The panics that cost blocks, counted; expected (harmless) ones are left to the details.
  private static String panics(List<PredictionOutcome> outcomes) {
    int harmful = 0;
    int harmless = 0;
    int assumed = 0;
    for (PredictionOutcome p : outcomes) {
      if (p.prediction() == null) {
        continue;
      }
      for (Prediction.Panic panic : p.prediction().panics()) {
        if (PanicNotes.harmless(panic.note())) {
          harmless += panic.count();
        } else if (PanicNotes.assumed(panic.note())) {
          assumed += panic.count();
        } else {
          harmful += panic.count();
        }
      }
    }
    String out = "";
    if (harmful > 0) {
      out = ", with " + harmful + " runtime panic" + (harmful == 1 ? "" : "s") + " while building (see the prediction)";
    }
    if (assumed > 0) {
      out += (out.isEmpty() ? ", with " : "; and ") + assumed + " that follow from an assumed value (see the prediction)";
    }
    return harmless > 0 ? out + "; the collator also logs " + harmless + " expected, harmless panics (see the prediction)" : out;
  }

  // The upgrade guide's next step after the phase reached, when no finding asks for more.
  private static String nextStep(DoctorReport report) {
    return switch (report.phase()) {
      case SYNC -> "Phase 1 of the async-backing upgrade: in the runtime, set the consensus hook to `FixedVelocityConsensusHook` with capacity 1, implement `AuraUnincludedSegmentApi`, and use `RelayNumberMonotonicallyIncreases`; blocks stay at 12 s until phase 3.";
      case PHASE1 -> "Phase 2: start the lookahead collator (`collators::lookahead::run`) instead of the basic one; blocks stay at 12 s until phase 3.";
      case PHASE2 -> "Phase 3: raise `UNINCLUDED_SEGMENT_CAPACITY` to 3, set `AllowMultipleBlocksPerSlot = true`, `MinimumPeriod` to 0 and `MAXIMUM_BLOCK_WEIGHT` to 2 s of ref_time, and aim `MILLISECS_PER_BLOCK` at 6000.";
      case ASYNC -> "Nothing to fix for asynchronous backing. Elastic scaling (velocity > 1, the slot-based collator, several cores) is the next step only if the chain needs more blockspace.";
      case ELASTIC -> "Nothing to fix in the code; make sure the parachain holds as many cores as its velocity (coretime).";
      case UNKNOWN -> unknownStep(report);
    };
  }

  private static String unknownStep(DoctorReport report) {
    for (RuntimeReport r : report.runtimes()) {
      for (Unknown u : r.facts().unknowns()) {
        if (u.subject().equals("configuration")) {
          return "The doctor could not read the parachain-system configuration (" + u.reason() + "); check the values of the report by hand.";
        }
      }
    }
    return "Read why the phase is unknown (above) and check those values by hand: " + report.phaseReason();
  }
}
