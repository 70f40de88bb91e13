package io.parapipe.protocol.para.runtime;

import java.util.Objects;

/**
 * A panic of the modelled parachain runtime: the block is invalid and is not produced. The
 * message is the exact upstream panic text (for {@code assert_eq!} failures, Rust's full
 * {@code assertion `left == right` failed: ...} form), so reports and tests can match it.
 *
 * @param message the upstream panic message
 */
public record RuntimePanic(String message) implements BlockOutcome {
  /** Requires a message. */
  public RuntimePanic {
    Objects.requireNonNull(message, "message");
  }

  /**
   * The message Rust prints for a failed {@code assert_eq!(left, right, "msg")}.
   *
   * @param msg the custom message
   * @param left the left operand, already in Rust {@code Debug} form
   * @param right the right operand, already in Rust {@code Debug} form
   * @return the panic
   */
  public static RuntimePanic assertEqFailed(String msg, String left, String right) {
    return new RuntimePanic(
        "assertion `left == right` failed: " + msg + "\n  left: " + left + "\n right: " + right);
  }

  /** This panic as an exception, to unwind out of a block being executed. */
  public RuntimePanicException toException() {
    return new RuntimePanicException(this);
  }

  @Override
  public String toString() {
    return "RuntimePanic(" + message + ")";
  }
}
