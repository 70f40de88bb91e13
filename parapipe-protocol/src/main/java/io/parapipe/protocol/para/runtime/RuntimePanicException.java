package io.parapipe.protocol.para.runtime;

/**
 * Unwinds out of a para block being executed, the way a Rust panic unwinds. Thrown by the runtime
 * building blocks (segment arithmetic, hooks, pallets); {@link ParachainRuntime#executeBlock}
 * catches it and answers the carried {@link RuntimePanic} as a value. Code outside the runtime
 * never needs to catch it unless it calls a building block directly.
 */
public final class RuntimePanicException extends RuntimeException {
  private final transient RuntimePanic panic;

  /** Wraps a panic; no stack trace is captured (this is an outcome, not a bug). */
  public RuntimePanicException(RuntimePanic panic) {
    super(panic.message(), null, false, false);
    this.panic = panic;
  }

  /** Shorthand for a plain {@code panic!("message")}. */
  public static RuntimePanicException of(String message) {
    return new RuntimePanicException(new RuntimePanic(message));
  }

  /** The panic carried. */
  public RuntimePanic panic() {
    return panic;
  }
}
