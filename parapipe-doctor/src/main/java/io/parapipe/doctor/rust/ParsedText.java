package io.parapipe.doctor.rust;

import java.nio.charset.StandardCharsets;
import org.treesitter.TSNode;
import org.treesitter.TSTree;

/**
 * A piece of Rust text parsed by tree-sitter: a whole file, or the body of a macro invocation
 * re-parsed as items or expressions. Node byte offsets index {@link #bytes()}; line numbers are
 * shifted by {@link #lineBase()} so they point into the original file.
 */
public final class ParsedText {
  private final SourceFile file;
  private final byte[] bytes;
  private final TSTree tree;
  private final int lineBase;

  ParsedText(SourceFile file, String text, TSTree tree, int lineBase) {
    this.file = file;
    this.bytes = text.getBytes(StandardCharsets.UTF_8);
    this.tree = tree;
    this.lineBase = lineBase;
  }

  /** The file this text comes from. */
  public SourceFile file() {
    return file;
  }

  /** The root node of the parse. */
  public SyntaxNode root() {
    return new SyntaxNode(this, tree.getRootNode());
  }

  /** Zero-based line of the original file on which this text's first line lies. */
  public int lineBase() {
    return lineBase;
  }

  String slice(TSNode node) {
    int start = node.getStartByte();
    int end = node.getEndByte();
    return new String(bytes, start, end - start, StandardCharsets.UTF_8);
  }
}
