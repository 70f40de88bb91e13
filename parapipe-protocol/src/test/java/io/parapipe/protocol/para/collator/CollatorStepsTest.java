package io.parapipe.protocol.para.collator;

import static io.parapipe.protocol.para.collator.TestChains.relayHash;
import static io.parapipe.protocol.para.collator.TestChains.relayStateRoot;
import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.para.runtime.AuraExtRevision;
import io.parapipe.protocol.para.runtime.BlockInputs;
import io.parapipe.protocol.para.runtime.BlockOutcome;
import io.parapipe.protocol.para.runtime.BuiltBlock;
import io.parapipe.protocol.para.runtime.ParachainRuntime;
import io.parapipe.protocol.para.runtime.ParachainRuntimeConfig;
import io.parapipe.protocol.para.runtime.ParachainState;
import io.parapipe.protocol.para.runtime.RelayChainStateProof;
import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.HeadData;
import io.parapipe.protocol.primitives.ParaId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The client side of {@code can_build_upon}, the lookahead collator's steps, and the basic collator's guard. */
class CollatorStepsTest {
  static final ParaId PARA = ParaId.of(100);
  static final ParachainRuntimeConfig TEMPLATE = ParachainRuntimeConfig.asyncBackingTemplate();

  final TestChains.Tree tree = new TestChains.Tree();
  final TestChains.Relay relay = new TestChains.Relay();
  final Map<Hash, ParachainState> states = new HashMap<>();

  ParachainState genesis(ParachainRuntimeConfig c, int authorities) {
    ParachainState g = ParachainState.genesis(PARA, c, authorities);
    assertThat(g.header()).isEqualTo(tree.genesis);
    states.put(g.headHash(), g);
    return g;
  }

  RelayBlockInfo relayBlock(int n) {
    return relay.header(relayHash(n)).orElseThrow();
  }

  static SortedMap<CoreIndex, List<ParaId>> claimQueue(ParaId... atDepth0) {
    SortedMap<CoreIndex, List<ParaId>> q = new TreeMap<>();
    for (int i = 0; i < atDepth0.length; i++) {
      q.put(CoreIndex.of(i), List.of(atDepth0[i]));
    }
    return q;
  }

  ParachainState build(BuildOrder order, HeadData included) {
    RelayChainStateProof proof = RelayChainStateProof.of(
        relayStateRoot(order.relayParent().number()), Optional.of(included), order.relayParent().babeSlot());
    ParachainState parent = states.get(order.validationData().parentHead().hash());
    BlockOutcome o = ParachainRuntime.executeBlock(parent, order.toInputs(proof));
    assertThat(o).isInstanceOf(BuiltBlock.class);
    ParachainState s = ((BuiltBlock) o).state();
    tree.importBlock(s.header());
    states.put(s.headHash(), s);
    return s;
  }

  // ---- collators/mod.rs

  /** Port of {@code test_can_build_upon}: fill the segment until the runtime refuses; parent = included is still allowed. */
  @Test
  void test_can_build_upon() {
    ParachainState g = genesis(TEMPLATE.withVelocity(10), 1);
    ParachainState s = g;
    long relaySlot = 100;
    int built = 0;
    while (SlotClaim.canBuildUpon(relaySlot, relaySlot, relaySlot * 6000, s, g.headHash(), i -> true).isPresent()) {
      RelayChainStateProof proof = RelayChainStateProof.of(relayStateRoot(1), Optional.of(g.headData()), relaySlot);
      s = ((BuiltBlock) ParachainRuntime.executeBlock(s,
          BlockInputs.of(relaySlot, relaySlot * 6000, 1, relayHash(1), proof))).state();
      built++;
    }
    assertThat(built).isEqualTo(TEMPLATE.capacity());
    assertThat(ParachainRuntime.canBuildUpon(s, g.headHash(), relaySlot)).isFalse();
    // The parent is the included block: the runtime is not asked.
    assertThat(SlotClaim.canBuildUpon(relaySlot, relaySlot, relaySlot * 6000, s, s.headHash(), i -> true)).isPresent();
  }

  @Test
  void slotIsClaimedOnlyByItsAuraAuthor() {
    ParachainState g = genesis(TEMPLATE, 4);
    assertThat(SlotClaim.claim(9, 54_000, g, i -> i == 1)).hasValue(new SlotClaim(1, 9, 54_000));
    assertThat(SlotClaim.claim(10, 60_000, g, i -> i == 1)).isEmpty();
    assertThat(SlotClaim.canBuildUpon(10, 10, 60_000, g, g.headHash(), i -> i == 1)).isEmpty();
  }

  @Test
  void apiVersionOnePassesTheParaSlot() {
    // H1 runtime with API v1, 12 s para slots: para slot 5 in relay slot 10 and 11.
    ParachainRuntimeConfig h1 = TEMPLATE.withAuraExtRevision(AuraExtRevision.H1)
        .withUnincludedSegmentApiVersion(1).withAuraSlotDurationMs(12000).withVelocity(1);
    ParachainState g = genesis(h1, 1);
    RelayChainStateProof proof = RelayChainStateProof.of(relayStateRoot(1), Optional.of(g.headData()), 10);
    ParachainState s = g;
    for (int i = 0; i < 2; i++) {
      s = ((BuiltBlock) ParachainRuntime.executeBlock(s,
          BlockInputs.of(5, 60_000, 1, relayHash(1), proof))).state();
    }
    // V + 1 = 2 blocks in para slot 5: refused for para slot 5 even in relay slot 11, allowed in 6.
    assertThat(SlotClaim.canBuildUpon(5, 11, 66_000, s, g.headHash(), i -> true)).isEmpty();
    assertThat(SlotClaim.canBuildUpon(6, 12, 72_000, s, g.headHash(), i -> true)).isPresent();
  }

  // ---- lookahead.rs

  @Test
  void lookaheadBuildsAtMostTwoBlocksPerRelayParentAndFillsTheSegment() {
    ParachainState g = genesis(TEMPLATE, 1);
    relay.included.put(relayHash(100), g.headData());
    relay.pending.put(relayHash(100), g.headData());
    LookaheadCollator.Params params = LookaheadCollator.Params.defaults(PARA, 6000);

    LookaheadCollator.Decision d = LookaheadCollator.onRelayBlock(params, relayBlock(100), claimQueue(PARA), tree, relay);
    assertThat(d).isInstanceOf(LookaheadCollator.Round.class);
    LookaheadCollator.Round round = (LookaheadCollator.Round) d;
    assertThat(round.parentHeader()).isEqualTo(g.header());
    assertThat(round.coreIndex()).isEqualTo(CoreIndex.of(0));

    BuildOrder first = round.nextBuild(g, i -> true).orElseThrow();
    assertThat(first.claim()).isEqualTo(new SlotClaim(0, 100, 600_000));
    assertThat(first.allowedPovSize()).isEqualTo((5L << 20) * 85 / 100);
    assertThat(first.validationData().relayParentNumber()).isEqualTo(100);
    ParachainState b1 = build(first, g.headData());
    round = round.afterBuilt(b1.header());
    ParachainState b2 = build(round.nextBuild(b1, i -> true).orElseThrow(), g.headData());
    round = round.afterBuilt(b2.header());
    assertThat(round.nextBuild(b2, i -> true)).as("two blocks per relay parent").isEmpty();

    // Next relay block: nothing included yet; the parent search finds b2 at depth 2.
    relay.included.put(relayHash(101), g.headData());
    relay.pending.put(relayHash(101), g.headData());
    round = (LookaheadCollator.Round) LookaheadCollator.onRelayBlock(params, relayBlock(101), claimQueue(PARA), tree, relay);
    assertThat(round.parentHeader()).isEqualTo(b2.header());
    assertThat(round.parentDepth()).isEqualTo(2);
    ParachainState b3 = build(round.nextBuild(b2, i -> true).orElseThrow(), g.headData());
    round = round.afterBuilt(b3.header());
    // Capacity 3 reached: the runtime refuses a fourth unincluded block.
    assertThat(round.nextBuild(b3, i -> true)).isEmpty();
  }

  @Test
  void lookaheadSkipsWhenNotScheduledOrNoParent() {
    ParachainState g = genesis(TEMPLATE, 1);
    LookaheadCollator.Params params = LookaheadCollator.Params.defaults(PARA, 6000);
    relay.included.put(relayHash(100), g.headData());
    relay.pending.put(relayHash(100), g.headData());
    assertThat(LookaheadCollator.onRelayBlock(params, relayBlock(100), claimQueue(ParaId.of(7)), tree, relay))
        .isEqualTo(new LookaheadCollator.Skip("Para is not scheduled on any core, skipping import notification"));
    // Core 1 is ours: it is the one chosen.
    LookaheadCollator.Decision d = LookaheadCollator.onRelayBlock(params, relayBlock(100),
        claimQueue(ParaId.of(7), PARA), tree, relay);
    assertThat(((LookaheadCollator.Round) d).coreIndex()).isEqualTo(CoreIndex.of(1));
    // Included head unknown locally.
    relay.included.put(relayHash(101), tree.build(tree.genesis, 5).headData());
    relay.pending.put(relayHash(101), g.headData());
    assertThat(LookaheadCollator.onRelayBlock(params, relayBlock(101), claimQueue(PARA), tree, relay))
        .isInstanceOf(LookaheadCollator.Skip.class);
  }

  @Test
  void lookaheadWithF2PicksTheDeepestBlock() {
    ParachainState g = genesis(TEMPLATE, 1);
    relay.included.put(relayHash(100), g.headData());
    relay.pending.put(relayHash(100), g.headData());
    LookaheadCollator.Params params = LookaheadCollator.Params.defaults(PARA, 6000)
        .withMaxPovPercentage(OptionalInt.of(50))
        .withSchedulingLookahead(3)
        .withParentSearch(ParentSearchRevision.F2);
    LookaheadCollator.Round round = (LookaheadCollator.Round) LookaheadCollator.onRelayBlock(
        params, relayBlock(100), claimQueue(PARA), tree, relay);
    BuildOrder o = round.nextBuild(g, i -> true).orElseThrow();
    assertThat(o.allowedPovSize()).isEqualTo((5L << 20) / 2);
    ParachainState b1 = build(o, g.headData());
    relay.included.put(relayHash(101), g.headData());
    relay.pending.put(relayHash(101), g.headData());
    round = (LookaheadCollator.Round) LookaheadCollator.onRelayBlock(params, relayBlock(101), claimQueue(PARA), tree, relay);
    assertThat(round.parentHeader()).isEqualTo(b1.header());
    assertThat(round.parentDepth()).isEqualTo(1);
  }

  @Test
  void deepestIsTheLastPotentialParentOfMaximalDepth() {
    var h = tree.genesis;
    PotentialParent a = new PotentialParent(h.hash(), h, 0, true);
    PotentialParent b = new PotentialParent(relayHash(1), h, 2, true);
    PotentialParent c = new PotentialParent(relayHash(2), h, 2, false);
    assertThat(LookaheadCollator.deepest(List.of(a, b, c))).isEqualTo(c);
    assertThat(LookaheadCollator.allowedPovSize(10_000, OptionalInt.empty())).isEqualTo(8_500);
    assertThat(LookaheadCollator.Params.defaults(PARA, 6000).ancestryLookback()).isEqualTo(2);
  }

  // ---- basic.rs

  @Test
  void basicCollatorProducesOncePerSlotPerRelayFork() {
    BasicCollator.SlotGuard guard = BasicCollator.SlotGuard.initial();
    assertThat(guard.shouldSkip(5, 10)).isFalse();
    guard = guard.processed(5, 10);
    // The next relay block in the same 12 s para slot: skipped.
    assertThat(guard.shouldSkip(5, 11)).isTrue();
    // A fork at the same height (or lower) in the same slot: allowed again.
    assertThat(guard.shouldSkip(5, 10)).isFalse();
    assertThat(guard.shouldSkip(6, 12)).isFalse();
    // The first revision skipped on the slot alone.
    BasicCollator.SlotGuard old = new BasicCollator.SlotGuard(5, 10, false);
    assertThat(old.shouldSkip(5, 10)).isTrue();
  }

  @Test
  void basicCollatorClaimsTheRelayDerivedSlotAndHalfThePov() {
    ParachainState g = genesis(ParachainRuntimeConfig.syncBackingLegacy(), 2);
    // Relay slot 11 at 6 s = 66 s: para slot 5 (12 s slots), author 5 % 2 = 1.
    RelayBlockInfo rp = relayBlock(11);
    assertThat(BasicCollator.claimSlot(rp, 6000, g, i -> i == 1)).hasValue(new SlotClaim(1, 5, 66_000));
    assertThat(BasicCollator.claimSlot(rp, 6000, g, i -> i == 0)).isEmpty();
    assertThat(BasicCollator.allowedPovSize(5 << 20)).isEqualTo((5L << 20) / 2);
  }
}
