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

/**
 * A response whose requester has given up is not delivered, and takes bandwidth only until the
 * reset stops it.
 */
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

  @Test
  void aResponseThatWouldArriveAfterItsDeadlineIsNotDeliveredAndItsUploadStopsAtTheReset() {
    Engine e = new Engine(1, NetworkConfig.IDEAL.withLatency(1_000).withBandwidth(MB));
    for (int i = 0; i < 3; i++) {
      e.addNode(new TestNode(log));
    }
    TestNode sender = (TestNode) e.node(0);
    sender.onStart = self -> {
      // Would leave 0 .. 500 ms and arrive at 501 ms; the requester resets at 300 ms, and the
      // reset reaches the sender at 301 ms.
      self.ctx.send(1, new Late(500_000, 300_000));
      self.ctx.send(2, new Msg("second", 100_000)); // leaves 301 .. 401 ms
    };
    e.run(Long.MAX_VALUE);
    assertThat(TestNode.of(log, 1)).isEmpty();
    assertThat(TestNode.of(log, 2)).containsExactly(new Seen(402_000, 2, "msg second from 0"));
  }

  @Test
  void aResponseQueuedOnTheDownlinkPastItsDeadlineIsNotDeliveredAndFreesTheDownlinkThen() {
    Engine e = new Engine(1, NetworkConfig.IDEAL.withLatency(1_000).withBandwidth(MB));
    for (int i = 0; i < 3; i++) {
      e.addNode(new TestNode(log));
    }
    ((TestNode) e.node(0)).onStart = self -> {
      self.ctx.send(2, new Msg("big", 100_000)); // holds node 2's downlink until 101 ms
      self.ctx.send(2, new Msg("after", 80_000)); // would complete at 181 ms on a free downlink
    };
    // Would complete at 151 ms on a free downlink; behind "big" only at 251 ms, after the
    // requester's 200 ms timeout.
    ((TestNode) e.node(1)).onStart = self -> self.ctx.send(2, new Late(150_000, 200_000));
    e.run(Long.MAX_VALUE);
    // "after" queues behind what the downlink carried of the response until the reset: 200 ms.
    assertThat(TestNode.of(log, 2)).containsExactly(
        new Seen(101_000, 2, "msg big from 0"), new Seen(280_000, 2, "msg after from 0"));
  }
}
