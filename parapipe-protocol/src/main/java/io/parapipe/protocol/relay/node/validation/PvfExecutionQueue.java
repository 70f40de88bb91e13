package io.parapipe.protocol.relay.node.validation;

import io.parapipe.protocol.host.NodeContext;
import io.parapipe.protocol.host.Timer;
import io.parapipe.protocol.primitives.Weight;
import java.util.ArrayDeque;

/**
 * A validator's PVF execution workers (the PVF host's execute queue). A job executes a
 * candidate's para block: it takes {@code ref_time × executionFraction / speed} of a worker,
 * because weights are worst-case benchmarks on reference hardware. A job that would run past its
 * timeout occupies the worker until the timeout and fails, as a killed worker does. Backing jobs
 * are served before approval jobs, as upstream prioritises them.
 */
public final class PvfExecutionQueue {
  /** Why a job is run; decides its priority and timeout. */
  public enum Kind {
    /** Validation for backing ({@code PvfExecKind::Backing}), timeout 2 s by default. */
    BACKING,
    /** Approval checking ({@code PvfExecKind::Approval}), timeout 12 s by default. */
    APPROVAL
  }

  /**
   * A job to run.
   *
   * @param kind why it runs
   * @param refTime the para block's {@code ref_time} in picoseconds
   * @param timeoutMicros the execution timeout
   * @param tag whatever the caller needs back on completion
   */
  public record Job(Kind kind, long refTime, long timeoutMicros, Object tag) {}

  /** Receives finished jobs. */
  public interface Listener {
    /**
     * @param job the job
     * @param valid false if it hit the timeout
     * @param executionMicros how long the worker was busy
     */
    void onExecuted(Job job, boolean valid, long executionMicros);
  }

  /** The timer a running job completes on. */
  private record Done(Job job, boolean valid, long micros) implements Timer {}

  private final NodeContext ctx;
  private final int workers;
  private final double speed;
  private final double executionFraction;
  private final Listener listener;
  private final ArrayDeque<Job> backing = new ArrayDeque<>();
  private final ArrayDeque<Job> approval = new ArrayDeque<>();
  private int busy;

  /**
   * @param workers parallel execute workers
   * @param speed hardware speed relative to reference hardware
   * @param executionFraction real execution time as a fraction of {@code ref_time}
   */
  public PvfExecutionQueue(NodeContext ctx, int workers, double speed, double executionFraction,
      Listener listener) {
    this.ctx = ctx;
    this.workers = workers;
    this.speed = speed;
    this.executionFraction = executionFraction;
    this.listener = listener;
  }

  /** Execution time of a block of {@code refTime} picoseconds on this hardware, microseconds. */
  public long executionMicros(long refTime) {
    double seconds = refTime * executionFraction / speed / Weight.REF_TIME_PER_SECOND;
    return Math.max(1, Math.round(seconds * 1_000_000));
  }

  /** Queues a job. */
  public void submit(Job job) {
    (job.kind() == Kind.BACKING ? backing : approval).addLast(job);
    startNext();
  }

  /** Jobs waiting for a worker. */
  public int queued() {
    return backing.size() + approval.size();
  }

  /**
   * Handles a timer; returns false if the timer is not this queue's.
   */
  public boolean onTimer(Timer t) {
    if (!(t instanceof Done d)) {
      return false;
    }
    busy--;
    listener.onExecuted(d.job(), d.valid(), d.micros());
    startNext();
    return true;
  }

  private void startNext() {
    while (busy < workers && !(backing.isEmpty() && approval.isEmpty())) {
      Job job = backing.isEmpty() ? approval.pollFirst() : backing.pollFirst();
      long needed = executionMicros(job.refTime());
      boolean valid = needed <= job.timeoutMicros();
      long micros = valid ? needed : job.timeoutMicros();
      busy++;
      ctx.schedule(micros, new Done(job, valid, micros));
    }
  }
}
