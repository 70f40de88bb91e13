package io.parapipe.protocol.primitives;

/**
 * The session's PVF executor parameters ({@code HostConfiguration.executor_params}, upstream's
 * {@code ExecutorParams}): the ones parapipe models are the execution timeouts
 * ({@code ExecutorParam::PvfExecTimeout(Backing | Approval, ms)}). Governance changes them like
 * any configuration field, enacted at a session boundary.
 *
 * @param backingTimeoutMicros PVF execution timeout for backing (upstream default 2 s)
 * @param approvalTimeoutMicros PVF execution timeout for approval checking (upstream default 12 s)
 */
public record ExecutorParams(long backingTimeoutMicros, long approvalTimeoutMicros) {
  /** Upstream's defaults: {@code DEFAULT_BACKING_EXECUTION_TIMEOUT} 2 s, approval 12 s. */
  public static final ExecutorParams DEFAULT = new ExecutorParams(2_000_000, 12_000_000);

  public ExecutorParams {
    if (backingTimeoutMicros <= 0 || approvalTimeoutMicros <= 0
        || backingTimeoutMicros > MAX_TIMEOUT_MICROS || approvalTimeoutMicros > MAX_TIMEOUT_MICROS) {
      throw new IllegalArgumentException("PVF execution timeouts must be positive and below 2^32 µs");
    }
  }

  private static final long MAX_TIMEOUT_MICROS = 0xFFFF_FFFFL;

  /**
   * A stand-in for {@code ExecutorParams::hash()}: both timeouts packed into one value, so equal
   * parameters give equal values and different ones different values.
   */
  public long hashOfAll() {
    return (backingTimeoutMicros << 32) | approvalTimeoutMicros;
  }
}
