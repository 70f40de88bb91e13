package io.parapipe.doctor.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a {@code Cargo.toml} the doctor uses: package and library names, dependencies
 * (with their features and git pins), the {@code [features]} table and, for a workspace root,
 * {@code [workspace.dependencies]}.
 *
 * @param path the manifest file
 * @param packageName {@code [package] name}, or null for a virtual workspace manifest
 * @param libName {@code [lib] name}, or null
 * @param libPath {@code [lib] path}, or null
 * @param dependencies {@code [dependencies]} by key
 * @param workspaceDependencies {@code [workspace.dependencies]} by key (root manifest)
 * @param features {@code [features]}
 * @param parseProblem why the TOML could not be read fully (a line-based fallback was used), or null
 */
public record CargoManifest(
    Path path,
    String packageName,
    String libName,
    String libPath,
    Map<String, Dependency> dependencies,
    Map<String, Dependency> workspaceDependencies,
    Map<String, List<String>> features,
    String parseProblem) {

  /**
   * One dependency entry.
   *
   * @param key the key in the table (the name Rust code uses, with {@code -} for {@code _})
   * @param packageName the real package ({@code package = ...}, else the key)
   * @param features features enabled on it
   * @param branch git branch, or null
   * @param tag git tag, or null
   * @param workspace true for {@code workspace = true}
   * @param path {@code path = ...} (relative to the manifest's directory), or null
   * @param optional {@code optional = true}: the dependency is also a feature of the crate
   */
  public record Dependency(String key, String packageName, List<String> features, String branch, String tag, boolean workspace, String path, boolean optional) {}

  private static final TomlMapper TOML = new TomlMapper();
  private static final Pattern SECTION = Pattern.compile("^\\s*\\[([^\\]]+)]\\s*$");
  private static final Pattern KEY = Pattern.compile("^\\s*([A-Za-z0-9_-]+)\\s*=\\s*(.*)$");

  /** Reads a manifest; never throws for malformed TOML (falls back to a line scan). */
  public static CargoManifest read(Path path) throws IOException {
    String text = Files.readString(path);
    try {
      JsonNode root = TOML.readTree(text);
      JsonNode pkg = root.path("package");
      JsonNode lib = root.path("lib");
      return new CargoManifest(
          path,
          textOrNull(pkg.path("name")),
          textOrNull(lib.path("name")),
          textOrNull(lib.path("path")),
          dependencies(root.path("dependencies")),
          dependencies(root.path("workspace").path("dependencies")),
          features(root.path("features")),
          null);
    } catch (IOException | RuntimeException e) {
      return fallback(path, text, e.getMessage());
    }
  }

  /** True when this manifest depends on the package (under any key). */
  public boolean dependsOn(String pkg) {
    for (Dependency d : dependencies.values()) {
      if (d.packageName().equals(pkg)) {
        return true;
      }
    }
    return false;
  }

  private static String textOrNull(JsonNode n) {
    return n.isTextual() ? n.asText() : null;
  }

  private static Map<String, Dependency> dependencies(JsonNode table) {
    Map<String, Dependency> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : table.properties()) {
      JsonNode v = e.getValue();
      if (v.isTextual()) {
        out.put(e.getKey(), new Dependency(e.getKey(), e.getKey(), List.of(), null, null, false, null, false));
        continue;
      }
      List<String> feats = new ArrayList<>();
      v.path("features").forEach(f -> feats.add(f.asText()));
      String pkg = textOrNull(v.path("package"));
      out.put(
          e.getKey(),
          new Dependency(
              e.getKey(),
              pkg == null ? e.getKey() : pkg,
              List.copyOf(feats),
              textOrNull(v.path("branch")),
              textOrNull(v.path("tag")),
              v.path("workspace").asBoolean(false),
              textOrNull(v.path("path")),
              v.path("optional").asBoolean(false)));
    }
    return out;
  }

  private static Map<String, List<String>> features(JsonNode table) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : table.properties()) {
      List<String> items = new ArrayList<>();
      e.getValue().forEach(f -> items.add(f.asText()));
      out.put(e.getKey(), List.copyOf(items));
    }
    return out;
  }

  // Line-based reading for manifests Jackson's TOML parser rejects: section headers and keys only.
  private static CargoManifest fallback(Path path, String text, String problem) {
    String section = "";
    String name = null;
    String libName = null;
    String libPath = null;
    Map<String, Dependency> deps = new LinkedHashMap<>();
    Map<String, Dependency> wsDeps = new LinkedHashMap<>();
    for (String line : text.split("\r?\n")) {
      Matcher s = SECTION.matcher(line);
      if (s.matches()) {
        section = s.group(1).strip();
        continue;
      }
      Matcher k = KEY.matcher(line);
      if (!k.matches()) {
        continue;
      }
      String key = k.group(1);
      String value = k.group(2).strip();
      String unquoted = value.startsWith("\"") && value.lastIndexOf('"') > 0 ? value.substring(1, value.lastIndexOf('"')) : null;
      switch (section) {
        case "package" -> name = "name".equals(key) && name == null ? unquoted : name;
        case "lib" -> {
          if ("name".equals(key)) {
            libName = unquoted;
          } else if ("path".equals(key)) {
            libPath = unquoted;
          }
        }
        case "dependencies" -> deps.put(key, new Dependency(key, packageOf(key, value), List.of(), null, null, value.contains("workspace"), pathOf(value), value.matches(".*optional\\s*=\\s*true.*")));
        case "workspace.dependencies" -> wsDeps.put(key, new Dependency(key, packageOf(key, value), List.of(), null, null, false, pathOf(value), false));
        default -> {}
      }
    }
    return new CargoManifest(path, name, libName, libPath, deps, wsDeps, Map.of(), problem == null ? "unreadable TOML" : problem);
  }

  private static String pathOf(String value) {
    Matcher m = Pattern.compile("path\\s*=\\s*\"([^\"]+)\"").matcher(value);
    return m.find() ? m.group(1) : null;
  }

  private static String packageOf(String key, String value) {
    Matcher m = Pattern.compile("package\\s*=\\s*\"([^\"]+)\"").matcher(value);
    return m.find() ? m.group(1) : key;
  }
}
