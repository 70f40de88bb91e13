package io.parapipe.conformance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Set;

/**
 * The canonical JSON rendering of what one operation did: a result object or an error object
 * ({@code {"error": "UpstreamName", ...fields}}). Arrays under the keys named in {@code sets} are
 * sets: they are compared without regard to order.
 */
public sealed interface OpOutcome {

  /** Keys whose array values are compared as sets. */
  Set<String> sets();

  /**
   * The operation succeeded.
   *
   * @param value its rendering
   * @param sets keys whose arrays are sets
   */
  record Ok(ObjectNode value, Set<String> sets) implements OpOutcome {
    /** Rejects nulls. */
    public Ok {
      Objects.requireNonNull(value, "value");
      sets = Set.copyOf(sets);
    }
  }

  /**
   * The operation returned an error (a protocol outcome, not a bug).
   *
   * @param error its rendering, with an {@code "error"} key
   * @param sets keys whose arrays are sets
   */
  record Err(ObjectNode error, Set<String> sets) implements OpOutcome {
    /** Rejects nulls. */
    public Err {
      Objects.requireNonNull(error, "error");
      sets = Set.copyOf(sets);
    }
  }

  /** A success with no set-valued keys. */
  static OpOutcome ok(ObjectNode value) {
    return new Ok(value, Set.of());
  }

  /** A success whose arrays under {@code setKeys} are sets. */
  static OpOutcome ok(ObjectNode value, String... setKeys) {
    return new Ok(value, Set.of(setKeys));
  }

  /** An error. */
  static OpOutcome err(ObjectNode error) {
    return new Err(error, Set.of());
  }
}
