package io.parapipe.doctor.rust;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.treesitter.TSParser;
import org.treesitter.TSTree;
import org.treesitter.TSTreeCursor;
import org.treesitter.TreeSitterRust;

/**
 * Parses Rust with tree-sitter-rust (through the JNI binding). Also re-parses the bodies of the
 * macros whose contents matter to the doctor ({@code parameter_types!}, {@code impl_runtime_apis!},
 * expression macros), which tree-sitter otherwise leaves as opaque token trees.
 *
 * <p>Not thread-safe: one instance per analysis.
 */
public final class RustParser {
  // `pub Foo: T = v;` and `pub storage Foo: T = v;` in parameter_types! become `pub const Foo...`
  // so that tree-sitter sees ordinary const items. Only spaces and tabs are matched: lines stay put.
  private static final Pattern PARAMETER_ITEM =
      Pattern.compile(
          "\\bpub(\\s*\\((?:crate|super|self|in [^)]*)\\))?[ \\t]+(?:storage[ \\t]+)?"
              + "(?!(?:const|static|fn|type|struct|enum|mod|use|trait|impl)\\b)([A-Za-z_]\\w*)([ \\t]*:)(?!:)");

  /** The deepest syntax tree the doctor walks. */
  public static final int MAX_DEPTH = 400;

  private final TSParser parser;

  /**
   * Creates a parser, loading the native tree-sitter libraries.
   *
   * @throws UnreadableInput when the natives cannot be loaded on this platform
   */
  public RustParser() {
    try {
      parser = new TSParser();
      if (!parser.setLanguage(new TreeSitterRust())) {
        throw new UnreadableInput("the tree-sitter Rust grammar is incompatible with the tree-sitter library in this build");
      }
    } catch (UnsatisfiedLinkError | NoClassDefFoundError | ExceptionInInitializerError e) {
      throw new UnreadableInput(
          "cannot load the tree-sitter native library on this platform ("
              + System.getProperty("os.name") + "/" + System.getProperty("os.arch")
              + "): " + e.getMessage() + "; 'parapipe doctor' needs linux, macOS or windows on x86_64/aarch64");
    }
  }

  /** Parses a whole file. */
  public ParsedText parseFile(SourceFile file) {
    return parse(file, file.content(), 0);
  }

  /**
   * Re-parses the body of a macro invocation's token tree as Rust items, on the lines where it
   * stands in the original file.
   *
   * @param tokenTree the {@code token_tree} node (delimiters included)
   * @param parameterTypes true for {@code parameter_types!}, whose items are rewritten to consts
   */
  public ParsedText parseMacroItems(SyntaxNode tokenTree, boolean parameterTypes) {
    String body = innerText(tokenTree);
    if (parameterTypes) {
      Matcher m = PARAMETER_ITEM.matcher(body);
      body = m.replaceAll(r -> "pub" + (r.group(1) == null ? "" : r.group(1)) + " const " + r.group(2) + r.group(3));
    }
    return parse(tokenTree.file(), body, tokenTree.source().lineBase() + tokenTree.row());
  }

  /**
   * Re-parses the body of an expression macro (e.g. {@code prod_or_fast!(a, b)}) as a tuple of
   * expressions; the returned node is the {@code const} item's value.
   */
  public SyntaxNode parseMacroArguments(SyntaxNode tokenTree) {
    String text = "const __DOCTOR_ARGS: () = (" + innerText(tokenTree) + ",);";
    ParsedText parsed = parse(tokenTree.file(), text, tokenTree.source().lineBase() + tokenTree.row());
    SyntaxNode item = parsed.root().firstNamed("const_item");
    return item == null ? null : item.field("value");
  }

  private static String innerText(SyntaxNode tokenTree) {
    String text = tokenTree.text();
    return text.length() >= 2 ? text.substring(1, text.length() - 1) : "";
  }

  /**
   * Parses text that stands at {@code at}'s line of the same file, e.g. a macro body after
   * {@code $crate} was replaced.
   */
  public ParsedText parseItemsAt(SyntaxNode at, String text) {
    return parse(at.file(), text, at.source().lineBase() + at.row());
  }

  private ParsedText parse(SourceFile file, String text, int lineBase) {
    TSTree tree = parser.parseString(null, text);
    checkDepth(tree, file, lineBase);
    return new ParsedText(file, text, tree, lineBase);
  }

  // Every walk over the syntax tree (module items, expressions, the evaluator) recurses; a tree
  // deeper than MAX_DEPTH is refused here, walked with a cursor, before anything recurses into it.
  private static void checkDepth(TSTree tree, SourceFile file, int lineBase) {
    TSTreeCursor cursor = new TSTreeCursor(tree.getRootNode());
    int depth = 0;
    while (true) {
      if (cursor.gotoFirstChild()) {
        if (++depth > MAX_DEPTH) {
          int line = lineBase + cursor.currentNode().getStartPoint().getRow() + 1;
          throw new UnreadableInput("code nested more than " + MAX_DEPTH + " levels deep at " + file.relativePath() + ":" + line
              + "; hint: the doctor does not read code nested this deeply, move or simplify that expression");
        }
        continue;
      }
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) {
          return;
        }
        depth--;
      }
    }
  }
}
