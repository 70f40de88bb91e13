package io.parapipe.protocol.para.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.primitives.HeadData;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Invariants of block execution over random block sequences. */
class RuntimeProperties {

  /** The heads of our chain so far, genesis first. */
  private static List<HeadData> history(ParachainState genesis) {
    List<HeadData> l = new ArrayList<>();
    l.add(genesis.headData());
    return l;
  }

  @Property(tries = 100)
  void segmentNeverExceedsCapacityAndMatchesSizeAfterIncluded(
      @ForAll @IntRange(min = 1, max = 5) int capacity,
      @ForAll @IntRange(min = 0, max = 3) int velocity,
      @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 0, max = 6) Integer> steps) {
    ParachainRuntimeConfig c = ParachainRuntimeConfig.asyncBackingTemplate().withCapacity(capacity).withVelocity(velocity);
    ParachainState state = ParachainState.genesis(Blocks.PARA, c, 1);
    List<HeadData> chain = history(state);
    int rp = 1;
    long relaySlot = 100;
    for (int step : steps) {
      // step % 2: whether the relay chain advances; step / 2: how many of our newest blocks are
      // still unincluded at the relay parent.
      if (step % 2 == 1) {
        rp++;
        relaySlot++;
      }
      int lag = Math.min(step / 2, chain.size() - 1);
      HeadData included = chain.get(chain.size() - 1 - lag);
      int expectedAfter = state.unincludedSegment().withLastHeadHash(state.headHash()).sizeAfterIncluded(included.hash());
      BlockOutcome o = ParachainRuntime.executeBlock(state, Blocks.lookahead(state, rp, relaySlot, Optional.of(included)));
      if (o instanceof BuiltBlock b) {
        ParachainState child = b.state();
        assertThat(child.unincludedSegment().size()).isLessThanOrEqualTo(capacity);
        assertThat(child.unincludedSegment().size()).isEqualTo(expectedAfter + 1);
        assertThat(child.aggregatedUnincludedSegment()).isPresent();
        state = child;
        chain.add(child.headData());
      } else {
        String m = ((RuntimePanic) o).message();
        assertThat(m).satisfiesAnyOf(
            x -> assertThat(x).startsWith("authored blocks limit is reached for the slot"),
            x -> assertThat(x).isEqualTo("no space left for the block in the unincluded segment"));
        if (m.startsWith("no space left")) {
          assertThat(expectedAfter).isGreaterThanOrEqualTo(capacity);
        }
      }
    }
  }

  @Property(tries = 100)
  void withH2AtMostVelocityPlusOneBlocksPerRelaySlot(
      @ForAll @IntRange(min = 0, max = 4) int velocity,
      @ForAll @Size(min = 1, max = 60) List<@IntRange(min = 0, max = 3) Integer> advances) {
    ParachainRuntimeConfig c = ParachainRuntimeConfig.asyncBackingTemplate().withCapacity(100).withVelocity(velocity);
    ParachainState state = ParachainState.genesis(Blocks.PARA, c, 1);
    int rp = 1;
    long relaySlot = 100;
    TreeMap<Long, Integer> built = new TreeMap<>();
    for (int a : advances) {
      // Advance the relay chain only on 0 (so that several attempts share a slot).
      if (a == 0) {
        rp++;
        relaySlot++;
      }
      // The parent is always included: capacity never binds.
      BlockOutcome o = ParachainRuntime.executeBlock(state,
          Blocks.lookahead(state, rp, relaySlot, Optional.of(state.headData())));
      if (o instanceof BuiltBlock b) {
        state = b.state();
        built.merge(relaySlot, 1, Integer::sum);
      } else {
        assertThat(((RuntimePanic) o).message()).startsWith("authored blocks limit is reached for the slot");
        assertThat(built.get(relaySlot)).isEqualTo(Math.max(velocity, 1) + 1);
      }
    }
    assertThat(built.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(Math.max(velocity, 1) + 1));
  }

  @Property(tries = 100)
  void canBuildUponAgreesWithExecutionForTheVelocityRule(
      @ForAll @IntRange(min = 1, max = 4) int capacity,
      @ForAll @IntRange(min = 0, max = 2) int velocity,
      @ForAll @Size(min = 1, max = 30) List<@IntRange(min = 0, max = 5) Integer> steps) {
    // The client asks can_build_upon before building; whenever the runtime says yes, executing the
    // block must not panic. (When the parent is the included block the client does not ask the
    // runtime at all, upstream's step 2, so nothing is promised then.)
    ParachainRuntimeConfig c = ParachainRuntimeConfig.asyncBackingTemplate().withCapacity(capacity).withVelocity(velocity);
    ParachainState state = ParachainState.genesis(Blocks.PARA, c, 1);
    List<HeadData> chain = history(state);
    int rp = 1;
    long relaySlot = 100;
    for (int step : steps) {
      if (step % 2 == 1) {
        rp++;
        relaySlot++;
      }
      int lag = Math.min(step / 2, chain.size() - 1);
      HeadData included = chain.get(chain.size() - 1 - lag);
      boolean parentIncluded = included.hash().equals(state.headHash());
      boolean allowed = ParachainRuntime.canBuildUpon(state, included.hash(), relaySlot);
      BlockOutcome o = ParachainRuntime.executeBlock(state, Blocks.lookahead(state, rp, relaySlot, Optional.of(included)));
      if (allowed && !parentIncluded) {
        assertThat(o).isInstanceOf(BuiltBlock.class);
      }
      if ((allowed || parentIncluded) && o instanceof BuiltBlock b) {
        state = b.state();
        chain.add(state.headData());
      }
    }
  }
}
