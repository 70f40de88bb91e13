package io.parapipe.protocol.relay.runtime.configuration;

import io.parapipe.protocol.primitives.HostConfiguration;
import io.parapipe.protocol.primitives.InconsistentError;
import io.parapipe.protocol.primitives.SessionIndex;

/** What became of a governance {@link ConfigUpdate}. */
public sealed interface ConfigUpdateOutcome {
  /**
   * The update is pending and will become active at the start of {@code session}.
   *
   * @param session the session it applies at ({@code current + SESSION_DELAY})
   * @param config the scheduled configuration
   */
  record Scheduled(SessionIndex session, HostConfiguration config) implements ConfigUpdateOutcome {}

  /**
   * The update was refused with upstream's {@code InvalidNewValue}: the base was consistent and
   * the result is not.
   *
   * @param reason the first consistency rule the new configuration breaks
   */
  record InvalidNewValue(InconsistentError reason) implements ConfigUpdateOutcome {}
}
