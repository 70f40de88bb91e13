package io.parapipe.sim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The keys of one scenario table, with their types and defaults. */
public final class Section {
  private final String name;
  private final Map<String, KeyDef> keys = new LinkedHashMap<>();

  /** A section named {@code name} (the TOML table name, or "" for the top level). */
  public Section(String name, KeyDef... defs) {
    this.name = name;
    for (KeyDef d : defs) {
      keys.put(d.name(), d);
    }
  }

  /** The table name. */
  public String name() {
    return name;
  }

  /** The key names in order. */
  public Set<String> keyNames() {
    return keys.keySet();
  }

  /** The definition of a key. */
  public KeyDef key(String k) {
    KeyDef d = keys.get(k);
    if (d == null) {
      throw new IllegalArgumentException("no key " + name + "." + k);
    }
    return d;
  }

  /** True if the section has this key. */
  public boolean has(String k) {
    return keys.containsKey(k);
  }

  /** Every key at its default. */
  public Values defaults() {
    Map<String, Object> m = new LinkedHashMap<>();
    keys.forEach((k, d) -> m.put(k, d.defaultValue()));
    return new Values(this, m);
  }

  /**
   * Reads the keys of {@code table} over {@code base}, skipping the names in {@code skip} (keys
   * the caller handles itself).
   *
   * @param table a TOML table
   * @param path the table's dotted path for messages (e.g. {@code "relay"}, {@code "paras[1]"})
   * @param origin the file name for messages
   * @throws ScenarioConfigException on an unknown key or a bad value
   */
  public Values read(JsonNode table, String path, String origin, Values base, Set<String> skip) {
    Map<String, Object> m = new LinkedHashMap<>(base.asMap());
    for (Iterator<Map.Entry<String, JsonNode>> it = table.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (skip.contains(e.getKey())) {
        continue;
      }
      m.put(e.getKey(), readOne(e.getKey(), e.getValue(), path, origin));
    }
    return new Values(this, m);
  }

  /** Reads one key's value, or throws naming the key. */
  public Object readOne(String k, JsonNode value, String path, String origin) {
    String full = path.isEmpty() ? k : path + "." + k;
    KeyDef d = keys.get(k);
    if (d == null) {
      throw new ScenarioConfigException("unknown key " + full + " in " + origin
          + "; the keys of " + (path.isEmpty() ? "the top level" : "[" + path + "]") + " are: "
          + String.join(", ", keys.keySet()) + " (see docs/scenario.md)");
    }
    Object v = d.type().read(value);
    if (v == null) {
      throw new ScenarioConfigException(full + " = " + value + " in " + origin + ": must be "
          + d.type().describe());
    }
    return v;
  }
}
