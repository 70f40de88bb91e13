package io.parapipe.conformance;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parapipe.protocol.primitives.Hex;

/** Building blocks of the canonical JSON rendering of outcomes. */
public final class Canonical {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private Canonical() {}

  /** A new empty object. */
  public static ObjectNode object() {
    return F.objectNode();
  }

  /** A new empty array. */
  public static ArrayNode array() {
    return F.arrayNode();
  }

  /** An error object {@code {"error": name}}. */
  public static ObjectNode error(String name) {
    ObjectNode o = F.objectNode();
    o.put("error", name);
    return o;
  }

  /** A runtime panic: {@code {"error": "panic", "message": ...}}. */
  public static ObjectNode panic(String message) {
    ObjectNode o = error("panic");
    o.put("message", message);
    return o;
  }

  /** Bytes as {@code 0x} hex, lowercase ({@code "0x"} for none). */
  public static String hex(byte[] bytes) {
    return "0x" + Hex.encode(bytes);
  }

  /** An object with one field. */
  public static ObjectNode of(String key, String value) {
    ObjectNode o = object();
    o.put(key, value);
    return o;
  }

  /** An object with one numeric field. */
  public static ObjectNode of(String key, long value) {
    ObjectNode o = object();
    o.put(key, value);
    return o;
  }

  /** An object with one boolean field. */
  public static ObjectNode of(String key, boolean value) {
    ObjectNode o = object();
    o.put(key, value);
    return o;
  }
}
