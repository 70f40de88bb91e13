/**
 * Conformance vectors: a portable JSON statement of how the pure async-backing components behave,
 * and the runner that checks parapipe against them. Entry point: {@link
 * io.parapipe.conformance.ConformanceRunner}; format: {@code docs/conformance.md}.
 */
package io.parapipe.conformance;
