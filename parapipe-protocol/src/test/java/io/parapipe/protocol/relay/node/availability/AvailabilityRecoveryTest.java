package io.parapipe.protocol.relay.node.availability;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.host.Timer;
import io.parapipe.protocol.primitives.CommittedCandidateReceipt;
import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.primitives.PoV;
import io.parapipe.protocol.primitives.ValidatorIndex;
import io.parapipe.protocol.relay.node.chain.RelayBlock;
import io.parapipe.protocol.relay.runtime.RelayRuntimeState;
import io.parapipe.protocol.relay.runtime.RuntimeFixture;
import io.parapipe.protocol.relay.runtime.inclusion.CandidateEvent;
import io.parapipe.protocol.testing.ManualContext;
import io.parapipe.protocol.testing.RelayChains;
import io.parapipe.protocol.relay.runtime.inclusion.ErasureCoding;
import io.parapipe.protocol.wire.AvailableDataRequest;
import io.parapipe.protocol.wire.ChunkFetchRequest;
import io.parapipe.protocol.wire.ChunkFetchResponse;
import io.parapipe.protocol.wire.AvailableDataResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Availability recovery for approval checkers, on a block that really included a candidate. */
class AvailabilityRecoveryTest {
  private static final ParaId PARA = ParaId.of(1);
  private static final PoV POV = new PoV(Hash.fromLong(0x90), 4096, 7, Hash.ZERO);

  private final RelayRuntimeState genesis = RelayChains.genesis(6, 1);
  private final CommittedCandidateReceipt candidate =
      RuntimeFixture.candidate(genesis, PARA, RuntimeFixture.genesisHead(PARA), RuntimeFixture.head(PARA, 1));
  private final RelayRuntimeState backedIn = RuntimeFixture.run(genesis, List.of(),
      List.of(RuntimeFixture.back(genesis, candidate, CoreIndex.of(0), 0))).state();
  private final RelayBlock including = RelayChains.block(
      RuntimeFixture.run(backedIn, RuntimeFixture.bitfields(backedIn, 0), List.of()).state());

  private final ManualContext ctx = new ManualContext(1);
  private final AvailabilityStore store = new AvailabilityStore();
  private final List<String> recovered = new ArrayList<>();
  private final List<String> unavailable = new ArrayList<>();
  private final AvailabilityRecovery recovery = new AvailabilityRecovery(ctx,
      RelayChains.directory(genesis, 5), store, new AvailabilityRecovery.Listener() {
        @Override
        public void onRecovered(Hash block, Hash c, PoV pov) {
          recovered.add(block.equals(including.hash()) + " " + c.equals(candidate.hash()) + " " + pov.sizeBytes());
        }

        @Override
        public void onUnavailable(Hash block, Hash c) {
          unavailable.add(block.equals(including.hash()) + " " + c.equals(candidate.hash()));
        }
      });

  /** The nodes of the backing group, in group order. */
  private List<Integer> backers() {
    RelayRuntimeState s = including.state();
    CandidateEvent.CandidateIncluded included = (CandidateEvent.CandidateIncluded) s.events().get(0);
    List<Integer> out = new ArrayList<>();
    for (ValidatorIndex v : s.validatorGroups().groups().get(included.group().value())) {
      out.add(RelayChains.nodeOf(s, v.value()));
    }
    return out;
  }

  private List<Integer> askedNodes() {
    List<Integer> out = new ArrayList<>();
    for (ManualContext.Sent s : ctx.sent) {
      if (s.message() instanceof ChunkFetchRequest) {
        continue;
      }
      assertThat(s.message()).isInstanceOfSatisfying(AvailableDataRequest.class, r -> {
        assertThat(r.candidateHash()).isEqualTo(candidate.hash());
        // The deadline is the 1.2 s request timeout from when it was sent, no later than now.
        assertThat(r.deadlineMicros()).isBetween(AvailabilityRecovery.REQUEST_TIMEOUT_MICROS,
            ctx.now() + AvailabilityRecovery.REQUEST_TIMEOUT_MICROS);
      });
      out.add(s.to());
    }
    return out;
  }

  private void fireTimeouts() {
    ctx.fireUntil(ctx.now() + AvailabilityRecovery.REQUEST_TIMEOUT_MICROS,
        t -> assertThat(recovery.onTimer(t)).isTrue());
  }

  @Test
  void theBlockReallyIncludesTheCandidate() {
    assertThat(including.state().events()).hasSize(1).first().isInstanceOf(CandidateEvent.CandidateIncluded.class);
    assertThat(backers()).hasSizeGreaterThan(1);
  }

  @Test
  void backersAreAskedInGroupOrderUntilOneAnswers() {
    recovery.onBlockImported(including, including.state());
    recovery.recover(including.hash(), candidate.hash());
    List<Integer> backers = backers();
    assertThat(askedNodes()).containsExactly(backers.get(0));

    fireTimeouts(); // the first backer is silent
    recovery.onResponse(new AvailableDataResponse(candidate.hash(), null)); // the second has nothing
    assertThat(askedNodes()).containsExactlyElementsOf(backers.subList(0, 3));

    recovery.onResponse(new AvailableDataResponse(candidate.hash(), POV));
    assertThat(recovered).containsExactly("true true 4096");
    recovery.onResponse(new AvailableDataResponse(candidate.hash(), POV));
    fireTimeouts();
    assertThat(recovered).hasSize(1);
    assertThat(ctx.sent).hasSize(3);
  }

  @Test
  void aCandidateIncludedInTwoSiblingBlocksIsRecoveredOnceForBoth() {
    // A BABE fork: the primary and the secondary block of a slot include the same candidate.
    // Approval checking of each block asks; both must hear back, or the block whose checkers
    // were not answered never gets approved and finality stops there.
    // The sibling has bitfields from five of the six validators, enough to include it too.
    RelayBlock sibling = RelayChains.block(
        RuntimeFixture.run(backedIn, RuntimeFixture.bitfieldsFrom(backedIn, 5, 0), List.of()).state());
    assertThat(sibling.hash()).isNotEqualTo(including.hash());
    assertThat(sibling.state().events()).containsExactlyElementsOf(including.state().events());
    recovery.onBlockImported(including, including.state());
    recovery.onBlockImported(sibling, backedIn);
    recovery.recover(sibling.hash(), candidate.hash());
    recovery.recover(including.hash(), candidate.hash());
    assertThat(askedNodes()).containsExactly(backers().get(0));
    recovery.onResponse(new AvailableDataResponse(candidate.hash(), POV));
    assertThat(recovered).containsExactly("false true 4096", "true true 4096");
    recovery.recover(sibling.hash(), candidate.hash());
    assertThat(recovered).hasSize(3);
    assertThat(ctx.sent).hasSize(1);
    // A block never imported here is unknown, whatever it included.
    recovery.recover(Hash.fromLong(0x51c), Hash.fromLong(0x51d));
    assertThat(unavailable).containsExactly("false false");
  }

  @Test
  void dataInTheLocalStoreNeedsNoRequest() {
    recovery.onBlockImported(including, including.state());
    store.keepPoV(candidate.hash(), POV, 0);
    recovery.recover(including.hash(), candidate.hash());
    assertThat(recovered).containsExactly("true true 4096");
    assertThat(ctx.sent).isEmpty();
  }

  @Test
  void whenEveryBackerFailsTheRecoveryFallsBackToChunksAndStopsWhenTheyFailToo() {
    recovery.onBlockImported(including, including.state());
    recovery.recover(including.hash(), candidate.hash());
    for (int i = 0; i < backers().size(); i++) {
      fireTimeouts();
    }
    List<ChunkFetchRequest> chunkRequests = chunkRequests();
    int threshold = ErasureCoding.recoveryThreshold(6);
    assertThat(chunkRequests).hasSize(threshold).allMatch(ChunkFetchRequest::recovery);
    // Nobody holds a chunk: every validator but this one is asked, then recovery gives up.
    for (int i = 0; i < 6; i++) {
      ctx.fireUntil(ctx.now() + AvailabilityRecovery.CHUNK_REQUEST_TIMEOUT_MICROS, recovery::onTimer);
    }
    assertThat(chunkRequests()).extracting(ChunkFetchRequest::chunkIndex).doesNotHaveDuplicates()
        .hasSize(5).doesNotContain(selfIndex());
    assertThat(ctx.timers).isEmpty();
    assertThat(unavailable).containsExactly("true true");
    recovery.onResponse(new AvailableDataResponse(candidate.hash(), POV));
    assertThat(recovered).isEmpty();
  }

  @Test
  void aFailedRecoveryIsForgottenSoThatTheNextRequestStartsAfreshFromTheBackers() {
    recovery.onBlockImported(including, including.state());
    recovery.recover(including.hash(), candidate.hash());
    for (int i = 0; i < backers().size(); i++) {
      fireTimeouts();
    }
    for (int i = 0; i < 6; i++) {
      ctx.fireUntil(ctx.now() + AvailabilityRecovery.CHUNK_REQUEST_TIMEOUT_MICROS, recovery::onTimer);
    }
    assertThat(unavailable).containsExactly("true true");
    int before = ctx.sent.size();

    // The retry (approval voting's, a minute later): the first backer is asked again, and this
    // time answers.
    recovery.recover(including.hash(), candidate.hash());
    assertThat(ctx.sent).hasSize(before + 1);
    assertThat(ctx.sent.get(before).to()).isEqualTo(backers().get(0));
    assertThat(ctx.sent.get(before).message()).isInstanceOf(AvailableDataRequest.class);
    recovery.onResponse(new AvailableDataResponse(candidate.hash(), POV));
    assertThat(recovered).containsExactly("true true 4096");
    assertThat(unavailable).hasSize(1);
  }

  @Test
  void aTimerOfAFailedAttemptDoesNotDisturbTheNextOne() {
    recovery.onBlockImported(including, including.state());
    recovery.recover(including.hash(), candidate.hash());
    // The first backer answers empty-handed at once; its timeout stays pending.
    recovery.onResponse(new AvailableDataResponse(candidate.hash(), null));
    while (unavailable.isEmpty()) {
      recovery.onResponse(new AvailableDataResponse(candidate.hash(), null));
      List<ChunkFetchRequest> asked = chunkRequests();
      for (ChunkFetchRequest r : asked) {
        recovery.onChunk(new ChunkFetchResponse(candidate.hash(), r.chunkIndex(), 0, false, true, null));
      }
    }
    int before = ctx.sent.size();
    ctx.setNow(AvailabilityRecovery.REQUEST_TIMEOUT_MICROS / 2);
    recovery.recover(including.hash(), candidate.hash());
    assertThat(ctx.sent).hasSize(before + 1);
    // The first attempt's timeouts fire now: they must not move the new attempt on to the
    // second backer.
    ctx.fireUntil(AvailabilityRecovery.REQUEST_TIMEOUT_MICROS, recovery::onTimer);
    assertThat(ctx.sent).hasSize(before + 1);
    ctx.fireUntil(2 * AvailabilityRecovery.REQUEST_TIMEOUT_MICROS, recovery::onTimer);
    assertThat(ctx.sent).hasSize(before + 2); // its own timeout does
  }

  @Test
  void largeDataIsRecoveredFromChunksSparingTheBackers() {
    int n = 6;
    int threshold = ErasureCoding.recoveryThreshold(n);
    int chunk = AvailabilityRecovery.FETCH_CHUNKS_THRESHOLD_BYTES / threshold + 1;
    PoV big = new PoV(Hash.fromLong(0x91), chunk * threshold, 7, Hash.ZERO);
    store.storeChunk(candidate.hash(), 0, selfIndex(), big, chunk); // our own chunk: the data is about 1 MiB
    recovery.onBlockImported(including, including.state());
    recovery.recover(including.hash(), candidate.hash());
    assertThat(ctx.sent).noneMatch(s -> s.message() instanceof AvailableDataRequest);
    List<ChunkFetchRequest> asked = chunkRequests();
    // Our own chunk counts: one more is needed (which holder first: AvailabilityChunkMappingTest).
    assertThat(asked).hasSize(threshold - 1);
    assertThat(asked.get(0).chunkIndex()).isNotEqualTo(selfIndex());
    recovery.onChunk(new ChunkFetchResponse(candidate.hash(), asked.get(0).chunkIndex(), chunk, true,
        true, big));
    assertThat(recovered).containsExactly("true true " + big.sizeBytes());
  }

  @Test
  void aChunkThatDoesNotComeIsAskedOfTheNextValidator() {
    int threshold = ErasureCoding.recoveryThreshold(6);
    int chunk = AvailabilityRecovery.FETCH_CHUNKS_THRESHOLD_BYTES;
    PoV big = new PoV(Hash.fromLong(0x92), chunk * threshold, 7, Hash.ZERO);
    store.storeChunk(candidate.hash(), 0, selfIndex(), big, chunk);
    recovery.onBlockImported(including, including.state());
    recovery.recover(including.hash(), candidate.hash());
    assertThat(chunkRequests()).hasSize(1); // one chunk is missing (this node holds its own)
    int first = chunkRequests().get(0).chunkIndex();
    recovery.onChunk(new ChunkFetchResponse(candidate.hash(), first, 0, false, true, null));
    // Every response so far failed: upstream's desired count asks for twice the missing chunk.
    assertThat(chunkRequests()).hasSize(3);
    int second = chunkRequests().get(1).chunkIndex();
    assertThat(second).isNotEqualTo(first);
    ctx.fireUntil(ctx.now() + AvailabilityRecovery.CHUNK_REQUEST_TIMEOUT_MICROS, recovery::onTimer);
    assertThat(chunkRequests()).hasSize(5); // both timed out: the last two holders are asked
    recovery.onChunk(new ChunkFetchResponse(candidate.hash(), second, chunk, true, true, big));
    assertThat(recovered).isEmpty(); // too late: that request had timed out
    int fourth = chunkRequests().get(3).chunkIndex();
    recovery.onChunk(new ChunkFetchResponse(candidate.hash(), fourth, chunk, true, true, big));
    assertThat(recovered).hasSize(1);
  }

  @Test
  void eachChunkRequestTimesOutOneTimeoutAfterItWasSentEvenWhenSentLater() {
    int threshold = ErasureCoding.recoveryThreshold(6);
    int chunk = AvailabilityRecovery.FETCH_CHUNKS_THRESHOLD_BYTES;
    PoV big = new PoV(Hash.fromLong(0x93), chunk * threshold, 7, Hash.ZERO);
    store.storeChunk(candidate.hash(), 0, selfIndex(), big, chunk);
    recovery.onBlockImported(including, including.state());
    long start = ctx.now();
    recovery.recover(including.hash(), candidate.hash());
    int first = chunkRequests().get(0).chunkIndex();
    // Half a timeout later the first holder says it has nothing: the next two are asked then
    // (every response failed so far, so twice the missing chunk).
    ctx.fireUntil(start + AvailabilityRecovery.CHUNK_REQUEST_TIMEOUT_MICROS / 2, recovery::onTimer);
    recovery.onChunk(new ChunkFetchResponse(candidate.hash(), first, 0, false, true, null));
    assertThat(chunkRequests()).hasSize(3);
    // The first request's deadline passes with nothing to time out; the others' have not come.
    ctx.fireUntil(start + AvailabilityRecovery.CHUNK_REQUEST_TIMEOUT_MICROS * 3 / 2 - 1,
        recovery::onTimer);
    assertThat(chunkRequests()).hasSize(3);
    // At their own deadline they time out and the last two holders are asked.
    ctx.fireUntil(start + AvailabilityRecovery.CHUNK_REQUEST_TIMEOUT_MICROS * 3 / 2,
        recovery::onTimer);
    assertThat(chunkRequests()).hasSize(5);
  }

  private List<ChunkFetchRequest> chunkRequests() {
    List<ChunkFetchRequest> out = new ArrayList<>();
    for (ManualContext.Sent s : ctx.sent) {
      if (s.message() instanceof ChunkFetchRequest r) {
        out.add(r);
      }
    }
    return out;
  }

  private int selfIndex() {
    return RelayChains.directory(genesis, 5).selfIndex(including.state());
  }

  @Test
  void finalityEndsRecoveriesAndUnknownCandidatesAreUnavailable() {
    recovery.onBlockImported(including, including.state());
    recovery.pruneFinalized(including.number());
    recovery.recover(including.hash(), candidate.hash());
    recovery.recover(including.hash(), Hash.fromLong(77));
    assertThat(ctx.sent).isEmpty();
    assertThat(unavailable).containsExactly("true true", "true false");
    assertThat(recovery.onTimer(new Timer() {})).isFalse();
  }

  @Test
  void requestsAreAnsweredFromTheStore() {
    assertThat(recovery.answer(new AvailableDataRequest(candidate.hash())))
        .isEqualTo(new AvailableDataResponse(candidate.hash(), null));
    store.keepPoV(candidate.hash(), POV, 0);
    assertThat(recovery.answer(new AvailableDataRequest(candidate.hash())))
        .isEqualTo(new AvailableDataResponse(candidate.hash(), POV));
  }
}
