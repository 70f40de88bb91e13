package io.parapipe.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compares an expectation with an outcome. Objects: only the keys the expectation lists are
 * compared, recursively (extra keys of the outcome are ignored). Arrays: same length, element by
 * element; arrays under a set-valued key are sorted first. Numbers compare by value. A string of
 * the form {@code 0x} + 64 hex digits that names a known hash is read as that name. The expectation
 * {@code {"$contains": "text"}} matches any string containing the text (for upstream tests that
 * only assert part of a panic message).
 */
final class Comparison {
  /** The matcher {@code {"$contains": "text"}}: any string containing the text. */
  static final String CONTAINS = "$contains";

  private Comparison() {}

  /**
   * The first difference, as {@code "<path>: expected X, got Y"} (no path prefix at the root), or
   * empty if the outcome satisfies the expectation.
   */
  static Optional<String> difference(JsonNode expected, JsonNode actual, Set<String> sets, NameTable names) {
    return diff(normalise(expected, names), actual, "", false, sets);
  }

  /** The expectation with named hashes replaced by their names. */
  static JsonNode normalise(JsonNode n, NameTable names) {
    if (n.isTextual()) {
      return JsonNodeFactory.instance.textNode(names.normalise(n.textValue()));
    }
    if (n.isArray()) {
      ArrayNode a = JsonNodeFactory.instance.arrayNode();
      n.forEach(e -> a.add(normalise(e, names)));
      return a;
    }
    if (n.isObject()) {
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      Iterator<Map.Entry<String, JsonNode>> it = n.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        o.set(e.getKey(), normalise(e.getValue(), names));
      }
      return o;
    }
    return n;
  }

  private static Optional<String> diff(JsonNode exp, JsonNode act, String path, boolean isSet, Set<String> sets) {
    if (act == null || act.isMissingNode()) {
      return Optional.of(at(path) + "expected " + exp + ", got nothing");
    }
    if (exp.isObject() && exp.size() == 1 && exp.has(CONTAINS) && exp.get(CONTAINS).isTextual()) {
      String part = exp.get(CONTAINS).textValue();
      return act.isTextual() && act.textValue().contains(part) ? Optional.empty() : mismatch(path, exp, act);
    }
    if (exp.isObject()) {
      if (!act.isObject()) {
        return mismatch(path, exp, act);
      }
      Iterator<Map.Entry<String, JsonNode>> it = exp.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
        Optional<String> d = diff(e.getValue(), act.get(e.getKey()), p, sets.contains(e.getKey()), sets);
        if (d.isPresent()) {
          return d;
        }
      }
      return Optional.empty();
    }
    if (exp.isArray()) {
      if (!act.isArray()) {
        return mismatch(path, exp, act);
      }
      JsonNode e = isSet ? sorted(exp) : exp;
      JsonNode a = isSet ? sorted(act) : act;
      if (e.size() != a.size()) {
        return mismatch(path, e, a);
      }
      for (int i = 0; i < e.size(); i++) {
        Optional<String> d = diff(e.get(i), a.get(i), path + "[" + i + "]", false, sets);
        if (d.isPresent()) {
          // Report the whole array: an element out of context is hard to read.
          return e.get(i).isValueNode() ? mismatch(path, e, a) : d;
        }
      }
      return Optional.empty();
    }
    if (exp.isNumber()) {
      if (!act.isNumber() || exp.decimalValue().compareTo(act.decimalValue()) != 0) {
        return mismatch(path, exp, act);
      }
      return Optional.empty();
    }
    return exp.equals(act) ? Optional.empty() : mismatch(path, exp, act);
  }

  private static JsonNode sorted(JsonNode array) {
    List<JsonNode> l = new ArrayList<>();
    array.forEach(l::add);
    l.sort(Comparator.comparing(JsonNode::toString));
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    l.forEach(out::add);
    return out;
  }

  private static Optional<String> mismatch(String path, JsonNode exp, JsonNode act) {
    return Optional.of(at(path) + "expected " + exp + ", got " + act);
  }

  private static String at(String path) {
    return path.isEmpty() ? "" : path + ": ";
  }
}
