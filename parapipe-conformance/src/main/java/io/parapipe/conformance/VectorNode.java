package io.parapipe.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A JSON value of a vector file together with its path, for reading with precise errors. Reading a
 * field marks it as read; {@link #checkAllRead()} then reports any field nobody read as unknown, so
 * that a misspelt optional field is never silently ignored.
 */
public final class VectorNode {
  private static final long U32_MAX = 0xFFFF_FFFFL;

  private final JsonNode node;
  private final String path;
  private final Set<String> read = new LinkedHashSet<>();
  private final List<VectorNode> children = new ArrayList<>();

  private VectorNode(JsonNode node, String path) {
    this.node = node;
    this.path = path;
  }

  /** Wraps a document root (or any node) under the given path. */
  public static VectorNode of(JsonNode node, String path) {
    return new VectorNode(node, path);
  }

  /** The JSON path of this value. */
  public String path() {
    return path;
  }

  /** The underlying JSON. */
  public JsonNode raw() {
    return node;
  }

  /** A malformed-vector error at this value. */
  public MalformedVectorException malformed(String message) {
    return new MalformedVectorException(path, message);
  }

  private String childPath(String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  private void requireObject() {
    if (!node.isObject()) {
      throw malformed("expected an object, got " + describe(node));
    }
  }

  /** Whether this object has the field (even if null). */
  public boolean has(String field) {
    requireObject();
    return node.has(field);
  }

  /** A required field; missing or null is malformed. */
  public VectorNode get(String field) {
    requireObject();
    read.add(field);
    JsonNode child = node.get(field);
    if (child == null) {
      throw new MalformedVectorException(childPath(field), "missing field");
    }
    if (child.isNull()) {
      throw new MalformedVectorException(childPath(field), "must not be null");
    }
    return track(new VectorNode(child, childPath(field)));
  }

  /** An optional field: empty if absent or null. */
  public Optional<VectorNode> opt(String field) {
    requireObject();
    read.add(field);
    JsonNode child = node.get(field);
    if (child == null || child.isNull()) {
      return Optional.empty();
    }
    return Optional.of(track(new VectorNode(child, childPath(field))));
  }

  /** A field that must be present but may be null: empty for null. */
  public Optional<VectorNode> nullable(String field) {
    requireObject();
    if (!node.has(field)) {
      read.add(field);
      throw new MalformedVectorException(childPath(field), "missing field (write null for none)");
    }
    return opt(field);
  }

  /** A field whose raw JSON is used as is (expectations); marks it read without checking inside. */
  public Optional<JsonNode> rawField(String field) {
    requireObject();
    read.add(field);
    return Optional.ofNullable(node.get(field));
  }

  /** Marks a field as read without reading it. */
  public void markRead(String field) {
    read.add(field);
  }

  private VectorNode track(VectorNode child) {
    children.add(child);
    return child;
  }

  /** Whether this value is JSON null. */
  public boolean isNull() {
    return node.isNull();
  }

  /** Whether this value is a string. */
  public boolean isText() {
    return node.isTextual();
  }

  /** Whether this value is an object. */
  public boolean isObject() {
    return node.isObject();
  }

  /** Whether this value is an array. */
  public boolean isArray() {
    return node.isArray();
  }

  /** A string. */
  public String text() {
    if (!node.isTextual()) {
      throw malformed("expected a string, got " + describe(node));
    }
    return node.textValue();
  }

  /** A boolean. */
  public boolean bool() {
    if (!node.isBoolean()) {
      throw malformed("expected true or false, got " + describe(node));
    }
    return node.booleanValue();
  }

  private BigInteger integer() {
    if (!node.isIntegralNumber()) {
      if (node.isNumber() && node.decimalValue().stripTrailingZeros().scale() <= 0) {
        return node.decimalValue().toBigIntegerExact();
      }
      throw malformed("expected an integer, got " + describe(node));
    }
    return node.bigIntegerValue();
  }

  /**
   * A non-negative integer parapipe holds in a signed 32-bit field: 0 to 2^31-1. (Upstream types
   * are u32; larger values cannot be represented by the implementation under test.)
   */
  public int nat() {
    BigInteger v = integer();
    if (v.signum() < 0 || v.compareTo(BigInteger.valueOf(Integer.MAX_VALUE)) > 0) {
      throw malformed("expected an integer from 0 to 2147483647, got " + v);
    }
    return v.intValue();
  }

  /** A {@code u32}: 0 to 2^32-1. */
  public long u32() {
    BigInteger v = integer();
    if (v.signum() < 0 || v.compareTo(BigInteger.valueOf(U32_MAX)) > 0) {
      throw malformed("expected a u32 (0 to 4294967295), got " + v);
    }
    return v.longValue();
  }

  /** A {@code u32} as the bits of a Java {@code int} (for code that compares unsigned). */
  public int u32Bits() {
    return (int) u32();
  }

  /** A non-negative integer up to 2^63-1 (slots, timestamps, {@code u64} held in a long). */
  public long u63() {
    BigInteger v = integer();
    if (v.signum() < 0 || v.compareTo(BigInteger.valueOf(Long.MAX_VALUE)) > 0) {
      throw malformed("expected an integer from 0 to 9223372036854775807, got " + v);
    }
    return v.longValue();
  }

  /** An array's elements. */
  public List<VectorNode> list() {
    if (!node.isArray()) {
      throw malformed("expected an array, got " + describe(node));
    }
    List<VectorNode> out = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      out.add(track(new VectorNode(node.get(i), path + "[" + i + "]")));
    }
    return out;
  }

  /** An object's entries in file order (all keys count as read). */
  public Map<String, VectorNode> entries() {
    requireObject();
    Map<String, VectorNode> out = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = node.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      read.add(e.getKey());
      out.put(e.getKey(), track(new VectorNode(e.getValue(), childPath(e.getKey()))));
    }
    return out;
  }

  /** A string that must be one of {@code allowed}. */
  public String oneOf(String... allowed) {
    String s = text();
    for (String a : allowed) {
      if (a.equals(s)) {
        return s;
      }
    }
    throw malformed("expected one of " + String.join(", ", allowed) + ", got \"" + s + "\"");
  }

  /** An integer from {@code min} to {@code max} (inclusive). */
  public int oneOfRange(int min, int max) {
    long v = u32();
    if (v < min || v > max) {
      throw malformed("expected an integer from " + min + " to " + max + ", got " + v);
    }
    return (int) v;
  }

  /** An integer that must be one of {@code allowed}. */
  public int oneOfInt(int... allowed) {
    long v = u32();
    for (int a : allowed) {
      if (a == v) {
        return a;
      }
    }
    throw malformed("expected one of " + Arrays.toString(allowed) + ", got " + v);
  }

  /** Reports the first field of this object that nobody read (this object only, not below). */
  public void checkOwnFieldsRead() {
    if (node.isObject()) {
      Iterator<String> names = node.fieldNames();
      while (names.hasNext()) {
        String f = names.next();
        if (!read.contains(f)) {
          throw new MalformedVectorException(childPath(f), "unknown field");
        }
      }
    }
  }

  /**
   * Reports the first field of an object read through this tree that nobody read, recursively.
   *
   * @throws MalformedVectorException naming the unknown field
   */
  public void checkAllRead() {
    if (node.isObject()) {
      Iterator<String> names = node.fieldNames();
      while (names.hasNext()) {
        String f = names.next();
        if (!read.contains(f)) {
          throw new MalformedVectorException(childPath(f), "unknown field");
        }
      }
    }
    for (VectorNode c : children) {
      c.checkAllRead();
    }
  }

  /** A short description of a JSON value's type, for messages. */
  public static String describe(JsonNode n) {
    if (n == null || n.isMissingNode()) {
      return "nothing";
    }
    if (n.isNull()) {
      return "null";
    }
    if (n.isTextual()) {
      return "a string";
    }
    if (n.isBoolean()) {
      return "a boolean";
    }
    if (n.isNumber()) {
      return "the number " + n.asText();
    }
    if (n.isArray()) {
      return "an array";
    }
    return "an object";
  }
}
