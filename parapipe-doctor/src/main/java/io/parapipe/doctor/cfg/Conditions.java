package io.parapipe.doctor.cfg;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A conjunction of {@code cfg} predicates under which an item exists, e.g. {@code feature =
 * "async-backing"} and {@code not(feature = "std")}. Predicates are kept in the canonical text
 * form produced by {@link #canonical(String)}; a predicate {@code not(X)} is the negation of
 * {@code X}, every other predicate ({@code any(..)}, {@code all(..)}, {@code feature = ".."}) is an
 * opaque atom.
 */
public final class Conditions implements Comparable<Conditions> {
  /** No condition: the item always exists. */
  public static final Conditions ALWAYS = new Conditions(new TreeSet<>());

  private final TreeSet<String> predicates;

  private Conditions(TreeSet<String> predicates) {
    this.predicates = predicates;
  }

  /** Conditions made of the given canonical predicates. */
  public static Conditions of(Collection<String> predicates) {
    return predicates.isEmpty() ? ALWAYS : new Conditions(new TreeSet<>(predicates));
  }

  /** The predicates, sorted. */
  public Set<String> predicates() {
    return Collections.unmodifiableSet(predicates);
  }

  /** True when there is no predicate. */
  public boolean isAlways() {
    return predicates.isEmpty();
  }

  /** Both conditions at once. */
  public Conditions and(Conditions other) {
    if (other.predicates.isEmpty()) {
      return this;
    }
    if (predicates.isEmpty()) {
      return other;
    }
    TreeSet<String> all = new TreeSet<>(predicates);
    all.addAll(other.predicates);
    return new Conditions(all);
  }

  /** True when a predicate and its negation are both required. */
  public boolean isContradictory() {
    for (String p : predicates) {
      if (predicates.contains("not(" + p + ")")) {
        return true;
      }
    }
    return false;
  }

  /** The atom a predicate talks about: {@code X} for both {@code X} and {@code not(X)}. */
  public static String atomOf(String predicate) {
    return isNegation(predicate) ? predicate.substring(4, predicate.length() - 1) : predicate;
  }

  private static boolean isNegation(String predicate) {
    return predicate.startsWith("not(") && predicate.endsWith(")") && balanced(predicate.substring(4, predicate.length() - 1));
  }

  private static boolean balanced(String s) {
    int depth = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')' && --depth < 0) {
        return false;
      }
    }
    return depth == 0;
  }

  /** The atoms these conditions mention. */
  public Set<String> atoms() {
    TreeSet<String> atoms = new TreeSet<>();
    for (String p : predicates) {
      atoms.add(atomOf(p));
    }
    return atoms;
  }

  /** True when every predicate holds under an assignment of truth values to atoms. */
  public boolean holdsUnder(Map<String, Boolean> assignment) {
    for (String p : predicates) {
      boolean negated = isNegation(p);
      Boolean value = assignment.get(atomOf(p));
      if (value == null || value == negated) {
        return false;
      }
    }
    return true;
  }

  /**
   * Canonical text of a {@code cfg(...)} predicate: whitespace outside string literals removed,
   * then one space around {@code =} and after {@code ,}. {@code feature="x"} and
   * {@code feature = "x"} therefore compare equal.
   */
  public static String canonical(String predicate) {
    StringBuilder out = new StringBuilder();
    boolean inString = false;
    for (int i = 0; i < predicate.length(); i++) {
      char c = predicate.charAt(i);
      if (inString) {
        out.append(c);
        if (c == '\\' && i + 1 < predicate.length()) {
          out.append(predicate.charAt(++i));
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
        out.append(c);
      } else if (c == '=') {
        out.append(" = ");
      } else if (c == ',') {
        out.append(", ");
      } else if (!Character.isWhitespace(c)) {
        out.append(c);
      }
    }
    return out.toString().replace(", )", ")").strip();
  }

  @Override
  public int compareTo(Conditions o) {
    return toString().compareTo(o.toString());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Conditions c && c.predicates.equals(predicates);
  }

  @Override
  public int hashCode() {
    return predicates.hashCode();
  }

  @Override
  public String toString() {
    return predicates.isEmpty() ? "always" : String.join(" && ", predicates);
  }
}
