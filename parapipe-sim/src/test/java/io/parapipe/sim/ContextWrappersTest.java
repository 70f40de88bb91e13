package io.parapipe.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.host.Message;
import io.parapipe.protocol.host.Node;
import io.parapipe.protocol.host.NodeContext;
import io.parapipe.protocol.host.Timer;
import io.parapipe.sim.kernel.Engine;
import io.parapipe.sim.network.NetworkConfig;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fault wrappers hand their inner node a context of their own, and the host a filtered
 * exchange. A {@link NodeContext} or exchange default method they do not pass on falls back to
 * the default's behaviour under threshold gossip too (a legacy validator's approvals went out as
 * messages that way), so each must pass on every one: the contexts do by extending
 * {@link ForwardingContext}, and this checks that none of them stops doing so.
 */
class ContextWrappersTest {
  /** Keeps the context it is started with. */
  private static final class Probe implements Node {
    NodeContext ctx;

    @Override
    public void start(NodeContext c) {
      ctx = c;
    }

    @Override
    public void onMessage(int from, Message m) {}

    @Override
    public void onTimer(Timer t) {}
  }

  private static NodeContext innerContext(java.util.function.Function<Probe, Node> wrap) {
    Probe probe = new Probe();
    Engine e = new Engine(1, NetworkConfig.IDEAL);
    e.addNode(wrap.apply(probe));
    e.run(0);
    return probe.ctx;
  }

  private static List<String> notPassedOn(NodeContext ctx) {
    return Arrays.stream(NodeContext.class.getMethods())
        .filter(Method::isDefault)
        .filter(m -> {
          try {
            Method own = ctx.getClass().getMethod(m.getName(), m.getParameterTypes());
            return own.isDefault() || Modifier.isAbstract(own.getModifiers());
          } catch (NoSuchMethodException ex) {
            return true;
          }
        })
        .map(Method::getName)
        .toList();
  }

  @Test
  void aFilteredExchangePassesOnEveryDefaultMethod() {
    List<String> notPassedOn = Arrays.stream(io.parapipe.protocol.host.Exchange.class.getMethods())
        .filter(Method::isDefault)
        .filter(m -> {
          try {
            return Exchanges.Filtered.class.getMethod(m.getName(), m.getParameterTypes())
                .isDefault();
          } catch (NoSuchMethodException ex) {
            return true;
          }
        })
        .map(Method::getName)
        .toList();
    assertThat(notPassedOn).isEmpty();
  }

  @Test
  void aLegacyValidatorsContextPassesOnEveryDefaultMethod() {
    assertThat(notPassedOn(innerContext(FilteredInbound::legacyValidator))).isEmpty();
  }

  @Test
  void aFaultyNodesContextPassesOnEveryDefaultMethod() {
    assertThat(notPassedOn(innerContext(p -> new FaultyNode(() -> p, 0, List.of(), List.of(),
        List.of())))).isEmpty();
  }
}
