package io.parapipe.doctor.workspace;

import io.parapipe.doctor.cfg.Conditions;
import java.util.List;

/** What a path names, as far as the doctor can follow it. */
public sealed interface Resolution {
  /**
   * A definition reached under some conditions (those of the {@code use} declarations followed).
   *
   * @param definition the definition
   * @param via conditions of the imports on the way
   */
  record Hit(Definition definition, Conditions via) {}

  /** One or more definitions (several when they differ by {@code cfg}). */
  record Found(List<Hit> hits) implements Resolution {}

  /** A module of the repository. */
  record Module(ModuleScope module) implements Resolution {}

  /** Something outside the repository, with its full path as far as known. */
  record External(List<String> path) implements Resolution {}

  /** A name brought in only by glob imports of crates outside the repository. */
  record ExternalGlob(List<List<String>> candidates) implements Resolution {}

  /** Nothing found. */
  record Missing() implements Resolution {}
}
