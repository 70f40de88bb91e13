package io.parapipe.protocol.relay.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.primitives.CommittedCandidateReceipt;
import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.testing.RelayChains;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A relay block's execution weight grows with what its paras inherent carries. */
class ParasInherentWeightsTest {
  private final RelayRuntimeState genesis = RelayChains.genesis(6, 1);

  @Test
  void anEmptyBlockCostsTheBlockAndTheEmptyInherent() {
    long empty = ParasInherentWeights.blockRefTime(ParasInherentData.empty(genesis.header()), 6);
    assertThat(empty).isEqualTo(ParasInherentWeights.BLOCK_EXECUTION + ParasInherentWeights.ENTER_EMPTY);
    // 5 ms + 0.21 ms + 19 reads and 10 writes: about 6.7 ms of ref_time.
    assertThat(empty / 1_000_000L).isBetween(6_600L, 6_800L);
  }

  @Test
  void bitfieldsAndBackedCandidatesAddTheirBenchmarkedWeight() {
    ParaId para = ParaId.of(1);
    CommittedCandidateReceipt c = RuntimeFixture.candidate(genesis, para, RuntimeFixture.genesisHead(para),
        RuntimeFixture.head(para, 1));
    var backed = RuntimeFixture.back(genesis, c, CoreIndex.of(0), 0);
    var bitfields = RuntimeFixture.bitfields(genesis, 0);
    long empty = ParasInherentWeights.blockRefTime(ParasInherentData.empty(genesis.header()), 6);
    long withBitfields = ParasInherentWeights.blockRefTime(
        new ParasInherentData(bitfields, List.of(), genesis.header()), 6);
    long withCandidate = ParasInherentWeights.blockRefTime(
        new ParasInherentData(List.of(), List.of(backed), genesis.header()), 6);
    assertThat(withBitfields - empty).isEqualTo(
        ParasInherentWeights.ALL_BITFIELDS * Math.min(bitfields.size(), 6) / 6).isPositive();
    assertThat(withCandidate - empty).isEqualTo(ParasInherentWeights.BACKED_CANDIDATE
        + ParasInherentWeights.VALIDITY_VOTE * backed.validityVotes().size());
    // docs/model.md: a candidate with two votes adds about 2.6 ms of ref_time.
    long twoVotes = ParasInherentWeights.BACKED_CANDIDATE + 2 * ParasInherentWeights.VALIDITY_VOTE;
    assertThat(twoVotes / 1_000_000L).isBetween(2_550L, 2_650L);
  }
}
