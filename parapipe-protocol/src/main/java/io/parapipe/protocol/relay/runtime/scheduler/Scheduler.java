package io.parapipe.protocol.relay.runtime.scheduler;

import io.parapipe.protocol.primitives.GroupRotationInfo;
import io.parapipe.protocol.primitives.SchedulerParams;
import java.util.function.IntFunction;

/**
 * The scheduler's time rules: group rotation and availability timeouts
 * ({@code polkadot/runtime/parachains/src/scheduler.rs}). {@code now} is always the number of the
 * block being executed (or, for runtime APIs, of the queried block).
 */
public final class Scheduler {
  private Scheduler() {}

  /** {@code group_rotation_info(now)}. */
  public static GroupRotationInfo groupRotationInfo(int now, int sessionStartBlock, SchedulerParams params) {
    return new GroupRotationInfo(sessionStartBlock, params.groupRotationFrequency(), now);
  }

  /** {@code last_rotation_at} (see {@link GroupRotationInfo#lastRotationAt()}). */
  public static int lastRotationAt(int now, int sessionStartBlock, int frequency) {
    return new GroupRotationInfo(sessionStartBlock, frequency, now).lastRotationAt();
  }

  /** {@code next_rotation_at} (see {@link GroupRotationInfo#nextRotationAt()}). */
  public static int nextRotationAt(int now, int sessionStartBlock, int frequency) {
    return new GroupRotationInfo(sessionStartBlock, frequency, now).nextRotationAt();
  }

  /**
   * {@code availability_timeout_check_required()}: with {@code M = now + 1}, true iff
   * {@code M < last_rotation_at(M) + paras_availability_period}, i.e. only in the window just
   * after a group rotation.
   */
  public static boolean availabilityTimeoutCheckRequired(int now, int sessionStartBlock, SchedulerParams params) {
    int m = now + 1;
    int window = lastRotationAt(m, sessionStartBlock, params.groupRotationFrequency())
        + params.parasAvailabilityPeriod();
    return m < window;
  }

  /**
   * {@code availability_timeout_predicate()}: maps a candidate's {@code backed_in_number} to its
   * timeout status. Inside the window after a rotation a candidate times out
   * {@code paras_availability_period} blocks after it was backed; otherwise not before the next
   * rotation plus that period.
   */
  public static IntFunction<AvailabilityTimeoutStatus> availabilityTimeoutPredicate(
      int now, int sessionStartBlock, SchedulerParams params) {
    int period = params.parasAvailabilityPeriod();
    int nextRotation = nextRotationAt(now, sessionStartBlock, params.groupRotationFrequency());
    boolean timesOut = availabilityTimeoutCheckRequired(now, sessionStartBlock, params);
    return backedIn -> {
      int timeOutAt = timesOut ? backedIn + period : nextRotation + period;
      return new AvailabilityTimeoutStatus(timeOutAt <= now, timeOutAt);
    };
  }
}
