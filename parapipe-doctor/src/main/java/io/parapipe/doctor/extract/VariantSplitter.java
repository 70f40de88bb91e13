package io.parapipe.doctor.extract;

import io.parapipe.doctor.eval.Alternative;
import io.parapipe.doctor.cfg.Conditions;
import io.parapipe.doctor.eval.Value;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Splits a runtime's parameter alternatives into variants: every assignment of truth values to
 * the {@code cfg} atoms that occur is tried, each parameter takes the alternative whose
 * conditions hold, and assignments giving identical parameters are merged. A runtime without
 * {@code cfg}-dependent parameters has exactly one variant with no conditions.
 */
public final class VariantSplitter {
  /** More atoms than this are not enumerated (2^6 = 64 assignments). */
  public static final int MAX_ATOMS = 6;

  private VariantSplitter() {}

  /** The variants of a runtime. */
  public static List<RuntimeVariant> split(RuntimeFacts facts) {
    TreeSet<String> atoms = new TreeSet<>();
    for (List<Alternative> alts : facts.parameters().values()) {
      for (Alternative a : alts) {
        atoms.addAll(a.conditions().atoms());
      }
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
    List<String> atomList = new ArrayList<>(atoms);
    // Group assignments that give the same parameters (compared by value and origin).
    Map<String, List<Map<String, Boolean>>> groups = new LinkedHashMap<>();
    Map<String, Map<ParamKey, Alternative>> groupValues = new LinkedHashMap<>();
    int n = atomList.size();
    for (int mask = (1 << n) - 1; mask >= 0; mask--) { // all-true first: feature-enabled builds lead
      Map<String, Boolean> assignment = new TreeMap<>();
      for (int i = 0; i < n; i++) {
        assignment.put(atomList.get(i), (mask & (1 << (n - 1 - i))) != 0);
      }
      Map<ParamKey, Alternative> values = pick(facts, assignment);
      String signature = signature(values);
      groups.computeIfAbsent(signature, k -> new ArrayList<>()).add(assignment);
      groupValues.putIfAbsent(signature, values);
    }
    if (groups.size() == 1) {
      return List.of(new RuntimeVariant(List.of(), groupValues.values().iterator().next()));
    }
    List<RuntimeVariant> out = new ArrayList<>();
    for (Map.Entry<String, List<Map<String, Boolean>>> g : groups.entrySet()) {
      out.add(new RuntimeVariant(describe(g.getValue(), atomList), groupValues.get(g.getKey())));
    }
    return out;
  }

  private static Map<ParamKey, Alternative> pick(RuntimeFacts facts, Map<String, Boolean> assignment) {
    Map<ParamKey, Alternative> values = new EnumMap<>(ParamKey.class);
    for (Map.Entry<ParamKey, List<Alternative>> e : facts.parameters().entrySet()) {
      List<Alternative> holding = new ArrayList<>();
      for (Alternative a : e.getValue()) {
        if (a.conditions().holdsUnder(assignment) || a.conditions().isAlways()) {
          holding.add(a);
        }
      }
      Alternative chosen;
      if (holding.isEmpty()) {
        chosen = facts.absentDefaults().get(e.getKey());
        if (chosen == null && !e.getValue().isEmpty()) {
          chosen = new Alternative(Conditions.ALWAYS, new Value.Unknown("not defined in this feature combination"), e.getValue().get(0).origin());
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

  // The literals on which every assignment of the group agrees, e.g. [feature = "x", not(feature = "y")].
  private static List<String> describe(List<Map<String, Boolean>> group, List<String> atoms) {
    List<String> out = new ArrayList<>();
    for (String atom : atoms) {
      Boolean common = group.get(0).get(atom);
      for (Map<String, Boolean> a : group) {
        if (!Objects.equals(a.get(atom), common)) {
          common = null;
          break;
        }
      }
      if (common != null) {
        out.add(common ? atom : "not(" + atom + ")");
      }
    }
    return out;
  }
}
