package io.parapipe.sim.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.host.Message;
import io.parapipe.sim.kernel.Engine;
import io.parapipe.sim.kernel.TestNode;
import io.parapipe.sim.kernel.TestNode.Msg;
import io.parapipe.sim.kernel.TestNode.Seen;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A response whose requester has given up is not sent and takes no bandwidth. */
class RequestDeadlineTest {
  private static final long MB = 1_000_000;
  private final List<Seen> log = new ArrayList<>();

  /** A bulk response with the requester's deadline. */
  record Late(int size, long deadlineMicros) implements Message {
    @Override
    public int sizeBytes() {
      return size;
    }
  }

  @Test
  void aResponseThatCannotStartBeforeItsDeadlineIsDroppedAndFreesTheUplink() {
    Engine e = new Engine(1, NetworkConfig.IDEAL.withLatency(1_000).withBandwidth(MB));
    for (int i = 0; i < 3; i++) {
      e.addNode(new TestNode(log));
    }
    TestNode sender = (TestNode) e.node(0);
    sender.onStart = self -> {
      self.ctx.send(1, new Msg("first", 1_000_000)); // the bulk lane is busy for 1 s
      self.ctx.send(2, new Late(500_000, 900_000)); // could start only at 1 s: dropped
      self.ctx.send(2, new Msg("second", 100_000)); // starts at 1 s as if the dropped one never was
    };
    e.run(Long.MAX_VALUE);
    assertThat(TestNode.of(log, 2)).containsExactly(new Seen(1_101_000, 2, "msg second from 0"));
  }
}
