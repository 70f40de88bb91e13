package io.parapipe.sim.scenario;

/**
 * A collator that crashes and restarts ({@code [[faults.collator_crashes]]}): from
 * {@code atMicros} to {@code restartAtMicros} it neither sends, receives nor runs timers, as a
 * crashed validator ({@link Crash}).
 *
 * @param para the para it collates for
 * @param collator its index among the para's collators
 * @param atMicros when it crashes
 * @param restartAtMicros when it restarts (after {@code atMicros} once the loader has checked it)
 * @param stateLost true for {@code state = "lost"}: it comes back with only genesis and syncs the
 *     relay chain and the para's blocks again; false for {@code "kept"}
 */
public record CollatorCrash(int para, int collator, long atMicros, long restartAtMicros,
    boolean stateLost) {
  /** The window as a {@link Crash} of no validator, for the node's fault wrapper. */
  public Crash asCrash() {
    return new Crash(java.util.List.of(), atMicros, restartAtMicros, stateLost);
  }
}
