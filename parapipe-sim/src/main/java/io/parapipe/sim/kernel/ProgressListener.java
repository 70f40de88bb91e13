package io.parapipe.sim.kernel;

/**
 * Told about the engine's progress every so many events (for progress bars). Must not change the
 * simulation; may call {@link Engine#stop()}.
 */
@FunctionalInterface
public interface ProgressListener {
  /**
   * @param nowMicros the virtual time of the event just processed
   * @param eventsProcessed events processed so far in this engine
   */
  void onProgress(long nowMicros, long eventsProcessed);
}
