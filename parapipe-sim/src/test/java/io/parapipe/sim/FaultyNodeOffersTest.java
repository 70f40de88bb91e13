package io.parapipe.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.host.Message;
import io.parapipe.protocol.host.Node;
import io.parapipe.protocol.host.NodeContext;
import io.parapipe.protocol.host.Timer;
import io.parapipe.sim.kernel.Engine;
import io.parapipe.sim.network.NetworkConfig;
import io.parapipe.sim.scenario.Crash;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A node's offers to its host ({@code NodeContext.offer}) are its state: a restart that loses the
 * state withdraws them, or the host would answer for chunks the new node does not have.
 */
class FaultyNodeOffersTest {
  /** Offers key "k" when it starts. */
  private static final class Offering implements Node {
    @Override
    public void start(NodeContext ctx) {
      ctx.offer("k", 3, 100, "chunk");
    }

    @Override
    public void onMessage(int from, Message m) {}

    @Override
    public void onTimer(Timer t) {}

    @Override
    public boolean answersFromOffers() {
      return true;
    }
  }

  /** Runs a faulty node with one crash, recording the offer calls it makes of its host. */
  private static List<String> offerCalls(boolean stateLost) {
    List<String> calls = new ArrayList<>();
    FaultyNode faulty = new FaultyNode(Offering::new, 0, List.of(),
        List.of(new Crash(List.of(0), 1_000, 2_000, stateLost)), List.of());
    assertThat(faulty.answersFromOffers()).isTrue();
    Engine e = new Engine(1, NetworkConfig.IDEAL);
    e.addNode(new Node() {
      @Override
      public void start(NodeContext real) {
        // The host's context, with offer and withdraw noted.
        faulty.start((NodeContext) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {NodeContext.class}, (proxy, method, args) -> {
              if (method.getName().equals("offer") || method.getName().equals("withdraw")) {
                calls.add(real.now() + " " + method.getName() + " " + args[0]);
              }
              return method.invoke(real, args);
            }));
      }

      @Override
      public void onMessage(int from, Message m) {
        faulty.onMessage(from, m);
      }

      @Override
      public void onTimer(Timer t) {
        faulty.onTimer(t);
      }
    });
    e.run(3_000);
    return calls;
  }

  @Test
  void aRestartThatLosesTheStateWithdrawsItsOffers() {
    assertThat(offerCalls(true)).containsExactly("0 offer k", "2000 withdraw k", "2000 offer k");
  }

  @Test
  void aRestartThatKeepsTheStateKeepsThem() {
    assertThat(offerCalls(false)).containsExactly("0 offer k");
  }
}
