package io.parapipe.doctor.workspace;

import io.parapipe.doctor.cfg.Conditions;
import io.parapipe.doctor.rust.SyntaxNode;

/**
 * A named item the evaluator can read: a {@code const}/{@code static}, a type alias, or a
 * {@code parameter_types!} entry (which is both a type implementing {@code Get} and a value).
 *
 * @param name the item name
 * @param kind what it is
 * @param item the whole item node (for its location)
 * @param body the value expression (consts, parameters) or the aliased type (type aliases)
 * @param scope the module it is declared in
 * @param conditions the {@code cfg} conditions under which it exists
 */
public record Definition(String name, Kind kind, SyntaxNode item, SyntaxNode body, ModuleScope scope, Conditions conditions) {
  /** Kinds of definitions. */
  public enum Kind {
    /** {@code const} or {@code static}. */
    CONST,
    /** {@code type X = ...;}. */
    TYPE_ALIAS,
    /** An entry of {@code parameter_types!}. */
    PARAMETER
  }

  @Override
  public boolean equals(Object o) {
    return this == o;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }
}
