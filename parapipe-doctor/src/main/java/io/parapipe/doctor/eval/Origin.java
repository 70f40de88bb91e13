package io.parapipe.doctor.eval;

/**
 * Where a value was read: a file and line of the repository, with the quoted line. Values known
 * from outside the repository (e.g. {@code WEIGHT_REF_TIME_PER_SECOND}) have {@code line = 0} and
 * name their crate in {@code file}.
 *
 * @param file repository-relative path, or the external crate
 * @param line 1-based line, 0 when not in the repository
 * @param source the quoted source line, or a description for external values
 * @param note how the value was obtained when it was not written literally (e.g. "implied: no
 *     `type ConsensusHook`"), or null
 */
public record Origin(String file, int line, String source, String note) {
  private static final String EXTERNAL = "known value of ";

  /** An origin outside the repository. */
  public static Origin external(String crate, String description) {
    return new Origin(crate, 0, description, EXTERNAL + crate + " (not in this repository)");
  }

  /** True for values known from a crate outside the repository. */
  public boolean isExternal() {
    return line == 0 && note != null && note.startsWith(EXTERNAL);
  }

  /** This origin with a note. */
  public Origin withNote(String newNote) {
    return new Origin(file, line, source, newNote);
  }

  /** True when the origin is inside the repository. */
  public boolean inRepository() {
    return line > 0;
  }

  /** {@code file:line}, or the external crate. */
  public String where() {
    return inRepository() ? file + ":" + line : file;
  }
}
