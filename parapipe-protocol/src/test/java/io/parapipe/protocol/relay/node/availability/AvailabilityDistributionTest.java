package io.parapipe.protocol.relay.node.availability;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.primitives.CommittedCandidateReceipt;
import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.relay.node.chain.RelayBlock;
import io.parapipe.protocol.relay.runtime.RelayRuntimeState;
import io.parapipe.protocol.relay.runtime.RuntimeFixture;
import io.parapipe.protocol.testing.ManualContext;
import io.parapipe.protocol.testing.RelayChains;
import io.parapipe.protocol.wire.ChunkFetchRequest;
import io.parapipe.protocol.wire.ChunkFetchResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Availability distribution's chunk fetches: a block's requests share one timeout timer, which
 * retries only the requests not answered by their deadline and goes once all are answered.
 */
class AvailabilityDistributionTest {
  private static final long TIMEOUT = AvailabilityDistribution.CHUNK_REQUEST_TIMEOUT_MICROS;

  // Nine validators in three groups of three; the block backs candidates on cores 0 and 1, and
  // this node (authority 8) is in neither backing group, so it fetches both chunks.
  private final RelayRuntimeState genesis = RelayChains.genesis(9, 3);
  private final CommittedCandidateReceipt a = candidate(1);
  private final CommittedCandidateReceipt b = candidate(2);
  private final RelayBlock backing = RelayChains.block(RuntimeFixture.run(genesis, List.of(),
      List.of(RuntimeFixture.back(genesis, a, CoreIndex.of(0), 0),
          RuntimeFixture.back(genesis, b, CoreIndex.of(1), 0))).state());
  private final int self = selfAuthority();

  private final ManualContext ctx = new ManualContext(RelayChains.NODE_BASE + self);
  private final AvailabilityStore store = new AvailabilityStore();
  private final AvailabilityDistribution distribution =
      new AvailabilityDistribution(ctx, RelayChains.directory(genesis, self), store);

  private CommittedCandidateReceipt candidate(int para) {
    ParaId p = ParaId.of(para);
    return RuntimeFixture.candidate(genesis, p, RuntimeFixture.genesisHead(p), RuntimeFixture.head(p, 1));
  }

  /** An authority in neither backing group. */
  private int selfAuthority() {
    Set<Integer> backers = new java.util.HashSet<>();
    for (int core = 0; core < 2; core++) {
      RuntimeFixture.groupFor(genesis, CoreIndex.of(core), 0)
          .forEach(v -> backers.add(RelayChains.authorityOf(genesis, v.value())));
    }
    for (int auth = 0; auth < 9; auth++) {
      if (!backers.contains(auth)) {
        return auth;
      }
    }
    throw new AssertionError("every validator backs");
  }

  private Set<Integer> groupNodes(int core) {
    return RuntimeFixture.groupFor(genesis, CoreIndex.of(core), 0).stream()
        .map(v -> RelayChains.nodeOf(genesis, v.value())).collect(Collectors.toSet());
  }

  /** The chunk requests sent for {@code c}, by target node, oldest first. */
  private List<Integer> asked(CommittedCandidateReceipt c) {
    List<Integer> out = new ArrayList<>();
    for (ManualContext.Sent s : ctx.sent) {
      if (s.message() instanceof ChunkFetchRequest r && r.candidateHash().equals(c.hash())) {
        out.add(s.to());
      }
    }
    return out;
  }

  private static ChunkFetchResponse chunk(CommittedCandidateReceipt c, boolean found) {
    return new ChunkFetchResponse(c.hash(), 0, found ? 1024 : 0, found);
  }

  private void fireUntil(long t) {
    ctx.fireUntil(t, timer -> assertThat(distribution.onTimer(timer)).isTrue());
  }

  @Test
  void theBlockBacksTwoCandidatesThisNodeDoesNotHold() {
    distribution.onBlockImported(backing);
    assertThat(asked(a)).hasSize(1).allMatch(groupNodes(0)::contains);
    assertThat(asked(b)).hasSize(1).allMatch(groupNodes(1)::contains);
    assertThat(ctx.timers).as("one timeout timer for the block's requests").hasSize(1);
  }

  @Test
  void onlyTheRequestUnansweredAtTheDeadlineIsRetried() {
    distribution.onBlockImported(backing);
    distribution.onResponse(chunk(a, true));
    assertThat(store.hasChunk(a.hash())).isTrue();
    assertThat(ctx.timers).as("b's request is still open").hasSize(1);

    fireUntil(TIMEOUT);
    assertThat(asked(a)).hasSize(1);
    assertThat(asked(b)).hasSize(2).doesNotHaveDuplicates().allMatch(groupNodes(1)::contains);
    assertThat(ctx.timers).hasSize(1).first().satisfies(s -> assertThat(s.at()).isEqualTo(2 * TIMEOUT));

    distribution.onResponse(chunk(b, true));
    assertThat(store.hasChunk(b.hash())).isTrue();
    assertThat(ctx.timers).as("every request answered: the retry's timer is cancelled").isEmpty();
  }

  @Test
  void aBlockWhoseRequestsAreAllAnsweredHasNoTimeout() {
    distribution.onBlockImported(backing);
    distribution.onResponse(chunk(b, true));
    distribution.onResponse(chunk(a, true));
    assertThat(ctx.timers).isEmpty();
    fireUntil(10 * TIMEOUT);
    assertThat(ctx.sent).hasSize(2);
  }

  @Test
  void aRefusalAsksTheNextBackerAtOnceWithItsOwnDeadline() {
    distribution.onBlockImported(backing);
    ctx.setNow(300_000);
    distribution.onResponse(chunk(a, false));
    assertThat(asked(a)).hasSize(2).doesNotHaveDuplicates();
    // The block's timer now stands for b alone; a's second request has its own.
    assertThat(ctx.timers).extracting(ManualContext.Scheduled::at)
        .containsExactly(TIMEOUT, 300_000 + TIMEOUT);

    fireUntil(TIMEOUT);
    assertThat(asked(a)).as("a's second request is not due yet").hasSize(2);
    assertThat(asked(b)).hasSize(2);

    fireUntil(300_000 + TIMEOUT);
    assertThat(asked(a)).hasSize(3).doesNotHaveDuplicates().allMatch(groupNodes(0)::contains);
    // Three backers, all asked: the fetch of a gives up at its next deadline.
    fireUntil(10 * TIMEOUT);
    assertThat(asked(a)).hasSize(3);
    assertThat(asked(b)).hasSize(3);
    assertThat(ctx.timers).isEmpty();
    assertThat(store.hasChunk(a.hash())).isFalse();
  }

  @Test
  void aLateAnswerToAnEarlierRequestStillStoresTheChunk() {
    distribution.onBlockImported(backing);
    fireUntil(TIMEOUT); // both time out, both retried in one batch
    assertThat(ctx.timers).hasSize(1);
    distribution.onResponse(chunk(a, true)); // the first backer answers late
    distribution.onResponse(chunk(b, true));
    assertThat(store.hasChunk(a.hash())).isTrue();
    assertThat(store.hasChunk(b.hash())).isTrue();
    assertThat(ctx.timers).isEmpty();
  }
}
