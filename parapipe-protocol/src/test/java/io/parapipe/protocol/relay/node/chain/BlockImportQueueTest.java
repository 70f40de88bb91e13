package io.parapipe.protocol.relay.node.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.testing.ManualContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Received blocks are executed one after another before they join the chain. */
class BlockImportQueueTest {
  record B(long id, long micros) {}

  private final ManualContext ctx = new ManualContext(0);
  private final List<String> imported = new ArrayList<>();
  private final BlockImportQueue<B> queue = new BlockImportQueue<>(ctx, b -> Hash.fromLong(b.id()),
      B::micros, (b, from) -> imported.add(b.id() + "@" + ctx.now() + " from " + from));

  @Test
  void blocksAreExecutedOneAfterAnother() {
    ctx.setNow(1_000);
    assertThat(queue.submit(new B(1, 300), 7)).isTrue();
    assertThat(queue.submit(new B(2, 200), 8)).isTrue();
    ctx.fireUntil(10_000, t -> assertThat(queue.onTimer(t)).isTrue());
    assertThat(imported).containsExactly("1@1300 from 7", "2@1500 from 8");
  }

  @Test
  void aQueuedBlockIsNotQueuedTwiceButMayComeAgainAfterItsImport() {
    assertThat(queue.submit(new B(1, 100), 1)).isTrue();
    assertThat(queue.submit(new B(1, 100), 2)).isFalse();
    ctx.fireUntil(1_000, queue::onTimer);
    assertThat(imported).containsExactly("1@100 from 1");
    assertThat(queue.submit(new B(1, 100), 3)).isTrue();
  }

  @Test
  void anIdleQueueStartsAtOnce() {
    queue.submit(new B(1, 100), 1);
    ctx.fireUntil(5_000, queue::onTimer);
    queue.submit(new B(2, 100), 1);
    ctx.fireUntil(10_000, queue::onTimer);
    assertThat(imported).containsExactly("1@100 from 1", "2@5100 from 1");
  }
}
