package io.parapipe.doctor.workspace;

import io.parapipe.doctor.rust.RustParser;
import io.parapipe.doctor.rust.UnreadableInput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The crates of a repository, found through their {@code Cargo.toml} files. Crates are parsed
 * lazily, on first use, and cached.
 */
public final class Workspace {
  private static final Set<String> SKIPPED_DIRS = Set.of("target", "node_modules", "vendor");

  private final Path root;
  private final RustParser parser;
  private final List<CrateInfo> crates;
  private final List<CargoManifest> workspaceManifests;
  private final int rustFiles;
  private final Map<String, CrateInfo> byRustName = new LinkedHashMap<>();
  private final Map<CrateInfo, CrateSource> sources = new LinkedHashMap<>();
  private final Map<CrateInfo, Set<String>> macroNames = new HashMap<>();

  private Workspace(Path root, RustParser parser, List<CrateInfo> crates, List<CargoManifest> workspaceManifests, int rustFiles) {
    this.root = root;
    this.parser = parser;
    this.crates = crates;
    this.workspaceManifests = workspaceManifests;
    this.rustFiles = rustFiles;
    for (CrateInfo c : crates) {
      byRustName.putIfAbsent(c.rustName(), c);
    }
  }

  /**
   * Scans a repository for crates.
   *
   * @throws UnreadableInput when the path cannot be read
   */
  public static Workspace scan(Path root, RustParser parser) {
    List<CrateInfo> crates = new ArrayList<>();
    List<CargoManifest> wsManifests = new ArrayList<>();
    int[] rust = {0};
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
              if (!dir.equals(root) && (name.startsWith(".") || SKIPPED_DIRS.contains(name))) {
                return FileVisitResult.SKIP_SUBTREE;
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
              String name = file.getFileName().toString();
              if (name.endsWith(".rs")) {
                rust[0]++;
              } else if (name.equals("Cargo.toml")) {
                CargoManifest m;
                try {
                  m = CargoManifest.read(file);
                } catch (IOException e) {
                  return FileVisitResult.CONTINUE; // not text (or unreadable): not a manifest the doctor can use
                }
                if (!m.workspaceDependencies().isEmpty()) {
                  wsManifests.add(m);
                }
                if (m.packageName() != null) {
                  Path dir = file.getParent();
                  String rel = root.relativize(dir).toString().replace('\\', '/');
                  String rustName = (m.libName() != null ? m.libName() : m.packageName()).replace('-', '_');
                  crates.add(new CrateInfo(m.packageName(), rustName, dir, rel.isEmpty() ? "." : rel, m));
                }
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UnreadableInput("cannot read " + root + ": " + e.getMessage());
    }
    crates.sort(Comparator.comparing(CrateInfo::relativeDir));
    return new Workspace(root, parser, List.copyOf(crates), List.copyOf(wsManifests), rust[0]);
  }

  /** The repository root. */
  public Path root() {
    return root;
  }

  /** All crates, sorted by directory. */
  public List<CrateInfo> crates() {
    return crates;
  }

  /** Manifests that declare {@code [workspace.dependencies]}. */
  public List<CargoManifest> workspaceManifests() {
    return workspaceManifests;
  }

  /** Number of {@code .rs} files seen. */
  public int rustFileCount() {
    return rustFiles;
  }

  /**
   * The features some crate of the repository declares ({@code [features]} keys and optional
   * dependencies), or null when a manifest could only be read line by line (its features are not
   * known).
   */
  public Set<String> declaredFeatures() {
    Set<String> out = new HashSet<>();
    for (CrateInfo c : crates) {
      if (c.manifest().parseProblem() != null) {
        return null;
      }
      out.addAll(c.manifest().features().keySet());
      c.manifest().dependencies().values().stream().filter(CargoManifest.Dependency::optional).forEach(d -> out.add(d.key()));
    }
    return out;
  }

  /** The crate Rust code calls {@code name}, or null. */
  public CrateInfo crateNamed(String rustName) {
    return byRustName.get(rustName);
  }

  /**
   * The crate of this repository that {@code rustName} names inside {@code from}: the dependency
   * of {@code from} with that key (followed by its {@code path}, directly or through
   * {@code [workspace.dependencies]}, else by package name), else the only crate of that name.
   * Null when {@code from} does not depend on it and no crate has the name.
   */
  public CrateInfo crateFor(CrateInfo from, String rustName) {
    for (CargoManifest.Dependency d : from.manifest().dependencies().values()) {
      if (!d.key().replace('-', '_').equals(rustName)) {
        continue;
      }
      Path dir = null;
      if (d.path() != null) {
        dir = from.dir().resolve(d.path()).normalize();
      } else if (d.workspace()) {
        for (CargoManifest ws : workspaceManifests) {
          CargoManifest.Dependency wd = ws.workspaceDependencies().get(d.key());
          if (wd != null && wd.path() != null) {
            dir = ws.path().getParent().resolve(wd.path()).normalize();
            break;
          }
        }
      }
      for (CrateInfo c : crates) {
        if (dir != null ? c.dir().normalize().equals(dir) : c.packageName().equals(d.packageName())) {
          return c;
        }
      }
      for (CrateInfo c : crates) {
        if (c.packageName().equals(d.packageName())) {
          return c;
        }
      }
      return null; // a dependency from outside the repository
    }
    return byRustName.get(rustName);
  }

  /**
   * The parsed module tree of a crate (parsed on first call), with the invocations of the
   * repository's own {@code macro_rules!} macros expanded where the doctor can.
   */
  public CrateSource source(CrateInfo crate) {
    CrateSource s = sources.get(crate);
    if (s != null) {
      return s;
    }
    try {
      s = new CrateSource(crate, root, parser);
    } catch (UncheckedIOException e) {
      throw new UnreadableInput("cannot read " + crate.relativeDir() + ": " + e.getCause().getMessage() + "; hint: check the file's permissions");
    }
    // Registered before expanding: crates whose macros use each other's find a parsed source.
    sources.put(crate, s);
    CrateSource from = s;
    s.expandMacros(name -> macroRules(from, name));
    return s;
  }

  // A `macro_rules!` named `name` in the crate itself, else in a crate of this repository it
  // depends on (found by a text search before parsing it).
  private MacroRules macroRules(CrateSource from, String name) {
    for (MacroRules m : from.macroRules()) {
      if (m.name().equals(name)) {
        return m;
      }
    }
    for (CargoManifest.Dependency d : from.info().manifest().dependencies().values()) {
      CrateInfo c = crateFor(from.info(), d.key().replace('-', '_'));
      if (c == null || c == from.info() || !macroNames(c).contains(name)) {
        continue;
      }
      for (MacroRules m : source(c).macroRules()) {
        if (m.name().equals(name)) {
          return m;
        }
      }
    }
    return null;
  }

  private static final Pattern MACRO_RULES = Pattern.compile("macro_rules!\\s*([A-Za-z_][A-Za-z0-9_]*)");

  // The names of the macros a crate defines, from its source text (cached).
  private Set<String> macroNames(CrateInfo c) {
    Set<String> cached = macroNames.get(c);
    if (cached != null) {
      return cached;
    }
    Set<String> names = new HashSet<>();
    Path src = c.dir().resolve("src");
    if (Files.isDirectory(src)) {
      try (Stream<Path> files = Files.walk(src)) {
        for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".rs") && Files.isRegularFile(p))::iterator) {
          try {
            Matcher m = MACRO_RULES.matcher(Files.readString(f));
            while (m.find()) {
              names.add(m.group(1));
            }
          } catch (IOException | UncheckedIOException e) {
            // unreadable or not UTF-8: no macro from this file
          }
        }
      } catch (IOException | UncheckedIOException e) {
        // an unreadable directory: no macro from it
      }
    }
    macroNames.put(c, names);
    return names;
  }
}
