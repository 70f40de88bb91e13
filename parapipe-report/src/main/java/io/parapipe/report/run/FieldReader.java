package io.parapipe.report.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.parapipe.report.ReportUserError;

/**
 * Reads typed fields out of a JSON tree, naming the file and the field's path when a value has
 * the wrong type. Absent and {@code null} fields give the caller's default.
 */
final class FieldReader {
  private final String source;

  FieldReader(String source) {
    this.source = source;
  }

  ReportUserError error(String path, String what) {
    return new ReportUserError(source + ": " + (path.isEmpty() ? "" : path + ": ") + what);
  }

  private static boolean absent(JsonNode v) {
    return v == null || v.isNull() || v.isMissingNode();
  }

  private static String describe(JsonNode v) {
    String text = v.toString();
    return text.length() > 40 ? text.substring(0, 37) + "..." : text;
  }

  private static String at(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  JsonNode object(JsonNode parent, String key, String path, boolean required) {
    JsonNode v = parent.get(key);
    if (absent(v)) {
      if (required) {
        throw error(at(path, key), "missing (required by " + RunView.SCHEMA + ")");
      }
      return null;
    }
    if (!v.isObject()) {
      throw error(at(path, key), "expected an object, found " + describe(v));
    }
    return v;
  }

  JsonNode array(JsonNode parent, String key, String path, boolean required) {
    JsonNode v = parent.get(key);
    if (absent(v)) {
      if (required) {
        throw error(at(path, key), "missing (required by " + RunView.SCHEMA + ")");
      }
      return null;
    }
    if (!v.isArray()) {
      throw error(at(path, key), "expected an array, found " + describe(v));
    }
    return v;
  }

  Long optionalLong(JsonNode parent, String key, String path) {
    JsonNode v = parent.get(key);
    if (absent(v)) {
      return null;
    }
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      if (v.isNumber() && v.asDouble() == Math.rint(v.asDouble()) && Math.abs(v.asDouble()) < 9e15) {
        return (long) v.asDouble();
      }
      throw error(at(path, key), "expected an integer, found " + describe(v));
    }
    return v.longValue();
  }

  /**
   * A time in milliseconds: the results schema writes times with a tenth of a millisecond, so any
   * number is accepted and rounded to whole milliseconds.
   */
  long millisOr(JsonNode parent, String key, String path, long dflt) {
    JsonNode v = parent.get(key);
    if (absent(v)) {
      return dflt;
    }
    if (!v.isNumber()) {
      throw error(at(path, key), "expected a number of milliseconds, found " + describe(v));
    }
    return Math.round(v.asDouble());
  }

  long longOr(JsonNode parent, String key, String path, long dflt) {
    Long v = optionalLong(parent, key, path);
    return v == null ? dflt : v;
  }

  Integer optionalInt(JsonNode parent, String key, String path) {
    Long v = optionalLong(parent, key, path);
    if (v == null) {
      return null;
    }
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw error(at(path, key), "integer out of range: " + v);
    }
    return v.intValue();
  }

  int intOr(JsonNode parent, String key, String path, int dflt) {
    Integer v = optionalInt(parent, key, path);
    return v == null ? dflt : v;
  }

  int requiredInt(JsonNode parent, String key, String path) {
    Integer v = optionalInt(parent, key, path);
    if (v == null) {
      throw error(at(path, key), "missing (required by " + RunView.SCHEMA + ")");
    }
    return v;
  }

  double doubleOr(JsonNode parent, String key, String path, double dflt) {
    JsonNode v = parent.get(key);
    if (absent(v)) {
      return dflt;
    }
    if (!v.isNumber()) {
      throw error(at(path, key), "expected a number, found " + describe(v));
    }
    return v.doubleValue();
  }

  String textOr(JsonNode parent, String key, String path, String dflt) {
    JsonNode v = parent.get(key);
    if (absent(v)) {
      return dflt;
    }
    if (!v.isTextual()) {
      throw error(at(path, key), "expected a string, found " + describe(v));
    }
    return v.textValue();
  }

  Stat stat(JsonNode parent, String key, String path) {
    JsonNode o = object(parent, key, path, false);
    if (o == null) {
      return Stat.UNKNOWN;
    }
    String p = at(path, key);
    return new Stat(
        doubleOr(o, "mean", p, Double.NaN),
        doubleOr(o, "p50", p, Double.NaN),
        doubleOr(o, "p95", p, Double.NaN),
        doubleOr(o, "max", p, Double.NaN));
  }
}
