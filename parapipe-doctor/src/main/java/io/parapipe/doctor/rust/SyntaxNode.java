package io.parapipe.doctor.rust;

import java.util.ArrayList;
import java.util.List;
import org.treesitter.TSNode;

/** A tree-sitter node together with the text it was parsed from. */
public final class SyntaxNode {
  private final ParsedText source;
  private final TSNode node;

  SyntaxNode(ParsedText source, TSNode node) {
    this.source = source;
    this.node = node;
  }

  /** The grammar type, e.g. {@code const_item}. */
  public String type() {
    return node.getType();
  }

  /** The exact source text of the node. */
  public String text() {
    return source.slice(node);
  }

  /** The 1-based line in the original file where the node starts. */
  public int line() {
    return source.lineBase() + node.getStartPoint().getRow() + 1;
  }

  /** The parsed text this node belongs to. */
  public ParsedText source() {
    return source;
  }

  /** The file this node belongs to. */
  public SourceFile file() {
    return source.file();
  }

  /** True for named nodes (not punctuation). */
  public boolean isNamed() {
    return node.isNamed();
  }

  /** The child under a grammar field, or null. */
  public SyntaxNode field(String name) {
    TSNode child = node.getChildByFieldName(name);
    return child == null || child.isNull() ? null : new SyntaxNode(source, child);
  }

  /** The parent node, or null at the root. */
  public SyntaxNode parent() {
    TSNode parent = node.getParent();
    return parent == null || parent.isNull() ? null : new SyntaxNode(source, parent);
  }

  /** All children, punctuation included. */
  public List<SyntaxNode> children() {
    int n = node.getChildCount();
    List<SyntaxNode> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(new SyntaxNode(source, node.getChild(i)));
    }
    return out;
  }

  /** Named children only. */
  public List<SyntaxNode> namedChildren() {
    int n = node.getNamedChildCount();
    List<SyntaxNode> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(new SyntaxNode(source, node.getNamedChild(i)));
    }
    return out;
  }

  /** The first named child of the given type, or null. */
  public SyntaxNode firstNamed(String type) {
    for (SyntaxNode child : namedChildren()) {
      if (child.type().equals(type)) {
        return child;
      }
    }
    return null;
  }

  /** Every descendant (this node included) of the given type, in source order. */
  public List<SyntaxNode> descendants(String type) {
    List<SyntaxNode> out = new ArrayList<>();
    collect(node, type, out);
    return out;
  }

  private void collect(TSNode at, String type, List<SyntaxNode> out) {
    if (at.getType().equals(type)) {
      out.add(new SyntaxNode(source, at));
    }
    int n = at.getNamedChildCount();
    for (int i = 0; i < n; i++) {
      collect(at.getNamedChild(i), type, out);
    }
  }

  /** The nearest ancestor of the given type, or null. */
  public SyntaxNode ancestor(String type) {
    SyntaxNode at = parent();
    while (at != null && !at.type().equals(type)) {
      at = at.parent();
    }
    return at;
  }

  /** Byte offset of the start, within {@link #source()}. */
  public int startByte() {
    return node.getStartByte();
  }

  /** Byte offset of the end, within {@link #source()}. */
  public int endByte() {
    return node.getEndByte();
  }

  /** Zero-based row of the start within {@link #source()} (not shifted). */
  int row() {
    return node.getStartPoint().getRow();
  }

  /** The same node of the same parsed text. */
  @Override
  public boolean equals(Object o) {
    return o instanceof SyntaxNode n && n.source == source && n.startByte() == startByte() && n.endByte() == endByte() && n.type().equals(type());
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(source) * 31 + startByte();
  }

  @Override
  public String toString() {
    return type() + "@" + file().relativePath() + ":" + line();
  }
}
