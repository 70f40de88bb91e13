package io.parapipe.doctor.extract;

import io.parapipe.doctor.eval.Alternative;
import java.util.List;
import java.util.Objects;

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

  /** The authoring duration when the kind is known and every collator start agrees on one, else null. */
  public Alternative agreedAuthoringDuration() {
    if (kind() == null) {
      return null;
    }
    Alternative found = null;
    for (CollatorLaunch l : launches) {
      if (l.authoringDuration() == null) {
        continue;
      }
      if (found != null && !Objects.equals(found.value().toString(), l.authoringDuration().value().toString())) {
        return null;
      }
      found = l.authoringDuration();
    }
    return found;
  }
}
