package io.parapipe.doctor.workspace;

import io.parapipe.doctor.cfg.Conditions;
import io.parapipe.doctor.rust.ParsedText;
import io.parapipe.doctor.rust.RustParser;
import io.parapipe.doctor.rust.SourceFile;
import io.parapipe.doctor.rust.SyntaxNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The parsed module tree of one crate: every module reachable from the library root (and the
 * binary root) through {@code mod} declarations, with its definitions, imports, impl blocks and
 * macro invocations. {@code cfg(test)} modules and items are skipped.
 */
public final class CrateSource {
  private static final Set<String> TEST_MODULES = Set.of("mock", "mocks", "tests", "test");
  private static final Set<String> REPARSED_ITEM_MACROS = Set.of("parameter_types", "impl_runtime_apis");

  private final CrateInfo info;
  private final Path repoRoot;
  private final RustParser parser;
  private final List<ModuleScope> roots = new ArrayList<>();
  private final List<ModuleScope> modules = new ArrayList<>();

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
    ParsedText text = parser.parseFile(file);
    modules.add(scope);
    scope.addText(text);
    collect(scope, text.root(), childDir, false);
  }

  // Walks the items of a source file, an inline module body or a re-parsed macro body.
  private void collect(ModuleScope scope, SyntaxNode container, Path childDir, boolean fromParameterTypes) {
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
      Conditions conds = scope.conditions().and(a.conditions());
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
        case "use_declaration" -> {
          SyntaxNode arg = child.field("argument");
          if (arg != null) {
            flattenUse(arg, new ArrayList<>(), scope, conds, child.line());
          }
        }
        case "mod_item" -> module(scope, child, a, conds, childDir);
        case "impl_item" -> impl(scope, child, conds, false);
        case "macro_invocation" -> macro(scope, child, conds, childDir);
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
      collect(inline, body, childDir.resolve(name), false);
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
        collect(scope, body.root(), childDir, true);
      } else {
        collectRuntimeApis(scope, body.root(), conds);
      }
      return;
    }
    scope.addMacro(new MacroCall(name, call, scope, conds));
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

  // use a::{b, c::{self, D as E}, f::*};
  private void flattenUse(SyntaxNode node, List<String> prefix, ModuleScope scope, Conditions conds, int line) {
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
        scope.addUse(new UseBinding(alias, List.copyOf(path), scope, conds, line));
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
          scope.addUse(new UseBinding(alias.text(), List.copyOf(path), scope, conds, line));
        }
      }
      case "use_wildcard" -> {
        List<String> path = new ArrayList<>(prefix);
        for (SyntaxNode c : node.namedChildren()) {
          path.addAll(segments(c));
        }
        scope.addUse(new UseBinding(null, List.copyOf(path), scope, conds, line));
      }
      case "scoped_use_list" -> {
        List<String> next = new ArrayList<>(prefix);
        SyntaxNode p = node.field("path");
        if (p != null) {
          next.addAll(segments(p));
        }
        SyntaxNode list = node.field("list");
        if (list != null) {
          flattenUse(list, next, scope, conds, line);
        }
      }
      case "use_list" -> {
        for (SyntaxNode c : node.namedChildren()) {
          flattenUse(c, prefix, scope, conds, line);
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
