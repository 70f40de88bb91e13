package io.parapipe.protocol.relay.node.availability;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.host.Exchange;
import io.parapipe.protocol.host.Message;
import io.parapipe.protocol.host.NodeContext;
import io.parapipe.protocol.host.ProtocolEvent;
import io.parapipe.protocol.host.Timer;
import io.parapipe.protocol.host.Topic;
import io.parapipe.protocol.primitives.CommittedCandidateReceipt;
import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.primitives.PoV;
import io.parapipe.protocol.relay.node.chain.RelayBlock;
import io.parapipe.protocol.relay.runtime.RelayRuntimeState;
import io.parapipe.protocol.relay.runtime.RuntimeFixture;
import io.parapipe.protocol.relay.runtime.inclusion.ErasureCoding;
import io.parapipe.protocol.testing.ManualContext;
import io.parapipe.protocol.testing.RelayChains;
import io.parapipe.protocol.wire.ChunkFetchRequest;
import io.parapipe.protocol.wire.ChunkFetchResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * Chunk recovery on a host that draws exchanges at once ({@link NodeContext#exchange}): the
 * recovery asks for the same holders, in the same order, as it would by messages, sends nothing
 * itself, and ends when the outcome says, with the data or without.
 */
class RecoveryExchangeTest {
  private static final int N = 6;

  private final RelayRuntimeState genesis = RelayChains.genesis(N, 1);
  private final CommittedCandidateReceipt candidate = RuntimeFixture.candidate(genesis, ParaId.of(1),
      RuntimeFixture.genesisHead(ParaId.of(1)), RuntimeFixture.head(ParaId.of(1), 1));
  private final RelayRuntimeState backedIn = RuntimeFixture.run(genesis, List.of(),
      List.of(RuntimeFixture.back(genesis, candidate, CoreIndex.of(0), 0))).state();
  private final RelayBlock including = RelayChains.block(
      RuntimeFixture.run(backedIn, RuntimeFixture.bitfields(backedIn, 0), List.of()).state());

  private final int threshold = ErasureCoding.recoveryThreshold(N);
  private final int chunk = AvailabilityRecovery.FETCH_CHUNKS_THRESHOLD_BYTES / threshold + 1;
  private final PoV big = new PoV(Hash.fromLong(0x91), chunk * threshold, 7, Hash.ZERO);

  private final ManualContext manual = new ManualContext(1);
  private final List<Exchange> drawn = new ArrayList<>();
  private Function<Exchange, Exchange.Outcome> host;
  private final AvailabilityStore store = new AvailabilityStore();
  private final List<String> heard = new ArrayList<>();
  private final AvailabilityRecovery recovery = new AvailabilityRecovery(new DrawingContext(),
      RelayChains.directory(genesis, 5), store, new AvailabilityRecovery.Listener() {
        @Override
        public void onRecovered(Hash block, Hash c, PoV pov) {
          heard.add("recovered " + pov.sizeBytes() + " at " + manual.now());
        }

        @Override
        public void onUnavailable(Hash block, Hash c) {
          heard.add("unavailable at " + manual.now());
        }
      });

  /** The manual context, drawing exchanges through {@link #host}. */
  private final class DrawingContext implements NodeContext {
    @Override
    public Exchange.Outcome exchange(Exchange x) {
      drawn.add(x);
      return host.apply(x);
    }

    @Override
    public int self() {
      return manual.self();
    }

    @Override
    public long now() {
      return manual.now();
    }

    @Override
    public void send(int to, Message m) {
      manual.send(to, m);
    }

    @Override
    public void broadcast(Topic topic, Message m) {
      manual.broadcast(topic, m);
    }

    @Override
    public long schedule(long delayMicros, Timer timer) {
      return manual.schedule(delayMicros, timer);
    }

    @Override
    public void cancel(long timerId) {
      manual.cancel(timerId);
    }

    @Override
    public RandomGenerator random(String purpose) {
      return manual.random(purpose);
    }

    @Override
    public void emit(ProtocolEvent event) {
      manual.emit(event);
    }
  }

  private int selfIndex() {
    return RelayChains.directory(genesis, 5).selfIndex(including.state());
  }

  private ChunkFetchResponse answer(int index, boolean found) {
    return found ? new ChunkFetchResponse(candidate.hash(), index, chunk, true, true, big)
        : new ChunkFetchResponse(candidate.hash(), index, 0, false, true, null);
  }

  @Test
  void theRecoveryAsksWhatItWouldAskByMessagesAndEndsAtTheOutcome() {
    store.storeChunk(candidate.hash(), 0, selfIndex(), big, chunk); // our own chunk counts
    host = x -> new Exchange.Outcome(250_000, x.needed(), answer(0, true), x.needed());
    manual.setNow(1_000);
    recovery.onBlockImported(including, including.state());
    recovery.recover(including.hash(), candidate.hash());

    assertThat(manual.sent).isEmpty();
    assertThat(drawn).hasSize(1);
    Exchange x = drawn.get(0);
    assertThat(x.needed()).isEqualTo(threshold - 1);
    assertThat(x.timeoutMicros()).isEqualTo(AvailabilityRecovery.CHUNK_REQUEST_TIMEOUT_MICROS);
    assertThat(x.peers()).isEqualTo(N - 1); // everybody but this validator
    // Each chunk's holder (the order: AvailabilityChunkMappingTest); requests carry the index and
    // the deadline.
    List<Integer> indices = new ArrayList<>();
    for (int i = 0; i < x.peers(); i++) {
      ChunkFetchRequest r = (ChunkFetchRequest) x.request(i, 77);
      assertThat(r.recovery()).isTrue();
      assertThat(r.deadlineMicros()).isEqualTo(77);
      assertThat(r.candidateHash()).isEqualTo(candidate.hash());
      assertThat(x.peer(i)).isEqualTo(RelayChains.nodeOf(including.state(), r.chunkIndex()));
      indices.add(r.chunkIndex());
    }
    assertThat(indices).doesNotContain(selfIndex()).doesNotHaveDuplicates();
    assertThat(x.useful(answer(1, true))).isTrue();
    assertThat(x.useful(answer(1, false))).isFalse();

    // One timer, at the outcome's time: the data comes then.
    assertThat(manual.timers).hasSize(1);
    manual.fireUntil(249_999, t -> assertThat(recovery.onTimer(t)).isTrue());
    assertThat(heard).isEmpty();
    manual.fireUntil(250_000, t -> assertThat(recovery.onTimer(t)).isTrue());
    assertThat(heard).containsExactly("recovered " + big.sizeBytes() + " at 250000");
    assertThat(manual.events).containsExactly(new ChunkRecoveryEnded(candidate.hash(), 1_000, true));
    // Asked again, the data is at hand.
    recovery.recover(including.hash(), candidate.hash());
    assertThat(drawn).hasSize(1);
    assertThat(heard).hasSize(2);
  }

  @Test
  void tooFewChunksEndTheRecoveryUnavailableAndTheNextRequestStartsAfresh() {
    store.storeChunk(candidate.hash(), 0, selfIndex(), big, chunk);
    host = x -> new Exchange.Outcome(3_000_000, x.needed() - 1, null, x.peers());
    recovery.onBlockImported(including, including.state());
    recovery.recover(including.hash(), candidate.hash());
    manual.fireUntil(3_000_000, t -> assertThat(recovery.onTimer(t)).isTrue());
    assertThat(heard).containsExactly("unavailable at 3000000");
    assertThat(manual.events).containsExactly(new ChunkRecoveryEnded(candidate.hash(), 0, false));

    host = x -> new Exchange.Outcome(manual.now() + 100_000, x.needed(), answer(2, true), x.needed());
    recovery.recover(including.hash(), candidate.hash());
    assertThat(drawn).hasSize(2);
    manual.fireUntil(3_100_000, t -> assertThat(recovery.onTimer(t)).isTrue());
    assertThat(heard).containsExactly("unavailable at 3000000", "recovered " + big.sizeBytes() + " at 3100000");
  }

  @Test
  void aHostThatExchangesByMessagesGetsRequests() {
    store.storeChunk(candidate.hash(), 0, selfIndex(), big, chunk);
    host = x -> null;
    recovery.onBlockImported(including, including.state());
    recovery.recover(including.hash(), candidate.hash());
    assertThat(drawn).hasSize(1);
    assertThat(manual.sent).hasSize(threshold - 1)
        .allMatch(s -> s.message() instanceof ChunkFetchRequest r && r.recovery());
  }
}
