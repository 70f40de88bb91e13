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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
                CargoManifest m = CargoManifest.read(file);
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

  /** The crate Rust code calls {@code name}, or null. */
  public CrateInfo crateNamed(String rustName) {
    return byRustName.get(rustName);
  }

  /** The parsed module tree of a crate (parsed on first call). */
  public CrateSource source(CrateInfo crate) {
    try {
      return sources.computeIfAbsent(crate, c -> new CrateSource(c, root, parser));
    } catch (UncheckedIOException e) {
      throw new UnreadableInput("cannot read " + crate.relativeDir() + ": " + e.getCause().getMessage());
    }
  }
}
