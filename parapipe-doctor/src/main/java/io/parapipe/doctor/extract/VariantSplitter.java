package io.parapipe.doctor.extract;

import io.parapipe.doctor.cfg.Conditions;
import io.parapipe.doctor.eval.Alternative;
import io.parapipe.doctor.eval.Value;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Splits a runtime's parameter alternatives into variants: every assignment of truth values to
 * the leaf {@code cfg} atoms that occur ({@code feature = ".."}; {@code any}/{@code all}/
 * {@code not} are evaluated, not treated as names) is tried, skipping assignments the crate's
 * {@code [features]} rule out (a feature that enables another cannot be on without it). Each
 * parameter takes the alternative whose conditions hold, and assignments giving identical
 * parameters are merged. Assignments without a parachain-system Config, or whose Config names an
 * item that does not exist under them, build no parachain runtime: they form one variant marked
 * as not built. A runtime without {@code cfg}-dependent parameters has exactly one variant with
 * no conditions.
 */
public final class VariantSplitter {
  /** More atoms than this are not enumerated (2^8 = 256 assignments). */
  public static final int MAX_ATOMS = 8;
  private static final String NOT_DEFINED = "not defined in this feature combination";
  private static final String NO_CONFIG = "no parachain-system Config in these builds: not a parachain runtime";

  private VariantSplitter() {}

  /** The variants of a runtime, every feature taken as possibly set. */
  public static List<RuntimeVariant> split(RuntimeFacts facts) {
    return split(facts, null);
  }

  /**
   * The variants of a runtime.
   *
   * @param declaredFeatures the features some crate of the repository declares (in {@code
   *     [features]} or as an optional dependency); a {@code feature = "x"} for any other x is never
   *     set and is taken as false. Null when not known.
   */
  public static List<RuntimeVariant> split(RuntimeFacts facts, Set<String> declaredFeatures) {
    TreeSet<String> atoms = new TreeSet<>();
    for (List<Alternative> alts : facts.parameters().values()) {
      for (Alternative a : alts) {
        atoms.addAll(a.conditions().atoms());
      }
    }
    for (Conditions c : facts.configConditions()) {
      atoms.addAll(c.atoms());
    }
    if (atoms.isEmpty()) {
      return List.of(new RuntimeVariant(List.of(), pick(facts, Map.of())));
    }
    if (atoms.size() > MAX_ATOMS) {
      Map<ParamKey, Alternative> values = new EnumMap<>(ParamKey.class);
      facts.parameters().forEach((k, alts) -> values.put(k, alts.size() == 1 && alts.get(0).conditions().isAlways() ? alts.get(0)
          : new Alternative(Conditions.ALWAYS, new Value.Unknown("depends on " + atoms.size() + " cfg conditions (too many to enumerate)"), alts.isEmpty() ? null : alts.get(0).origin())));
      return List.of(new RuntimeVariant(List.of(), values));
    }
    Map<String, Boolean> fixed = undeclaredFeatures(declaredFeatures, atoms);
    atoms.removeAll(fixed.keySet());
    if (atoms.isEmpty()) {
      Map<ParamKey, Alternative> values = pick(facts, fixed);
      return List.of(new RuntimeVariant(List.of(), values, notBuilt(facts, fixed, values)));
    }
    List<String> atomList = new ArrayList<>(atoms);
    Map<String, Set<String>> implied = implications(facts, atoms);
    // Group assignments that give the same parameters (compared by value and origin).
    Map<String, List<Map<String, Boolean>>> groups = new LinkedHashMap<>();
    Map<String, Map<ParamKey, Alternative>> groupValues = new LinkedHashMap<>();
    Map<String, String> groupNotBuilt = new HashMap<>();
    int n = atomList.size();
    for (int mask = (1 << n) - 1; mask >= 0; mask--) { // all-true first: feature-enabled builds lead
      Map<String, Boolean> assignment = new TreeMap<>(fixed);
      for (int i = 0; i < n; i++) {
        assignment.put(atomList.get(i), (mask & (1 << (n - 1 - i))) != 0);
      }
      if (!consistent(assignment, implied)) {
        continue;
      }
      Map<ParamKey, Alternative> values = pick(facts, assignment);
      String notBuilt = notBuilt(facts, assignment, values);
      String signature = notBuilt != null ? "#not built" : signature(values);
      groups.computeIfAbsent(signature, k -> new ArrayList<>()).add(assignment);
      groupValues.putIfAbsent(signature, values);
      if (notBuilt != null) {
        groupNotBuilt.merge(signature, notBuilt, (a, b) -> a.equals(b) ? a : a + "; " + b);
      }
    }
    if (groups.size() == 1) {
      String only = groups.keySet().iterator().next();
      return List.of(new RuntimeVariant(List.of(), groupValues.get(only), groupNotBuilt.get(only), false));
    }
    Map<String, Boolean> defaults = defaultAssignment(facts, atomList, fixed);
    List<RuntimeVariant> out = new ArrayList<>();
    for (Map.Entry<String, List<Map<String, Boolean>>> g : groups.entrySet()) {
      boolean isDefault = defaults != null && g.getValue().contains(defaults);
      out.add(new RuntimeVariant(describe(g.getValue(), atomList, implied), groupValues.get(g.getKey()), groupNotBuilt.get(g.getKey()), isDefault));
    }
    // Builds that are parachain runtimes first, in the order found.
    out.sort((a, b) -> Boolean.compare(!a.isParachainBuild(), !b.isParachainBuild()));
    return out;
  }

  // Why an assignment builds no parachain runtime, or null when it does.
  private static String notBuilt(RuntimeFacts facts, Map<String, Boolean> assignment, Map<ParamKey, Alternative> values) {
    if (facts.configConditions().isEmpty()) {
      return null; // no Config anywhere: reported as "configuration not found", not per build
    }
    boolean config = facts.configConditions().stream().anyMatch(c -> c.isAlways() || c.holdsUnder(assignment));
    if (!config) {
      return NO_CONFIG;
    }
    Alternative hook = values.get(ParamKey.CONSENSUS_HOOK);
    boolean declared = facts.hookMemberConditions().stream().anyMatch(c -> c.isAlways() || c.holdsUnder(assignment));
    boolean valueMissing = facts.parameters().containsKey(ParamKey.CONSENSUS_HOOK)
        && (hook == null || (hook.value() instanceof Value.Unknown u && u.reason().equals(NOT_DEFINED))
            || hook == facts.absentDefaults().get(ParamKey.CONSENSUS_HOOK));
    if (declared && valueMissing) {
      String at = hook == null || hook.origin() == null ? "" : " (" + hook.origin().where() + ")";
      return "the Config's `type ConsensusHook` names an item that does not exist in these builds: they do not compile" + at;
    }
    return null;
  }

  // For each `feature = "f"` atom, the `feature = "g"` atoms that f enables (transitively) in the
  // crate's [features] table.
  private static Map<String, Set<String>> implications(RuntimeFacts facts, Set<String> atoms) {
    Map<String, Set<String>> out = new HashMap<>();
    if (facts.crate() == null) {
      return out;
    }
    Map<String, List<String>> table = facts.crate().manifest().features();
    for (String atom : atoms) {
      String f = featureName(atom);
      if (f == null || !table.containsKey(f)) {
        continue;
      }
      Set<String> seen = new HashSet<>();
      List<String> todo = new ArrayList<>(table.get(f));
      while (!todo.isEmpty()) {
        String g = todo.remove(todo.size() - 1);
        if (g.contains("/") || g.startsWith("dep:") || !seen.add(g)) {
          continue;
        }
        todo.addAll(table.getOrDefault(g, List.of()));
      }
      Set<String> impliedAtoms = new HashSet<>();
      for (String g : seen) {
        String a = Conditions.canonical("feature = \"" + g + "\"");
        if (atoms.contains(a)) {
          impliedAtoms.add(a);
        }
      }
      if (!impliedAtoms.isEmpty()) {
        out.put(atom, impliedAtoms);
      }
    }
    return out;
  }

  // `feature = "x"` for an x no crate of the repository declares is never set by cargo: such
  // atoms are constant false, not variants.
  private static Map<String, Boolean> undeclaredFeatures(Set<String> declared, Set<String> atoms) {
    Map<String, Boolean> out = new TreeMap<>();
    if (declared == null) {
      return out;
    }
    for (String atom : atoms) {
      String f = featureName(atom);
      if (f != null && !declared.contains(f)) {
        out.put(atom, false);
      }
    }
    return out;
  }

  // The assignment of a plain `cargo build` of the runtime crate: its `default` features and what
  // they enable are on, every other atom off. Null when the crate is not known.
  private static Map<String, Boolean> defaultAssignment(RuntimeFacts facts, List<String> atoms, Map<String, Boolean> fixed) {
    if (facts.crate() == null) {
      return null;
    }
    Map<String, List<String>> table = facts.crate().manifest().features();
    Set<String> on = new HashSet<>();
    List<String> todo = new ArrayList<>(table.getOrDefault("default", List.of()));
    while (!todo.isEmpty()) {
      String f = todo.remove(todo.size() - 1);
      if (!f.contains("/") && !f.startsWith("dep:") && on.add(f)) {
        todo.addAll(table.getOrDefault(f, List.of()));
      }
    }
    Map<String, Boolean> out = new TreeMap<>(fixed);
    for (String atom : atoms) {
      String f = featureName(atom);
      out.put(atom, f != null && on.contains(f));
    }
    return out;
  }

  private static String featureName(String atom) {
    String prefix = "feature = \"";
    return atom.startsWith(prefix) && atom.endsWith("\"") ? atom.substring(prefix.length(), atom.length() - 1) : null;
  }

  private static boolean consistent(Map<String, Boolean> assignment, Map<String, Set<String>> implied) {
    for (Map.Entry<String, Set<String>> e : implied.entrySet()) {
      if (Boolean.TRUE.equals(assignment.get(e.getKey()))) {
        for (String g : e.getValue()) {
          if (!Boolean.TRUE.equals(assignment.get(g))) {
            return false;
          }
        }
      }
    }
    return true;
  }

  private static Map<ParamKey, Alternative> pick(RuntimeFacts facts, Map<String, Boolean> assignment) {
    Map<ParamKey, Alternative> values = new EnumMap<>(ParamKey.class);
    for (Map.Entry<ParamKey, List<Alternative>> e : facts.parameters().entrySet()) {
      List<Alternative> holding = new ArrayList<>();
      for (Alternative a : e.getValue()) {
        if (a.conditions().isAlways() || a.conditions().holdsUnder(assignment)) {
          holding.add(a);
        }
      }
      Alternative chosen;
      if (holding.isEmpty()) {
        chosen = facts.absentDefaults().get(e.getKey());
        if (chosen == null && !e.getValue().isEmpty()) {
          chosen = new Alternative(Conditions.ALWAYS, new Value.Unknown(NOT_DEFINED), e.getValue().get(0).origin());
        }
      } else if (holding.stream().map(a -> a.value().toString()).distinct().count() == 1) {
        chosen = holding.get(0);
      } else {
        chosen = new Alternative(Conditions.ALWAYS, new Value.Unknown("defined more than once for the same features"), holding.get(0).origin());
      }
      if (chosen != null) {
        values.put(e.getKey(), chosen);
      }
    }
    return values;
  }

  private static String signature(Map<ParamKey, Alternative> values) {
    StringBuilder b = new StringBuilder();
    values.forEach((k, a) -> b.append(k).append('=').append(a.value()).append('@')
        .append(a.origin() == null ? "" : a.origin().where()).append(';'));
    return b.toString();
  }

  /**
   * The conditions of a group of assignments as cfg predicates: the literals its assignments
   * agree on when that is all they share, else one {@code any(..)} of the shortest conjunctions
   * that cover the group (assignments the features table rules out may be covered too).
   */
  static List<String> describe(List<Map<String, Boolean>> group, List<String> atoms, Map<String, Set<String>> implied) {
    List<String> common = new ArrayList<>();
    for (String atom : atoms) {
      Boolean value = group.get(0).get(atom);
      for (Map<String, Boolean> a : group) {
        if (!Objects.equals(a.get(atom), value)) {
          value = null;
          break;
        }
      }
      if (value != null) {
        common.add(value ? atom : "not(" + atom + ")");
      }
    }
    int n = atoms.size();
    if ((1 << n) == group.size() || isCube(common.size(), n, group.size())) {
      return common;
    }
    // Quine-McCluskey: merge implicants (0/1/- per atom) over the group and the impossible
    // assignments, then cover the group greedily with the largest prime implicants.
    Set<String> on = new HashSet<>();
    for (Map<String, Boolean> a : group) {
      on.add(code(a, atoms));
    }
    Set<String> current = new HashSet<>(on);
    for (int mask = 0; mask < (1 << n); mask++) {
      Map<String, Boolean> a = new TreeMap<>();
      for (int i = 0; i < n; i++) {
        a.put(atoms.get(i), (mask & (1 << (n - 1 - i))) != 0);
      }
      if (!consistent(a, implied)) {
        current.add(code(a, atoms));
      }
    }
    Set<String> primes = new TreeSet<>();
    while (!current.isEmpty()) {
      Set<String> next = new HashSet<>();
      Set<String> merged = new HashSet<>();
      List<String> list = new ArrayList<>(current);
      for (int i = 0; i < list.size(); i++) {
        for (int j = i + 1; j < list.size(); j++) {
          String m = merge(list.get(i), list.get(j));
          if (m != null) {
            next.add(m);
            merged.add(list.get(i));
            merged.add(list.get(j));
          }
        }
      }
      for (String c : current) {
        if (!merged.contains(c)) {
          primes.add(c);
        }
      }
      current = next;
    }
    List<String> chosenTerms = new ArrayList<>();
    Set<String> uncovered = new TreeSet<>(on);
    while (!uncovered.isEmpty()) {
      String best = null;
      long bestCount = 0;
      for (String p : primes) {
        long count = uncovered.stream().filter(o -> covers(p, o)).count();
        if (count > bestCount || (count == bestCount && count > 0 && dashes(p) > dashes(best))) {
          best = p;
          bestCount = count;
        }
      }
      if (best == null) {
        return common; // cannot happen: every assignment is its own implicant
      }
      String chosen = best;
      uncovered.removeIf(o -> covers(chosen, o));
      chosenTerms.add(chosen);
    }
    if (chosenTerms.size() == 1) {
      return termLiterals(chosenTerms.get(0), atoms);
    }
    List<String> terms = new ArrayList<>();
    for (String t : chosenTerms) {
      List<String> lits = termLiterals(t, atoms);
      terms.add(lits.size() == 1 ? lits.get(0) : "all(" + String.join(", ", lits) + ")");
    }
    return List.of("any(" + String.join(", ", terms) + ")");
  }

  private static boolean isCube(int literals, int atoms, int size) {
    return size == 1 << (atoms - literals);
  }

  private static String code(Map<String, Boolean> a, List<String> atoms) {
    StringBuilder b = new StringBuilder();
    for (String atom : atoms) {
      b.append(a.get(atom) ? '1' : '0');
    }
    return b.toString();
  }

  private static String merge(String x, String y) {
    int diff = -1;
    for (int i = 0; i < x.length(); i++) {
      if (x.charAt(i) != y.charAt(i)) {
        if (diff >= 0 || x.charAt(i) == '-' || y.charAt(i) == '-') {
          return null;
        }
        diff = i;
      }
    }
    return diff < 0 ? null : x.substring(0, diff) + '-' + x.substring(diff + 1);
  }

  private static boolean covers(String implicant, String minterm) {
    for (int i = 0; i < implicant.length(); i++) {
      if (implicant.charAt(i) != '-' && implicant.charAt(i) != minterm.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static int dashes(String p) {
    return p == null ? -1 : (int) p.chars().filter(c -> c == '-').count();
  }

  // The literals of an implicant: `feature = "a"`, `not(feature = "b")`.
  private static List<String> termLiterals(String implicant, List<String> atoms) {
    List<String> lits = new ArrayList<>();
    for (int i = 0; i < implicant.length(); i++) {
      char c = implicant.charAt(i);
      if (c != '-') {
        lits.add(c == '1' ? atoms.get(i) : "not(" + atoms.get(i) + ")");
      }
    }
    return lits;
  }
}
