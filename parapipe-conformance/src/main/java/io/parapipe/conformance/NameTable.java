package io.parapipe.conformance;

import io.parapipe.protocol.primitives.Hash;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The names a vector gives to hashes (candidates, relay blocks, para blocks). Operations may refer
 * to a hash by name, and results render a named hash by its name, so that expectations read
 * {@code ["A", "B"]} instead of two 66-character strings. A string starting with {@code 0x} is
 * always a literal hash.
 */
public final class NameTable {
  private final Map<String, Hash> byName = new LinkedHashMap<>();
  private final Map<Hash, String> byHash = new HashMap<>();

  /**
   * Defines a name.
   *
   * @param at the path of the definition, for errors
   * @throws MalformedVectorException if the name is reused, looks like hex, or its hash is
   *     already named
   */
  public void define(String name, Hash hash, String at) {
    if (name.startsWith("0x") || name.isEmpty()) {
      throw new MalformedVectorException(at, "a name must be non-empty and must not start with 0x: \"" + name + "\"");
    }
    if (byName.containsKey(name)) {
      throw new MalformedVectorException(at, "the name \"" + name + "\" is defined twice");
    }
    String other = byHash.get(hash);
    if (other != null) {
      throw new MalformedVectorException(at, "\"" + name + "\" has the same hash as \"" + other + "\"");
    }
    byName.put(name, hash);
    byHash.put(hash, name);
  }

  /** The hash of a name. */
  public Optional<Hash> hashOf(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** Whether the name is defined. */
  public boolean isDefined(String name) {
    return byName.containsKey(name);
  }

  /** The name of a hash, or its {@code 0x} hex. */
  public String render(Hash hash) {
    String name = byHash.get(hash);
    return name != null ? name : hash.toHex();
  }

  /** The name of a hash, if it has one. */
  public Optional<String> nameOf(Hash hash) {
    return Optional.ofNullable(byHash.get(hash));
  }

  /**
   * Resolves a reference: a {@code 0x} hash, or a defined name.
   *
   * @throws MalformedVectorException if it is neither
   */
  public Hash resolve(VectorNode ref) {
    String s = ref.text();
    if (s.startsWith("0x")) {
      return ProtocolValues.hash(ref);
    }
    Hash h = byName.get(s);
    if (h == null) {
      throw ref.malformed("unknown name \"" + s + "\"");
    }
    return h;
  }

  /** Replaces a hex string naming a known hash by the name (to normalise expectations). */
  public String normalise(String s) {
    if (s.length() == 66 && s.startsWith("0x")) {
      try {
        String name = byHash.get(Hash.fromHex(s.toLowerCase()));
        if (name != null) {
          return name;
        }
      } catch (IllegalArgumentException e) {
        return s;
      }
    }
    return s;
  }
}
