package io.parapipe.protocol.relay.node.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.primitives.ExecutorParams;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.primitives.Weight;
import io.parapipe.protocol.testing.ManualContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PvfExecutionQueueTest {
  record Done(Object tag, boolean valid, long micros, long at) {}

  @Test
  void executionTakesTheRealFractionOfRefTimeAndTimesOutPastTheLimit() {
    ManualContext ctx = new ManualContext(0);
    List<Done> done = new ArrayList<>();
    PvfExecutionQueue q = new PvfExecutionQueue(ctx, 2, 1.0, 0.65,
        (job, valid, micros) -> done.add(new Done(job.tag(), valid, micros, ctx.now())));
    q.submit(new PvfExecutionQueue.Job(PvfExecutionQueue.Kind.BACKING, 2 * Weight.REF_TIME_PER_SECOND, 2_000_000, "2s block"));
    q.submit(new PvfExecutionQueue.Job(PvfExecutionQueue.Kind.BACKING, 4 * Weight.REF_TIME_PER_SECOND, 2_000_000, "4s block"));
    ctx.fireUntil(10_000_000, q::onTimer);
    // 2 s of weight executes in 1.3 s; 4 s would need 2.6 s and is killed at the 2 s timeout.
    assertThat(done).containsExactly(new Done("2s block", true, 1_300_000, 1_300_000),
        new Done("4s block", false, 2_000_000, 2_000_000));
  }

  @Test
  void backingJobsGoBeforeQueuedApprovalJobsAndWorkersAreLimited() {
    ManualContext ctx = new ManualContext(0);
    List<Object> order = new ArrayList<>();
    PvfExecutionQueue q = new PvfExecutionQueue(ctx, 1, 2.0, 1.0, (job, valid, micros) -> order.add(job.tag()));
    long second = Weight.REF_TIME_PER_SECOND;
    q.submit(new PvfExecutionQueue.Job(PvfExecutionQueue.Kind.APPROVAL, second, 12_000_000, "a1"));
    q.submit(new PvfExecutionQueue.Job(PvfExecutionQueue.Kind.APPROVAL, second, 12_000_000, "a2"));
    q.submit(new PvfExecutionQueue.Job(PvfExecutionQueue.Kind.BACKING, second, 2_000_000, "b1"));
    assertThat(q.queued()).isEqualTo(2);
    ctx.fireUntil(10_000_000, q::onTimer);
    assertThat(order).containsExactly("a1", "b1", "a2");
    assertThat(q.executionMicros(second)).isEqualTo(500_000); // speed 2
  }

  private static final long SECOND = Weight.REF_TIME_PER_SECOND;
  private static final ExecutorParams NEW_PARAMS = new ExecutorParams(2_500_000, 15_000_000);
  private static final long GENESIS = PvfArtifactKey.ALL_EXECUTOR_PARAMS.of(ExecutorParams.DEFAULT);
  private static final long CHANGED = PvfArtifactKey.ALL_EXECUTOR_PARAMS.of(NEW_PARAMS);

  private static PvfExecutionQueue.Job job(PvfExecutionQueue.Kind kind, int para, long key, String tag) {
    return new PvfExecutionQueue.Job(kind, SECOND, 12_000_000, tag, ParaId.of(para), key);
  }

  @Test
  void genesisArtifactsAreReadyAndANewKeyWaitsForItsPreparationOncePerPara() {
    ManualContext ctx = new ManualContext(0);
    List<Done> done = new ArrayList<>();
    PvfExecutionQueue q = new PvfExecutionQueue(ctx, 2, 1.0, 1.0,
        (j, valid, micros) -> done.add(new Done(j.tag(), valid, micros, ctx.now())));
    q.enablePreparation(10_000_000, GENESIS);
    q.submit(job(PvfExecutionQueue.Kind.APPROVAL, 1, GENESIS, "old"));
    q.submit(job(PvfExecutionQueue.Kind.APPROVAL, 1, CHANGED, "new1"));
    q.submit(job(PvfExecutionQueue.Kind.APPROVAL, 1, CHANGED, "new2"));
    assertThat(q.preparing()).isEqualTo(1);
    ctx.fireUntil(30_000_000, q::onTimer);
    // The old artifact executes at once (1 s); the new one is compiled for 10 s, then both jobs
    // that waited for it run on the two workers; a later job of the same para needs no compile.
    assertThat(done).containsExactly(new Done("old", true, 1_000_000, 1_000_000),
        new Done("new1", true, 1_000_000, 11_000_000), new Done("new2", true, 1_000_000, 11_000_000));
    q.submit(job(PvfExecutionQueue.Kind.APPROVAL, 1, CHANGED, "new3"));
    ctx.fireUntil(40_000_000, q::onTimer);
    assertThat(done.get(3)).isEqualTo(new Done("new3", true, 1_000_000, 31_000_000));
  }

  @Test
  void approvalPreparationsShareOneWorkerAndBackingMayUseASecond() {
    ManualContext ctx = new ManualContext(0);
    List<Done> done = new ArrayList<>();
    PvfExecutionQueue q = new PvfExecutionQueue(ctx, 4, 1.0, 1.0,
        (j, valid, micros) -> done.add(new Done(j.tag(), valid, micros, ctx.now())));
    q.enablePreparation(10_000_000, GENESIS);
    q.submit(job(PvfExecutionQueue.Kind.APPROVAL, 1, CHANGED, "a1"));
    q.submit(job(PvfExecutionQueue.Kind.APPROVAL, 2, CHANGED, "a2"));
    q.submit(job(PvfExecutionQueue.Kind.BACKING, 3, CHANGED, "b3"));
    ctx.fireUntil(60_000_000, q::onTimer);
    // Para 1 compiles on the soft-limit worker, para 3's (for backing, critical) on the second
    // worker the hard limit allows; para 2 waits for a worker.
    assertThat(done).containsExactly(new Done("a1", true, 1_000_000, 11_000_000),
        new Done("b3", true, 1_000_000, 11_000_000), new Done("a2", true, 1_000_000, 21_000_000));
  }

  @Test
  void underPreparationParamsATimeoutChangeKeepsTheArtifacts() {
    assertThat(PvfArtifactKey.PREPARATION_PARAMS.of(NEW_PARAMS))
        .isEqualTo(PvfArtifactKey.PREPARATION_PARAMS.of(ExecutorParams.DEFAULT));
    assertThat(CHANGED).isNotEqualTo(GENESIS);
  }
}
