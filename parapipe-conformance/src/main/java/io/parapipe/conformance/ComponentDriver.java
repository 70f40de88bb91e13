package io.parapipe.conformance;

/**
 * Runs the vectors of one component: builds the component from a vector's {@code initial} object
 * and applies its operations. One implementation per component; drivers are stateless, sessions
 * hold the state of one vector.
 */
public interface ComponentDriver {
  /** The component name used in vector files, e.g. {@code fragment_chain}. */
  String component();

  /**
   * Starts a vector.
   *
   * @param initial the vector's {@code initial} object
   * @param names the vector's name table, to be filled with the names {@code initial} defines
   * @return the session that applies the operations
   * @throws MalformedVectorException if {@code initial} breaks the component's schema
   */
  ComponentSession start(VectorNode initial, NameTable names);
}
