package io.parapipe.doctor.eval;

import io.parapipe.doctor.cfg.Conditions;

/**
 * One possible value of an expression: the value under some {@code cfg} conditions, with where it
 * was read.
 */
public record Alternative(Conditions conditions, Value value, Origin origin) {
  /** This alternative under additional conditions. */
  public Alternative under(Conditions more) {
    return new Alternative(conditions.and(more), value, origin);
  }
}
