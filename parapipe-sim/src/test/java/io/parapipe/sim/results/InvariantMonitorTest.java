package io.parapipe.sim.results;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.events.BlockFinalized;
import io.parapipe.protocol.events.CandidateIncludedEvent;
import io.parapipe.protocol.events.CandidateSeconded;
import io.parapipe.protocol.events.CandidateValid;
import io.parapipe.protocol.events.ChunkStored;
import io.parapipe.protocol.events.ParaBlockAuthored;
import io.parapipe.protocol.events.RelayBlockAuthored;
import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.HeadData;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.ParaId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The invariant monitor on hand-made event streams: a correct stream passes, and for each
 * invariant one fault injected into the stream makes exactly that invariant fail.
 */
class InvariantMonitorTest {
  static final ParaId PARA = ParaId.of(2000);
  static final Hash GENESIS = Hash.fromLong(1);

  /** A 4-validator network (threshold 3 of 4), 2 backing votes. */
  private final InvariantMonitor m = new InvariantMonitor(4, 2);
  private long t;

  static Hash relay(int n) {
    return Hash.fromLong(1000 + n);
  }

  static Hash fork(int n) {
    return Hash.fromLong(5000 + n);
  }

  static Hash cand(int k) {
    return Hash.fromLong(100 + k);
  }

  static Hash paraBlock(int k) {
    return Hash.fromLong(300 + k);
  }

  private void ev(int node, io.parapipe.protocol.host.ProtocolEvent e) {
    m.onEvent(t++, node, e);
  }

  private void author(Hash hash, int number, Hash parent, List<Hash> backed, List<Hash> included) {
    ev(0, new RelayBlockAuthored(hash, number, number, parent, backed, included, List.of(), 0, 3));
    for (Hash c : included) {
      ev(0, new CandidateIncludedEvent(hash, number, PARA, c, CoreIndex.of(0),
          HeadData.of(new byte[] {1})));
    }
  }

  /** Para block k builds on k − 1, is backed by validators 0 and 1, chunks at 2 and 3. */
  private void paraBlockBackedAndAvailable(int k, int backers, int chunkHolders) {
    ev(10, new ParaBlockAuthored(PARA, k, paraBlock(k), paraBlock(k - 1), 0, GENESIS, cand(k), 0, 0,
        0, 0, 0, "lookahead"));
    for (int v = 0; v < backers; v++) {
      ev(v, v == 0 ? new CandidateSeconded(PARA, cand(k), GENESIS) : new CandidateValid(PARA, cand(k)));
    }
    for (int v = backers; v < backers + chunkHolders; v++) {
      ev(v, new ChunkStored(cand(k)));
    }
  }

  /** Relay #1 backs candidate 1, #2 includes it and backs 2, #3 includes 2; all finalized. */
  private void correctRun() {
    paraBlockBackedAndAvailable(1, 2, 1);
    author(relay(1), 1, GENESIS, List.of(cand(1)), List.of());
    author(relay(2), 2, relay(1), List.of(), List.of(cand(1)));
    paraBlockBackedAndAvailable(2, 2, 1);
    author(relay(3), 3, relay(2), List.of(cand(2)), List.of());
    author(relay(4), 4, relay(3), List.of(), List.of(cand(2)));
    for (int v = 0; v < 4; v++) {
      ev(v, new BlockFinalized(relay(2), 2));
      ev(v, new BlockFinalized(relay(4), 4));
    }
  }

  private List<String> violated() {
    return m.result().violations().stream().map(RunResult.Violation::name).distinct().toList();
  }

  @Test
  void aCorrectRunHasNoViolationAndListsEveryInvariant() {
    correctRun();
    assertThat(m.result().violations()).isEmpty();
    assertThat(m.result().checked()).containsExactlyElementsOf(InvariantMonitor.ALL);
  }

  @Test
  void theSameCandidateIncludedTwiceOnOneChainIsCaught() {
    correctRun();
    author(relay(5), 5, relay(4), List.of(), List.of(cand(2)));
    assertThat(violated()).contains(InvariantMonitor.NO_DOUBLE_INCLUSION);
  }

  @Test
  void theSameCandidateOnTwoForksIsNotADoubleInclusion() {
    paraBlockBackedAndAvailable(1, 2, 1);
    author(relay(1), 1, GENESIS, List.of(cand(1)), List.of());
    author(relay(2), 2, relay(1), List.of(), List.of(cand(1)));
    author(fork(2), 2, relay(1), List.of(), List.of(cand(1)));
    assertThat(m.result().violations()).isEmpty();
  }

  @Test
  void aCandidateIncludedWithoutBackingIsCaught() {
    paraBlockBackedAndAvailable(1, 2, 1);
    author(relay(1), 1, GENESIS, List.of(), List.of());
    author(relay(2), 2, relay(1), List.of(), List.of(cand(1)));
    assertThat(violated()).containsExactly(InvariantMonitor.BACKED_FIRST);
  }

  @Test
  void aCandidateBackedByTooFewStatementsIsCaught() {
    paraBlockBackedAndAvailable(1, 1, 2);
    author(relay(1), 1, GENESIS, List.of(cand(1)), List.of());
    author(relay(2), 2, relay(1), List.of(), List.of(cand(1)));
    assertThat(violated()).containsExactly(InvariantMonitor.BACKED_FIRST);
  }

  @Test
  void aCandidateIncludedBeforeASupermajorityHeldChunksIsCaught() {
    paraBlockBackedAndAvailable(1, 2, 0);
    author(relay(1), 1, GENESIS, List.of(cand(1)), List.of());
    author(relay(2), 2, relay(1), List.of(), List.of(cand(1)));
    assertThat(violated()).containsExactly(InvariantMonitor.AVAILABLE_FIRST);
  }

  @Test
  void aParaBlockThatDoesNotBuildOnTheLastIncludedOneIsCaught() {
    paraBlockBackedAndAvailable(1, 2, 1);
    author(relay(1), 1, GENESIS, List.of(cand(1)), List.of());
    author(relay(2), 2, relay(1), List.of(), List.of(cand(1)));
    // para block 3 claims block 2 as its parent, but block 1 was the last included
    ev(10, new ParaBlockAuthored(PARA, 3, paraBlock(3), paraBlock(2), 0, GENESIS, cand(3), 0, 0, 0,
        0, 0, "lookahead"));
    ev(0, new CandidateSeconded(PARA, cand(3), GENESIS));
    ev(1, new CandidateValid(PARA, cand(3)));
    ev(2, new ChunkStored(cand(3)));
    author(relay(3), 3, relay(2), List.of(cand(3)), List.of());
    author(relay(4), 4, relay(3), List.of(), List.of(cand(3)));
    assertThat(violated()).containsExactly(InvariantMonitor.PARA_CHAIN_LINKS);
  }

  @Test
  void finalizingTwoConflictingBlocksIsCaught() {
    correctRun();
    author(fork(3), 3, relay(2), List.of(), List.of());
    author(fork(4), 4, fork(3), List.of(), List.of());
    author(fork(5), 5, fork(4), List.of(), List.of());
    ev(3, new BlockFinalized(fork(5), 5));
    assertThat(violated()).containsExactly(InvariantMonitor.NO_CONFLICTING_FINALITY);
  }

  @Test
  void finalityGoingBackwardsIsCaught() {
    correctRun();
    ev(2, new BlockFinalized(relay(2), 2));
    assertThat(violated()).containsExactly(InvariantMonitor.FINALITY_MONOTONIC);
  }

  @Test
  void aNodeRestartedWithItsStateLostStartsItsFinalityOver() {
    correctRun();
    // A fresh node finalizes from genesis again: no step backwards.
    ev(2, new io.parapipe.sim.NodeRestarted(true));
    ev(2, new BlockFinalized(relay(2), 2));
    assertThat(violated()).isEmpty();
    // One that kept its state did not start over.
    ev(3, new io.parapipe.sim.NodeRestarted(false));
    ev(3, new BlockFinalized(relay(2), 2));
    assertThat(violated()).containsExactly(InvariantMonitor.FINALITY_MONOTONIC);
  }

  @Test
  void aLongRunIsCheckedWhileTheMonitorForgetsWhatLiesDeepBelowFinality() {
    // 300 para blocks, each backed in relay block 2j − 1 and included in 2j; one more candidate
    // per para block is seconded and never backed.
    for (int j = 1; j <= 300; j++) {
      paraBlockBackedAndAvailable(j, 2, 1);
      ev(0, new CandidateSeconded(PARA, Hash.fromLong(20_000 + j), GENESIS));
      author(relay(2 * j - 1), 2 * j - 1, j == 1 ? GENESIS : relay(2 * j - 2), List.of(cand(j)),
          List.of());
      author(relay(2 * j), 2 * j, relay(2 * j - 1), List.of(), List.of(cand(j)));
      for (int v = 0; v < 4; v++) {
        ev(v, new BlockFinalized(relay(2 * j), 2 * j));
      }
    }
    assertThat(m.result().violations()).isEmpty();
    int kept = InvariantMonitor.KEPT_BELOW_FINALITY;
    // Blocks #344..#600, and the candidates seen since #343 was authored (two per two blocks).
    assertThat(m.rememberedBlocks()).isEqualTo(kept + 1);
    assertThat(m.rememberedCandidates()).isBetween(kept, kept + 4);
    // The checks still hold on what is remembered: a candidate included again is caught.
    author(relay(601), 601, relay(600), List.of(), List.of(cand(300)));
    assertThat(violated()).contains(InvariantMonitor.NO_DOUBLE_INCLUSION);
  }

  @Test
  void aLateNodesFinalityIsCheckedAgainstTheWholeFinalizedChain() {
    for (int n = 1; n <= 600; n++) {
      author(relay(n), n, n == 1 ? GENESIS : relay(n - 1), List.of(), List.of());
      ev(0, new BlockFinalized(relay(n), n));
    }
    author(fork(10), 10, relay(9), List.of(), List.of());
    ev(3, new BlockFinalized(relay(10), 10)); // deep below what the monitor remembers
    assertThat(m.result().violations()).isEmpty();
    ev(2, new BlockFinalized(fork(10), 10));
    assertThat(violated()).containsExactly(InvariantMonitor.NO_CONFLICTING_FINALITY);
  }
}
