package io.parapipe.protocol.relay.runtime.inclusion;

import io.parapipe.protocol.primitives.CoreIndex;
import java.util.Objects;

/**
 * A sanitized backed candidate and the core it will occupy.
 *
 * @param candidate the backed candidate
 * @param core the core
 */
public record CandidateOnCore(BackedCandidate candidate, CoreIndex core) {
  /** Rejects nulls. */
  public CandidateOnCore {
    Objects.requireNonNull(candidate, "candidate");
    Objects.requireNonNull(core, "core");
  }
}
