package io.parapipe.protocol.para.runtime;

import static io.parapipe.protocol.para.runtime.Blocks.built;
import static io.parapipe.protocol.para.runtime.Blocks.inputs;
import static io.parapipe.protocol.para.runtime.Blocks.lookahead;
import static io.parapipe.protocol.para.runtime.Blocks.panic;
import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.para.runtime.segment.MessagingStateSnapshot;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.HeadData;
import io.parapipe.protocol.primitives.Weight;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Scenario tests of whole block executions: the misconfigurations of reference §9 produce the
 * upstream panic, the pallet_aura unit tests (§11.7), and the FRAME order.
 */
class RuntimeScenarioTest {
  static final ParachainRuntimeConfig TEMPLATE = ParachainRuntimeConfig.asyncBackingTemplate();

  static ParachainState genesis(ParachainRuntimeConfig c) {
    return ParachainState.genesis(Blocks.PARA, c, 1);
  }

  static Optional<HeadData> head(ParachainState s) {
    return Optional.of(s.headData());
  }

  // ---- pallet_aura (substrate/frame/aura/src/tests.rs)

  @Test
  void pallet_requires_slot_to_increase_unless_allowed() {
    ParachainState g = genesis(TEMPLATE.withAllowMultipleBlocksPerSlot(false).withCapacity(5));
    ParachainState one = built(ParachainRuntime.executeBlock(g, inputs(1, 1, 1, 6000, head(g))));
    assertThat(panic(ParachainRuntime.executeBlock(one, inputs(2, 1, 1, 6000, head(g)))))
        .isEqualTo("Slot must increase");
  }

  @Test
  void pallet_can_allow_unchanged_slot() {
    ParachainState g = genesis(TEMPLATE.withAllowMultipleBlocksPerSlot(true).withCapacity(5));
    ParachainState one = built(ParachainRuntime.executeBlock(g, inputs(1, 1, 1, 6000, head(g))));
    ParachainState two = built(ParachainRuntime.executeBlock(one, inputs(2, 1, 1, 6000, head(g))));
    assertThat(two.currentSlot()).isEqualTo(1);
    // ... but never a lower one.
    assertThat(panic(ParachainRuntime.executeBlock(two, inputs(3, 1, 0, 0, head(g)))))
        .isEqualTo("Slot must not decrease");
  }

  @Test
  void disabled_validators_cannot_author_blocks() {
    ParachainState g = ParachainState.genesis(Blocks.PARA, TEMPLATE, 4);
    // slot 1 should be authored by validator at index 1
    BlockInputs in = inputs(1, 1, 1, 6000, head(g)).withAuthorDisabled(true);
    assertThat(panic(ParachainRuntime.executeBlock(g, in)))
        .isEqualTo("Validator with index 1 is disabled and should not be attempting to author blocks.");
  }

  // ---- misconfiguration scenarios (reference §9)

  @Test
  void twelveSecondSlotTwoBlocksInOneSlotWithoutMultipleBlocksPerSlot() {
    // 12 s Aura slot, velocity 2, AllowMultipleBlocksPerSlot = false (polkadot-sdk#2607).
    ParachainRuntimeConfig c = TEMPLATE.withAuraSlotDurationMs(12000).withVelocity(2)
        .withAllowMultipleBlocksPerSlot(false).withMinimumPeriodMs(6000);
    ParachainState g = genesis(c);
    // Relay slot 10 (60 s): para slot 5. Relay slot 11 (66 s): still para slot 5.
    ParachainState one = built(ParachainRuntime.executeBlock(g, lookahead(g, 1, 10, head(g))));
    assertThat(one.currentSlot()).isEqualTo(5);
    assertThat(panic(ParachainRuntime.executeBlock(one, lookahead(one, 2, 11, head(g)))))
        .isEqualTo("Slot must increase");
  }

  @Test
  void strictRelayNumberRejectsASecondBlockOnTheSameRelayParent() {
    ParachainRuntimeConfig c = TEMPLATE.withRelayNumberPolicy(RelayNumberPolicy.RELAY_NUMBER_STRICTLY_INCREASES);
    ParachainState g = genesis(c);
    ParachainState one = built(ParachainRuntime.executeBlock(g, lookahead(g, 5, 10, head(g))));
    assertThat(panic(ParachainRuntime.executeBlock(one, lookahead(one, 5, 10, head(g)))))
        .isEqualTo("Relay chain block number needs to strictly increase between Parachain blocks!");
    // Monotonic accepts it, but not a lower relay parent.
    ParachainState m = genesis(TEMPLATE);
    ParachainState m1 = built(ParachainRuntime.executeBlock(m, lookahead(m, 5, 10, head(m))));
    ParachainState m2 = built(ParachainRuntime.executeBlock(m1, lookahead(m1, 5, 10, head(m))));
    assertThat(m2.lastRelayChainBlockNumber()).isEqualTo(5);
    assertThat(panic(ParachainRuntime.executeBlock(m2, lookahead(m2, 4, 10, head(m)))))
        .isEqualTo("Relay chain block number needs to monotonically increase between Parachain blocks!");
  }

  @Test
  void strictRelayNumberRejectsRelayParentZeroAtGenesis() {
    ParachainState g = genesis(TEMPLATE.withRelayNumberPolicy(RelayNumberPolicy.RELAY_NUMBER_STRICTLY_INCREASES));
    assertThat(panic(ParachainRuntime.executeBlock(g, lookahead(g, 0, 10, head(g)))))
        .startsWith("Relay chain block number needs to strictly increase");
  }

  @Test
  void minimumPeriodOfHalfASlotRejectsASecondBlockInTheSlot() {
    ParachainRuntimeConfig c = TEMPLATE.withMinimumPeriodMs(TEMPLATE.auraSlotDurationMs() / 2);
    ParachainState g = genesis(c);
    ParachainState one = built(ParachainRuntime.executeBlock(g, lookahead(g, 5, 10, head(g))));
    assertThat(panic(ParachainRuntime.executeBlock(one, lookahead(one, 5, 10, head(g)))))
        .isEqualTo("Timestamp must increment by at least <MinimumPeriod> between sequential blocks");
    // The next relay slot is 6 s later: fine.
    built(ParachainRuntime.executeBlock(one, lookahead(one, 6, 11, head(g))));
  }

  @Test
  void capacityOneWithAnUnincludedParentHitsTheCapacityAssertion() {
    ParachainState g = genesis(TEMPLATE.withCapacity(1));
    ParachainState one = built(ParachainRuntime.executeBlock(g, lookahead(g, 5, 10, head(g))));
    // Block 1 is not included yet at relay parent 6.
    assertThat(panic(ParachainRuntime.executeBlock(one, lookahead(one, 6, 11, head(g)))))
        .isEqualTo("no space left for the block in the unincluded segment");
    // Once it is, the next block fits.
    ParachainState two = built(ParachainRuntime.executeBlock(one, lookahead(one, 7, 12, head(one))));
    assertThat(two.unincludedSegment().size()).isEqualTo(1);
  }

  @Test
  void velocityExceededPanicsOnTheThirdBlockOfARelaySlotWithVelocityOne() {
    ParachainState g = genesis(TEMPLATE.withCapacity(5));
    ParachainState s = g;
    for (int i = 0; i < 2; i++) {
      s = built(ParachainRuntime.executeBlock(s, lookahead(s, 5, 10, head(g))));
    }
    assertThat(s.auraExt().relaySlotInfo()).hasValue(new SlotInfo(10, 2));
    assertThat(panic(ParachainRuntime.executeBlock(s, lookahead(s, 5, 10, head(g)))))
        .isEqualTo("authored blocks limit is reached for the slot: relay_chain_slot=Slot(10), authored=2, velocity=1");
  }

  @Test
  void expectParentIncludedRequiresTheParentToBeTheIncludedHead() {
    ParachainRuntimeConfig c = TEMPLATE.withConsensusHook(ConsensusHookKind.EXPECT_PARENT_INCLUDED);
    ParachainState g = genesis(c);
    ParachainState one = built(ParachainRuntime.executeBlock(g, lookahead(g, 5, 10, head(g))));
    assertThat(panic(ParachainRuntime.executeBlock(one, lookahead(one, 6, 11, head(g)))))
        .isEqualTo("assertion `left == right` failed: expected parent to be included\n  left: "
            + g.headHash().toHex() + "\n right: " + one.headHash().toHex());
    // Without a head in the proof the parent is assumed included (old collators).
    ParachainState two = built(ParachainRuntime.executeBlock(one, lookahead(one, 6, 11, Optional.empty())));
    assertThat(two.unincludedSegment().size()).isEqualTo(1);
  }

  @Test
  void velocityHookNeedsTheIncludedHeadInTheProof() {
    ParachainState g = genesis(TEMPLATE);
    assertThat(panic(ParachainRuntime.executeBlock(g, lookahead(g, 5, 10, Optional.empty()))))
        .isEqualTo("included head not present in relay storage proof");
  }

  @Test
  void proofMustMatchTheRelayParentStorageRoot() {
    ParachainState g = genesis(TEMPLATE);
    BlockInputs in = lookahead(g, 5, 10, head(g)).withRelayParentStorageRoot(Hash.fromLong(42));
    assertThat(panic(ParachainRuntime.executeBlock(g, in))).isEqualTo("Invalid relay chain state proof");
  }

  @Test
  void timestampMustLieInTheClaimedSlot() {
    ParachainState g = genesis(TEMPLATE);
    assertThat(panic(ParachainRuntime.executeBlock(g, inputs(5, 10, 10, 66_000, head(g)))))
        .isEqualTo("assertion `left == right` failed: Timestamp slot must match `CurrentSlot`\n"
            + "  left: Slot(10)\n right: Slot(11)");
  }

  @Test
  void paraSlotAheadOfTheRelayDerivedSlotIsRejectedByTheHook() {
    ParachainState g = genesis(TEMPLATE);
    // Para slot 11 (66 s) while the relay parent is in relay slot 10.
    assertThat(panic(ParachainRuntime.executeBlock(g, inputs(5, 10, 11, 66_000, head(g)))))
        .startsWith("Parachain slot is too far in the future: parachain_slot=Slot(11), derived_from_relay_slot=Slot(10)");
  }

  @Test
  void segmentLimitsExceededWhenTheRelayQueueShrinksBelowWhatTheSegmentUsed() {
    ParachainState g = genesis(TEMPLATE);
    byte[] msg = new byte[10];
    BlockInputs first = lookahead(g, 5, 10, head(g)).withMessages(List.of(msg, msg, msg), List.of());
    ParachainState one = built(ParachainRuntime.executeBlock(g, first));
    assertThat(one.commitments().upwardMessages()).hasSize(3);
    // At relay parent 6 block 1 is not included and the queue only has room for 2 messages.
    BlockInputs second = lookahead(one, 6, 11, head(g));
    second = new BlockInputs(second.paraSlot(), second.timestampMs(), 6, second.relayParentHash(),
        second.relayParentStorageRoot(), second.proof().withMessagingState(MessagingStateSnapshot.ump(2, 1000)),
        Weight.ZERO, false, List.of(), List.of(), Optional.empty(), Optional.empty());
    assertThat(panic(ParachainRuntime.executeBlock(one, second))).isEqualTo(
        "unincluded segment limits exceeded: UmpMessagesOverflow { messages_remaining: 2, messages_submitted: 3 }");
  }

  @Test
  void umpIsSentWithinTheSegmentAdjustedBudget() {
    ParachainState g = genesis(TEMPLATE);
    byte[] msg = new byte[10];
    BlockInputs first = lookahead(g, 5, 10, head(g)).withMessages(List.of(msg, msg), List.of());
    BlockInputs firstLimited = new BlockInputs(first.paraSlot(), first.timestampMs(), 5, first.relayParentHash(),
        first.relayParentStorageRoot(), first.proof().withMessagingState(MessagingStateSnapshot.ump(3, 1000)),
        Weight.ZERO, false, List.of(msg, msg), List.of(), Optional.empty(), Optional.empty());
    ParachainState one = built(ParachainRuntime.executeBlock(g, firstLimited));
    assertThat(one.commitments().upwardMessages()).hasSize(2);
    // The same budget at the next relay parent leaves one message for block 2 (2 already used).
    BlockInputs second = lookahead(one, 6, 11, head(g));
    BlockInputs secondLimited = new BlockInputs(second.paraSlot(), second.timestampMs(), 6,
        second.relayParentHash(), second.relayParentStorageRoot(),
        second.proof().withMessagingState(MessagingStateSnapshot.ump(3, 1000)), Weight.ZERO, false,
        List.of(msg, msg), List.of(), Optional.empty(), Optional.empty());
    ParachainState two = built(ParachainRuntime.executeBlock(one, secondLimited));
    assertThat(two.commitments().upwardMessages()).hasSize(1);
    assertThat(two.pendingUpwardMessages()).hasSize(1);
  }

  // ---- FRAME order: which panic wins

  @Test
  void auraSlotCheckWinsOverTheRelayNumberRule() {
    ParachainRuntimeConfig c = TEMPLATE.withAllowMultipleBlocksPerSlot(false)
        .withRelayNumberPolicy(RelayNumberPolicy.RELAY_NUMBER_STRICTLY_INCREASES);
    ParachainState g = genesis(c);
    ParachainState one = built(ParachainRuntime.executeBlock(g, lookahead(g, 5, 10, head(g))));
    assertThat(panic(ParachainRuntime.executeBlock(one, lookahead(one, 5, 10, head(g)))))
        .isEqualTo("Slot must increase");
  }

  @Test
  void relayNumberRuleWinsOverTheVelocityAndCapacityRules() {
    ParachainRuntimeConfig c = TEMPLATE.withCapacity(1)
        .withRelayNumberPolicy(RelayNumberPolicy.RELAY_NUMBER_STRICTLY_INCREASES).withVelocity(0);
    ParachainState g = genesis(c);
    ParachainState s = built(ParachainRuntime.executeBlock(g, lookahead(g, 5, 10, head(g))));
    s = built(ParachainRuntime.executeBlock(s, lookahead(s, 6, 10, head(s))));
    assertThat(panic(ParachainRuntime.executeBlock(s, lookahead(s, 6, 10, head(g)))))
        .startsWith("Relay chain block number needs to strictly increase");
  }

  @Test
  void velocityRuleWinsOverTheCapacityRuleAndTheTimestampRule() {
    ParachainRuntimeConfig c = TEMPLATE.withCapacity(2).withMinimumPeriodMs(3000);
    ParachainState g = genesis(c);
    ParachainState s = built(ParachainRuntime.executeBlock(g, lookahead(g, 5, 10, head(g))));
    s = built(ParachainRuntime.executeBlock(s, lookahead(s, 6, 11, head(g))));
    // Block 3 in relay slot 11 again: velocity (2 of V+1 used) passes, capacity (2 unincluded)
    // fails before the timestamp rule (same timestamp) is reached.
    assertThat(panic(ParachainRuntime.executeBlock(s, lookahead(s, 6, 11, head(g)))))
        .isEqualTo("no space left for the block in the unincluded segment");
  }

  // ---- state bookkeeping

  @Test
  void blockRecordsRelayParentSlotAndDigest() {
    ParachainState g = genesis(TEMPLATE);
    ParachainState one = built(ParachainRuntime.executeBlock(g,
        lookahead(g, 5, 10, head(g)).withConsumedWeight(new Weight(5 * Weight.REF_TIME_PER_SECOND, 1000))));
    assertThat(one.blockNumber()).isEqualTo(1);
    assertThat(one.header().parentHash()).isEqualTo(g.headHash());
    assertThat(one.lastRelayChainBlockNumber()).isEqualTo(5);
    assertThat(one.currentSlot()).isEqualTo(10);
    assertThat(one.timestampNow()).isEqualTo(60_000);
    assertThat(one.header().auraSlot()).hasValue(10);
    assertThat(one.header().relayParent()).hasValue(Blocks.relayHash(5));
    assertThat(one.header().relayParentStorageRoot().orElseThrow().storageRoot()).isEqualTo(Blocks.relayRoot(5));
    assertThat(one.commitments().headData()).isEqualTo(one.headData());
    assertThat(one.commitments().hrmpWatermark()).isEqualTo(5);
    assertThat(one.consumedWeight().refTime()).isEqualTo(TEMPLATE.maximumBlockRefTime());
    assertThat(ParaBlockHeader.decode(one.headData())).hasValue(one.header());
    // Two blocks with different inputs on the same parent differ.
    ParachainState other = built(ParachainRuntime.executeBlock(g, lookahead(g, 6, 11, head(g))));
    assertThat(other.headHash()).isNotEqualTo(one.headHash());
  }

  @Test
  void runtimeUpgradeAppliesToTheChildrenOfTheEnactingBlock() {
    ParachainRuntimeConfig sync = ParachainRuntimeConfig.syncBackingLegacy();
    ParachainState g = genesis(sync);
    // 12 s slots: relay slot 10 → para slot 5.
    ParachainState one = built(ParachainRuntime.executeBlock(g,
        lookahead(g, 5, 10, head(g)).withRuntimeUpgrade(TEMPLATE.withAuraSlotDurationMs(12000))));
    assertThat(one.config().consensusHook()).isEqualTo(ConsensusHookKind.FIXED_VELOCITY);
    // Block 2 runs the new rules: capacity 3 lets it build on the unincluded block 1.
    ParachainState two = built(ParachainRuntime.executeBlock(one, lookahead(one, 6, 11, head(g))));
    assertThat(two.unincludedSegment().size()).isEqualTo(2);
  }

  @Test
  void upgradeFromH1ToH2KillsSlotInfo() {
    ParachainState g = genesis(TEMPLATE.withAuraExtRevision(AuraExtRevision.H1).withUnincludedSegmentApiVersion(1));
    ParachainState one = built(ParachainRuntime.executeBlock(g, lookahead(g, 5, 10, head(g))));
    assertThat(one.auraExt().slotInfo()).hasValue(new SlotInfo(10, 1));
    ParachainState migrated = one.withConfig(TEMPLATE);
    assertThat(migrated.auraExt().slotInfo()).isEmpty();
    assertThat(migrated.config()).isEqualTo(TEMPLATE);
  }

  @Test
  void canBuildUponAtTheParentUsesTheParentsSegment() {
    ParachainState g = genesis(TEMPLATE);
    ParachainState one = built(ParachainRuntime.executeBlock(g, lookahead(g, 5, 10, head(g))));
    ParachainState two = built(ParachainRuntime.executeBlock(one, lookahead(one, 5, 10, head(g))));
    // Included = genesis: blocks 1 and 2 follow; capacity 3 allows a third, but V+1 = 2 blocks
    // were already authored in relay slot 10.
    assertThat(ParachainRuntime.canBuildUpon(two, g.headHash(), 10)).isFalse();
    assertThat(ParachainRuntime.canBuildUpon(two, g.headHash(), 11)).isTrue();
    // Included = block 1: one block follows.
    assertThat(ParachainRuntime.unincludedSegmentSizeAfter(two, one.headHash())).isEqualTo(1);
    // The state's own block has no hash in its segment yet.
    assertThat(ParachainRuntime.unincludedSegmentSizeAfter(two, two.headHash())).isEqualTo(2);
  }
}
