package io.parapipe.conformance;

/** The state of one vector of one component, to which its operations are applied in order. */
public interface ComponentSession {
  /**
   * Applies one operation.
   *
   * @param op the operation name
   * @param args the operation object (its {@code op}, {@code expect}, {@code expect_error} and
   *     {@code comment} fields are already read)
   * @return the canonical rendering of the outcome
   * @throws MalformedVectorException if the operation is unknown or its arguments break the schema
   */
  OpOutcome apply(String op, VectorNode args);
}
