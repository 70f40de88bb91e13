package io.parapipe.doctor.cfg;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A conjunction of {@code cfg} predicates under which an item exists, e.g. {@code feature =
 * "async-backing"} and {@code not(feature = "std")}. Predicates are kept in the canonical text
 * form produced by {@link #canonical(String)} and read as boolean expressions: {@code all(..)},
 * {@code any(..)} and {@code not(..)} combine <em>leaf atoms</em> such as {@code feature = ".."}
 * or {@code target_os = ".."}, so {@code any(not(feature = "a"), feature = "b")} is one condition
 * over two features, not an opaque name.
 */
public final class Conditions implements Comparable<Conditions> {
  /** No condition: the item always exists. */
  public static final Conditions ALWAYS = new Conditions(new TreeSet<>());
  // Above this many leaf atoms, contradiction is checked on the predicates' text only.
  private static final int MAX_ENUMERATED_ATOMS = 12;

  private final TreeSet<String> predicates;
  private Set<String> atoms;
  private Boolean contradictory;

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
    if (other.predicates.isEmpty() || other.predicates.equals(predicates)) {
      return this;
    }
    if (predicates.isEmpty()) {
      return other;
    }
    TreeSet<String> all = new TreeSet<>(predicates);
    all.addAll(other.predicates);
    return new Conditions(all);
  }

  /** True when no assignment of truth values to the leaf atoms satisfies every predicate. */
  public boolean isContradictory() {
    if (contradictory == null) {
      contradictory = computeContradictory();
    }
    return contradictory;
  }

  private boolean computeContradictory() {
    for (String p : predicates) {
      if (predicates.contains("not(" + p + ")")) {
        return true;
      }
    }
    List<String> leaves = new ArrayList<>(atoms());
    if (leaves.isEmpty() || leaves.size() > MAX_ENUMERATED_ATOMS) {
      return false;
    }
    Map<String, Boolean> assignment = new HashMap<>();
    for (int mask = 0; mask < (1 << leaves.size()); mask++) {
      for (int i = 0; i < leaves.size(); i++) {
        assignment.put(leaves.get(i), (mask & (1 << i)) != 0);
      }
      if (holdsUnder(assignment)) {
        return false;
      }
    }
    return true;
  }

  /** The leaf atom a predicate talks about when it is one ({@code X} for both {@code X} and {@code not(X)}). */
  public static String atomOf(String predicate) {
    return isNegation(predicate) ? predicate.substring(4, predicate.length() - 1) : predicate;
  }

  private static boolean isNegation(String predicate) {
    return predicate.startsWith("not(") && predicate.endsWith(")") && balanced(predicate.substring(4, predicate.length() - 1));
  }

  private static boolean balanced(String s) {
    int depth = 0;
    boolean inString = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') {
        inString = !inString;
      } else if (!inString && c == '(') {
        depth++;
      } else if (!inString && c == ')' && --depth < 0) {
        return false;
      }
    }
    return depth == 0;
  }

  /** The leaf atoms these conditions mention ({@code feature = "x"}, never {@code any(..)}). */
  public Set<String> atoms() {
    if (atoms == null) {
      TreeSet<String> out = new TreeSet<>();
      for (String p : predicates) {
        Predicate.parse(p).leaves(out);
      }
      atoms = Collections.unmodifiableSet(out);
    }
    return atoms;
  }

  /**
   * True when every predicate holds under an assignment of truth values to leaf atoms. A
   * predicate that needs an atom the assignment does not give does not hold.
   */
  public boolean holdsUnder(Map<String, Boolean> assignment) {
    for (String p : predicates) {
      if (!Boolean.TRUE.equals(Predicate.parse(p).eval(assignment))) {
        return false;
      }
    }
    return true;
  }

  /** A cfg predicate as an expression over leaf atoms. */
  private sealed interface Predicate {
    /** True/false, or null when a leaf is not assigned. */
    Boolean eval(Map<String, Boolean> assignment);

    void leaves(Set<String> out);

    static Predicate parse(String text) {
      return parse(text.strip(), 0);
    }

    private static Predicate parse(String t, int depth) {
      if (depth < 32) {
        for (String op : List.of("all", "any", "not")) {
          if (t.startsWith(op + "(") && t.endsWith(")") && balanced(t.substring(op.length() + 1, t.length() - 1))) {
            List<Predicate> parts = new ArrayList<>();
            for (String part : split(t.substring(op.length() + 1, t.length() - 1))) {
              parts.add(parse(part.strip(), depth + 1));
            }
            if (op.equals("not")) {
              return parts.size() == 1 ? new Not(parts.get(0)) : new Leaf(t);
            }
            return new Junction(op.equals("all"), parts);
          }
        }
      }
      return new Leaf(t);
    }

    // Top-level comma-separated parts (commas inside parentheses or strings stay).
    private static List<String> split(String s) {
      List<String> out = new ArrayList<>();
      int depth = 0;
      boolean inString = false;
      int from = 0;
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '"') {
          inString = !inString;
        } else if (!inString && c == '(') {
          depth++;
        } else if (!inString && c == ')') {
          depth--;
        } else if (!inString && depth == 0 && c == ',') {
          out.add(s.substring(from, i));
          from = i + 1;
        }
      }
      if (!s.substring(from).isBlank()) {
        out.add(s.substring(from));
      }
      return out;
    }
  }

  private record Leaf(String atom) implements Predicate {
    @Override
    public Boolean eval(Map<String, Boolean> assignment) {
      return assignment.get(atom);
    }

    @Override
    public void leaves(Set<String> out) {
      out.add(atom);
    }
  }

  private record Not(Predicate inner) implements Predicate {
    @Override
    public Boolean eval(Map<String, Boolean> assignment) {
      Boolean v = inner.eval(assignment);
      return v == null ? null : !v;
    }

    @Override
    public void leaves(Set<String> out) {
      inner.leaves(out);
    }
  }

  private record Junction(boolean all, List<Predicate> parts) implements Predicate {
    @Override
    public Boolean eval(Map<String, Boolean> assignment) {
      boolean unknown = false;
      for (Predicate p : parts) {
        Boolean v = p.eval(assignment);
        if (v == null) {
          unknown = true;
        } else if (v != all) {
          return !all; // all(..): a false part decides; any(..): a true part decides
        }
      }
      return unknown ? null : all;
    }

    @Override
    public void leaves(Set<String> out) {
      parts.forEach(p -> p.leaves(out));
    }
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
