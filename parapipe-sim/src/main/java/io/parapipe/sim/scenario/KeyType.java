package io.parapipe.sim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The type of a scenario key: how its TOML value is read and checked, and how the value is
 * written back into the effective configuration. {@link #read} returns null when the value is
 * not acceptable; {@link #describe} says what is.
 */
public interface KeyType {
  /** The parsed value, or null if {@code node} is not acceptable. */
  Object read(JsonNode node);

  /** What is allowed, completing "must be ...". */
  String describe();

  /** The value as it appears in the effective configuration JSON. */
  JsonNode write(Object value);

  /** Shared node factory for {@link #write}. */
  JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** An integer in {@code [min, max]}. */
  static KeyType integer(long min, long max) {
    return new KeyType() {
      @Override
      public Object read(JsonNode n) {
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
          return null;
        }
        long v = n.asLong();
        return v < min || v > max ? null : (Object) (int) v;
      }

      @Override
      public String describe() {
        return "an integer from " + min + " to " + max;
      }

      @Override
      public JsonNode write(Object v) {
        return JSON.numberNode((Integer) v);
      }
    };
  }

  /** A number in {@code [min, max]}; integers are accepted too. */
  static KeyType number(double min, double max) {
    return new KeyType() {
      @Override
      public Object read(JsonNode n) {
        if (!n.isNumber()) {
          return null;
        }
        double v = n.asDouble();
        return Double.isNaN(v) || v < min || v > max ? null : (Object) v;
      }

      @Override
      public String describe() {
        return "a number from " + fmt(min) + " to " + fmt(max);
      }

      @Override
      public JsonNode write(Object v) {
        return JSON.numberNode((Double) v);
      }
    };
  }

  /** {@code true} or {@code false}. */
  static KeyType bool() {
    return new KeyType() {
      @Override
      public Object read(JsonNode n) {
        return n.isBoolean() ? (Object) n.asBoolean() : null;
      }

      @Override
      public String describe() {
        return "true or false";
      }

      @Override
      public JsonNode write(Object v) {
        return JSON.booleanNode((Boolean) v);
      }
    };
  }

  /** A duration string in {@code [minMicros, maxMicros]}; the value is microseconds (Long). */
  static KeyType duration(long minMicros, long maxMicros) {
    return new KeyType() {
      @Override
      public Object read(JsonNode n) {
        if (!n.isTextual()) {
          return null;
        }
        long v = UnitText.parseDurationMicros(n.asText());
        return v < 0 || v < minMicros || v > maxMicros ? null : (Object) v;
      }

      @Override
      public String describe() {
        return "a duration with a unit (like \"6s\" or \"500ms\") from "
            + UnitText.formatDuration(minMicros) + " to " + UnitText.formatDuration(maxMicros);
      }

      @Override
      public JsonNode write(Object v) {
        return JSON.textNode(UnitText.formatDuration((Long) v));
      }
    };
  }

  /** A size in bytes, an integer or a string like {@code "5MiB"}; the value is bytes (Long). */
  static KeyType size(long min, long max) {
    return new KeyType() {
      @Override
      public Object read(JsonNode n) {
        long v;
        if (n.isIntegralNumber()) {
          v = n.asLong();
        } else if (n.isTextual()) {
          v = UnitText.parseSizeBytes(n.asText());
        } else {
          return null;
        }
        return v < 0 || v < min || v > max ? null : (Object) v;
      }

      @Override
      public String describe() {
        return "a size in bytes or with a unit (like \"5MiB\") from " + UnitText.formatSize(min)
            + " to " + UnitText.formatSize(max);
      }

      @Override
      public JsonNode write(Object v) {
        return JSON.textNode(UnitText.formatSize((Long) v));
      }
    };
  }

  /** A bandwidth string like {@code "1Gbit/s"}; the value is bytes per second (Long). */
  static KeyType bandwidth(long minBytesPerSecond) {
    return new KeyType() {
      @Override
      public Object read(JsonNode n) {
        if (!n.isTextual()) {
          return null;
        }
        long v = UnitText.parseBandwidthBytesPerSecond(n.asText());
        return v < minBytesPerSecond ? null : (Object) v;
      }

      @Override
      public String describe() {
        return "a bandwidth with a unit (like \"1Gbit/s\" or \"100MB/s\") of at least "
            + UnitText.formatBandwidth(minBytesPerSecond);
      }

      @Override
      public JsonNode write(Object v) {
        return JSON.textNode(UnitText.formatBandwidth((Long) v));
      }
    };
  }

  /** One of the given strings. */
  static KeyType oneOf(String... allowed) {
    List<String> values = List.of(allowed);
    return new KeyType() {
      @Override
      public Object read(JsonNode n) {
        return n.isTextual() && values.contains(n.asText()) ? n.asText() : null;
      }

      @Override
      public String describe() {
        return "one of " + String.join(", ", values.stream().map(s -> "\"" + s + "\"").toList());
      }

      @Override
      public JsonNode write(Object v) {
        return JSON.textNode((String) v);
      }
    };
  }

  /** Free text. */
  static KeyType text() {
    return new KeyType() {
      @Override
      public Object read(JsonNode n) {
        return n.isTextual() ? n.asText() : null;
      }

      @Override
      public String describe() {
        return "a string";
      }

      @Override
      public JsonNode write(Object v) {
        return JSON.textNode((String) v);
      }
    };
  }

  /** An array of integers in {@code [min, max]}; the value is an immutable {@code List<Integer>}. */
  static KeyType integerList(int min, int max) {
    return new KeyType() {
      @Override
      public Object read(JsonNode n) {
        if (!n.isArray()) {
          return null;
        }
        List<Integer> out = new ArrayList<>();
        for (JsonNode e : n) {
          if (!e.isIntegralNumber() || e.asLong() < min || e.asLong() > max) {
            return null;
          }
          out.add(e.asInt());
        }
        return List.copyOf(out);
      }

      @Override
      public String describe() {
        return "an array of integers from " + min + " to " + max;
      }

      @Override
      public JsonNode write(Object v) {
        ArrayNode a = JSON.arrayNode();
        for (Object o : (List<?>) v) {
          a.add((Integer) o);
        }
        return a;
      }
    };
  }

  /** An array of strings each accepted by {@code check}. */
  static KeyType textList(Predicate<String> check, String elementDescription) {
    return new KeyType() {
      @Override
      public Object read(JsonNode n) {
        if (!n.isArray()) {
          return null;
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : n) {
          if (!e.isTextual() || !check.test(e.asText())) {
            return null;
          }
          out.add(e.asText());
        }
        return List.copyOf(out);
      }

      @Override
      public String describe() {
        return "an array of " + elementDescription;
      }

      @Override
      public JsonNode write(Object v) {
        ArrayNode a = JSON.arrayNode();
        for (Object o : (List<?>) v) {
          a.add((String) o);
        }
        return a;
      }
    };
  }

  /**
   * Transaction demand: {@code "saturated"} (always enough) or transactions per second. The value
   * is a Double, {@code +Infinity} for saturated.
   */
  static KeyType demand() {
    return new KeyType() {
      @Override
      public Object read(JsonNode n) {
        if (n.isTextual() && n.asText().equals("saturated")) {
          return Double.POSITIVE_INFINITY;
        }
        if (n.isNumber() && n.asDouble() >= 0 && !Double.isNaN(n.asDouble())) {
          return n.asDouble();
        }
        return null;
      }

      @Override
      public String describe() {
        return "\"saturated\" or a non-negative number of transactions per second";
      }

      @Override
      public JsonNode write(Object v) {
        double d = (Double) v;
        return Double.isInfinite(d) ? JSON.textNode("saturated") : JSON.numberNode(d);
      }
    };
  }

  /**
   * An array of inline tables {@code { validators = [..], from = "30s", until = "90s" }}; the value
   * is an immutable {@code List<Outage>}.
   */
  static KeyType outages(int maxValidator) {
    return new KeyType() {
      @Override
      public Object read(JsonNode n) {
        if (!n.isArray()) {
          return null;
        }
        List<Outage> out = new ArrayList<>();
        for (JsonNode e : n) {
          if (!e.isObject() || e.size() != 3 || !e.has("validators") || !e.has("from")
              || !e.has("until")) {
            return null;
          }
          Object vs = integerList(0, maxValidator).read(e.get("validators"));
          Object from = duration(0, Long.MAX_VALUE / 2).read(e.get("from"));
          Object until = duration(0, Long.MAX_VALUE / 2).read(e.get("until"));
          if (vs == null || from == null || until == null || (Long) until <= (Long) from) {
            return null;
          }
          @SuppressWarnings("unchecked")
          List<Integer> validators = (List<Integer>) vs;
          out.add(new Outage(validators, (Long) from, (Long) until));
        }
        return List.copyOf(out);
      }

      @Override
      public String describe() {
        return "an array of { validators = [indices], from = \"<duration>\", until = \"<later duration>\" }";
      }

      @Override
      public JsonNode write(Object v) {
        ArrayNode a = JSON.arrayNode();
        for (Object o : (List<?>) v) {
          Outage w = (Outage) o;
          var t = JSON.objectNode();
          t.set("validators", integerList(0, maxValidator).write(w.validators()));
          t.put("from", UnitText.formatDuration(w.fromMicros()));
          t.put("until", UnitText.formatDuration(w.untilMicros()));
          a.add(t);
        }
        return a;
      }
    };
  }

  /**
   * {@code faults.crashes}: an array of {@code { validators, at, restart_at, state }} tables
   * ({@code state} "kept" or "lost", "kept" by default). The order of {@code at} and
   * {@code restart_at} is checked by the loader, which can name the entry.
   */
  static KeyType crashes(int maxValidator) {
    return new KeyType() {
      @Override
      public Object read(JsonNode n) {
        if (!n.isArray()) {
          return null;
        }
        List<Crash> out = new ArrayList<>();
        for (JsonNode e : n) {
          if (!e.isObject() || !e.has("validators") || !e.has("at") || !e.has("restart_at")
              || e.size() != (e.has("state") ? 4 : 3)) {
            return null;
          }
          Object vs = integerList(0, maxValidator).read(e.get("validators"));
          CrashWindow w = CrashWindow.read(e);
          if (vs == null || w == null) {
            return null;
          }
          @SuppressWarnings("unchecked")
          List<Integer> validators = (List<Integer>) vs;
          out.add(new Crash(validators, w.at(), w.restartAt(), w.lost()));
        }
        return List.copyOf(out);
      }

      @Override
      public String describe() {
        return "an array of { validators = [indices], at = \"<duration>\", restart_at = \"<later duration>\", "
            + "state = \"kept\" | \"lost\" }";
      }

      @Override
      public JsonNode write(Object v) {
        ArrayNode a = JSON.arrayNode();
        for (Object o : (List<?>) v) {
          Crash c = (Crash) o;
          var t = JSON.objectNode();
          t.set("validators", integerList(0, maxValidator).write(c.validators()));
          new CrashWindow(c.atMicros(), c.restartAtMicros(), c.stateLost()).writeTo(t);
          a.add(t);
        }
        return a;
      }
    };
  }

  /**
   * {@code faults.collator_crashes}: an array of {@code { para, collator, at, restart_at, state }}
   * tables ({@code state} "kept" or "lost", "kept" by default). Whether the para and collator
   * exist and the order of the times are checked by the loader, which can name the entry.
   */
  static KeyType collatorCrashes() {
    return new KeyType() {
      @Override
      public Object read(JsonNode n) {
        if (!n.isArray()) {
          return null;
        }
        List<CollatorCrash> out = new ArrayList<>();
        for (JsonNode e : n) {
          if (!e.isObject() || !e.has("para") || !e.has("collator") || !e.has("at")
              || !e.has("restart_at") || e.size() != (e.has("state") ? 5 : 4)) {
            return null;
          }
          Object para = integer(0, Integer.MAX_VALUE).read(e.get("para"));
          Object collator = integer(0, Integer.MAX_VALUE).read(e.get("collator"));
          CrashWindow w = CrashWindow.read(e);
          if (para == null || collator == null || w == null) {
            return null;
          }
          out.add(new CollatorCrash((Integer) para, (Integer) collator, w.at(), w.restartAt(), w.lost()));
        }
        return List.copyOf(out);
      }

      @Override
      public String describe() {
        return "an array of { para = <id>, collator = <index>, at = \"<duration>\", "
            + "restart_at = \"<later duration>\", state = \"kept\" | \"lost\" }";
      }

      @Override
      public JsonNode write(Object v) {
        ArrayNode a = JSON.arrayNode();
        for (Object o : (List<?>) v) {
          CollatorCrash c = (CollatorCrash) o;
          var t = JSON.objectNode();
          t.put("para", c.para());
          t.put("collator", c.collator());
          new CrashWindow(c.atMicros(), c.restartAtMicros(), c.stateLost()).writeTo(t);
          a.add(t);
        }
        return a;
      }
    };
  }

  /**
   * {@code faults.misbehaving_collators}: an array whose entries are {@code "para:index:behaviour"}
   * strings or {@code { para, collator, behaviour }} tables (the {@code [[faults.misbehaving_collators]]}
   * form); both are kept as the string form. Whether the para and collator exist is checked by
   * the loader.
   *
   * @param behaviours the behaviour names
   */
  static KeyType misbehavingCollators(List<String> behaviours) {
    return new KeyType() {
      @Override
      public Object read(JsonNode n) {
        if (!n.isArray()) {
          return null;
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : n) {
          String s;
          if (e.isTextual()) {
            s = e.asText();
          } else if (e.isObject() && e.size() == 3 && e.has("para") && e.has("collator")
              && e.has("behaviour") && e.get("para").isIntegralNumber()
              && e.get("collator").isIntegralNumber() && e.get("behaviour").isTextual()) {
            s = e.get("para").asLong() + ":" + e.get("collator").asLong() + ":"
                + e.get("behaviour").asText();
          } else {
            return null;
          }
          String[] parts = s.split(":", -1);
          if (parts.length != 3 || !parts[0].matches("[0-9]{1,9}") || !parts[1].matches("[0-9]{1,9}")
              || !behaviours.contains(parts[2])) {
            return null;
          }
          out.add(s);
        }
        return List.copyOf(out);
      }

      @Override
      public String describe() {
        return "an array of \"para:index:behaviour\" strings or { para = <id>, collator = <index>, "
            + "behaviour = \"...\" } tables (behaviour one of " + String.join(", ", behaviours) + ")";
      }

      @Override
      public JsonNode write(Object v) {
        ArrayNode a = JSON.arrayNode();
        for (Object o : (List<?>) v) {
          a.add((String) o);
        }
        return a;
      }
    };
  }

  /**
   * {@code faults.partitions}: an array of {@code { sides = [[indices], [indices], ...], at, end }}
   * tables. Disjointness, indices and the order of {@code at} and {@code end} are checked by the
   * loader, which can name the entry.
   */
  static KeyType partitions(int maxValidator) {
    return new KeyType() {
      @Override
      public Object read(JsonNode n) {
        if (!n.isArray()) {
          return null;
        }
        List<Partition> out = new ArrayList<>();
        for (JsonNode e : n) {
          if (!e.isObject() || e.size() != 3 || !e.has("sides") || !e.has("at") || !e.has("end")
              || !e.get("sides").isArray() || e.get("sides").size() < 2) {
            return null;
          }
          List<List<Integer>> sides = new ArrayList<>();
          for (JsonNode side : e.get("sides")) {
            Object vs = integerList(0, maxValidator).read(side);
            if (vs == null || ((List<?>) vs).isEmpty()) {
              return null;
            }
            @SuppressWarnings("unchecked")
            List<Integer> list = (List<Integer>) vs;
            sides.add(list);
          }
          Object at = duration(0, Long.MAX_VALUE / 2).read(e.get("at"));
          Object end = duration(0, Long.MAX_VALUE / 2).read(e.get("end"));
          if (at == null || end == null) {
            return null;
          }
          out.add(new Partition(List.copyOf(sides), (Long) at, (Long) end));
        }
        return List.copyOf(out);
      }

      @Override
      public String describe() {
        return "an array of { sides = [[indices], [indices], ...] (two or more non-empty sides), "
            + "at = \"<duration>\", end = \"<later duration>\" }";
      }

      @Override
      public JsonNode write(Object v) {
        ArrayNode a = JSON.arrayNode();
        for (Object o : (List<?>) v) {
          Partition p = (Partition) o;
          var t = JSON.objectNode();
          ArrayNode sides = JSON.arrayNode();
          for (List<Integer> side : p.sides()) {
            sides.add(integerList(0, maxValidator).write(side));
          }
          t.set("sides", sides);
          t.put("at", UnitText.formatDuration(p.atMicros()));
          t.put("end", UnitText.formatDuration(p.endMicros()));
          a.add(t);
        }
        return a;
      }
    };
  }

  /**
   * {@code faults.latency_spikes}: an array of {@code { at, end, extra }} tables. The order of
   * {@code at} and {@code end} is checked by the loader, which can name the entry.
   */
  static KeyType latencySpikes() {
    return new KeyType() {
      @Override
      public Object read(JsonNode n) {
        if (!n.isArray()) {
          return null;
        }
        List<LatencySpike> out = new ArrayList<>();
        for (JsonNode e : n) {
          if (!e.isObject() || e.size() != 3 || !e.has("at") || !e.has("end") || !e.has("extra")) {
            return null;
          }
          Object at = duration(0, Long.MAX_VALUE / 2).read(e.get("at"));
          Object end = duration(0, Long.MAX_VALUE / 2).read(e.get("end"));
          Object extra = duration(1, 60_000_000L).read(e.get("extra"));
          if (at == null || end == null || extra == null) {
            return null;
          }
          out.add(new LatencySpike((Long) at, (Long) end, (Long) extra));
        }
        return List.copyOf(out);
      }

      @Override
      public String describe() {
        return "an array of { at = \"<duration>\", end = \"<later duration>\", extra = \"<duration up to 60s>\" }";
      }

      @Override
      public JsonNode write(Object v) {
        ArrayNode a = JSON.arrayNode();
        for (Object o : (List<?>) v) {
          LatencySpike l = (LatencySpike) o;
          var t = JSON.objectNode();
          t.put("at", UnitText.formatDuration(l.atMicros()));
          t.put("end", UnitText.formatDuration(l.endMicros()));
          t.put("extra", UnitText.formatDuration(l.extraMicros()));
          a.add(t);
        }
        return a;
      }
    };
  }

  /** {@code faults.slow_validators}: an array of {@code { validators, factor }} tables. */
  static KeyType slowValidators(int maxValidator) {
    return new KeyType() {
      @Override
      public Object read(JsonNode n) {
        if (!n.isArray()) {
          return null;
        }
        List<SlowValidators> out = new ArrayList<>();
        for (JsonNode e : n) {
          if (!e.isObject() || e.size() != 2 || !e.has("validators") || !e.has("factor")) {
            return null;
          }
          Object vs = integerList(0, maxValidator).read(e.get("validators"));
          Object factor = number(1, 1000).read(e.get("factor"));
          if (vs == null || factor == null) {
            return null;
          }
          @SuppressWarnings("unchecked")
          List<Integer> validators = (List<Integer>) vs;
          out.add(new SlowValidators(validators, ((Number) factor).doubleValue()));
        }
        return List.copyOf(out);
      }

      @Override
      public String describe() {
        return "an array of { validators = [indices], factor = <number from 1 to 1000> }";
      }

      @Override
      public JsonNode write(Object v) {
        ArrayNode a = JSON.arrayNode();
        for (Object o : (List<?>) v) {
          SlowValidators w = (SlowValidators) o;
          var t = JSON.objectNode();
          t.set("validators", integerList(0, maxValidator).write(w.validators()));
          t.put("factor", w.factor());
          a.add(t);
        }
        return a;
      }
    };
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%s", d);
  }
}
