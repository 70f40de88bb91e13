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
 * approvals, fewer than the bound's messages never approve another block, however they are
 * chosen, so a validator woken at that many arrivals is never told late. Blocks: A (three
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

  @Property(tries = 500)
  void fewerMessagesThanTheBoundApproveNothingMore(
      @ForAll @Size(max = 12) List<@IntRange(min = 0, max = 599) Integer> before,
      @ForAll @Size(max = 12) List<@IntRange(min = 0, max = 599) Integer> after) {
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
    // Up to k - 1 further messages, each from a validator that has not approved anything and
    // naming every candidate of its block: the most any message can do.
    int fresh = used.nextClearBit(1);
    for (int i = 0; i < Math.min(k - 1, after.size()); i++) {
      int m = after.get(i);
      apply(voting, fresh, m / 10 % 3, 7);
      used.set(fresh);
      fresh = used.nextClearBit(fresh);
    }
    assertThat(approvedCount(voting)).isEqualTo(approved);
  }
}
