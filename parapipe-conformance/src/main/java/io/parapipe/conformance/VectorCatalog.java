package io.parapipe.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Finds vector files: the set shipped in this module's resources under {@code vectors/}, or the
 * {@code .json} files of given files and folders (folders are searched recursively). Files are
 * ordered by label so that reports are stable.
 */
public final class VectorCatalog {
  /** The resource folder of the shipped vectors. */
  public static final String SHIPPED_ROOT = "vectors";
  private static final String MARKER = SHIPPED_ROOT + "/README.md";

  private VectorCatalog() {}

  /** The shipped vectors, labelled {@code vectors/<component>/<case>.json}. */
  public static List<VectorSource> shipped() {
    URL marker = VectorCatalog.class.getClassLoader().getResource(MARKER);
    if (marker == null) {
      throw new IllegalStateException("the shipped vectors are missing from the class path (" + MARKER + ")");
    }
    try {
      URI uri = marker.toURI();
      Path root;
      if ("jar".equals(uri.getScheme())) {
        FileSystem fs = jarFileSystem(uri);
        root = fs.getPath("/" + SHIPPED_ROOT);
      } else {
        root = Path.of(uri).getParent();
      }
      List<VectorSource> out = new ArrayList<>();
      for (Path p : jsonFiles(root)) {
        String rel = root.relativize(p).toString().replace('\\', '/');
        out.add(new VectorSource(SHIPPED_ROOT + "/" + rel, p));
      }
      out.sort(Comparator.comparing(VectorSource::label));
      return out;
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the shipped vectors: " + marker, e);
    }
  }

  private static FileSystem jarFileSystem(URI uri) {
    try {
      return FileSystems.getFileSystem(uri);
    } catch (FileSystemNotFoundException e) {
      try {
        return FileSystems.newFileSystem(uri, Map.of());
      } catch (FileSystemAlreadyExistsException raced) {
        return FileSystems.getFileSystem(uri);
      } catch (IOException io) {
        throw new UncheckedIOException(io);
      }
    }
  }

  /**
   * The vector files of the given paths: a file is taken as is (whatever its extension); a folder
   * contributes every {@code .json} file below it. Labels are the paths as found.
   *
   * @throws NoSuchFileException if a path does not exist
   */
  public static List<VectorSource> fromPaths(List<Path> paths) throws IOException {
    List<VectorSource> out = new ArrayList<>();
    for (Path p : paths) {
      if (!Files.exists(p)) {
        throw new NoSuchFileException(p.toString());
      }
      if (Files.isDirectory(p)) {
        for (Path f : jsonFiles(p)) {
          out.add(new VectorSource(f.toString(), f));
        }
      } else {
        out.add(new VectorSource(p.toString(), p));
      }
    }
    out.sort(Comparator.comparing(VectorSource::label));
    return out;
  }

  private static List<Path> jsonFiles(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile)
          .filter(f -> f.getFileName().toString().endsWith(".json"))
          .sorted(Comparator.comparing(Path::toString))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
