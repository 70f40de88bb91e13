package io.parapipe.doctor.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.parapipe.doctor.DoctorReport;
import io.parapipe.doctor.DoctorReport.RuntimeReport;
import io.parapipe.doctor.DoctorReport.VariantReport;
import io.parapipe.doctor.check.Finding;
import io.parapipe.doctor.check.Severity;
import io.parapipe.doctor.eval.Alternative;
import io.parapipe.doctor.eval.Origin;
import io.parapipe.doctor.eval.Value;
import io.parapipe.doctor.extract.CollatorFacts;
import io.parapipe.doctor.extract.CollatorLaunch;
import io.parapipe.doctor.extract.ParamKey;
import io.parapipe.doctor.extract.Unknown;
import io.parapipe.doctor.predict.Prediction;
import io.parapipe.doctor.predict.PredictionOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a {@link DoctorReport} for a terminal: verdict, findings, parameters, collator, prediction, unknowns. */
public final class TerminalReport {
  private static final int KEY_WIDTH = 32;
  private static final int VALUE_WIDTH = 44;

  private TerminalReport() {}

  /**
   * The report as text (ending in a newline): the verdict first (phase, predicted block time, the
   * one thing to do next), then the findings by severity, then the parameters, the collator, the
   * prediction's details and what the doctor cannot know.
   */
  public static String render(DoctorReport report) {
    StringBuilder b = new StringBuilder();
    b.append("parapipe doctor: ").append(report.root()).append("\n\n");
    Verdict verdict = Verdict.of(report);
    b.append("Verdict\n");
    wrap(b, "  phase:      ", report.phase().json() + " — " + report.phaseReason());
    wrap(b, "  block time: ", verdict.blockTime());
    wrap(b, "  next:       ", verdict.next() + (verdict.nextWhere() == null ? "" : " (" + verdict.nextWhere() + ")"));
    findings(b, report.findings());
    b.append("\nParameters\n");
    for (int i = 0; i < report.runtimes().size(); i++) {
      b.append(i == 0 ? "" : "\n");
      runtime(b, report.runtimes().get(i));
    }
    collator(b, report.collator());
    b.append("\nPrediction (Polkadot-like relay: 6 s slots, max_candidate_depth 3, allowed_ancestry_len 2, scheduling_lookahead 3)\n");
    boolean single = report.runtimes().size() == 1 && !report.runtimes().get(0).hasVariants();
    for (RuntimeReport r : report.runtimes()) {
      for (VariantReport v : r.variants()) {
        if (!v.variant().isParachainBuild()) {
          continue;
        }
        String indent = "  ";
        if (!single) {
          b.append("  ").append(r.facts().path()).append(v.variant().conditions().isEmpty() ? "" : " [" + v.variant().describe() + "]").append(":\n");
          indent = "    ";
        }
        for (PredictionOutcome p : v.predictions()) {
          if (p.collatorKind() != null) {
            b.append(indent).append("with the ").append(p.collatorKind()).append(" collator:\n");
            prediction(b, indent + "  ", p);
          } else {
            prediction(b, indent, p);
          }
        }
      }
    }
    List<Unknown> unknowns = new ArrayList<>(report.unknowns());
    report.runtimes().forEach(r -> unknowns.addAll(r.facts().unknowns()));
    if (!unknowns.isEmpty()) {
      b.append("\nWhat the doctor cannot know\n");
      for (Unknown u : unknowns) {
        wrap(b, "  - ", u.subject() + ": " + u.reason() + (u.origin() != null && u.origin().line() > 0 ? " (" + u.origin().where() + ")" : ""));
      }
    }
    return b.toString();
  }

  private static void runtime(StringBuilder b, RuntimeReport r) {
    b.append("Runtime ").append(r.facts().path()).append(" (crate ").append(r.facts().crate().packageName())
        .append(", ").append(r.facts().kind().json()).append(") — phase ").append(r.phase().phase().json()).append('\n');
    if (r.facts().configOrigin() == null) {
      b.append("  parameters: not readable (see below)\n");
      constants(b, r);
      return;
    }
    b.append(String.format("  %-" + KEY_WIDTH + "s %-" + VALUE_WIDTH + "s %s%n", "parameter", "value", "read at"));
    RuntimeVariantView view = new RuntimeVariantView(r);
    for (ParamKey key : ParamKey.values()) {
      String value;
      String where;
      if (view.varies(key)) {
        value = "(depends on features, see variants)";
        where = "";
      } else {
        Alternative a = view.first().variant().values().get(key);
        value = show(key, a);
        where = a == null || a.origin() == null ? "" : parameterWhere(a.origin());
      }
      String padded = value.length() < VALUE_WIDTH ? String.format("%-" + VALUE_WIDTH + "s ", value) : value + "  ";
      b.append(String.format("  %-" + KEY_WIDTH + "s %s%s", key.json(), padded, where).stripTrailing()).append('\n');
    }
    constants(b, r);
    if (r.hasVariants()) {
      b.append("  feature variants:\n");
      for (VariantReport v : r.variants()) {
        if (!v.variant().isParachainBuild()) {
          wrap(b, "    ", "[" + v.variant().describe() + "] not a parachain runtime build: " + v.variant().notBuilt());
          continue;
        }
        StringBuilder line = new StringBuilder("[" + v.variant().describe() + "]" + (v.variant().defaultBuild() ? " (default build)" : "") + " phase " + v.phase().phase().json() + ":");
        for (ParamKey key : ParamKey.values()) {
          if (view.varies(key)) {
            line.append(' ').append(key.json()).append('=').append(show(key, v.variant().values().get(key)));
          }
        }
        wrap(b, "    ", line.toString());
      }
    }
    wrap(b, "  phase: ", r.phase().reason());
  }

  private static void constants(StringBuilder b, RuntimeReport r) {
    if (r.facts().constants().isEmpty()) {
      return;
    }
    b.append("  constants:\n");
    for (Map.Entry<String, List<Alternative>> c : r.facts().constants().entrySet()) {
      for (Alternative a : c.getValue()) {
        String cond = a.conditions().isAlways() ? "" : " if " + a.conditions();
        wrap(b, "    ", c.getKey() + " = " + constant(a.value()) + cond + " (" + where(a.origin()) + ")");
      }
    }
  }

  private static void collator(StringBuilder b, CollatorFacts c) {
    b.append("\nCollator: ");
    if (c.launches().isEmpty()) {
      b.append(c.nodeCrates().isEmpty() ? "unknown (no node in this repository)\n" : "unknown (no collator start found in " + String.join(", ", c.nodeCrates()) + ")\n");
      return;
    }
    if (c.kind() == null) {
      b.append("several kinds\n");
    } else {
      b.append(c.kind().json());
      Alternative a = c.agreedAuthoringDuration();
      if (a != null) {
        b.append(", authoring_duration ").append(show(ParamKey.UNINCLUDED_SEGMENT_CAPACITY, a)).append(a.value() instanceof Value.Duration ? " ms" : "");
      }
      b.append('\n');
    }
    for (CollatorLaunch l : c.launches()) {
      String auth = l.authoringDuration() == null ? "authoring_duration not found"
          : "authoring_duration " + show(ParamKey.UNINCLUDED_SEGMENT_CAPACITY, l.authoringDuration())
              + (l.authoringDuration().value() instanceof Value.Duration ? " ms" : "") + " (" + where(l.authoringDuration().origin()) + ")";
      wrap(b, "  - ", l.kind().json() + " at " + where(l.origin()) + "; " + auth + (l.note() == null ? "" : "; " + l.note()));
    }
  }

  // Errors, then warnings, then information; each with its evidence and fix.
  private static void findings(StringBuilder b, List<Finding> all) {
    // The same finding in several runtimes (a hook in a shared crate) is shown once, with them.
    Map<String, List<Finding>> groups = new LinkedHashMap<>();
    for (Finding f : all) {
      String key = f.severity() + "|" + f.rule().id() + "|" + f.message() + "|" + (f.at() == null ? "" : f.at().where()) + "|" + f.conditions();
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
    }
    long errors = all.stream().filter(f -> f.severity() == Severity.ERROR).count();
    long warns = all.stream().filter(f -> f.severity() == Severity.WARN).count();
    long infos = all.size() - errors - warns;
    b.append("\nFindings: ").append(errors).append(errors == 1 ? " error, " : " errors, ").append(warns).append(warns == 1 ? " warning, " : " warnings, ")
        .append(infos).append(" info\n");
    for (Severity s : Severity.values()) {
      for (List<Finding> group : groups.values()) {
        Finding f = group.get(0);
        if (f.severity() != s) {
          continue;
        }
        b.append("  ").append(s.json().toUpperCase(java.util.Locale.ROOT)).append(' ').append(f.rule().id());
        if (f.at() != null) {
          b.append("  ").append(where(f.at()));
        }
        b.append('\n');
        if (group.size() > 1) {
          wrap(b, "      in ", group.size() + " runtimes: " + String.join(", ", group.stream().map(Finding::runtime).toList()));
        }
        if (!f.conditions().isEmpty()) {
          wrap(b, "      when ", String.join(" && ", f.conditions()));
        }
        wrap(b, "      ", f.message());
        if (f.at() != null && f.at().inRepository() && !f.at().source().isEmpty()) {
          b.append("      > ").append(clip(f.at().source(), 100)).append('\n');
        }
        wrap(b, "      fix: ", f.fix());
      }
    }
  }

  private static void prediction(StringBuilder b, String indent, PredictionOutcome p) {
    switch (p.status()) {
      case OK -> {
        b.append(indent).append(String.format("expected inclusion interval %.1f ms, authoring %.1f ms%n", p.prediction().inclusionIntervalMs(), p.prediction().authoringMs()));
        if (p.prediction().panics().isEmpty()) {
          b.append(indent).append("runtime panics: none\n");
        } else {
          b.append(indent).append("runtime panics while building (such a block is not produced):\n");
          for (Prediction.Panic panic : p.prediction().panics()) {
            wrap(b, indent + "  - ", panic.count() + "× " + panic.message());
            if (panic.note() != null) {
              wrap(b, indent + "      ", panic.note());
            }
          }
        }
      }
      case UNAVAILABLE -> wrap(b, indent, p.reason() + "; the scenario it would simulate is in the --json output (prediction.scenario)");
      case SKIPPED -> wrap(b, indent, "not made: " + p.reason());
      case FAILED -> wrap(b, indent, "failed: " + p.reason());
      default -> throw new IllegalStateException();
    }
    if (p.basedOnAssumptions()) {
      b.append(indent).append(p.status() == PredictionOutcome.Status.OK ? "based on assumptions:\n" : "the scenario assumes:\n");
      p.assumptions().forEach(a -> wrap(b, indent + "  - ", a));
    }
  }

  private static String show(ParamKey key, Alternative a) {
    if (a == null) {
      return "not found";
    }
    if (a.value() instanceof Value.Unknown u) {
      return "unknown: " + u.reason();
    }
    if (a.value() instanceof Value.Type t) {
      return JsonReport.display(t);
    }
    JsonNode n = JsonReport.value(key, a);
    String text = n.isNull() ? "unknown" : n.asText();
    return key == ParamKey.MAX_BLOCK_WEIGHT ? text + " ms" : text;
  }

  private static String constant(Value v) {
    if (v instanceof Value.Weight w) {
      return "ref_time " + io.parapipe.doctor.extract.RuntimeExtractor.refTimeMillis(w.refTime()).toPlainString() + " ms";
    }
    return v.toString();
  }

  // Locations with the notes that explain a value; an absence is shown as such.
  private static String parameterWhere(Origin o) {
    return o.inRepository() || o.isExternal() ? where(o) : "(not found)";
  }

  private static String where(Origin o) {
    if (o.isExternal()) {
      return o.source() + " (outside the repository)";
    }
    String w = o.where();
    return o.note() == null ? w : w + " (" + o.note() + ")";
  }

  private static String clip(String s, int width) {
    return s.length() <= width ? s : s.substring(0, width - 1) + "…";
  }

  // Wraps at 100 columns; continuation lines are indented like the first line's text.
  private static void wrap(StringBuilder b, String prefix, String text) {
    int width = 100;
    String pad = " ".repeat(prefix.length());
    String current = prefix;
    StringBuilder line = new StringBuilder(current);
    int used = prefix.length();
    boolean first = true;
    for (String word : text.split(" ")) {
      if (!first && used + 1 + word.length() > width) {
        b.append(line.toString().stripTrailing()).append('\n');
        line = new StringBuilder(pad);
        used = pad.length();
        first = true;
      }
      if (!first) {
        line.append(' ');
        used++;
      }
      line.append(word);
      used += word.length();
      first = false;
    }
    b.append(line.toString().stripTrailing()).append('\n');
  }

  // Which parameters differ between a runtime's variants.
  private static final class RuntimeVariantView {
    private final RuntimeReport report;

    RuntimeVariantView(RuntimeReport report) {
      this.report = report;
    }

    // The variants that build a parachain runtime (all of them when none does).
    List<VariantReport> builds() {
      List<VariantReport> built = report.variants().stream().filter(v -> v.variant().isParachainBuild()).toList();
      return built.isEmpty() ? report.variants() : built;
    }

    VariantReport first() {
      return builds().get(0);
    }

    boolean varies(ParamKey key) {
      if (!report.hasVariants()) {
        return false;
      }
      JsonNode first = null;
      for (VariantReport v : builds()) {
        JsonNode n = JsonReport.value(key, v.variant().values().get(key));
        if (first == null) {
          first = n;
        } else if (!first.equals(n)) {
          return true;
        }
      }
      return false;
    }
  }
}
