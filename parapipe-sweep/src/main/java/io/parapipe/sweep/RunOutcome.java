package io.parapipe.sweep;

import java.io.Serializable;

/**
 * What a member sends back for one run.
 *
 * @param id the run's id ({@link RunSpec#id()})
 * @param resultsJson the results, schema {@code parapipe.run/1}
 * @param member the member that ran it (its address)
 */
public record RunOutcome(String id, String resultsJson, String member) implements Serializable {
  private static final long serialVersionUID = 1L;
}
