package io.parapipe.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One vector file to run: a label for the report and a way to read it.
 *
 * @param label the path as given, or {@code vectors/<component>/<case>.json} for a shipped vector
 * @param path where to read it (a file, or an entry of the conformance jar)
 */
public record VectorSource(String label, Path path) {
  /** The file's text (UTF-8). */
  public String read() throws IOException {
    try (InputStream in = Files.newInputStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
