package io.parapipe.doctor.workspace;

import io.parapipe.doctor.cfg.Conditions;
import io.parapipe.doctor.rust.SyntaxNode;

/**
 * An item-level macro invocation kept for later inspection ({@code construct_runtime!},
 * {@code register_validate_block!}, or a macro that may generate configuration).
 *
 * @param name the macro's last path segment, without {@code !}
 * @param node the {@code macro_invocation} node
 * @param scope the module it appears in
 * @param conditions its {@code cfg} conditions
 */
public record MacroCall(String name, SyntaxNode node, ModuleScope scope, Conditions conditions) {
  /** The token tree (arguments with delimiters), or null. */
  public SyntaxNode tokenTree() {
    return node.firstNamed("token_tree");
  }
}
