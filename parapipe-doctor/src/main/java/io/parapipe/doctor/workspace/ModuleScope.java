package io.parapipe.doctor.workspace;

import io.parapipe.doctor.cfg.Conditions;
import io.parapipe.doctor.rust.ParsedText;
import io.parapipe.doctor.rust.SourceFile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Rust module of a crate: what it defines, imports and implements. Filled by
 * {@link CrateSource} while it walks the module tree.
 */
public final class ModuleScope {
  private final CrateSource crate;
  private final ModuleScope parent;
  private final String name;
  private final SourceFile file;
  private final Conditions conditions;
  private final Map<String, List<Definition>> definitions = new LinkedHashMap<>();
  private final Map<String, List<UseBinding>> uses = new LinkedHashMap<>();
  private final List<UseBinding> globs = new ArrayList<>();
  private final Map<String, ModuleScope> children = new LinkedHashMap<>();
  private final List<ImplBlock> impls = new ArrayList<>();
  private final List<MacroCall> macros = new ArrayList<>();
  private final List<ParsedText> texts = new ArrayList<>();
  private boolean runtimeMarker;

  ModuleScope(CrateSource crate, ModuleScope parent, String name, SourceFile file, Conditions conditions) {
    this.crate = crate;
    this.parent = parent;
    this.name = name;
    this.file = file;
    this.conditions = conditions;
  }

  /** The crate this module belongs to. */
  public CrateSource crate() {
    return crate;
  }

  /** The parent module, or null for the crate root. */
  public ModuleScope parent() {
    return parent;
  }

  /** The crate root module. */
  public ModuleScope root() {
    ModuleScope at = this;
    while (at.parent != null) {
      at = at.parent;
    }
    return at;
  }

  /** The module path from the crate root, e.g. {@code configs::xcm}; empty for the root. */
  public String path() {
    return parent == null ? "" : (parent.parent == null ? name : parent.path() + "::" + name);
  }

  /** The file the module's items are in. */
  public SourceFile file() {
    return file;
  }

  /** The module's {@code cfg} conditions (inherited from enclosing modules). */
  public Conditions conditions() {
    return conditions;
  }

  /** Definitions of a name in this module (several under different {@code cfg}s). */
  public List<Definition> definitions(String n) {
    return definitions.getOrDefault(n, List.of());
  }

  /** All definitions in declaration order. */
  public List<Definition> allDefinitions() {
    List<Definition> out = new ArrayList<>();
    definitions.values().forEach(out::addAll);
    return out;
  }

  /** The {@code use} bindings of a name. */
  public List<UseBinding> uses(String n) {
    return uses.getOrDefault(n, List.of());
  }

  /** Glob imports. */
  public List<UseBinding> globs() {
    return Collections.unmodifiableList(globs);
  }

  /** A child module, or null. */
  public ModuleScope child(String n) {
    return children.get(n);
  }

  /** Child modules. */
  public List<ModuleScope> children() {
    return List.copyOf(children.values());
  }

  /** Impl blocks declared in this module. */
  public List<ImplBlock> impls() {
    return Collections.unmodifiableList(impls);
  }

  /** Item-level macro invocations kept for inspection. */
  public List<MacroCall> macros() {
    return Collections.unmodifiableList(macros);
  }

  /** The parsed texts of this module (its file, re-parsed macro bodies). */
  public List<ParsedText> texts() {
    return Collections.unmodifiableList(texts);
  }

  /** True when the module is a {@code #[frame_support::runtime]} module. */
  public boolean isRuntimeModule() {
    return runtimeMarker;
  }

  void addDefinition(Definition d) {
    definitions.computeIfAbsent(d.name(), k -> new ArrayList<>()).add(d);
  }

  void addUse(UseBinding b) {
    if (b.alias() == null) {
      globs.add(b);
    } else {
      uses.computeIfAbsent(b.alias(), k -> new ArrayList<>()).add(b);
    }
  }

  void addChild(ModuleScope child) {
    children.putIfAbsent(child.name, child);
  }

  void addImpl(ImplBlock impl) {
    impls.add(impl);
  }

  void addMacro(MacroCall call) {
    macros.add(call);
  }

  void addText(ParsedText text) {
    texts.add(text);
  }

  void markRuntime() {
    runtimeMarker = true;
  }

  @Override
  public String toString() {
    return crate.info().packageName() + "::" + path();
  }
}
