package io.parapipe.protocol.relay.node.validation;

import io.parapipe.protocol.host.NodeContext;
import io.parapipe.protocol.host.Timer;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.primitives.Weight;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A validator's PVF execution workers (the PVF host's execute queue). A job executes a
 * candidate's para block: it takes {@code ref_time × executionFraction / speed} of a worker,
 * because weights are worst-case benchmarks on reference hardware. A job that would run past its
 * timeout occupies the worker until the timeout and fails, as a killed worker does. Backing jobs
 * are served before approval jobs, as upstream prioritises them.
 *
 * <p>A job runs a compiled artifact of its para's PVF. Artifacts of the genesis executor
 * parameters exist from the start (PVF pre-checking compiled them when the para was onboarded);
 * a job whose artifact is missing, because the session's executor parameters changed its key
 * ({@link PvfArtifactKey}), waits while a prepare worker compiles it. Upstream's prepare pool has
 * a soft limit of one worker for normal jobs and a hard limit of two that jobs for backing
 * (critical priority) may use ({@code prepare_workers_soft_max_num} 1 and
 * {@code prepare_workers_hard_max_num} 2, polkadot/node/service; priorities in
 * polkadot/node/core/pvf/src/priority.rs).
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
  public record Job(Kind kind, long refTime, long timeoutMicros, Object tag, ParaId para,
      long artifactKey) {
    /** A job whose artifact is the genesis one (prepared from the start). */
    public Job(Kind kind, long refTime, long timeoutMicros, Object tag) {
      this(kind, refTime, timeoutMicros, tag, null, GENESIS_KEY);
    }
  }

  /** The artifact key every para's PVF is compiled for at genesis. */
  private static final long GENESIS_KEY = Long.MIN_VALUE;
  private static final int PREPARE_WORKERS_SOFT = 1;
  private static final int PREPARE_WORKERS_HARD = 2;

  private record Artifact(ParaId para, long key) {}

  /** The timer a preparation completes on. */
  private record Prepared(Artifact artifact) implements Timer {}

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
  private long prepareMicros;
  private long genesisKey = GENESIS_KEY;
  private final Set<Artifact> prepared = new HashSet<>();
  private final Map<Artifact, List<Job>> awaitingArtifact = new HashMap<>();
  private final ArrayDeque<Artifact> prepareCritical = new ArrayDeque<>();
  private final ArrayDeque<Artifact> prepareNormal = new ArrayDeque<>();
  private int preparing;

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

  /**
   * Models PVF preparation: artifacts of {@code genesisKey} exist from the start, any other takes
   * {@code prepareMicros} of a prepare worker (on reference hardware, scaled by speed). Without
   * this call, or with a duration of 0, every artifact is ready.
   */
  public void enablePreparation(long prepareMicros, long genesisKey) {
    this.prepareMicros = prepareMicros <= 0 ? 0 : Math.max(1, Math.round(prepareMicros / speed));
    this.genesisKey = genesisKey;
  }

  /** Execution time of a block of {@code refTime} picoseconds on this hardware, microseconds. */
  public long executionMicros(long refTime) {
    double seconds = refTime * executionFraction / speed / Weight.REF_TIME_PER_SECOND;
    return Math.max(1, Math.round(seconds * 1_000_000));
  }

  /** Queues a job; one whose artifact is missing waits for its preparation. */
  public void submit(Job job) {
    if (prepareMicros > 0 && job.para() != null && job.artifactKey() != genesisKey) {
      Artifact a = new Artifact(job.para(), job.artifactKey());
      if (!prepared.contains(a)) {
        List<Job> waiting = awaitingArtifact.get(a);
        if (waiting == null) {
          waiting = new ArrayList<>();
          awaitingArtifact.put(a, waiting);
          (job.kind() == Kind.BACKING ? prepareCritical : prepareNormal).addLast(a);
        } else if (job.kind() == Kind.BACKING && prepareNormal.remove(a)) {
          prepareCritical.addLast(a); // a backing job raises a queued preparation to critical
        }
        waiting.add(job);
        startPreparation();
        return;
      }
    }
    (job.kind() == Kind.BACKING ? backing : approval).addLast(job);
    startNext();
  }

  /** PVF artifacts being prepared or waiting for a prepare worker. */
  public int preparing() {
    return awaitingArtifact.size();
  }

  private void startPreparation() {
    while (true) {
      Artifact next;
      if (!prepareCritical.isEmpty() && preparing < PREPARE_WORKERS_HARD) {
        next = prepareCritical.pollFirst();
      } else if (!prepareNormal.isEmpty() && preparing < PREPARE_WORKERS_SOFT) {
        next = prepareNormal.pollFirst();
      } else {
        return;
      }
      preparing++;
      ctx.schedule(prepareMicros, new Prepared(next));
    }
  }

  /** Jobs waiting for a worker. */
  public int queued() {
    return backing.size() + approval.size();
  }

  /**
   * Handles a timer; returns false if the timer is not this queue's.
   */
  public boolean onTimer(Timer t) {
    if (t instanceof Prepared p) {
      preparing--;
      prepared.add(p.artifact());
      List<Job> waiting = awaitingArtifact.remove(p.artifact());
      if (waiting != null) {
        for (Job j : waiting) {
          (j.kind() == Kind.BACKING ? backing : approval).addLast(j);
        }
      }
      startPreparation();
      startNext();
      return true;
    }
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
