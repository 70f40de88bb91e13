package io.parapipe.protocol.relay.node.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.host.Message;
import io.parapipe.protocol.primitives.Block;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.testing.ManualContext;
import io.parapipe.protocol.wire.BlockAnnounce;
import io.parapipe.protocol.wire.BlockBodyRequest;
import io.parapipe.protocol.wire.BlockBodyResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Block sync: announcements go to peers not known to have the block, one request per block is in
 * flight, a timed-out or empty request moves on to the next announcer.
 */
class BlockSyncTest {
  record B(Hash hash, Hash parentHash, int number, int sizeBytes) implements Block {}

  private static final B BLOCK = new B(Hash.fromLong(11), Hash.fromLong(10), 11, 50_000);

  private final ManualContext ctx = new ManualContext(0);
  private final Map<Hash, B> chain = new HashMap<>();
  private final Set<Hash> queued = new HashSet<>();
  private final List<String> received = new ArrayList<>();
  private final BlockSync<B> sync = new BlockSync<>(ctx, List.of(1, 2, 3), B.class, new BlockSync.Chain<>() {
    @Override
    public boolean has(Hash hash) {
      return chain.containsKey(hash) || queued.contains(hash);
    }

    @Override
    public Optional<B> get(Hash hash) {
      return Optional.ofNullable(chain.get(hash));
    }

    @Override
    public void received(B block, int from) {
      queued.add(block.hash());
      received.add(block.number() + " from " + from);
    }
  });

  private List<Integer> sentTo(Class<? extends Message> type) {
    List<Integer> out = new ArrayList<>();
    for (ManualContext.Sent s : ctx.sent) {
      if (type.isInstance(s.message())) {
        out.add(s.to());
      }
    }
    return out;
  }

  @Test
  void anAuthoredBlockIsAnnouncedToEveryPeerWithItsHeaderOnly() {
    chain.put(BLOCK.hash(), BLOCK);
    sync.announce(BLOCK);
    assertThat(sentTo(BlockAnnounce.class)).containsExactly(1, 2, 3);
    assertThat(ctx.sent.get(0).message().sizeBytes()).isEqualTo(BlockAnnounce.SIZE_BYTES).isLessThan(512);
    // Announcing it again (imported twice, or after a fork switch) sends nothing new.
    sync.announce(BLOCK);
    assertThat(sentTo(BlockAnnounce.class)).hasSize(3);
  }

  @Test
  void aBlockIsNotAnnouncedBackToThePeersThatAnnouncedOrSentIt() {
    sync.onAnnounce(2, announce(BLOCK));
    sync.onAnnounce(3, announce(BLOCK));
    assertThat(sentTo(BlockBodyRequest.class)).containsExactly(2);
    sync.onResponse(2, new BlockBodyResponse(BLOCK.hash(), BLOCK, Long.MAX_VALUE));
    assertThat(received).containsExactly("11 from 2");
    chain.put(BLOCK.hash(), BLOCK);
    sync.announce(BLOCK);
    assertThat(sentTo(BlockAnnounce.class)).containsExactly(1);
  }

  @Test
  void oneRequestPerBlockIsInFlight() {
    sync.onAnnounce(1, announce(BLOCK));
    sync.onAnnounce(2, announce(BLOCK));
    sync.onAnnounce(1, announce(BLOCK));
    assertThat(sentTo(BlockBodyRequest.class)).containsExactly(1);
    assertThat(sync.requesting(BLOCK.hash())).isTrue();
    BlockBodyRequest r = (BlockBodyRequest) ctx.sent.get(0).message();
    assertThat(r.deadlineMicros()).isEqualTo(BlockSync.BLOCK_REQUEST_TIMEOUT_MICROS);
  }

  @Test
  void aTimedOutRequestGoesToTheNextAnnouncerAndTheLateAnswerIsIgnored() {
    sync.onAnnounce(1, announce(BLOCK));
    sync.onAnnounce(3, announce(BLOCK));
    ctx.fireUntil(BlockSync.BLOCK_REQUEST_TIMEOUT_MICROS - 1, t -> assertThat(sync.onTimer(t)).isTrue());
    assertThat(sentTo(BlockBodyRequest.class)).containsExactly(1);
    ctx.fireUntil(BlockSync.BLOCK_REQUEST_TIMEOUT_MICROS, t -> assertThat(sync.onTimer(t)).isTrue());
    assertThat(sentTo(BlockBodyRequest.class)).containsExactly(1, 3);
    sync.onResponse(1, new BlockBodyResponse(BLOCK.hash(), BLOCK, Long.MAX_VALUE));
    assertThat(received).isEmpty();
    sync.onResponse(3, new BlockBodyResponse(BLOCK.hash(), BLOCK, Long.MAX_VALUE));
    assertThat(received).containsExactly("11 from 3");
    // Every announcer was asked once; after the last one's timeout nobody is asked again.
    ctx.fireUntil(10 * BlockSync.BLOCK_REQUEST_TIMEOUT_MICROS, sync::onTimer);
    assertThat(sentTo(BlockBodyRequest.class)).containsExactly(1, 3);
  }

  @Test
  void afterEveryAnnouncerFailedANewAnnouncerIsAsked() {
    sync.onAnnounce(1, announce(BLOCK));
    ctx.fireUntil(BlockSync.BLOCK_REQUEST_TIMEOUT_MICROS, sync::onTimer);
    assertThat(sync.requesting(BLOCK.hash())).isFalse();
    sync.onAnnounce(2, announce(BLOCK));
    assertThat(sentTo(BlockBodyRequest.class)).containsExactly(1, 2);
  }

  @Test
  void anEmptyAnswerMovesOnAtOnce() {
    sync.onAnnounce(1, announce(BLOCK));
    sync.onAnnounce(2, announce(BLOCK));
    sync.onResponse(1, new BlockBodyResponse(BLOCK.hash(), null, Long.MAX_VALUE));
    assertThat(sentTo(BlockBodyRequest.class)).containsExactly(1, 2);
    assertThat(ctx.now()).isZero();
  }

  @Test
  void aKnownOrReceivedBlockIsNotRequested() {
    chain.put(BLOCK.hash(), BLOCK);
    sync.onAnnounce(1, announce(BLOCK));
    assertThat(sentTo(BlockBodyRequest.class)).isEmpty();

    B other = new B(Hash.fromLong(12), BLOCK.hash(), 12, 1_000);
    sync.onAnnounce(2, announce(other));
    sync.onResponse(2, new BlockBodyResponse(other.hash(), other, Long.MAX_VALUE));
    queued.clear(); // imported and dropped from the queue, or waiting for a parent
    sync.onAnnounce(3, announce(other));
    assertThat(sentTo(BlockBodyRequest.class)).containsExactly(2);
  }

  @Test
  void requestsAreAnsweredFromTheChainWithTheWholeBlock() {
    chain.put(BLOCK.hash(), BLOCK);
    BlockBodyResponse r = sync.answer(new BlockBodyRequest(BLOCK.hash(), 5_000));
    assertThat(r.block()).isEqualTo(BLOCK);
    assertThat(r.deadlineMicros()).isEqualTo(5_000);
    assertThat(r.sizeBytes()).isGreaterThan(BLOCK.sizeBytes());
    BlockBodyResponse none = sync.answer(new BlockBodyRequest(Hash.fromLong(99), 5_000));
    assertThat(none.block()).isNull();
    assertThat(none.sizeBytes()).isLessThan(Message.SMALL);
  }

  private static BlockAnnounce announce(B b) {
    return new BlockAnnounce(b.hash(), b.parentHash(), b.number());
  }
}
