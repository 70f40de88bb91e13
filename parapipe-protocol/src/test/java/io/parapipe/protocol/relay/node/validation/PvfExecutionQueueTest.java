package io.parapipe.protocol.relay.node.validation;

import static org.assertj.core.api.Assertions.assertThat;

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
}
