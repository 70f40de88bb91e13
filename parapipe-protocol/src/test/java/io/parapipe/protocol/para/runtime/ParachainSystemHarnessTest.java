package io.parapipe.protocol.para.runtime;

import static io.parapipe.protocol.para.runtime.Blocks.built;
import static io.parapipe.protocol.para.runtime.Blocks.panic;
import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.para.runtime.segment.MessagingStateSnapshot;
import io.parapipe.protocol.primitives.HeadData;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Ports of the unincluded-segment tests of {@code cumulus/pallets/parachain-system/src/tests.rs}
 * (reference §11.2) on a harness shaped like upstream's {@code BlockTests} ({@code src/mock.rs}):
 * genesis head #0; block {@code n} uses relay parent number {@code n}; the included head is the
 * block popped from a queue of length {@code inclusion_delay}, or the block just built when the
 * delay is 0; the consensus hook is a fixed capacity; {@code AnyRelayNumber}.
 */
class ParachainSystemHarnessTest {
  /** Upstream's {@code BlockTests}. */
  static final class BlockTests {
    ParachainState state;
    final int inclusionDelay;
    final Deque<HeadData> pendingBlocks = new ArrayDeque<>();
    HeadData includedParaHead;
    UnaryOperator<RelayChainStateProof> sproof = UnaryOperator.identity();

    BlockTests(int capacity, int inclusionDelay, ParachainSystemRevision revision) {
      ParachainRuntimeConfig c = ParachainRuntimeConfig.asyncBackingTemplate()
          .withConsensusHook(ConsensusHookKind.FIXED_CAPACITY).withCapacity(capacity)
          .withRelayNumberPolicy(RelayNumberPolicy.ANY_RELAY_NUMBER).withParachainSystemRevision(revision);
      state = ParachainState.genesis(Blocks.PARA, c, 1);
      this.inclusionDelay = inclusionDelay;
      includedParaHead = state.headData();
    }

    BlockOutcome add(int n, UnaryOperator<BlockInputs> withinBlock) {
      BlockInputs in = Blocks.inputs(n, n, n, n * 6000L, Optional.of(includedParaHead));
      in = new BlockInputs(in.paraSlot(), in.timestampMs(), in.relayParentNumber(), in.relayParentHash(),
          in.relayParentStorageRoot(), sproof.apply(in.proof()), in.consumedWeight(), in.authorDisabled(),
          in.upwardMessages(), in.horizontalMessages(), in.coreInfo(), in.newRuntimeConfig());
      BlockOutcome o = ParachainRuntime.executeBlock(state, withinBlock.apply(in));
      if (o instanceof BuiltBlock b) {
        state = b.state();
        HeadData head = state.headData();
        if (inclusionDelay > 0) {
          pendingBlocks.addLast(head);
          if (pendingBlocks.size() > inclusionDelay) {
            includedParaHead = pendingBlocks.removeFirst();
          }
        } else {
          includedParaHead = head;
        }
      }
      return o;
    }

    BlockOutcome add(int n) {
      return add(n, UnaryOperator.identity());
    }
  }

  @Test
  void unincluded_segment_works() {
    BlockTests t = new BlockTests(10, 1, ParachainSystemRevision.P1);
    built(t.add(1));
    assertThat(t.state.unincludedSegment().size()).isEqualTo(1);
    assertThat(t.state.aggregatedUnincludedSegment()).isPresent();
    built(t.add(2));
    assertThat(t.state.unincludedSegment().size()).isEqualTo(2);
    built(t.add(3));
    // Block 1 was popped from the segment, the len is still 2.
    assertThat(t.state.unincludedSegment().size()).isEqualTo(2);
  }

  @Test
  void unincluded_segment_is_limited() {
    BlockTests t = new BlockTests(1, 2, ParachainSystemRevision.P1);
    built(t.add(1));
    assertThat(t.state.unincludedSegment().size()).isEqualTo(1);
    assertThat(t.state.aggregatedUnincludedSegment()).isPresent();
    // The previous block wasn't included yet.
    assertThat(panic(t.add(2))).isEqualTo("no space left for the block in the unincluded segment");
  }

  @Test
  void unincluded_segment_is_limited_p2_message() {
    BlockTests t = new BlockTests(1, 2, ParachainSystemRevision.P2);
    built(t.add(1));
    assertThat(panic(t.add(2)))
        .isEqualTo("No space left for the block in the unincluded segment: new_len(1) < capacity(1)");
  }

  @Test
  void send_upward_message_num_per_candidate() {
    BlockTests t = new BlockTests(1, 0, ParachainSystemRevision.P1);
    t.sproof = p -> p.withMessageLimits(1, p.hrmpMaxMessageNumPerCandidate());
    byte[] first = "Mr F was here".getBytes();
    byte[] second = "message 2".getBytes();
    ParachainState one = built(t.add(1, in -> in.withMessages(List.of(first, second), List.of())));
    assertThat(one.commitments().upwardMessages()).containsExactly(first);
    ParachainState two = built(t.add(2));
    assertThat(two.commitments().upwardMessages()).containsExactly(second);
    // Block 1 was included at block 2's relay parent and dropped: only block 2 is in the segment,
    // and the aggregate holds block 2's message alone.
    assertThat(two.unincludedSegment().size()).isEqualTo(1);
    assertThat(two.aggregatedUnincludedSegment().orElseThrow().usedBandwidth().umpMsgCount()).isEqualTo(1);
    assertThat(two.aggregatedUnincludedSegment().orElseThrow().usedBandwidth().umpTotalBytes())
        .isEqualTo(second.length);
  }

  @Test
  void send_upward_message_relay_bottleneck() {
    BlockTests t = new BlockTests(1, 0, ParachainSystemRevision.P1);
    t.sproof = p -> p.withMessageLimits(2, p.hrmpMaxMessageNumPerCandidate())
        .withMessagingState(t.state.blockNumber() == 0
            ? MessagingStateSnapshot.ump(0, 2048) // relay block 1: queue full by count
            : MessagingStateSnapshot.ump(1, 2048)); // relay block 2: room for one
    byte[] msg = new byte[8];
    ParachainState one = built(t.add(1, in -> in.withMessages(List.of(msg), List.of())));
    assertThat(one.commitments().upwardMessages()).isEmpty();
    assertThat(one.pendingUpwardMessages()).hasSize(1);
    ParachainState two = built(t.add(2));
    assertThat(two.commitments().upwardMessages()).containsExactly(msg);
    assertThat(two.pendingUpwardMessages()).isEmpty();
  }
}
