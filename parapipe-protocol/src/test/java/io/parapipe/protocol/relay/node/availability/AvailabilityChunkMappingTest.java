package io.parapipe.protocol.relay.node.availability;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.primitives.CommittedCandidateReceipt;
import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.HostConfiguration;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.primitives.PoV;
import io.parapipe.protocol.primitives.ValidatorIndex;
import io.parapipe.protocol.relay.node.chain.RelayBlock;
import io.parapipe.protocol.relay.node.network.ValidatorDirectory;
import io.parapipe.protocol.relay.runtime.RelayRuntimeState;
import io.parapipe.protocol.relay.runtime.RuntimeFixture;
import io.parapipe.protocol.relay.runtime.inclusion.ErasureCoding;
import io.parapipe.protocol.testing.ManualContext;
import io.parapipe.protocol.testing.RelayChains;
import io.parapipe.protocol.wire.ChunkFetchRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The {@code AvailabilityChunkMapping} node feature (RFC-47, polkadot-sdk PR #1644): with it a
 * validator's chunk of a candidate on core c is {@code (c · systematic + v) mod n}, and approval
 * checkers ask for the systematic chunks first, from whoever holds them for that core; without
 * it the chunk is the validator's index and checkers ask for every chunk in one random order
 * (upstream's {@code FetchChunks}), since systematic recovery would load the first third of the
 * validators with every candidate.
 */
class AvailabilityChunkMappingTest {
  private static final int N = 12; // recovery threshold 4, all of them systematic
  private static final int CORES = 3;
  private static final CoreIndex CORE = CoreIndex.of(2);
  private static final int SYSTEMATIC = ErasureCoding.systematicRecoveryThreshold(N);
  private static final int SHIFT = (2 * SYSTEMATIC) % N;

  private RelayRuntimeState genesis;
  private CommittedCandidateReceipt candidate;
  private RelayRuntimeState backedIn;
  private RelayBlock including;

  private void chain(boolean mapping) {
    HostConfiguration config = RuntimeFixture.config(CORES).withAvailabilityChunkMapping(mapping);
    genesis = RuntimeFixture.genesis(N, config, RelayChains.paras(CORES), 100);
    ParaId para = RelayChains.paras(CORES).get(CORE.value());
    candidate = RuntimeFixture.candidate(genesis, para, RuntimeFixture.genesisHead(para),
        RuntimeFixture.head(para, 1));
    backedIn = RuntimeFixture.run(genesis, List.of(),
        List.of(RuntimeFixture.back(genesis, candidate, CORE, 0))).state();
    including = RelayChains.block(RuntimeFixture.run(backedIn,
        RuntimeFixture.bitfields(backedIn, CORE.value()), List.of()).state());
  }

  private Set<Integer> backers() {
    Set<Integer> out = new HashSet<>();
    RuntimeFixture.groupFor(genesis, CORE, 0).forEach(v -> out.add(v.value()));
    return out;
  }

  /** The chunk requests an approval checker with authority {@code self} sends, in order. */
  private List<ManualContext.Sent> recoveryRequests(int self) {
    ManualContext ctx = new ManualContext(RelayChains.NODE_BASE + self);
    ValidatorDirectory directory = RelayChains.directory(genesis, self);
    AvailabilityStore store = new AvailabilityStore();
    int index = directory.selfIndex(including.state());
    int threshold = ErasureCoding.recoveryThreshold(N);
    int chunk = AvailabilityRecovery.FETCH_CHUNKS_THRESHOLD_BYTES / threshold + 1;
    PoV big = new PoV(Hash.fromLong(0x91), chunk * threshold, 7, Hash.ZERO);
    store.storeChunk(candidate.hash(), 0, ownChunk(index), big, chunk);
    AvailabilityRecovery recovery = new AvailabilityRecovery(ctx, directory, store,
        new AvailabilityRecovery.Listener() {
          @Override
          public void onRecovered(Hash block, Hash c, PoV pov) {}

          @Override
          public void onUnavailable(Hash block, Hash c) {}
        });
    recovery.onBlockImported(including, including.state());
    recovery.recover(including.hash(), candidate.hash());
    List<ManualContext.Sent> out = new ArrayList<>();
    for (ManualContext.Sent s : ctx.sent) {
      if (s.message() instanceof ChunkFetchRequest) {
        out.add(s);
      }
    }
    return out;
  }

  private boolean mapping;

  private int ownChunk(int validator) {
    return mapping ? (validator + SHIFT) % N : validator;
  }

  @Test
  void withTheMappingCheckersAskTheCoresSystematicChunkHoldersFirst() {
    mapping = true;
    chain(true);
    for (int self = 0; self < N; self++) {
      List<ManualContext.Sent> asked = recoveryRequests(self);
      assertThat(asked).isNotEmpty();
      for (ManualContext.Sent s : asked) {
        int c = ((ChunkFetchRequest) s.message()).chunkIndex();
        assertThat(c).isLessThan(SYSTEMATIC);
        // Chunk c of a candidate on core 2 is held by validator (c - 2 · systematic) mod n.
        assertThat(s.to()).isEqualTo(RelayChains.nodeOf(including.state(), Math.floorMod(c - SHIFT, N)));
      }
    }
  }

  @Test
  void withoutTheMappingCheckersAskEveryChunkInOneRandomOrder() {
    mapping = false;
    chain(false);
    Set<Integer> firstAsked = new HashSet<>();
    for (int self = 0; self < N; self++) {
      for (ManualContext.Sent s : recoveryRequests(self)) {
        int c = ((ChunkFetchRequest) s.message()).chunkIndex();
        assertThat(s.to()).isEqualTo(RelayChains.nodeOf(including.state(), c));
        firstAsked.add(c);
      }
    }
    assertThat(firstAsked).anyMatch(c -> c >= SYSTEMATIC);
  }

  @Test
  void withTheMappingAValidatorFetchesTheChunkTheCoreGivesIt() {
    for (boolean on : new boolean[] {false, true}) {
      chain(on);
      int self = 0;
      while (backers().contains(RelayChains.directory(genesis, self).selfIndex(backedIn))) {
        self++;
      }
      ManualContext ctx = new ManualContext(RelayChains.NODE_BASE + self);
      ValidatorDirectory directory = RelayChains.directory(genesis, self);
      new AvailabilityDistribution(ctx, directory, new AvailabilityStore())
          .onBlockImported(RelayChains.block(backedIn));
      int index = directory.selfIndex(backedIn);
      int expected = ErasureCoding.chunkIndex(on, N, CORE, ValidatorIndex.of(index)).value();
      assertThat(ctx.sent).isNotEmpty().allSatisfy(s ->
          assertThat(((ChunkFetchRequest) s.message()).chunkIndex()).isEqualTo(expected));
      assertThat(expected == index).isEqualTo(!on || SHIFT == 0);
    }
  }
}
