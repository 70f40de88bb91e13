package io.parapipe.doctor.extract;

import io.parapipe.doctor.eval.Alternative;
import io.parapipe.doctor.cfg.Conditions;
import io.parapipe.doctor.eval.ConstEvaluator;
import io.parapipe.doctor.eval.Origin;
import io.parapipe.doctor.eval.Value;
import io.parapipe.doctor.rust.ParsedText;
import io.parapipe.doctor.rust.SyntaxNode;
import io.parapipe.doctor.workspace.CrateInfo;
import io.parapipe.doctor.workspace.CrateSource;
import io.parapipe.doctor.workspace.ModuleScope;
import io.parapipe.doctor.workspace.Resolution;
import io.parapipe.doctor.workspace.Resolver;
import io.parapipe.doctor.workspace.UseBinding;
import io.parapipe.doctor.workspace.Workspace;
import java.math.BigInteger;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the node crates: which cumulus collator is started ({@code collators::basic::run},
 * {@code collators::lookahead::run}, {@code collators::slot_based::run}, the legacy
 * {@code build_aura_consensus}, or {@code polkadot_omni_node_lib::run}) and with which
 * {@code authoring_duration}.
 */
public final class NodeExtractor {
  /** Packages whose use marks a crate as a collator node. */
  public static final Set<String> NODE_DEPENDENCIES =
      Set.of("cumulus-client-consensus-aura", "cumulus-client-collator", "cumulus-client-service", "cumulus-client-consensus-common",
          "cumulus-client-consensus-relay-chain", "polkadot-omni-node-lib", "polkadot-omni-node", "nimbus-consensus");
  private static final String LEGACY_NOTE =
      "legacy `start_collator` (ParachainConsensus) path without a recognised consensus builder: it builds on the included parent, like the basic collator";
  private static final String OMNI_NOTE =
      "polkadot-omni-node default: the lookahead collator unless started with `--authoring slot-based`; authoring_duration 2000 ms";

  private final Workspace workspace;
  private final Resolver resolver;
  private final ConstEvaluator evaluator;

  /** An extractor over a workspace. */
  public NodeExtractor(Workspace workspace, Resolver resolver, ConstEvaluator evaluator) {
    this.workspace = workspace;
    this.resolver = resolver;
    this.evaluator = evaluator;
  }

  /** True when a crate looks like a collator node (by its dependencies or a {@code src/service.rs}). */
  public static boolean isNodeCrate(CrateInfo crate) {
    for (String dep : NODE_DEPENDENCIES) {
      if (crate.manifest().dependsOn(dep)) {
        return true;
      }
    }
    return Files.isRegularFile(crate.dir().resolve("src/service.rs"));
  }

  /** Reads the given node crates. */
  public CollatorFacts extract(List<CrateInfo> nodeCrates) {
    List<CollatorLaunch> launches = new ArrayList<>();
    List<Unknown> unknowns = new ArrayList<>();
    List<String> dirs = new ArrayList<>();
    List<CrateSource> sources = nodeCrates.stream().map(workspace::source).toList();
    BranchChoice branches = new BranchChoice(sources);
    for (CrateInfo info : nodeCrates) {
      dirs.add(info.relativeDir());
      CrateSource crate = workspace.source(info);
      int before = launches.size();
      SyntaxNode legacyStart = null;
      for (ModuleScope scope : crate.modules()) {
        for (ParsedText text : scope.texts()) {
          for (SyntaxNode call : text.root().descendants("call_expression")) {
            CollatorLaunch launch = launch(call, scope, crate);
            BranchChoice.Decision decision = launch == null ? null : branches.decide(call);
            if (decision != null && !decision.runs()) {
              continue; // on the branch the node never takes
            }
            if (decision != null) {
              launch = new CollatorLaunch(launch.kind(), launch.origin(), launch.authoringDuration(),
                  (launch.note() == null ? "" : launch.note() + "; ") + "the branch that runs: " + decision.reason());
            }
            if (launch != null) {
              launches.add(launch);
            } else if (legacyStart == null && isLegacyStartCollator(call, scope)) {
              legacyStart = call;
            }
          }
        }
      }
      if (launches.size() == before && legacyStart != null) {
        launches.add(new CollatorLaunch(CollatorKind.BASIC, ConstEvaluator.originOf(legacyStart), null, LEGACY_NOTE));
      }
    }
    // A node that runs polkadot-omni-node's service without calling a collator itself. Only when no
    // collator start was found anywhere: a crate may depend on the omni-node library for a type.
    if (launches.isEmpty()) {
      for (CrateInfo info : nodeCrates) {
        if (info.manifest().dependsOn("polkadot-omni-node-lib") || info.manifest().dependsOn("polkadot-omni-node")) {
          String rel = info.relativeDir().equals(".") ? "Cargo.toml" : info.relativeDir() + "/Cargo.toml";
          launches.add(omniNode(new Origin(rel, 0, "", "depends on polkadot-omni-node-lib")));
          break;
        }
      }
    }
    if (nodeCrates.isEmpty()) {
      unknowns.add(new Unknown("collator", "no node in this repository (runtime-only): the collator kind and authoring_duration are chosen by whoever runs the node", null));
    } else if (launches.isEmpty()) {
      unknowns.add(new Unknown("collator", "no collator start (`collators::{basic,lookahead,slot_based}::run`, omni-node) found in " + String.join(", ", dirs), null));
    } else if (kindsOf(launches) > 1) {
      unknowns.add(new Unknown("collator", "the node starts several collator kinds; which one runs is chosen at run time", launches.get(0).origin()));
    }
    return new CollatorFacts(List.copyOf(dirs), List.copyOf(launches), List.copyOf(unknowns));
  }

  // cumulus_client_service::start_collator: the pre-2024 `ParachainConsensus` collation path.
  private boolean isLegacyStartCollator(SyntaxNode call, ModuleScope scope) {
    SyntaxNode fn = call.field("function");
    if (fn == null || !(fn.type().equals("scoped_identifier") || fn.type().equals("identifier"))) {
      return false;
    }
    List<String> full = expand(scope, call, CrateSource.segments(fn));
    return full.get(full.size() - 1).equals("start_collator") && (full.size() == 1 || full.contains("cumulus_client_service"));
  }

  private static long kindsOf(List<CollatorLaunch> launches) {
    return launches.stream().map(CollatorLaunch::kind).distinct().count();
  }

  private CollatorLaunch omniNode(Origin origin) {
    Alternative authoring = new Alternative(Conditions.ALWAYS, new Value.Duration(BigInteger.valueOf(2_000_000)),
        Origin.external("polkadot-omni-node-lib", "omni-node authoring_duration = 2000 ms"));
    return new CollatorLaunch(CollatorKind.LOOKAHEAD, origin, authoring, OMNI_NOTE);
  }

  private CollatorLaunch launch(SyntaxNode call, ModuleScope scope, CrateSource crate) {
    SyntaxNode fn = call.field("function");
    if (fn != null && fn.type().equals("generic_function")) {
      fn = fn.field("function");
    }
    if (fn == null || !(fn.type().equals("scoped_identifier") || fn.type().equals("identifier"))) {
      return null;
    }
    List<String> segs = CrateSource.segments(fn);
    List<String> full = expand(scope, call, segs);
    String last = full.get(full.size() - 1);
    CollatorKind kind = null;
    if ((last.equals("run") || last.equals("run_with_export")) && full.contains("slot_based")) {
      kind = CollatorKind.SLOT_BASED;
    } else if (last.equals("run") && full.contains("lookahead")) {
      kind = CollatorKind.LOOKAHEAD;
    } else if (last.equals("run") && full.contains("basic") && full.contains("collators")) {
      kind = CollatorKind.BASIC;
    } else if (last.equals("build_aura_consensus") || (last.equals("build") && full.contains("AuraConsensus"))) {
      kind = CollatorKind.BASIC;
    } else if (last.equals("run") && (full.contains("polkadot_omni_node_lib") || full.contains("polkadot_omni_node"))) {
      return omniNode(ConstEvaluator.originOf(call));
    }
    if (kind == null) {
      return null;
    }
    return new CollatorLaunch(kind, ConstEvaluator.originOf(call), authoring(call, scope, crate), null);
  }

  // The path with its first segment expanded through the imports in force at `at`: `use`
  // declarations in the enclosing blocks (innermost first; an item in a block is visible in all
  // of it, as rustc has it), then the module's.
  private List<String> expand(ModuleScope scope, SyntaxNode at, List<String> segs) {
    String head = segs.get(0);
    List<String> rest = segs.subList(1, segs.size());
    for (SyntaxNode block = at.parent(); block != null; block = block.parent()) {
      if (!block.type().equals("block")) {
        continue;
      }
      for (SyntaxNode child : block.namedChildren()) {
        if (!child.type().equals("use_declaration")) {
          continue;
        }
        for (UseBinding b : CrateSource.useBindings(child, scope, Conditions.ALWAYS)) {
          if (head.equals(b.alias()) && !b.path().isEmpty()) {
            List<String> full = new ArrayList<>(expand(scope, b.path()));
            full.addAll(rest);
            return full;
          }
          if (b.alias() == null && segs.size() == 1 && !b.path().isEmpty()) {
            List<String> full = new ArrayList<>(expand(scope, b.path()));
            full.add(head); // `use x::lookahead::*; run(..)`: the glob is the only candidate
            return full;
          }
        }
      }
    }
    return expand(scope, segs);
  }

  // The path with its first segment expanded through the module's imports.
  private List<String> expand(ModuleScope scope, List<String> segs) {
    Resolution r = resolver.resolve(scope, List.of(segs.get(0)));
    List<String> full = new ArrayList<>();
    if (r instanceof Resolution.External ext) {
      full.addAll(ext.path());
    } else {
      full.add(segs.get(0));
    }
    full.addAll(segs.subList(1, segs.size()));
    return full;
  }

  // `authoring_duration: ...` in the function that starts the collator, else the only one in the crate.
  private Alternative authoring(SyntaxNode call, ModuleScope scope, CrateSource crate) {
    SyntaxNode function = call.ancestor("function_item");
    List<SyntaxNode> inits = function == null ? List.of() : authoringInitializers(function);
    if (inits.isEmpty()) {
      List<SyntaxNode> all = new ArrayList<>();
      for (ModuleScope m : crate.modules()) {
        for (ParsedText t : m.texts()) {
          all.addAll(authoringInitializers(t.root()));
        }
      }
      if (all.size() != 1) {
        return null;
      }
      inits = all;
    }
    // The closest one before the start (a function may start different collators in branches).
    SyntaxNode init = inits.get(0);
    for (SyntaxNode i : inits) {
      if (i.source() == call.source() && i.startByte() < call.startByte()) {
        init = i;
      }
    }
    Origin at = ConstEvaluator.originOf(init);
    SyntaxNode value = init.type().equals("field_initializer") ? init.field("value") : null;
    if (value == null) {
      value = letValue(init.ancestor("function_item"), "authoring_duration");
    }
    if (value == null) {
      return new Alternative(Conditions.ALWAYS, new Value.Unknown("`authoring_duration` comes from a variable the doctor cannot follow"), at);
    }
    ModuleScope owner = scopeOf(crate, init, scope);
    List<Alternative> values = evaluator.evalExpr(value, owner, at);
    Alternative first = values.get(0);
    if (first.value() instanceof Value.Unknown u) {
      return new Alternative(Conditions.ALWAYS, new Value.Unknown("set at run time: `" + value.text().replaceAll("\\s+", " ") + "` (" + u.reason() + ")"), at);
    }
    return new Alternative(first.conditions(), first.value(), at);
  }

  private static List<SyntaxNode> authoringInitializers(SyntaxNode root) {
    List<SyntaxNode> out = new ArrayList<>();
    for (SyntaxNode f : root.descendants("field_initializer")) {
      SyntaxNode field = f.field("field");
      if (field != null && field.text().equals("authoring_duration")) {
        out.add(f);
      }
    }
    for (SyntaxNode f : root.descendants("shorthand_field_initializer")) {
      if (f.text().strip().equals("authoring_duration")) {
        out.add(f);
      }
    }
    out.sort((a, b) -> Integer.compare(a.startByte(), b.startByte()));
    return out;
  }

  private static SyntaxNode letValue(SyntaxNode function, String name) {
    if (function == null) {
      return null;
    }
    for (SyntaxNode let : function.descendants("let_declaration")) {
      SyntaxNode pattern = let.field("pattern");
      if (pattern != null && pattern.text().strip().equals(name)) {
        return let.field("value");
      }
    }
    return null;
  }

  private static ModuleScope scopeOf(CrateSource crate, SyntaxNode node, ModuleScope fallback) {
    for (ModuleScope m : crate.modules()) {
      if (m.file().relativePath().equals(node.file().relativePath())) {
        return m;
      }
    }
    return fallback;
  }
}
