package io.parapipe.doctor.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parapipe.doctor.DoctorReport;
import io.parapipe.doctor.DoctorReport.RuntimeReport;
import io.parapipe.doctor.DoctorReport.VariantReport;
import io.parapipe.doctor.check.Finding;
import io.parapipe.doctor.check.SdkPin;
import io.parapipe.doctor.eval.Alternative;
import io.parapipe.doctor.eval.Origin;
import io.parapipe.doctor.eval.Value;
import io.parapipe.doctor.extract.CollatorFacts;
import io.parapipe.doctor.extract.CollatorKind;
import io.parapipe.doctor.extract.CollatorLaunch;
import io.parapipe.doctor.extract.ParamKey;
import io.parapipe.doctor.extract.RuntimeExtractor;
import io.parapipe.doctor.extract.Unknown;
import io.parapipe.doctor.predict.Prediction;
import io.parapipe.doctor.predict.PredictionOutcome;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Writes a {@link DoctorReport} as JSON, schema {@code parapipe.doctor/2} (see {@code docs/doctor.md}). */
public final class JsonReport {
  /** The schema id. */
  public static final String SCHEMA = "parapipe.doctor/2";
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonReport() {}

  /** The report as pretty-printed JSON text (ending in a newline). */
  public static String render(DoctorReport report) {
    try {
      return MAPPER.writeValueAsString(tree(report)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise the doctor report", e);
    }
  }

  /** The report as a JSON tree. */
  public static ObjectNode tree(DoctorReport report) {
    ObjectNode root = F.objectNode();
    root.put("schema", SCHEMA);
    root.put("root", report.root().toString());
    root.put("phase", report.phase().json());
    root.put("phase_reason", report.phaseReason());
    Verdict verdict = Verdict.of(report);
    ObjectNode vn = root.putObject("verdict");
    vn.put("phase", verdict.phase().json());
    if (verdict.blockTimeMs() == null) {
      vn.putNull("block_time_ms");
    } else {
      vn.put("block_time_ms", verdict.blockTimeMs());
    }
    vn.put("block_time", verdict.blockTime());
    vn.put("next", verdict.next());
    vn.put("next_at", verdict.nextWhere());
    ArrayNode runtimes = root.putArray("runtimes");
    report.runtimes().forEach(r -> runtimes.add(runtime(r)));
    root.set("collator", collator(report.collator()));
    ArrayNode findings = root.putArray("findings");
    report.findings().forEach(f -> findings.add(finding(f)));
    root.set("prediction", prediction(report.prediction()));
    ArrayNode unknowns = root.putArray("unknowns");
    report.unknowns().forEach(u -> unknowns.add(unknown(u)));
    ArrayNode pins = root.putArray("sdk_pins");
    for (SdkPin p : report.sdkPins()) {
      ObjectNode n = pins.addObject();
      n.put("ref", p.ref());
      putOrigin(n, p.origin());
    }
    return root;
  }

  private static ObjectNode runtime(RuntimeReport r) {
    ObjectNode n = F.objectNode();
    n.put("path", r.facts().path());
    n.put("crate", r.facts().crate().packageName());
    n.put("consensus", r.facts().kind().json());
    n.put("phase", r.phase().phase().json());
    n.put("phase_reason", r.phase().reason());
    List<VariantReport> variants = r.variants().stream().filter(v -> v.variant().isParachainBuild()).toList();
    if (variants.isEmpty()) {
      variants = r.variants();
    }
    ObjectNode params = n.putObject("parameters");
    ObjectNode evidence = F.objectNode();
    ArrayNode varying = F.arrayNode();
    for (ParamKey key : ParamKey.values()) {
      JsonNode common = null;
      Alternative first = variants.get(0).variant().values().get(key);
      boolean same = true;
      for (VariantReport v : variants) {
        JsonNode value = value(key, v.variant().values().get(key));
        if (common == null) {
          common = value;
        } else if (!common.equals(value)) {
          same = false;
        }
      }
      if (same) {
        params.set(key.json(), common);
        evidence.set(key.json(), evidence(first));
      } else {
        params.putNull(key.json());
        evidence.putNull(key.json());
        varying.add(key.json());
      }
      if (key == ParamKey.CONSENSUS_HOOK) {
        params.set("consensus_hook_type", hookTypeVaries(variants) ? NullNode.getInstance() : hookType(first));
      }
    }
    n.set("evidence", evidence);
    n.set("varying_parameters", varying);
    ObjectNode constants = n.putObject("constants");
    for (Map.Entry<String, List<Alternative>> c : r.facts().constants().entrySet()) {
      constants.set(c.getKey(), constant(c.getKey(), c.getValue()));
    }
    ArrayNode vs = n.putArray("variants");
    if (r.hasVariants()) {
      for (VariantReport v : r.variants()) {
        ObjectNode vn = vs.addObject();
        ArrayNode conds = vn.putArray("conditions");
        v.variant().conditions().forEach(conds::add);
        vn.put("parachain_build", v.variant().isParachainBuild());
        vn.put("default_build", v.variant().defaultBuild());
        vn.put("not_built", v.variant().notBuilt());
        vn.put("phase", v.phase().phase().json());
        vn.put("phase_reason", v.phase().reason());
        ObjectNode vp = vn.putObject("parameters");
        ObjectNode ve = vn.putObject("evidence");
        for (JsonNode k : varying) {
          ParamKey key = keyOf(k.asText());
          Alternative a = v.variant().values().get(key);
          vp.set(key.json(), value(key, a));
          ve.set(key.json(), evidence(a));
        }
        if (hookTypeVaries(variants)) {
          vp.set("consensus_hook_type", hookType(v.variant().values().get(ParamKey.CONSENSUS_HOOK)));
        }
        predictions(vn, v);
      }
      n.set("prediction", prediction(PredictionOutcome.skipped("the parameters depend on cargo features: see the prediction of each variant")));
    } else {
      predictions(n, r.variants().get(0));
    }
    ArrayNode unknowns = n.putArray("unknowns");
    r.facts().unknowns().forEach(u -> unknowns.add(unknown(u)));
    return n;
  }

  private static JsonNode hookType(Alternative a) {
    return a != null && a.value() instanceof Value.Type t ? F.textNode(display(t)) : NullNode.getInstance();
  }

  private static boolean hookTypeVaries(List<VariantReport> variants) {
    return variants.stream().map(v -> hookType(v.variant().values().get(ParamKey.CONSENSUS_HOOK))).distinct().count() > 1;
  }

  private static ParamKey keyOf(String json) {
    for (ParamKey k : ParamKey.values()) {
      if (k.json().equals(json)) {
        return k;
      }
    }
    throw new IllegalArgumentException(json);
  }

  /** The JSON value of a parameter: null when not found or unknown. */
  static JsonNode value(ParamKey key, Alternative a) {
    if (a == null) {
      return NullNode.getInstance();
    }
    Value v = a.value();
    if (key == ParamKey.MAX_BLOCK_WEIGHT) {
      return v instanceof Value.Int i ? number(RuntimeExtractor.refTimeMillis(i.value())) : NullNode.getInstance();
    }
    if (v instanceof Value.Int i) {
      return F.numberNode(i.value());
    }
    if (v instanceof Value.Bool b) {
      return F.booleanNode(b.value());
    }
    if (v instanceof Value.Type t) {
      return F.textNode(key == ParamKey.UNINCLUDED_SEGMENT_API_HOOK ? display(t) : t.name());
    }
    if (v instanceof Value.Duration d) {
      return number(new BigDecimal(d.micros()).divide(BigDecimal.valueOf(1000)));
    }
    if (v instanceof Value.Weight w) {
      return number(RuntimeExtractor.refTimeMillis(w.refTime()));
    }
    if (v instanceof Value.PerThing p) {
      return F.textNode(p.toString());
    }
    return NullNode.getInstance();
  }

  /** A type as shown: with evaluated arguments, or the written path for qualified types. */
  static String display(Value.Type t) {
    return t.path().startsWith("<") ? t.path() : t.describe();
  }

  static JsonNode number(BigDecimal d) {
    BigDecimal s = d.stripTrailingZeros();
    if (s.scale() <= 0) {
      BigInteger i = s.toBigIntegerExact();
      return i.bitLength() < 63 ? F.numberNode(i.longValue()) : F.numberNode(i);
    }
    return F.numberNode(s.doubleValue());
  }

  private static JsonNode evidence(Alternative a) {
    if (a == null || a.origin() == null) {
      return NullNode.getInstance();
    }
    ObjectNode n = F.objectNode();
    putOrigin(n, a.origin());
    if (a.value() instanceof Value.Unknown u) {
      n.put("unknown", u.reason());
    }
    return n;
  }

  private static ObjectNode constant(String name, List<Alternative> alts) {
    ObjectNode n = F.objectNode();
    if (alts.size() == 1 && alts.get(0).conditions().isAlways()) {
      Alternative a = alts.get(0);
      n.set("value", constantValue(name, a.value()));
      putOrigin(n, a.origin());
      if (a.value() instanceof Value.Unknown u) {
        n.put("unknown", u.reason());
      }
      return n;
    }
    n.putNull("value");
    ArrayNode arr = n.putArray("alternatives");
    for (Alternative a : alts) {
      ObjectNode an = arr.addObject();
      ArrayNode conds = an.putArray("conditions");
      a.conditions().predicates().forEach(conds::add);
      an.set("value", constantValue(name, a.value()));
      putOrigin(an, a.origin());
      if (a.value() instanceof Value.Unknown u) {
        an.put("unknown", u.reason());
      }
    }
    return n;
  }

  private static JsonNode constantValue(String name, Value v) {
    if (v instanceof Value.Weight w) {
      ObjectNode n = F.objectNode();
      n.set("ref_time_ms", number(RuntimeExtractor.refTimeMillis(w.refTime())));
      if (w.proofSize() == null) {
        n.putNull("proof_size");
      } else {
        n.put("proof_size", w.proofSize());
      }
      return n;
    }
    return value(ParamKey.UNINCLUDED_SEGMENT_CAPACITY, new Alternative(io.parapipe.doctor.cfg.Conditions.ALWAYS, v, null));
  }

  private static ObjectNode collator(CollatorFacts c) {
    ObjectNode n = F.objectNode();
    CollatorKind kind = c.kind();
    n.put("kind", kind == null ? null : kind.json());
    Alternative authoring = c.agreedAuthoringDuration();
    n.set("authoring_duration_ms", authoring == null ? NullNode.getInstance() : value(ParamKey.UNINCLUDED_SEGMENT_CAPACITY, authoring));
    if (kind != null) {
      putOrigin(n, c.launches().get(0).origin());
    } else {
      n.putNull("file");
      n.putNull("line");
    }
    ArrayNode kinds = n.putArray("kinds_found");
    c.kinds().forEach(k -> kinds.add(k.json()));
    ArrayNode crates = n.putArray("node_crates");
    c.nodeCrates().forEach(crates::add);
    ArrayNode launches = n.putArray("launches");
    for (CollatorLaunch l : c.launches()) {
      ObjectNode ln = launches.addObject();
      ln.put("kind", l.kind().json());
      putOrigin(ln, l.origin());
      if (l.authoringDuration() == null) {
        ln.putNull("authoring_duration_ms");
        ln.putNull("authoring_duration_at");
      } else {
        ln.set("authoring_duration_ms", value(ParamKey.UNINCLUDED_SEGMENT_CAPACITY, l.authoringDuration()));
        ln.set("authoring_duration_at", evidence(l.authoringDuration()));
      }
      ln.put("note", l.note());
    }
    return n;
  }

  private static ObjectNode finding(Finding f) {
    ObjectNode n = F.objectNode();
    n.put("severity", f.severity().json());
    n.put("rule", f.rule().id());
    n.put("message", f.message());
    putOrigin(n, f.at());
    n.put("fix", f.fix());
    n.put("reference", f.rule().reference());
    n.put("runtime", f.runtime());
    ArrayNode conds = n.putArray("conditions");
    f.conditions().forEach(conds::add);
    ArrayNode ev = n.putArray("evidence");
    f.evidence().stream().filter(Objects::nonNull).forEach(o -> putOrigin(ev.addObject(), o));
    return n;
  }

  // "prediction" (the first), and "predictions_by_collator" when the node starts several kinds.
  private static void predictions(ObjectNode n, VariantReport v) {
    n.set("prediction", prediction(v.prediction()));
    if (v.predictions().size() > 1) {
      ArrayNode all = n.putArray("predictions_by_collator");
      v.predictions().forEach(p -> all.add(prediction(p)));
    }
  }

  /** A prediction outcome as JSON. */
  static ObjectNode prediction(PredictionOutcome p) {
    ObjectNode n = F.objectNode();
    n.put("status", p.status().json());
    n.put("reason", p.reason());
    if (p.collatorKind() != null) {
      n.put("collator", p.collatorKind());
    }
    if (p.prediction() != null) {
      n.put("inclusion_interval_ms", p.prediction().inclusionIntervalMs());
      n.put("authoring_ms", p.prediction().authoringMs());
      ArrayNode panics = n.putArray("panics");
      for (Prediction.Panic panic : p.prediction().panics()) {
        ObjectNode pn = panics.addObject();
        pn.put("message", panic.message());
        pn.put("count", panic.count());
        pn.put("note", panic.note());
      }
    } else {
      n.putNull("inclusion_interval_ms");
      n.putNull("authoring_ms");
      n.putNull("panics");
    }
    n.put("based_on_assumptions", p.basedOnAssumptions());
    ArrayNode a = n.putArray("assumptions");
    p.assumptions().forEach(a::add);
    n.put("relay", "polkadot-like: max_candidate_depth 3, allowed_ancestry_len 2, scheduling_lookahead 3, 6 s slots");
    n.put("scenario", p.scenarioToml());
    return n;
  }

  private static ObjectNode unknown(Unknown u) {
    ObjectNode n = F.objectNode();
    n.put("subject", u.subject());
    n.put("reason", u.reason());
    if (u.origin() == null) {
      n.putNull("file");
      n.putNull("line");
    } else {
      putOrigin(n, u.origin());
    }
    return n;
  }

  private static void putOrigin(ObjectNode n, Origin o) {
    if (o == null) {
      n.putNull("file");
      n.putNull("line");
      return;
    }
    n.put("file", o.file());
    if (o.line() > 0) {
      n.put("line", o.line());
      n.put("source", o.source());
    } else {
      n.putNull("line");
      if (!o.inRepository() && o.source() != null && !o.source().isEmpty()) {
        n.put("source", o.source());
      }
    }
    if (o.note() != null) {
      n.put("note", o.note());
    }
  }
}
