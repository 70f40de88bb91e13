package io.parapipe.protocol.para.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.testing.ManualContext;
import io.parapipe.protocol.wire.AdvertiseCollation;
import io.parapipe.protocol.wire.Declare;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The slot-based collator's connections: Declare, the validator's view, then advertisements. */
class BackingGroupConnectionsTest {
  static final ParaId PARA = ParaId.of(2000);

  static AdvertiseCollation advert(long n) {
    return new AdvertiseCollation(PARA, Hash.fromLong(1), Hash.fromLong(n), Hash.ZERO);
  }

  private static List<Object> sentTo(ManualContext ctx, int node) {
    return ctx.sent.stream().filter(s -> s.to() == node).map(s -> (Object) s.message()).toList();
  }

  @Test
  void anAdvertisementWaitsForTheConnectionToOpen() {
    ManualContext ctx = new ManualContext(30);
    BackingGroupConnections c = new BackingGroupConnections(ctx, PARA);
    c.advertise(4, advert(1));
    c.advertise(4, advert(2));
    assertThat(sentTo(ctx, 4)).containsExactly(new Declare(PARA)); // one Declare, nothing advertised yet
    c.onViewUpdate(4);
    assertThat(sentTo(ctx, 4)).containsExactly(new Declare(PARA), advert(1), advert(2));
    assertThat(c.isConnected(4)).isTrue();
    c.advertise(4, advert(3)); // open now: at once
    assertThat(sentTo(ctx, 4)).endsWith(advert(3));
  }

  @Test
  void preConnectingMeansTheFirstAdvertisementGoesOutAtOnce() {
    ManualContext ctx = new ManualContext(30);
    BackingGroupConnections c = new BackingGroupConnections(ctx, PARA);
    c.connect(List.of(4, 5));
    c.onViewUpdate(4);
    c.onViewUpdate(5);
    ctx.sent.clear();
    c.advertise(5, advert(1));
    assertThat(sentTo(ctx, 5)).containsExactly(advert(1));
  }

  @Test
  void disconnectingClosesOpenConnectionsButKeepsOneAnAdvertisementWaitsFor() {
    ManualContext ctx = new ManualContext(30);
    BackingGroupConnections c = new BackingGroupConnections(ctx, PARA);
    c.connect(List.of(4));
    c.onViewUpdate(4);
    c.advertise(6, advert(9)); // waiting on 6
    c.disconnectAll();
    assertThat(c.isConnected(4)).isFalse();
    c.onViewUpdate(6);
    assertThat(sentTo(ctx, 6)).containsExactly(new Declare(PARA), advert(9));
    c.onViewUpdate(4); // a view from a closed connection opens nothing
    assertThat(c.isConnected(4)).isFalse();
  }
}
