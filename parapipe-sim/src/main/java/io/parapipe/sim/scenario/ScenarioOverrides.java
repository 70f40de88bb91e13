package io.parapipe.sim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * Sets scenario keys named by dotted paths in a scenario's TOML tree, so that the changed tree is
 * checked by {@link ScenarioLoader#parse(JsonNode, String)} with exactly the rules of a file.
 *
 * <p>A path is {@code KEY} for a top-level key ({@code duration}), {@code SECTION.KEY} for a key
 * of a table of {@link ScenarioKeys#ALL} ({@code relay.max_candidate_depth},
 * {@code network.latency}, {@code para.unincluded_segment_capacity}), or
 * {@code paras.ID.KEY} / {@code paras.ID.collator.KEY} for a per-para override: the
 * {@code [[paras]]} entry with that id is changed, or added if the file has none. Which keys exist
 * and what values they take is left to the loader, so a key added to the catalogue (or to the
 * per-para entries) can be overridden without a change here.
 */
public final class ScenarioOverrides {
  private ScenarioOverrides() {}

  /** What a path may look like, for messages. */
  public static final String FORMS = "KEY (top level), SECTION.KEY with SECTION one of "
      + String.join(", ", ScenarioKeys.ALL.stream().map(Section::name)
          .filter(n -> !n.isEmpty()).toList())
      + ", or paras.ID.KEY / paras.ID.collator.KEY (see docs/scenario.md)";

  /**
   * Reads a value written on a command line: as a TOML value ({@code 3}, {@code 0.05},
   * {@code true}, {@code "text"}, {@code [0, 1]}) if it is one, else as a string ({@code 200ms},
   * {@code lookahead}).
   */
  public static JsonNode value(String text) {
    String t = text.strip();
    try {
      JsonNode doc = new com.fasterxml.jackson.dataformat.toml.TomlMapper().readTree("v = " + t);
      JsonNode v = doc == null ? null : doc.get("v");
      if (v != null && doc.size() == 1) {
        return v;
      }
    } catch (java.io.IOException | RuntimeException notToml) {
      // Not a TOML literal: a bare word like 200ms or lookahead is meant as a string.
    }
    return JsonNodeFactory.instance.textNode(t);
  }

  /**
   * Checks the shape of a path: a known table, or a per-para path with an integer id.
   *
   * @throws ScenarioConfigException naming the path and the allowed forms
   */
  public static void checkPath(String path, String where) {
    segments(path, where);
  }

  /**
   * A copy of {@code root} with the given paths set; {@code root} is not changed.
   *
   * @param root a scenario's TOML tree
   * @param changes dotted path to value, applied in order
   * @param where names the source of the changes in messages (e.g. {@code "--grid"})
   */
  public static ObjectNode apply(JsonNode root, Map<String, JsonNode> changes, String where) {
    if (!root.isObject()) {
      throw new ScenarioConfigException("the scenario must be a table of keys");
    }
    ObjectNode out = ((ObjectNode) root).deepCopy();
    for (Map.Entry<String, JsonNode> e : changes.entrySet()) {
      set(out, e.getKey(), e.getValue(), where);
    }
    return out;
  }

  private static void set(ObjectNode root, String path, JsonNode value, String where) {
    List<String> parts = segments(path, where);
    ObjectNode table = root;
    if (parts.get(0).equals("paras")) {
      table = paraEntry(root, Integer.parseInt(parts.get(1)), path, where);
      parts = parts.subList(2, parts.size());
    }
    for (String p : parts.subList(0, parts.size() - 1)) {
      JsonNode child = table.get(p);
      if (child == null) {
        child = table.putObject(p);
      } else if (!child.isObject()) {
        throw new ScenarioConfigException(path + " in " + where + ": " + p
            + " is not a table in the scenario file");
      }
      table = (ObjectNode) child;
    }
    table.set(parts.get(parts.size() - 1), value);
  }

  private static ObjectNode paraEntry(ObjectNode root, int id, String path, String where) {
    JsonNode paras = root.get("paras");
    if (paras == null) {
      paras = root.putArray("paras");
    } else if (!paras.isArray()) {
      throw new ScenarioConfigException(path + " in " + where
          + ": [[paras]] in the scenario file is not an array of tables");
    }
    for (JsonNode entry : paras) {
      JsonNode eid = entry.get("id");
      if (entry.isObject() && eid != null && eid.isIntegralNumber() && eid.asInt() == id) {
        return (ObjectNode) entry;
      }
    }
    ObjectNode entry = ((ArrayNode) paras).addObject();
    entry.put("id", id);
    return entry;
  }

  private static List<String> segments(String path, String where) {
    List<String> parts = List.of(path.split("\\.", -1));
    boolean emptyPart = parts.stream().anyMatch(String::isEmpty);
    String head = parts.get(0);
    boolean ok;
    if (emptyPart) {
      ok = false;
    } else if (parts.size() == 1) {
      ok = true; // a top-level key; the loader knows which
    } else if (head.equals("paras")) {
      ok = parts.size() >= 3 && parts.get(1).matches("[0-9]{1,9}")
          && (parts.size() == 3 || (parts.size() == 4 && parts.get(2).equals("collator")));
    } else {
      ok = parts.size() == 2 && ScenarioKeys.ALL.stream()
          .anyMatch(s -> !s.name().isEmpty() && s.name().equals(head));
    }
    if (!ok) {
      throw new ScenarioConfigException("unknown key " + path + " in " + where
          + "; a key is " + FORMS);
    }
    return parts;
  }
}
