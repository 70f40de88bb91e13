package io.parapipe.doctor;

import io.parapipe.doctor.DoctorReport.RuntimeReport;
import io.parapipe.doctor.DoctorReport.VariantReport;
import io.parapipe.doctor.check.Checker;
import io.parapipe.doctor.check.Finding;
import io.parapipe.doctor.check.Phase;
import io.parapipe.doctor.check.PhaseClassifier;
import io.parapipe.doctor.check.PhaseDecision;
import io.parapipe.doctor.check.SdkPin;
import io.parapipe.doctor.eval.ConstEvaluator;
import io.parapipe.doctor.extract.CollatorFacts;
import io.parapipe.doctor.extract.NodeExtractor;
import io.parapipe.doctor.extract.RuntimeExtractor;
import io.parapipe.doctor.extract.RuntimeFacts;
import io.parapipe.doctor.extract.RuntimeVariant;
import io.parapipe.doctor.extract.Unknown;
import io.parapipe.doctor.extract.VariantSplitter;
import io.parapipe.doctor.predict.PanicNotes;
import io.parapipe.doctor.predict.Prediction;
import io.parapipe.doctor.predict.PredictionOutcome;
import io.parapipe.doctor.predict.Predictor;
import io.parapipe.doctor.predict.ScenarioPlanner;
import io.parapipe.doctor.predict.ScenarioSpec;
import io.parapipe.doctor.predict.ScenarioToml;
import io.parapipe.doctor.rust.RustParser;
import io.parapipe.doctor.rust.UnreadableInput;
import io.parapipe.doctor.workspace.CrateInfo;
import io.parapipe.doctor.workspace.CrateSource;
import io.parapipe.doctor.workspace.Resolver;
import io.parapipe.doctor.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code parapipe doctor}: reads a parachain repository, extracts its asynchronous-backing
 * configuration, decides its phase, applies the checker rules and predicts its behaviour with a
 * {@link Predictor} (when one is given).
 */
public final class Doctor {
  private static final Pattern SHARED_CRATE = Pattern.compile("(^|[-_])(common|primitives|constants|shared|types)($|[-_])");
  private static final Pattern TEST_CRATE = Pattern.compile("(^|[-_])(tests?|integration[-_]tests?)($|[-_])");
  private final Optional<Predictor> predictor;

  /**
   * A doctor.
   *
   * @param predictor the simulator seam; empty when no simulator is available in this build
   */
  public Doctor(Optional<Predictor> predictor) {
    this.predictor = predictor;
  }

  /**
   * Examines a repository.
   *
   * @param path the repository root
   * @return the report
   * @throws DoctorUserError when the path is missing, not a directory, or holds no parachain runtime
   */
  public DoctorReport examine(Path path) {
    if (!Files.exists(path)) {
      throw new DoctorUserError("no such directory: " + path + "; give the root of a parachain repository (the directory with the workspace Cargo.toml)");
    }
    if (!Files.isDirectory(path)) {
      throw new DoctorUserError(path + " is not a directory; give the root of a parachain repository, not a file");
    }
    Path root = path.toAbsolutePath().normalize();
    try {
      return analyse(root);
    } catch (UnreadableInput e) {
      throw new DoctorUserError(e.getMessage());
    } catch (StackOverflowError e) {
      // A backstop: every recursive walk has its own depth guard with a precise message.
      throw new DoctorUserError("the code under " + root + " is nested too deeply to analyse; hint: report the file that causes it");
    }
  }

  private DoctorReport analyse(Path root) {
    RustParser parser = new RustParser();
    Workspace workspace = Workspace.scan(root, parser);
    if (workspace.crates().isEmpty()) {
      throw new DoctorUserError("no Rust crate (Cargo.toml with [package]) under " + root
          + (workspace.rustFileCount() == 0 ? " and no .rs file" : "") + "; this is not a parachain codebase — give the repository root");
    }
    Resolver resolver = new Resolver(workspace);
    ConstEvaluator evaluator = new ConstEvaluator(resolver, parser);
    RuntimeExtractor runtimeExtractor = new RuntimeExtractor(workspace, resolver, evaluator);
    NodeExtractor nodeExtractor = new NodeExtractor(workspace, resolver, evaluator);

    List<CrateInfo> runtimeCrates = new ArrayList<>();
    List<CrateInfo> nodeCrates = new ArrayList<>();
    for (CrateInfo c : workspace.crates()) {
      boolean parachainSystem = c.manifest().dependsOn("cumulus-pallet-parachain-system");
      if (parachainSystem && isRuntime(workspace, c)) {
        runtimeCrates.add(c);
      } else if (NodeExtractor.isNodeCrate(c)) {
        nodeCrates.add(c);
      }
    }
    if (runtimeCrates.isEmpty() && !nodeCrates.isEmpty()) {
      throw new DoctorUserError("no parachain runtime found under " + root + ", only a collator node ("
          + nodeCrates.stream().map(CrateInfo::relativeDir).collect(Collectors.joining(", "))
          + "); hint: the runtime lives in another repository, give the doctor that one");
    }
    if (runtimeCrates.isEmpty()) {
      throw new DoctorUserError("no parachain runtime found under " + root
          + " (looked for crates that depend on cumulus-pallet-parachain-system and declare construct_runtime! or #[frame_support::runtime]); "
          + "hint: give the repository root that contains the runtime crate(s)");
    }

    CollatorFacts collator = nodeExtractor.extract(nodeCrates);
    List<SdkPin> pins = SdkPin.find(workspace);
    List<RuntimeReport> runtimes = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    Map<String, Prediction> simulated = new HashMap<>();
    Set<String> declaredFeatures = workspace.declaredFeatures();
    for (CrateInfo c : runtimeCrates) {
      RuntimeFacts facts = runtimeExtractor.extract(workspace.source(c));
      List<RuntimeVariant> variants = VariantSplitter.split(facts, declaredFeatures);
      List<VariantReport> reports = new ArrayList<>();
      Map<String, List<Finding>> perVariant = new LinkedHashMap<>();
      List<RuntimeVariant> built = variants.stream().filter(RuntimeVariant::isParachainBuild).toList();
      for (RuntimeVariant v : variants) {
        if (!v.isParachainBuild()) {
          reports.add(new VariantReport(v, new PhaseDecision(Phase.UNKNOWN, v.notBuilt()), PredictionOutcome.skipped("not a parachain runtime build: " + v.notBuilt())));
          continue;
        }
        PhaseDecision phase = PhaseClassifier.classify(v, collator, facts.configOrigin() != null);
        reports.add(new VariantReport(v, phase, predict(facts, v, collator, simulated)));
        perVariant.put(v.describe(), Checker.check(facts, v, collator, pins, phase.phase()));
      }
      findings.addAll(mergeVariantFindings(built, perVariant));
      runtimes.add(new RuntimeReport(facts, List.copyOf(reports), runtimePhase(reports)));
    }
    runtimes.sort(Comparator.comparing(r -> r.facts().path()));
    findings.sort(Comparator.comparing((Finding f) -> f.severity().ordinal()));

    List<Unknown> unknowns = new ArrayList<>(collator.unknowns());
    PhaseDecision phase = repositoryPhase(runtimes);
    PredictionOutcome top;
    List<VariantReport> builds = runtimes.stream().flatMap(r -> r.variants().stream()).filter(v -> v.variant().isParachainBuild()).toList();
    if (builds.size() == 1) {
      top = builds.get(0).prediction();
    } else {
      top = PredictionOutcome.skipped("several runtime configurations (" + countConfigurations(runtimes) + "): see the prediction of each runtime"
          + (runtimes.stream().anyMatch(RuntimeReport::hasVariants) ? " and feature variant" : ""));
    }
    return new DoctorReport(root, phase.phase(), phase.reason(), List.copyOf(runtimes), collator, List.copyOf(findings), top, List.copyOf(unknowns), pins);
  }

  private static boolean isRuntime(Workspace workspace, CrateInfo c) {
    // Test crates (`runtime-tests`, `integration-tests`) hold mock runtimes, not the parachain's.
    String dirName = c.dir().getFileName() == null ? "" : c.dir().getFileName().toString();
    if (TEST_CRATE.matcher(c.packageName()).find() || TEST_CRATE.matcher(dirName).find()) {
      return false;
    }
    CrateSource source = workspace.source(c);
    if (RuntimeExtractor.declaresRuntime(source)) {
      return true;
    }
    // construct_runtime! may itself be generated; a `runtime*` crate depending on parachain-system is still a runtime.
    // A crate of shared runtime pieces (`common-runtime`, `runtime-primitives`) is not a runtime.
    boolean shared = SHARED_CRATE.matcher(c.packageName()).find() || SHARED_CRATE.matcher(dirName).find();
    return !shared && Files.isRegularFile(c.libRoot()) && (dirName.startsWith("runtime") || c.packageName().endsWith("-runtime"));
  }

  // One outcome per plan (per collator kind when the node starts several). Identical scenarios
  // (runtimes of one repository often share their parameters) are simulated once.
  private List<PredictionOutcome> predict(RuntimeFacts facts, RuntimeVariant v, CollatorFacts collator, Map<String, Prediction> simulated) {
    List<ScenarioPlanner.Plan> plans = ScenarioPlanner.plans(facts, v, collator);
    List<PredictionOutcome> out = new ArrayList<>();
    for (ScenarioPlanner.Plan plan : plans) {
      String kind = plans.size() > 1 && plan.spec() != null ? plan.spec().collatorKind() : null;
      out.add(predict(plan, kind, simulated));
    }
    return out;
  }

  private PredictionOutcome predict(ScenarioPlanner.Plan plan, String kind, Map<String, Prediction> simulated) {
    if (plan.spec() == null) {
      return new PredictionOutcome(PredictionOutcome.Status.SKIPPED, plan.skipReason(), null, List.of(), null, kind);
    }
    ScenarioSpec spec = plan.spec();
    String toml = ScenarioToml.render(spec);
    if (predictor.isEmpty()) {
      return new PredictionOutcome(PredictionOutcome.Status.UNAVAILABLE,
          "prediction is unavailable in this build: no simulator is wired into `parapipe doctor` yet",
          null, spec.assumptions(), toml, kind);
    }
    try {
      String key = ScenarioToml.settings(toml);
      Prediction p = simulated.get(key);
      if (p == null) {
        p = predictor.get().predict(toml);
        simulated.put(key, p);
      }
      return new PredictionOutcome(PredictionOutcome.Status.OK, null, withNotes(p, spec), spec.assumptions(), toml, kind);
    } catch (RuntimeException e) {
      return new PredictionOutcome(PredictionOutcome.Status.FAILED, "the simulator could not run the scenario: " + e.getMessage(), null, spec.assumptions(), toml, kind);
    }
  }

  private static Prediction withNotes(Prediction p, ScenarioSpec spec) {
    List<Prediction.Panic> panics = new ArrayList<>();
    for (Prediction.Panic panic : p.panics()) {
      panics.add(new Prediction.Panic(panic.message(), panic.count(), PanicNotes.note(panic.message(), spec)));
    }
    return new Prediction(p.inclusionIntervalMs(), p.authoringMs(), panics);
  }

  // A finding present in every variant is reported once; otherwise once per variant, with its conditions.
  private static List<Finding> mergeVariantFindings(List<RuntimeVariant> variants, Map<String, List<Finding>> perVariant) {
    List<Finding> out = new ArrayList<>();
    if (variants.size() == 1) {
      perVariant.values().forEach(out::addAll);
      return out;
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    perVariant.values().forEach(list -> list.forEach(f -> counts.merge(key(f), 1, Integer::sum)));
    List<String> emitted = new ArrayList<>();
    for (RuntimeVariant v : variants) {
      for (Finding f : perVariant.get(v.describe())) {
        String k = key(f);
        if (counts.get(k) == variants.size()) {
          if (!emitted.contains(k)) {
            emitted.add(k);
            out.add(f);
          }
        } else {
          out.add(f.under(v.conditions()));
        }
      }
    }
    return out;
  }

  private static String key(Finding f) {
    return f.rule().id() + "|" + f.message() + "|" + (f.at() == null ? "" : f.at().where());
  }

  private static PhaseDecision runtimePhase(List<VariantReport> all) {
    List<VariantReport> variants = all.stream().filter(v -> v.variant().isParachainBuild()).toList();
    if (variants.isEmpty()) {
      return all.get(0).phase();
    }
    if (variants.size() == 1) {
      PhaseDecision only = variants.get(0).phase();
      return all.size() == 1 ? only : new PhaseDecision(only.phase(), only.reason() + " (in the builds that are parachain runtimes: " + variants.get(0).variant().describe() + ")");
    }
    boolean same = variants.stream().map(v -> v.phase().phase()).distinct().count() == 1;
    String detail = variants.stream().map(v -> v.variant().describe() + " → " + v.phase().phase().json()).collect(Collectors.joining("; "));
    if (same) {
      return new PhaseDecision(variants.get(0).phase().phase(), "the same in every feature variant (" + detail + ")");
    }
    // Builds differ: a plain `cargo build` (the crate's default features) decides, and says so.
    for (VariantReport v : variants) {
      if (v.variant().defaultBuild()) {
        return new PhaseDecision(v.phase().phase(), "in the default build (" + v.variant().describe() + "), "
            + v.phase().reason() + "; other builds differ: " + detail);
      }
    }
    return new PhaseDecision(Phase.UNKNOWN, "depends on cargo features: " + detail);
  }

  private static PhaseDecision repositoryPhase(List<RuntimeReport> runtimes) {
    if (runtimes.size() == 1) {
      return runtimes.get(0).phase();
    }
    boolean same = runtimes.stream().map(r -> r.phase().phase()).distinct().count() == 1;
    String detail = runtimes.stream().map(r -> r.facts().path() + " → " + r.phase().phase().json()).collect(Collectors.joining("; "));
    if (same) {
      return new PhaseDecision(runtimes.get(0).phase().phase(), "every runtime agrees (" + detail + ")");
    }
    return new PhaseDecision(Phase.UNKNOWN, "the runtimes differ: " + detail);
  }

  private static int countConfigurations(List<RuntimeReport> runtimes) {
    return (int) runtimes.stream().flatMap(r -> r.variants().stream()).filter(v -> v.variant().isParachainBuild()).count();
  }
}
