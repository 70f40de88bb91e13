package io.parapipe.protocol.para.runtime.segment;

/**
 * The result of appending to a bandwidth value or tracker: the new value, or the error upstream's
 * {@code Result} would carry. The receiver of the update is never changed.
 *
 * @param <T> the updated value's type
 */
public sealed interface SegmentUpdate<T> {
  /** True for {@link Accepted}. */
  boolean isAccepted();

  /**
   * The update was within the limits.
   *
   * @param value the new value
   * @param <T> the value's type
   */
  record Accepted<T>(T value) implements SegmentUpdate<T> {
    @Override
    public boolean isAccepted() {
      return true;
    }
  }

  /**
   * The update was refused.
   *
   * @param error why
   * @param <T> the value's type
   */
  record Rejected<T>(BandwidthUpdateError error) implements SegmentUpdate<T> {
    @Override
    public boolean isAccepted() {
      return false;
    }
  }
}
