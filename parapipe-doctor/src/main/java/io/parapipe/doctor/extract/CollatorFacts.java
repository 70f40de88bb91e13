package io.parapipe.doctor.extract;

import java.util.List;

/**
 * What the doctor read from the node crates of the repository.
 *
 * @param nodeCrates repository-relative directories of the node crates found
 * @param launches every collator start found, in source order
 * @param unknowns what could not be known about the collator
 */
public record CollatorFacts(List<String> nodeCrates, List<CollatorLaunch> launches, List<Unknown> unknowns) {
  /** The collator kind when all launches agree, else null. */
  public CollatorKind kind() {
    CollatorKind k = null;
    for (CollatorLaunch l : launches) {
      if (k != null && k != l.kind()) {
        return null;
      }
      k = l.kind();
    }
    return k;
  }

  /** The distinct kinds found, in order of first appearance. */
  public List<CollatorKind> kinds() {
    return launches.stream().map(CollatorLaunch::kind).distinct().toList();
  }
}
