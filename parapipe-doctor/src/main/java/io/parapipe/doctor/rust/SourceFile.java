package io.parapipe.doctor.rust;

import java.nio.file.Path;
import java.util.List;

/**
 * One Rust source file of the analysed repository.
 *
 * @param absolutePath where the file is on disk
 * @param relativePath the path relative to the repository root, with {@code /} separators (the
 *     form used in every report)
 * @param content the whole file as text
 * @param lines the file split into lines, for quoting evidence
 */
public record SourceFile(Path absolutePath, String relativePath, String content, List<String> lines) {
  /** Builds a source file and splits its lines. */
  public static SourceFile of(Path absolutePath, String relativePath, String content) {
    return new SourceFile(absolutePath, relativePath, content, List.of(content.split("\r?\n", -1)));
  }

  /** The trimmed text of a 1-based line, or an empty string when out of range. */
  public String lineText(int line) {
    if (line < 1 || line > lines.size()) {
      return "";
    }
    return lines.get(line - 1).strip();
  }
}
