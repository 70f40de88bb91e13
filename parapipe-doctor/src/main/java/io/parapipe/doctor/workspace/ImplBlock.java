package io.parapipe.doctor.workspace;

import io.parapipe.doctor.cfg.Conditions;
import io.parapipe.doctor.rust.SyntaxNode;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@code impl Trait for Type} block (from the module body or from {@code impl_runtime_apis!}).
 *
 * @param traitPath the trait path without generic arguments or spaces, e.g.
 *     {@code cumulus_pallet_parachain_system::Config}
 * @param selfType the implementing type's text
 * @param node the {@code impl_item}
 * @param scope the module it is in
 * @param conditions its {@code cfg} conditions
 * @param runtimeApi true when declared inside {@code impl_runtime_apis!}
 */
public record ImplBlock(String traitPath, String selfType, SyntaxNode node, ModuleScope scope, Conditions conditions, boolean runtimeApi) {

  /**
   * A member of the impl body with its own {@code cfg} conditions (the block's included).
   *
   * @param name the member name
   * @param kind {@code type_item}, {@code function_item} or {@code const_item}
   * @param node the member node
   * @param conditions its conditions
   */
  public record Member(String name, String kind, SyntaxNode node, Conditions conditions) {
    /** For a type item, the aliased type; for a const, its value; for a function, its body. */
    public SyntaxNode body() {
      return switch (kind) {
        case "type_item" -> node.field("type");
        case "const_item" -> node.field("value");
        default -> node.field("body");
      };
    }
  }

  /** The trait's last path segment (e.g. {@code Config}, {@code AuraUnincludedSegmentApi}). */
  public String traitName() {
    int i = traitPath.lastIndexOf("::");
    return i < 0 ? traitPath : traitPath.substring(i + 2);
  }

  /** The trait path's first segment (the crate or module it is named through). */
  public String traitHead() {
    int i = traitPath.indexOf("::");
    return i < 0 ? "" : traitPath.substring(0, i);
  }

  /** The members, with attributes' {@code cfg} conditions applied; {@code cfg(test)} members skipped. */
  public List<Member> members() {
    List<Member> out = new ArrayList<>();
    SyntaxNode body = node.field("body");
    if (body == null) {
      return out;
    }
    List<SyntaxNode> attrs = new ArrayList<>();
    for (SyntaxNode child : body.namedChildren()) {
      switch (child.type()) {
        case "attribute_item" -> attrs.add(child);
        case "line_comment", "block_comment" -> {}
        default -> {
          Attributes a = Attributes.of(attrs);
          attrs.clear();
          if (a.testOnly()) {
            continue;
          }
          SyntaxNode name = child.field("name");
          if (name != null && (child.type().equals("type_item") || child.type().equals("function_item") || child.type().equals("const_item"))) {
            out.add(new Member(name.text(), child.type(), child, conditions.and(a.conditions())));
          }
        }
      }
    }
    return out;
  }
}
