package io.parapipe.doctor.workspace;

import io.parapipe.doctor.cfg.Conditions;
import io.parapipe.doctor.rust.ParsedText;
import io.parapipe.doctor.rust.RustParser;
import io.parapipe.doctor.rust.SourceFile;
import io.parapipe.doctor.rust.SyntaxNode;
import io.parapipe.doctor.rust.UnreadableInput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The parsed module tree of one crate: every module reachable from the library root (and the
 * binary root) through {@code mod} declarations, with its definitions, imports, impl blocks and
 * macro invocations. {@code cfg(test)} modules and items are skipped.
 */
public final class CrateSource {
  private static final Set<String> TEST_MODULES = Set.of("mock", "mocks", "tests", "test");
  private static final int MAX_MODULE_DEPTH = 64;
  private static final int MAX_EXPANSION_ROUNDS = 4;
  private static final Pattern RUNTIME_API_IMPL = Pattern.compile("\\bimpl\\s+[\\w:]*Api\\s*<");
  private static final Set<String> REPARSED_ITEM_MACROS = Set.of("parameter_types", "impl_runtime_apis");

  private final CrateInfo info;
  private final Path repoRoot;
  private final RustParser parser;
  private final List<ModuleScope> roots = new ArrayList<>();
  private final List<ModuleScope> modules = new ArrayList<>();
  // Files of the module chain being loaded: a `#[path]` back into one of them is a cycle.
  private final Set<Path> loading = new LinkedHashSet<>();
  private final List<MacroRules> macroRules = new ArrayList<>();

  CrateSource(CrateInfo info, Path repoRoot, RustParser parser) {
    this.info = info;
    this.repoRoot = repoRoot;
    this.parser = parser;
    for (Path rootFile : List.of(info.libRoot(), info.mainRoot())) {
      if (Files.isRegularFile(rootFile)) {
        SourceFile file = read(rootFile);
        if (file != null) {
          ModuleScope root = new ModuleScope(this, null, "", file, Conditions.ALWAYS);
          roots.add(root);
          loadFile(root, file, rootFile.getParent());
        }
      }
    }
  }

  /** The crate. */
  public CrateInfo info() {
    return info;
  }

  /** The root modules: the library's, then the binary's (when present). */
  public List<ModuleScope> roots() {
    return List.copyOf(roots);
  }

  /** The library root module, or the binary's when there is no library. */
  public ModuleScope root() {
    return roots.isEmpty() ? null : roots.get(0);
  }

  /** Every module, in load order. */
  public List<ModuleScope> modules() {
    return List.copyOf(modules);
  }

  /** Definitions with this name anywhere in the crate. */
  public List<Definition> definitionsNamed(String name) {
    List<Definition> out = new ArrayList<>();
    for (ModuleScope m : modules) {
      out.addAll(m.definitions(name));
    }
    return out;
  }

  private SourceFile read(Path file) {
    try {
      String rel = repoRoot.relativize(file).toString().replace('\\', '/');
      return SourceFile.of(file, rel, Files.readString(file));
    } catch (MalformedInputException e) {
      return null; // not UTF-8: not Rust source we can read
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void loadFile(ModuleScope scope, SourceFile file, Path childDir) {
    Path real = file.absolutePath().toAbsolutePath().normalize();
    loading.add(real);
    try {
      ParsedText text = parser.parseFile(file);
      modules.add(scope);
      scope.addText(text);
      collect(scope, text.root(), childDir, false, Conditions.ALWAYS);
    } finally {
      loading.remove(real);
    }
  }

  // Walks the items of a source file, an inline module body or a re-parsed macro body.
  private void collect(ModuleScope scope, SyntaxNode container, Path childDir, boolean fromParameterTypes, Conditions inherited) {
    List<SyntaxNode> attrs = new ArrayList<>();
    for (SyntaxNode child : container.namedChildren()) {
      String type = child.type();
      if (type.equals("attribute_item")) {
        attrs.add(child);
        continue;
      }
      if (type.equals("line_comment") || type.equals("block_comment") || type.equals("inner_attribute_item")) {
        continue;
      }
      Attributes a = Attributes.of(attrs);
      attrs.clear();
      if (a.testOnly()) {
        continue;
      }
      Conditions conds = scope.conditions().and(inherited).and(a.conditions());
      switch (type) {
        case "const_item", "static_item" -> {
          SyntaxNode name = child.field("name");
          if (name != null) {
            Definition.Kind kind = fromParameterTypes ? Definition.Kind.PARAMETER : Definition.Kind.CONST;
            scope.addDefinition(new Definition(name.text(), kind, child, child.field("value"), scope, conds));
          }
        }
        case "type_item" -> {
          SyntaxNode name = child.field("name");
          if (name != null) {
            scope.addDefinition(new Definition(name.text(), Definition.Kind.TYPE_ALIAS, child, child.field("type"), scope, conds));
          }
        }
        case "use_declaration" -> useBindings(child, scope, conds).forEach(scope::addUse);
        case "mod_item" -> module(scope, child, a, conds, childDir);
        case "impl_item" -> impl(scope, child, conds, false);
        case "macro_invocation" -> macro(scope, child, conds, childDir);
        case "macro_definition" -> {
          SyntaxNode name = child.field("name");
          if (name != null) {
            macroRules.add(new MacroRules(name.text(), child, this));
          }
        }
        case "expression_statement" -> {
          SyntaxNode inner = child.namedChildren().isEmpty() ? null : child.namedChildren().get(0);
          if (inner != null && inner.type().equals("macro_invocation")) {
            macro(scope, inner, conds, childDir);
          }
        }
        default -> {}
      }
    }
  }

  private void module(ModuleScope scope, SyntaxNode item, Attributes a, Conditions conds, Path childDir) {
    SyntaxNode nameNode = item.field("name");
    if (nameNode == null) {
      return;
    }
    String name = nameNode.text();
    if (TEST_MODULES.contains(name)) {
      return; // test scaffolding: mock runtimes must not count as the parachain's runtime
    }
    SyntaxNode body = item.field("body");
    if (body != null) {
      ModuleScope inline = new ModuleScope(this, scope, name, scope.file(), conds);
      if (a.runtimeMarker()) {
        inline.markRuntime();
      }
      scope.addChild(inline);
      modules.add(inline);
      collect(inline, body, childDir.resolve(name), false, Conditions.ALWAYS);
      return;
    }
    Path file;
    Path nextDir;
    if (a.path() != null) {
      file = scope.file().absolutePath().getParent().resolve(a.path()).normalize();
      nextDir = file.getParent().resolve(stem(file));
    } else {
      Path flat = childDir.resolve(name + ".rs");
      Path nested = childDir.resolve(name).resolve("mod.rs");
      if (Files.isRegularFile(flat)) {
        file = flat;
        nextDir = childDir.resolve(name);
      } else if (Files.isRegularFile(nested)) {
        file = nested;
        nextDir = nested.getParent();
      } else {
        return; // declared but not present (generated at build time, or a broken tree)
      }
    }
    if (!Files.isRegularFile(file) || !file.startsWith(repoRoot)) {
      return;
    }
    if (file.getFileName().toString().equals("mod.rs")) {
      nextDir = file.getParent();
    }
    Path real = file.toAbsolutePath().normalize();
    if (loading.contains(real)) {
      throw new UnreadableInput("module cycle: `mod " + name + ";` at " + scope.file().relativePath() + ":" + item.line()
          + " loads " + repoRoot.relativize(real).toString().replace('\\', '/') + ", which is already being loaded; hint: rustc rejects this too, fix the `#[path]` attribute");
    }
    if (loading.size() >= MAX_MODULE_DEPTH) {
      throw new UnreadableInput("modules nested more than " + MAX_MODULE_DEPTH + " files deep at " + scope.file().relativePath() + ":" + item.line()
          + "; hint: the doctor does not follow module trees this deep");
    }
    SourceFile source = read(file);
    if (source == null) {
      return;
    }
    ModuleScope child = new ModuleScope(this, scope, name, source, conds);
    if (a.runtimeMarker()) {
      child.markRuntime();
    }
    scope.addChild(child);
    loadFile(child, source, nextDir);
  }

  private static String stem(Path file) {
    String n = file.getFileName().toString();
    return n.endsWith(".rs") ? n.substring(0, n.length() - 3) : n;
  }

  private void impl(ModuleScope scope, SyntaxNode item, Conditions conds, boolean runtimeApi) {
    SyntaxNode trait = item.field("trait");
    SyntaxNode self = item.field("type");
    String traitPath = trait == null ? "" : stripGenerics(trait.text());
    scope.addImpl(new ImplBlock(traitPath, self == null ? "" : self.text().strip(), item, scope, conds, runtimeApi));
    if (!runtimeApi && self != null && self.type().equals("type_identifier") && (traitPath.equals("Get") || traitPath.endsWith("::Get"))) {
      getter(scope, item, self.text(), conds);
    }
  }

  // `struct X; impl Get<u64> for X { fn get() -> u64 { expr } }` is a parameter like
  // parameter_types!' entries: X and X::get() evaluate to the body of `get`.
  private static void getter(ModuleScope scope, SyntaxNode impl, String name, Conditions conds) {
    SyntaxNode body = impl.field("body");
    if (body == null) {
      return;
    }
    for (SyntaxNode f : body.namedChildren()) {
      SyntaxNode fname = f.field("name");
      if (f.type().equals("function_item") && fname != null && fname.text().equals("get") && f.field("body") != null) {
        scope.addDefinition(new Definition(name, Definition.Kind.PARAMETER, impl, f.field("body"), scope, conds));
        return;
      }
    }
  }

  private void macro(ModuleScope scope, SyntaxNode call, Conditions conds, Path childDir) {
    SyntaxNode macroName = call.field("macro");
    if (macroName == null) {
      return;
    }
    String full = macroName.text().replaceAll("\\s", "");
    String name = full.contains("::") ? full.substring(full.lastIndexOf("::") + 2) : full;
    SyntaxNode tokens = call.firstNamed("token_tree");
    if (REPARSED_ITEM_MACROS.contains(name) && tokens != null) {
      ParsedText body = parser.parseMacroItems(tokens, name.equals("parameter_types"));
      scope.addText(body);
      if (name.equals("parameter_types")) {
        collect(scope, body.root(), childDir, true, conds);
      } else {
        collectRuntimeApis(scope, body.root(), conds);
      }
      return;
    }
    if (tokens != null && RUNTIME_API_IMPL.matcher(tokens.text()).find()) {
      // A wrapper around impl_runtime_apis! given the impls (moonbeam's impl_runtime_apis_plus_common!).
      ParsedText body = parser.parseMacroItems(tokens, false);
      scope.addText(body);
      collectRuntimeApis(scope, body.root(), conds);
    }
    scope.addMacro(new MacroCall(name, call, scope, conds));
  }

  /** The crate's {@code macro_rules!} definitions. */
  public List<MacroRules> macroRules() {
    return List.copyOf(macroRules);
  }

  /**
   * Expands the item-level invocations of {@code macro_rules!} macros of the repository whose
   * rules the doctor can apply ({@link MacroRules#expand}), so that configuration and runtime
   * APIs a repository writes inside its own macros are read. Expansions may invoke further
   * macros, up to {@value #MAX_EXPANSION_ROUNDS} levels.
   */
  void expandMacros(Function<String, MacroRules> lookup) {
    Set<MacroCall> done = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (int round = 0; round < MAX_EXPANSION_ROUNDS; round++) {
      List<MacroCall> pending = new ArrayList<>();
      for (ModuleScope m : modules) {
        for (MacroCall c : m.macros()) {
          if (done.add(c)) {
            pending.add(c);
          }
        }
      }
      if (pending.isEmpty()) {
        return;
      }
      for (MacroCall c : pending) {
        MacroRules def = lookup.apply(c.name());
        String body = def == null ? null : def.expand(c.tokenTree(), def.crate() == this ? "crate" : def.crate().info().rustName());
        if (body == null) {
          continue;
        }
        ParsedText text = parser.parseItemsAt(def.body(c.tokenTree()), body);
        c.scope().addText(text);
        collect(c.scope(), text.root(), c.scope().file().absolutePath().getParent(), false, c.conditions());
      }
    }
  }

  private void collectRuntimeApis(ModuleScope scope, SyntaxNode container, Conditions inherited) {
    List<SyntaxNode> attrs = new ArrayList<>();
    for (SyntaxNode child : container.namedChildren()) {
      if (child.type().equals("attribute_item")) {
        attrs.add(child);
        continue;
      }
      Attributes a = Attributes.of(attrs);
      attrs.clear();
      if (child.type().equals("impl_item") && !a.testOnly()) {
        impl(scope, child, inherited.and(a.conditions()), true);
      }
    }
  }

  /**
   * The names a {@code use} declaration binds ({@code use a::{b, c::{self, D as E}, f::*};}), with
   * paths as written; globs have a null alias.
   */
  public static List<UseBinding> useBindings(SyntaxNode useDeclaration, ModuleScope scope, Conditions conds) {
    List<UseBinding> out = new ArrayList<>();
    SyntaxNode arg = useDeclaration.field("argument");
    if (arg != null) {
      flattenUse(arg, new ArrayList<>(), scope, conds, useDeclaration.line(), out);
    }
    return out;
  }

  private static void flattenUse(SyntaxNode node, List<String> prefix, ModuleScope scope, Conditions conds, int line, List<UseBinding> out) {
    switch (node.type()) {
      case "identifier", "scoped_identifier", "crate", "self", "super", "metavariable" -> {
        List<String> path = new ArrayList<>(prefix);
        path.addAll(segments(node));
        if (path.isEmpty()) {
          return;
        }
        String alias = path.get(path.size() - 1);
        if (alias.equals("self") && path.size() > 1) {
          path.remove(path.size() - 1);
          alias = path.get(path.size() - 1);
        }
        out.add(new UseBinding(alias, List.copyOf(path), scope, conds, line));
      }
      case "use_as_clause" -> {
        SyntaxNode p = node.field("path");
        SyntaxNode alias = node.field("alias");
        if (p != null && alias != null && !alias.text().equals("_")) {
          List<String> path = new ArrayList<>(prefix);
          path.addAll(segments(p));
          if (path.size() > 1 && path.get(path.size() - 1).equals("self")) {
            path.remove(path.size() - 1);
          }
          out.add(new UseBinding(alias.text(), List.copyOf(path), scope, conds, line));
        }
      }
      case "use_wildcard" -> {
        List<String> path = new ArrayList<>(prefix);
        for (SyntaxNode c : node.namedChildren()) {
          path.addAll(segments(c));
        }
        out.add(new UseBinding(null, List.copyOf(path), scope, conds, line));
      }
      case "scoped_use_list" -> {
        List<String> next = new ArrayList<>(prefix);
        SyntaxNode p = node.field("path");
        if (p != null) {
          next.addAll(segments(p));
        }
        SyntaxNode list = node.field("list");
        if (list != null) {
          flattenUse(list, next, scope, conds, line, out);
        }
      }
      case "use_list" -> {
        for (SyntaxNode c : node.namedChildren()) {
          flattenUse(c, prefix, scope, conds, line, out);
        }
      }
      default -> {}
    }
  }

  /** The segments of a path node ({@code a::b::C} gives {@code [a, b, C]}; generics dropped). */
  public static List<String> segments(SyntaxNode node) {
    List<String> out = new ArrayList<>();
    addSegments(node, out);
    return out;
  }

  private static void addSegments(SyntaxNode node, List<String> out) {
    switch (node.type()) {
      case "scoped_identifier", "scoped_type_identifier" -> {
        SyntaxNode path = node.field("path");
        if (path != null) {
          addSegments(path, out);
        }
        SyntaxNode name = node.field("name");
        if (name != null) {
          out.add(name.text());
        }
      }
      case "generic_type" -> {
        SyntaxNode t = node.field("type");
        if (t != null) {
          addSegments(t, out);
        }
      }
      default -> out.add(node.text().strip());
    }
  }

  /** A trait path without generic arguments and whitespace, e.g. {@code sp_api::Core}. */
  static String stripGenerics(String text) {
    StringBuilder b = new StringBuilder();
    int depth = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '<') {
        depth++;
      } else if (c == '>') {
        depth--;
      } else if (depth == 0 && !Character.isWhitespace(c)) {
        b.append(c);
      }
    }
    return b.toString();
  }
}
