/**
 * A read-only view of one run's results JSON (schema {@code parapipe.run/1}, see {@code
 * docs/results-schema.md}) and, optionally, of its event trace (JSON Lines, {@code
 * docs/trace.md}). Missing optional fields read as "unknown": {@code NaN} for figures, {@code -1}
 * for counts and numbers, empty lists.
 */
package io.parapipe.report.run;
