package io.parapipe.doctor.workspace;

import java.nio.file.Path;

/**
 * A crate of the analysed repository.
 *
 * @param packageName {@code [package] name}
 * @param rustName the name Rust code uses for it ({@code [lib] name}, else the package name with
 *     {@code _} for {@code -})
 * @param dir the crate directory
 * @param relativeDir the directory relative to the repository root ({@code .} for the root)
 * @param manifest its manifest
 */
public record CrateInfo(String packageName, String rustName, Path dir, String relativeDir, CargoManifest manifest) {
  /** The library root file ({@code [lib] path} or {@code src/lib.rs}). */
  public Path libRoot() {
    return dir.resolve(manifest.libPath() != null ? manifest.libPath() : "src/lib.rs");
  }

  /** The binary root file {@code src/main.rs}. */
  public Path mainRoot() {
    return dir.resolve("src/main.rs");
  }
}
