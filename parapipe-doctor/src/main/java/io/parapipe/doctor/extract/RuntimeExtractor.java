package io.parapipe.doctor.extract;

import io.parapipe.doctor.eval.Alternative;
import io.parapipe.doctor.cfg.Conditions;
import io.parapipe.doctor.eval.ConstEvaluator;
import io.parapipe.doctor.eval.Origin;
import io.parapipe.doctor.eval.Value;
import io.parapipe.doctor.rust.SyntaxNode;
import io.parapipe.doctor.workspace.CargoManifest;
import io.parapipe.doctor.workspace.CrateSource;
import io.parapipe.doctor.workspace.ImplBlock;
import io.parapipe.doctor.workspace.MacroCall;
import io.parapipe.doctor.workspace.ModuleScope;
import io.parapipe.doctor.workspace.Resolution;
import io.parapipe.doctor.workspace.Resolver;
import io.parapipe.doctor.workspace.Workspace;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a runtime crate: the parachain-system, Aura, timestamp and (Nimbus) async-backing pallet
 * configurations, the runtime APIs, the well-known constants and the Cargo features, and turns
 * them into {@link RuntimeFacts}.
 */
public final class RuntimeExtractor {
  /** The named constants reported in the {@code constants} section. */
  public static final List<String> CONSTANT_NAMES =
      List.of("UNINCLUDED_SEGMENT_CAPACITY", "BLOCK_PROCESSING_VELOCITY", "RELAY_CHAIN_SLOT_DURATION_MILLIS", "MILLISECS_PER_BLOCK", "SLOT_DURATION", "MAXIMUM_BLOCK_WEIGHT");

  private static final Set<String> ORDINARY_MACROS =
      Set.of("construct_runtime", "parameter_types", "impl_runtime_apis", "register_validate_block", "impl_opaque_keys", "ord_parameter_types",
          "create_runtime_str", "include", "decl_runtime_apis", "match_types", "assert_eq", "debug_assert", "static_assertions", "const_assert",
          "include_bytes", "include_str", "concat", "cfg_if", "generate_bridge_reject_obsolete_headers_and_messages", "impl_runtime_weights",
          "impl_benchmark_test_suite", "define_benchmarks", "build_struct_json_patch", "prod_or_fast", "runtime_version", "sp_api_decl", "format");
  private static final String UMP_FEATURE = "experimental-ump-signals";
  private static final BigInteger PS_PER_MS = BigInteger.TEN.pow(9);

  private final Workspace workspace;
  private final Resolver resolver;
  private final ConstEvaluator evaluator;

  /** An extractor over a workspace. */
  public RuntimeExtractor(Workspace workspace, Resolver resolver, ConstEvaluator evaluator) {
    this.workspace = workspace;
    this.resolver = resolver;
    this.evaluator = evaluator;
  }

  /** True when a crate holds a FRAME runtime ({@code construct_runtime!} or {@code #[frame_support::runtime]}). */
  public static boolean declaresRuntime(CrateSource crate) {
    for (ModuleScope m : crate.modules()) {
      if (m.isRuntimeModule()) {
        return true;
      }
      for (MacroCall c : m.macros()) {
        if (c.name().equals("construct_runtime")) {
          return true;
        }
      }
    }
    return false;
  }

  /** Reads one runtime crate. */
  public RuntimeFacts extract(CrateSource crate) {
    List<ImplBlock> impls = new ArrayList<>();
    for (ModuleScope m : crate.modules()) {
      impls.addAll(m.impls());
    }
    List<ImplBlock> psConfig = palletConfigs(impls, "parachain_system");
    List<ImplBlock> auraConfig = palletConfigs(impls, "pallet_aura");
    List<ImplBlock> timestampConfig = palletConfigs(impls, "pallet_timestamp");
    List<ImplBlock> nimbusConfig = palletConfigs(impls, "pallet_async_backing");

    Map<ParamKey, List<Alternative>> params = new EnumMap<>(ParamKey.class);
    Map<ParamKey, Alternative> absent = new EnumMap<>(ParamKey.class);
    List<Unknown> unknowns = new ArrayList<>();
    String rootPath = crate.root() == null ? crate.info().relativeDir() : crate.root().file().relativePath();

    RuntimeKind kind;
    boolean nimbusPieces = !nimbusConfig.isEmpty() || crate.info().manifest().dependsOn("pallet-author-inherent") || crate.info().manifest().dependsOn("nimbus-primitives");
    if (psConfig.isEmpty()) {
      kind = RuntimeKind.UNKNOWN;
    } else if (!auraConfig.isEmpty() && !(nimbusPieces && disjoint(auraConfig, psConfig))) {
      kind = RuntimeKind.AURA;
    } else if (nimbusPieces) {
      kind = RuntimeKind.NIMBUS;
    } else {
      kind = RuntimeKind.UNKNOWN;
    }

    Origin configOrigin = psConfig.isEmpty() ? null : ConstEvaluator.originOf(psConfig.get(0).node());
    boolean hookDeclared = true;
    List<Conditions> hookMembers = List.of();
    if (psConfig.isEmpty()) {
      unknowns.add(new Unknown("configuration", configNotFound(crate), new Origin(rootPath, 0, "", null)));
    } else {
      List<Alternative> hook = member(psConfig, "ConsensusHook", true);
      hookMembers = memberConditions(psConfig, "ConsensusHook");
      Alternative implied = new Alternative(Conditions.ALWAYS, new Value.Type("ExpectParentIncluded", "cumulus_pallet_parachain_system::consensus_hook::ExpectParentIncluded", List.of()),
          configOrigin.withNote("implied: the parachain-system Config has no `type ConsensusHook` (SDKs before polkadot-sdk#4380 default to ExpectParentIncluded)"));
      if (hook.isEmpty()) {
        hookDeclared = false;
        hook = List.of(implied);
      } else {
        // Builds where the `type ConsensusHook` line itself is cfg'd out get the pallet's default.
        absent.put(ParamKey.CONSENSUS_HOOK, implied);
        absent.put(ParamKey.UNINCLUDED_SEGMENT_CAPACITY, new Alternative(Conditions.ALWAYS, Value.Int.of(1), implied.origin()));
      }
      params.put(ParamKey.CONSENSUS_HOOK, hook);
      deriveFromHook(hook, params);
      putIfPresent(params, ParamKey.RELAY_NUMBER_POLICY, member(psConfig, "CheckAssociatedRelayNumber", true));
      List<Alternative> selectCore = member(psConfig, "SelectCore", true);
      putIfPresent(params, ParamKey.SELECT_CORE, selectCore);
      List<Alternative> offset = numbers(member(psConfig, "RelayParentOffset", true));
      if (offset.isEmpty()) {
        params.put(ParamKey.RELAY_PARENT_OFFSET, List.of(new Alternative(Conditions.ALWAYS, Value.Int.of(0),
            configOrigin.withNote("implied: no `type RelayParentOffset` (an SDK without relay-parent offsets builds on the newest relay parent)"))));
      } else {
        params.put(ParamKey.RELAY_PARENT_OFFSET, offset);
      }
    }

    // Timestamp first: Aura's slot duration may be derived from it.
    List<Alternative> minimumPeriod = timestampConfig.isEmpty() ? List.of() : numbers(member(timestampConfig, "MinimumPeriod", true));
    putIfPresent(params, ParamKey.MINIMUM_PERIOD, minimumPeriod);

    if (!auraConfig.isEmpty() && kind != RuntimeKind.NIMBUS) {
      Origin auraOrigin = ConstEvaluator.originOf(auraConfig.get(0).node());
      List<Alternative> allow = booleans(member(auraConfig, "AllowMultipleBlocksPerSlot", true));
      if (allow.isEmpty()) {
        allow = List.of(new Alternative(Conditions.ALWAYS, new Value.Bool(false),
            auraOrigin.withNote("implied: no `type AllowMultipleBlocksPerSlot` (older pallet_aura: the slot must increase with every block)")));
      }
      params.put(ParamKey.ALLOW_MULTIPLE_BLOCKS_PER_SLOT, allow);
      params.put(ParamKey.SLOT_DURATION, slotDuration(auraConfig, minimumPeriod, auraOrigin));
    } else if (!nimbusConfig.isEmpty()) {
      putIfPresent(params, ParamKey.ALLOW_MULTIPLE_BLOCKS_PER_SLOT, booleans(member(nimbusConfig, "AllowMultipleBlocksPerSlot", true)));
    }
    if (kind == RuntimeKind.NIMBUS) {
      unknowns.add(new Unknown("slot_duration_ms", "Nimbus runtime: no pallet_aura, so there is no Aura slot duration; Nimbus slots follow the relay chain", configOrigin));
    }

    // Runtime APIs.
    boolean nimbus = kind == RuntimeKind.NIMBUS;
    List<Alternative> api = new ArrayList<>();
    List<Alternative> apiHook = new ArrayList<>();
    List<Alternative> coreSelector = new ArrayList<>();
    for (ImplBlock impl : impls) {
      if (!impl.runtimeApi()) {
        continue;
      }
      String trait = impl.traitName();
      Origin at = ConstEvaluator.originOf(impl.node());
      if (trait.equals("AuraUnincludedSegmentApi") || (trait.equals("UnincludedSegmentApi") && nimbus)) {
        api.add(new Alternative(impl.conditions(), new Value.Bool(true), at));
        apiHook.addAll(apiHook(impl, at, crate));
      } else if (trait.equals("GetCoreSelectorApi")) {
        coreSelector.add(new Alternative(impl.conditions(), new Value.Bool(true), at));
      }
    }
    params.put(ParamKey.UNINCLUDED_SEGMENT_API, api);
    absent.put(ParamKey.UNINCLUDED_SEGMENT_API, new Alternative(Conditions.ALWAYS, new Value.Bool(false), new Origin(rootPath, 0, "", "no `impl AuraUnincludedSegmentApi` found in impl_runtime_apis!")));
    putIfPresent(params, ParamKey.UNINCLUDED_SEGMENT_API_HOOK, apiHook);
    params.put(ParamKey.CORE_SELECTOR_API, coreSelector);
    absent.put(ParamKey.CORE_SELECTOR_API, new Alternative(Conditions.ALWAYS, new Value.Bool(false), new Origin(rootPath, 0, "", "no `impl GetCoreSelectorApi` found in impl_runtime_apis!")));

    List<Alternative> checkInherents = new ArrayList<>();
    for (ModuleScope m : crate.modules()) {
      for (MacroCall c : m.macros()) {
        SyntaxNode tokens = c.tokenTree();
        if (c.name().equals("register_validate_block") && tokens != null && tokens.text().matches("(?s).*\\bCheckInherents\\s*=.*")) {
          checkInherents.add(new Alternative(c.conditions(), new Value.Bool(true), ConstEvaluator.originOf(c.node())));
        }
      }
    }
    params.put(ParamKey.CHECK_INHERENTS, checkInherents);
    absent.put(ParamKey.CHECK_INHERENTS, new Alternative(Conditions.ALWAYS, new Value.Bool(false), null));

    params.put(ParamKey.UMP_SIGNALS_FEATURE, List.of(umpSignals(crate)));

    // Named constants, wherever the runtime can see them.
    Map<String, List<Alternative>> constants = new LinkedHashMap<>();
    for (String name : CONSTANT_NAMES) {
      List<Alternative> found = constant(crate, name);
      if (!found.isEmpty()) {
        constants.put(name, found);
      }
    }
    if (constants.containsKey("MILLISECS_PER_BLOCK")) {
      params.put(ParamKey.MILLISECS_PER_BLOCK, constants.get("MILLISECS_PER_BLOCK"));
    }
    if (constants.containsKey("MAXIMUM_BLOCK_WEIGHT")) {
      params.put(ParamKey.MAX_BLOCK_WEIGHT, map(constants.get("MAXIMUM_BLOCK_WEIGHT"), v -> v instanceof Value.Weight w
          ? new Value.Int(w.refTime()) : v instanceof Value.Unknown ? v : new Value.Unknown("MAXIMUM_BLOCK_WEIGHT is not a Weight")));
    }

    List<Conditions> configConditions = psConfig.stream().map(ImplBlock::conditions).toList();
    return new RuntimeFacts(crate.info(), rootPath, kind, params, absent, constants, configOrigin, hookDeclared, unknowns, configConditions, hookMembers);
  }

  // True when no build has both (e.g. pallet_aura only for a standalone dev chain).
  private static boolean disjoint(List<ImplBlock> a, List<ImplBlock> b) {
    for (ImplBlock x : a) {
      for (ImplBlock y : b) {
        if (!x.conditions().and(y.conditions()).isContradictory()) {
          return false;
        }
      }
    }
    return true;
  }

  private List<ImplBlock> palletConfigs(List<ImplBlock> impls, String pallet) {
    List<ImplBlock> out = new ArrayList<>();
    for (ImplBlock impl : impls) {
      if (impl.runtimeApi() || !impl.traitName().equals("Config")) {
        continue;
      }
      List<String> segs = List.of(impl.traitPath().split("::"));
      List<String> full = new ArrayList<>();
      Resolution r = resolver.resolve(impl.scope(), List.of(segs.get(0)));
      if (r instanceof Resolution.External ext) {
        full.addAll(ext.path());
      } else {
        full.add(segs.get(0));
      }
      full.addAll(segs.subList(1, segs.size()));
      for (String s : full.subList(0, full.size() - 1)) {
        if (s.equals(pallet) || s.endsWith("_" + pallet) || (pallet.equals("parachain_system") && s.endsWith("parachain_system"))) {
          out.add(impl);
          break;
        }
      }
    }
    return out;
  }

  // Alternatives of an associated type (or const) across the given impls.
  private List<Alternative> member(List<ImplBlock> impls, String name, boolean type) {
    List<Alternative> out = new ArrayList<>();
    for (ImplBlock impl : impls) {
      for (ImplBlock.Member m : impl.members()) {
        if (!m.name().equals(name) || m.body() == null) {
          continue;
        }
        Origin at = ConstEvaluator.originOf(m.node());
        List<Alternative> values = m.kind().equals("type_item") ? evaluator.evalType(m.body(), impl.scope(), at) : evaluator.evalExpr(m.body(), impl.scope(), at);
        for (Alternative a : values) {
          Alternative c = a.under(m.conditions());
          if (!c.conditions().isContradictory()) {
            out.add(c);
          }
        }
      }
    }
    return out;
  }

  // The cfg conditions of each declaration of an associated item across the given impls.
  private static List<Conditions> memberConditions(List<ImplBlock> impls, String name) {
    List<Conditions> out = new ArrayList<>();
    for (ImplBlock impl : impls) {
      for (ImplBlock.Member m : impl.members()) {
        if (m.name().equals(name)) {
          out.add(m.conditions());
        }
      }
    }
    return out;
  }

  private static void putIfPresent(Map<ParamKey, List<Alternative>> params, ParamKey key, List<Alternative> values) {
    if (!values.isEmpty()) {
      params.put(key, values);
    }
  }

  private static void deriveFromHook(List<Alternative> hook, Map<ParamKey, List<Alternative>> params) {
    List<Alternative> capacity = new ArrayList<>();
    List<Alternative> velocity = new ArrayList<>();
    List<Alternative> relay = new ArrayList<>();
    for (Alternative h : hook) {
      if (!(h.value() instanceof Value.Type configured)) {
        capacity.add(h);
        continue;
      }
      Value.Type t = ConsensusHooks.effective(configured);
      if (t == null) {
        capacity.add(new Alternative(h.conditions(), new Value.Unknown("custom consensus hook `" + configured.describe() + "`"), h.origin()));
        continue;
      }
      boolean nimbusHook = t.path().contains("pallet_async_backing") || (t.name().equals("FixedVelocityConsensusHook") && t.args().size() == 3);
      switch (t.name()) {
        case "FixedVelocityConsensusHook", "OlderParentFixedVelocityConsensusHook" -> {
          if (nimbusHook && t.args().size() == 3) {
            velocity.add(fromArg(h, t, 1));
            capacity.add(fromArg(h, t, 2));
          } else if (t.args().size() >= 4) {
            relay.add(fromArg(h, t, 1));
            velocity.add(fromArg(h, t, 2));
            capacity.add(fromArg(h, t, 3));
          } else {
            capacity.add(new Alternative(h.conditions(), new Value.Unknown("unexpected generic arguments of " + t.name()), h.origin()));
          }
        }
        case "FixedCapacityUnincludedSegment" -> capacity.add(t.args().isEmpty()
            ? new Alternative(h.conditions(), new Value.Unknown("FixedCapacityUnincludedSegment without its capacity"), h.origin())
            : fromArg(h, t, 0));
        case "ExpectParentIncluded", "RequireParentIncluded" -> capacity.add(new Alternative(h.conditions(), Value.Int.of(1),
            h.origin().withNote(h.origin().note() != null ? h.origin().note() : t.name() + " allows one unincluded block")));
        default -> capacity.add(new Alternative(h.conditions(), new Value.Unknown("custom consensus hook `" + t.describe() + "`"), h.origin()));
      }
    }
    params.put(ParamKey.UNINCLUDED_SEGMENT_CAPACITY, capacity);
    putIfPresent(params, ParamKey.BLOCK_PROCESSING_VELOCITY, velocity);
    putIfPresent(params, ParamKey.RELAY_CHAIN_SLOT_DURATION, relay);
  }

  private static Alternative fromArg(Alternative hook, Value.Type t, int i) {
    Value.Argument a = t.arg(i);
    return new Alternative(hook.conditions(), a.value(), a.origin());
  }

  private List<Alternative> slotDuration(List<ImplBlock> auraConfig, List<Alternative> minimumPeriod, Origin auraOrigin) {
    List<Alternative> declared = member(auraConfig, "SlotDuration", true);
    List<Alternative> out = new ArrayList<>();
    if (declared.isEmpty()) {
      for (Alternative mp : minimumPeriod) {
        out.add(new Alternative(mp.conditions(), twice(mp.value()), auraOrigin.withNote("implied: no `type SlotDuration` (older pallet_aura: MinimumPeriod × 2)")));
      }
      if (out.isEmpty()) {
        out.add(new Alternative(Conditions.ALWAYS, new Value.Unknown("no `type SlotDuration` and no MinimumPeriod"), auraOrigin));
      }
      return out;
    }
    for (Alternative d : declared) {
      if (d.value() instanceof Value.Type t && t.name().equals("MinimumPeriodTimesTwo")) {
        for (Alternative mp : minimumPeriod) {
          Conditions c = d.conditions().and(mp.conditions());
          if (!c.isContradictory()) {
            out.add(new Alternative(c, twice(mp.value()), d.origin().withNote("MinimumPeriodTimesTwo: MinimumPeriod × 2")));
          }
        }
        if (minimumPeriod.isEmpty()) {
          out.add(new Alternative(d.conditions(), new Value.Unknown("MinimumPeriodTimesTwo but MinimumPeriod not found"), d.origin()));
        }
      } else {
        out.addAll(numbers(List.of(d)));
      }
    }
    return out;
  }

  // A number-valued associated type whose value is a type the doctor cannot read (a struct with
  // an unreadable `Get`, a name from outside the repository) is unknown, not that type's name.
  private static List<Alternative> numbers(List<Alternative> in) {
    return map(in, v -> v instanceof Value.Type t ? new Value.Unknown("`" + t.describe() + "` is a type whose number the doctor cannot read (not a ConstU*, parameter_types! entry or readable `Get` impl)") : v);
  }

  private static List<Alternative> booleans(List<Alternative> in) {
    return map(in, v -> v instanceof Value.Type t ? new Value.Unknown("`" + t.describe() + "` is a type whose boolean the doctor cannot read (not a ConstBool, parameter_types! entry or readable `Get` impl)") : v);
  }

  private static Value twice(Value v) {
    return v instanceof Value.Int i ? new Value.Int(i.value().shiftLeft(1)) : v;
  }

  private List<Alternative> apiHook(ImplBlock impl, Origin at, CrateSource crate) {
    List<Alternative> out = new ArrayList<>();
    for (ImplBlock.Member m : impl.members()) {
      if (!m.name().equals("can_build_upon") || m.body() == null) {
        continue;
      }
      HookCall hc = hookCall(m.body(), impl.scope(), crate, 3);
      if (hc == null) {
        out.add(new Alternative(m.conditions(), new Value.Unknown("`can_build_upon` does not call a consensus hook's `can_build_upon`"), ConstEvaluator.originOf(m.node())));
        continue;
      }
      Origin callAt = ConstEvaluator.originOf(hc.call());
      for (Alternative a : evaluator.evalType(hc.path(), hc.scope(), callAt)) {
        Alternative c = a.under(m.conditions());
        if (!c.conditions().isContradictory()) {
          out.add(c);
        }
      }
    }
    return out;
  }

  private record HookCall(SyntaxNode call, SyntaxNode path, ModuleScope scope) {}

  // `Hook::can_build_upon(..)` in a body, or in a helper it calls (the template's
  // `Runtime::impl_can_build_upon`), up to `depth` helpers deep.
  private static HookCall hookCall(SyntaxNode body, ModuleScope scope, CrateSource crate, int depth) {
    List<SyntaxNode> calls = body.descendants("call_expression");
    for (SyntaxNode call : calls) {
      SyntaxNode fn = call.field("function");
      if (fn != null && fn.type().equals("scoped_identifier") && fn.field("name") != null && fn.field("path") != null
          && fn.field("name").text().equals("can_build_upon")) {
        return new HookCall(call, fn.field("path"), scope);
      }
    }
    if (depth == 0) {
      return null;
    }
    for (SyntaxNode call : calls) {
      SyntaxNode fn = call.field("function");
      if (fn == null || !(fn.type().equals("scoped_identifier") || fn.type().equals("identifier"))) {
        continue;
      }
      String helper = fn.type().equals("identifier") ? fn.text() : fn.field("name") == null ? "" : fn.field("name").text();
      for (ModuleScope m : crate.modules()) {
        for (ImplBlock impl : m.impls()) {
          if (!impl.traitPath().isEmpty()) {
            continue;
          }
          for (ImplBlock.Member member : impl.members()) {
            if (member.kind().equals("function_item") && member.name().equals(helper) && member.body() != null) {
              HookCall found = hookCall(member.body(), impl.scope(), crate, depth - 1);
              if (found != null) {
                return found;
              }
            }
          }
        }
      }
    }
    return null;
  }

  private Alternative umpSignals(CrateSource crate) {
    CargoManifest manifest = crate.info().manifest();
    String rel = crate.info().relativeDir().equals(".") ? "Cargo.toml" : crate.info().relativeDir() + "/Cargo.toml";
    boolean enabled = false;
    String depKey = null;
    for (CargoManifest.Dependency d : manifest.dependencies().values()) {
      if (d.packageName().equals("cumulus-pallet-parachain-system")) {
        depKey = d.key();
        enabled |= d.features().contains(UMP_FEATURE);
        if (d.workspace()) {
          for (CargoManifest ws : workspace.workspaceManifests()) {
            CargoManifest.Dependency wd = ws.workspaceDependencies().get(d.key());
            if (wd != null && wd.features().contains(UMP_FEATURE)) {
              enabled = true;
              rel = workspace.root().relativize(ws.path()).toString().replace('\\', '/');
            }
          }
        }
      }
    }
    if (depKey != null) {
      for (List<String> items : manifest.features().values()) {
        if (items.contains(depKey + "/" + UMP_FEATURE) || items.contains(depKey + "?/" + UMP_FEATURE)) {
          enabled = true;
        }
      }
    }
    int line = 0;
    String quoted = "";
    if (enabled) {
      try {
        List<String> lines = Files.readAllLines(workspace.root().resolve(rel));
        for (int i = 0; i < lines.size(); i++) {
          if (lines.get(i).contains(UMP_FEATURE)) {
            line = i + 1;
            quoted = lines.get(i).strip();
            break;
          }
        }
      } catch (IOException e) {
        line = 0;
      }
    }
    return new Alternative(Conditions.ALWAYS, new Value.Bool(enabled),
        new Origin(rel, line, quoted, enabled ? null : "`" + UMP_FEATURE + "` is not enabled on cumulus-pallet-parachain-system"));
  }

  private List<Alternative> constant(CrateSource crate, String name) {
    List<ModuleScope> scopes = new ArrayList<>(crate.roots());
    scopes.addAll(crate.modules());
    for (ModuleScope scope : scopes) {
      Resolution r = resolver.resolve(scope, List.of(name));
      if (r instanceof Resolution.Found || r instanceof Resolution.External || r instanceof Resolution.ExternalGlob) {
        List<Alternative> values = evaluator.evalPath(scope, List.of(name), new Origin(scope.file().relativePath(), 0, "", null));
        if (r instanceof Resolution.Found || values.stream().anyMatch(a -> !(a.value() instanceof Value.Unknown))) {
          return values;
        }
      }
    }
    return List.of();
  }

  private static List<Alternative> map(List<Alternative> in, Function<Value, Value> f) {
    List<Alternative> out = new ArrayList<>();
    for (Alternative a : in) {
      out.add(new Alternative(a.conditions(), f.apply(a.value()), a.origin()));
    }
    return out;
  }

  private String configNotFound(CrateSource crate) {
    List<String> candidates = new ArrayList<>();
    for (ModuleScope m : crate.modules()) {
      for (MacroCall c : m.macros()) {
        if (!ORDINARY_MACROS.contains(c.name())) {
          candidates.add("`" + c.name() + "!` (" + c.node().file().relativePath() + ":" + c.node().line() + ")");
        }
      }
    }
    String base = "no `impl cumulus_pallet_parachain_system::Config` in the crate's source";
    if (candidates.isEmpty()) {
      return base + "; it may be generated by a macro or a build script, so its values cannot be read";
    }
    return base + "; it is probably generated by " + String.join(", ", candidates.subList(0, Math.min(4, candidates.size())))
        + ", whose expansion the doctor does not perform, so its values cannot be read";
  }

  /** Milliseconds of {@code ref_time} (picoseconds) as an exact decimal. */
  public static java.math.BigDecimal refTimeMillis(BigInteger refTime) {
    return new java.math.BigDecimal(refTime).divide(new java.math.BigDecimal(PS_PER_MS)).stripTrailingZeros();
  }
}
