package io.parapipe.sim.scenario;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The checked values of one scenario section, in the section's key order. Immutable. */
public final class Values {
  private final Section section;
  private final Map<String, Object> values;

  Values(Section section, Map<String, Object> values) {
    this.section = section;
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** The section these values belong to. */
  public Section section() {
    return section;
  }

  private Object get(String key) {
    Object v = values.get(key);
    if (v == null && !values.containsKey(key)) {
      throw new IllegalArgumentException("no key " + section.name() + "." + key);
    }
    return v;
  }

  /** An integer key. */
  public int integer(String key) {
    return (Integer) get(key);
  }

  /** A duration key, in microseconds. */
  public long micros(String key) {
    return (Long) get(key);
  }

  /** A size key in bytes, or a bandwidth key in bytes per second. */
  public long bytes(String key) {
    return (Long) get(key);
  }

  /** A number key. */
  public double number(String key) {
    return (Double) get(key);
  }

  /** A boolean key. */
  public boolean bool(String key) {
    return (Boolean) get(key);
  }

  /** A string or enum key. */
  public String text(String key) {
    return (String) get(key);
  }

  /** An integer-list key. */
  @SuppressWarnings("unchecked")
  public List<Integer> integers(String key) {
    return (List<Integer>) get(key);
  }

  /** A string-list key. */
  @SuppressWarnings("unchecked")
  public List<String> texts(String key) {
    return (List<String>) get(key);
  }

  /** These values with some replaced (keys must belong to the section). */
  public Values with(Map<String, Object> changes) {
    Map<String, Object> m = new LinkedHashMap<>(values);
    for (Map.Entry<String, Object> e : changes.entrySet()) {
      get(e.getKey());
      m.put(e.getKey(), e.getValue());
    }
    return new Values(section, m);
  }

  /** All values as an ordered map (read-only). */
  public Map<String, Object> asMap() {
    return values;
  }

  /** The values as they appear in the effective configuration. */
  public ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, Object> e : values.entrySet()) {
      o.set(e.getKey(), section.key(e.getKey()).type().write(e.getValue()));
    }
    return o;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Values v && v.section == section && v.values.equals(values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return section.name() + values;
  }
}
