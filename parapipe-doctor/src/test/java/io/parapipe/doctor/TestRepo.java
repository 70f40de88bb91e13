package io.parapipe.doctor;

import io.parapipe.doctor.eval.ConstEvaluator;
import io.parapipe.doctor.rust.RustParser;
import io.parapipe.doctor.workspace.CrateInfo;
import io.parapipe.doctor.workspace.CrateSource;
import io.parapipe.doctor.workspace.ModuleScope;
import io.parapipe.doctor.workspace.Resolver;
import io.parapipe.doctor.workspace.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes small Rust repositories for tests and gives access to the doctor's reading layers. */
public final class TestRepo {
  private final Path root;
  private final Map<String, String> files = new LinkedHashMap<>();

  private TestRepo(Path root) {
    this.root = root;
  }

  /** A repository under {@code root}. */
  public static TestRepo at(Path root) {
    return new TestRepo(root);
  }

  /** Adds a file (path relative to the root). */
  public TestRepo file(String path, String content) {
    files.put(path, content);
    return this;
  }

  /** Adds a crate {@code name} in directory {@code dir} with the given {@code src/lib.rs}. */
  public TestRepo crate(String dir, String name, String libRs) {
    file(dir + "/Cargo.toml", "[package]\nname = \"" + name + "\"\nversion = \"0.1.0\"\n\n[dependencies]\n");
    return file(dir + "/src/lib.rs", libRs);
  }

  /** Writes the files and returns the root. */
  public Path write() {
    try {
      for (Map.Entry<String, String> f : files.entrySet()) {
        Path p = root.resolve(f.getKey());
        Files.createDirectories(p.getParent());
        Files.writeString(p, f.getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return root;
  }

  /** The reading layers over a written repository. */
  public Reading read() {
    write();
    RustParser parser = new RustParser();
    Workspace ws = Workspace.scan(root, parser);
    Resolver resolver = new Resolver(ws);
    return new Reading(ws, resolver, new ConstEvaluator(resolver, parser), parser);
  }

  /**
   * The workspace, resolver and evaluator of a repository.
   *
   * @param workspace the scanned crates
   * @param resolver the path resolver
   * @param evaluator the constant evaluator
   * @param parser the parser
   */
  public record Reading(Workspace workspace, Resolver resolver, ConstEvaluator evaluator, RustParser parser) {
    /** The root module of the crate Rust code calls {@code rustName}. */
    public ModuleScope root(String rustName) {
      CrateInfo c = workspace.crateNamed(rustName);
      if (c == null) {
        throw new IllegalArgumentException("no crate " + rustName);
      }
      return source(rustName).root();
    }

    /** The parsed crate. */
    public CrateSource source(String rustName) {
      return workspace.source(workspace.crateNamed(rustName));
    }
  }
}
