package io.parapipe.protocol.relay.node.approval;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.primitives.BitVec;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.testing.ManualContext;
import java.util.BitSet;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The wake bound of threshold gossip ({@link ApprovalVoting#approvalsAwaited}) is safe: after any
 * approvals, messages whose weights (the candidates each names) reach no waiting block's count
 * (summed over the messages about blocks of its number, the key approvals are posted under) never
 * approve another block, however they are chosen, and messages about blocks no count names are
 * not limited at all; so a validator woken when the first count is reached is never told late. Nor does finality then approve a
 * block waiting for its parent whose tally was not whole before. Blocks: A (three
 * candidates) and its child B (two) on genesis, and C (one) on a fork; three approvals needed of
 * twenty validators.
 */
class ApprovalsAwaitedPropertiesTest {
  private static final Hash GENESIS = Hash.fromLong(1);
  private static final Hash[] BLOCKS = {Hash.fromLong(2), Hash.fromLong(3), Hash.fromLong(4)};
  private static final int[] SIZES = {3, 2, 1};

  /** One approval message: a validator, a block (0-2), the candidates as bits of a mask. */
  private static void apply(ApprovalVoting voting, int validator, int block, int mask) {
    int size = SIZES[block];
    int[] ones = IntStream.range(0, size).filter(i -> (mask >> i & 1) != 0)
        .toArray();
    if (ones.length > 0) {
      voting.onApprovals(validator, BLOCKS[block], BitVec.of(size, ones));
    }
  }

  private static ApprovalVoting network() {
    ApprovalVoting voting = new ApprovalVoting(new ManualContext(0), 0, 20, 3, 12_000_000, 7,
        GENESIS, new NoApprovalActions());
    voting.onBlockImported(BLOCKS[0], GENESIS, 1, List.of(Hash.fromLong(11), Hash.fromLong(12),
        Hash.fromLong(13)));
    voting.onBlockImported(BLOCKS[1], BLOCKS[0], 2, List.of(Hash.fromLong(21), Hash.fromLong(22)));
    voting.onBlockImported(BLOCKS[2], GENESIS, 1, List.of(Hash.fromLong(31)));
    return voting;
  }

  private static int approvedCount(ApprovalVoting voting) {
    int n = 0;
    for (Hash b : BLOCKS) {
      n += voting.isApproved(b) ? 1 : 0;
    }
    return n;
  }

  private static final int[] NUMBERS = {1, 2, 1};

  @Property(tries = 500)
  void fewerMessagesThanTheBoundApproveNothingMore(
      @ForAll @Size(max = 12) List<@IntRange(min = 0, max = 599) Integer> before,
      @ForAll @Size(max = 24) List<@IntRange(min = 0, max = 599) Integer> after) {
    // A message is encoded as validator (1-19) * 30 + block * 10 + mask (1-7, all bits by bias).
    ApprovalVoting voting = network();
    BitSet used = new BitSet();
    for (int m : before) {
      int validator = 1 + m / 30 % 19;
      used.set(validator);
      apply(voting, validator, m / 10 % 3, m % 10 == 0 ? 7 : m % 8);
    }
    int k = voting.approvalsAwaited();
    int approved = approvedCount(voting);
    if (k == 0) {
      assertThat(approved).as("no block lacks approvals").isEqualTo(3);
      return;
    }
    // Per block number (the key approvals are posted under), the most weight of further messages
    // keyed so that no waiting block's count is reached: less than the least count asked under it.
    int[] allowed = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
    for (int i = 0; i < voting.awaitedBlocks(); i++) {
      int number = (int) voting.awaitedNumbers()[i];
      assertThat(voting.awaitedMissing()[i]).isPositive();
      allowed[number] = Math.min(allowed[number], voting.awaitedMissing()[i] - 1);
    }
    // Further messages, each from a validator that has not approved anything (so that every
    // candidate it names counts, the most a message can do), as long as each number allows its
    // weight.
    int fresh = used.nextClearBit(1);
    int[] sent = new int[3];
    for (int m : after) {
      int block = m / 10 % 3;
      int number = NUMBERS[block];
      int mask = (m % 8 == 0 ? 7 : m % 8) & ((1 << SIZES[block]) - 1);
      int weight = Integer.bitCount(mask);
      if (weight == 0 || sent[number] + weight > allowed[number] || fresh >= 20) {
        continue;
      }
      sent[number] += weight;
      apply(voting, fresh, block, mask);
      used.set(fresh);
      fresh = used.nextClearBit(fresh);
    }
    assertThat(approvedCount(voting)).isEqualTo(approved);
    // Finality reaching A (a commit) approves B at once if B's tally is whole: it must have been
    // whole before, since B's messages stayed below B's count.
    boolean bWhole = bWholeAfter(before);
    voting.pruneFinalized(BLOCKS[0]);
    if (!bWhole) {
      assertThat(voting.isApproved(BLOCKS[1])).as("B, whose tally was not whole").isFalse();
    }
  }

  /** Whether the messages left every candidate of B with three approvals. */
  private static boolean bWholeAfter(List<Integer> messages) {
    BitSet[] approvers = {new BitSet(), new BitSet()};
    for (int m : messages) {
      int mask = m % 10 == 0 ? 7 : m % 8;
      if (m / 10 % 3 == 1) {
        for (int c = 0; c < 2; c++) {
          if ((mask >> c & 1) != 0) {
            approvers[c].set(1 + m / 30 % 19);
          }
        }
      }
    }
    return approvers[0].cardinality() >= 3 && approvers[1].cardinality() >= 3;
  }
}
