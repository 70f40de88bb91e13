package io.parapipe.protocol.relay.node.backing;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.host.Timer;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.PoV;
import io.parapipe.protocol.relay.node.availability.AvailabilityStore;
import io.parapipe.protocol.relay.runtime.RelayRuntimeState;
import io.parapipe.protocol.testing.ManualContext;
import io.parapipe.protocol.testing.RelayChains;
import io.parapipe.protocol.wire.PoVFetchRequest;
import io.parapipe.protocol.wire.PoVFetchResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PoV fetching for backing: sources, timeouts, retries and answers. */
class PovFetcherTest {
  private static final RelayRuntimeState STATE = RelayChains.genesis(6, 1);
  private static final Hash RP = STATE.hash();
  private static final Hash C = Hash.fromLong(0xc1);
  private static final PoV POV = new PoV(Hash.fromLong(0x90), 1000, 5, Hash.ZERO);

  private final ManualContext ctx = new ManualContext(RelayChains.nodeOf(STATE, 0));
  private final AvailabilityStore store = new AvailabilityStore();
  private final List<String> reports = new ArrayList<>();
  private boolean awaiting = true;
  private final PovFetcher fetcher = new PovFetcher(ctx, RelayChains.directory(STATE, RelayChains.authorityOf(STATE, 0)),
      store, new PovFetcher.Requester() {
        @Override
        public boolean awaitingPoV(Hash relayParent, Hash candidate) {
          return awaiting;
        }

        @Override
        public void onPoV(Hash relayParent, Hash candidate, PoV pov) {
          reports.add("pov " + pov.sizeBytes());
        }

        @Override
        public void onTimedOut(Hash relayParent, Hash candidate, boolean retrying) {
          reports.add("timed out, retrying " + retrying);
        }
      });

  private List<Integer> requestedNodes() {
    List<Integer> out = new ArrayList<>();
    for (ManualContext.Sent s : ctx.sent) {
      // The request carries its deadline: the fetch's 1.2 s timeout from when it was sent.
      assertThat(s.message()).isInstanceOfSatisfying(PoVFetchRequest.class, r -> {
        assertThat(r.relayParent()).isEqualTo(RP);
        assertThat(r.candidateHash()).isEqualTo(C);
      });
      out.add(s.to());
    }
    return out;
  }

  private void fireTimeouts() {
    ctx.fireUntil(ctx.now() + PovFetcher.POV_REQUEST_TIMEOUT_MICROS, t -> assertThat(fetcher.onTimer(t)).isTrue());
  }

  @Test
  void secondersAreAskedBeforeValidVotersAndEachGetsTheRequestTimeout() {
    fetcher.addSource(RP, STATE, C, 2, false);
    fetcher.addSource(RP, STATE, C, 3, true);
    fetcher.addSource(RP, STATE, C, 4, true);
    fetcher.addSource(RP, STATE, C, 4, false); // already listed: keeps its place

    assertThat(fetcher.fetch(C)).isTrue();
    assertThat(requestedNodes()).containsExactly(RelayChains.nodeOf(STATE, 4));
    assertThat(ctx.timers).hasSize(1);
    assertThat(ctx.timers.get(0).at()).isEqualTo(1_200_000);

    fireTimeouts();
    fireTimeouts();
    assertThat(requestedNodes()).containsExactly(RelayChains.nodeOf(STATE, 4), RelayChains.nodeOf(STATE, 3),
        RelayChains.nodeOf(STATE, 2));
    fireTimeouts();
    assertThat(reports).containsExactly("timed out, retrying true", "timed out, retrying true",
        "timed out, retrying false");
    assertThat(fetcher.fetch(C)).isFalse();
  }

  @Test
  void anEmptyAnswerMovesOnAndAPoVEndsTheFetch() {
    fetcher.addSource(RP, STATE, C, 1, true);
    fetcher.addSource(RP, STATE, C, 2, false);
    fetcher.fetch(C);
    fetcher.onResponse(new PoVFetchResponse(RP, C, null));
    assertThat(requestedNodes()).containsExactly(RelayChains.nodeOf(STATE, 1), RelayChains.nodeOf(STATE, 2));

    fetcher.onResponse(new PoVFetchResponse(RP, C, POV));
    assertThat(reports).containsExactly("pov 1000");
    // Fetched: later answers and the pending timeouts change nothing.
    fetcher.onResponse(new PoVFetchResponse(RP, C, POV));
    fireTimeouts();
    assertThat(reports).containsExactly("pov 1000");
    assertThat(ctx.sent).hasSize(2);
  }

  @Test
  void answersAndTimeoutsAreIgnoredOnceBackingNoLongerWaits() {
    fetcher.addSource(RP, STATE, C, 1, true);
    fetcher.addSource(RP, STATE, C, 2, true);
    fetcher.fetch(C);
    awaiting = false;
    fetcher.onResponse(new PoVFetchResponse(RP, C, POV));
    fireTimeouts();
    assertThat(reports).isEmpty();
    assertThat(ctx.sent).hasSize(1);
  }

  @Test
  void relayParentsThatLeaveTheViewTakeTheirFetchesAlong() {
    fetcher.addSource(RP, STATE, C, 1, true);
    fetcher.retainOnly(java.util.Set.of());
    assertThat(fetcher.fetch(C)).isFalse();
    assertThat(ctx.sent).isEmpty();
  }

  @Test
  void groupMatesRequestsAreAnsweredFromTheStore() {
    assertThat(fetcher.answer(new PoVFetchRequest(RP, C))).isEqualTo(new PoVFetchResponse(RP, C, null));
    store.keepPoV(C, POV, 0);
    assertThat(fetcher.answer(new PoVFetchRequest(RP, C))).isEqualTo(new PoVFetchResponse(RP, C, POV));
  }

  @Test
  void otherTimersAreNotTheFetchers() {
    assertThat(fetcher.onTimer(new Timer() {})).isFalse();
  }
}
