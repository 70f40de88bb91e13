package io.parapipe.sim.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parapipe.protocol.host.Message;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Keyed posts filed per receiver, and wakes at the k-th arrival. */
class InboxBoardTest {
  record Note(String text) implements Message {}

  private static final long NEVER = InboxBoard.NEVER;

  /** A post to nodes 0..n-1 arriving at the given times ({@code -1}: never). */
  private static void post(InboxBoard board, String text, long key, long now, long... byNode) {
    long[] row = new long[byNode.length];
    for (int i = 0; i < byNode.length; i++) {
      row[i] = byNode[i] < 0 ? NEVER : byNode[i];
    }
    board.add(new Note(text), 0, row, row.length, 1_000_000, now, key, 1);
  }

  private static List<String> take(InboxBoard board, int node, long now) {
    List<String> out = new ArrayList<>();
    board.take(node, now, (from, at, m) -> out.add(((Note) m).text()));
    return out;
  }

  @Test
  void aNodeTakesWhatReachedItInArrivalOrderOnceAndPostingOrderBreaksTies() {
    InboxBoard board = new InboxBoard();
    post(board, "a", 1, 0, -1, 30, 5);
    post(board, "b", 1, 0, -1, 10, 5);
    post(board, "c", 1, 0, -1, -1, 5);
    post(board, "d", 1, 0, -1, 10, 5);
    assertThat(take(board, 1, 9)).isEmpty();
    assertThat(take(board, 1, 20)).containsExactly("b", "d");
    assertThat(take(board, 1, 30)).containsExactly("a");
    assertThat(take(board, 1, 100)).isEmpty();
    assertThat(take(board, 2, 100)).containsExactly("a", "b", "c", "d");
    assertThat(take(board, 0, 100)).as("the sender's slot is never").isEmpty();
  }

  @Test
  void aWakeComesAtTheKthArrivalOfAPostKeyedHighEnoughAndMovesEarlierWhenAPostBeatsIt() {
    InboxBoard board = new InboxBoard();
    post(board, "low key", 1, 0, 5, -1);
    post(board, "a", 2, 0, 40, -1);
    post(board, "b", 2, 0, 30, -1);
    assertThat(board.request(0, 2, 2, NEVER, 0)).as("the 2nd of a and b").isEqualTo(40);
    post(board, "c", 3, 10, 20, -1);
    assertThat(board.movedCount).isEqualTo(1);
    assertThat(board.moved[0]).isZero();
    assertThat(board.wakeAt[0]).as("c and b are the first two now").isEqualTo(30);
    post(board, "d", 3, 10, 35, -1);
    assertThat(board.movedCount).as("d comes after the 2nd").isZero();
    assertThat(board.wakeAt[0]).isEqualTo(30);
  }

  @Test
  void aWeightedConditionIsMetWhenTheArrivalsWeightsReachItsCount() {
    InboxBoard board = new InboxBoard();
    // Approvals naming 2, 1 and 3 candidates of block 7, arriving at 40, 20 and 60.
    board.add(new Note("two"), 0, new long[] {40}, 1, 1_000_000, 0, 7, 2);
    board.add(new Note("one"), 0, new long[] {20}, 1, 1_000_000, 0, 7, 1);
    long[] key = {7};
    assertThat(board.request(0, key, key, new int[] {3}, 1, 0)).as("1 by 20, 3 by 40")
        .isEqualTo(40);
    assertThat(board.request(0, key, key, new int[] {4}, 1, 0)).as("3 are on their way")
        .isEqualTo(NEVER);
    board.add(new Note("three"), 0, new long[] {60}, 1, 1_000_000, 0, 7, 3);
    assertThat(board.wakeAt[0]).isEqualTo(60);
    board.add(new Note("three early"), 0, new long[] {10}, 1, 1_000_000, 0, 7, 3);
    assertThat(board.wakeAt[0]).as("3 by 10, 4 by 20: the latest two are not needed")
        .isEqualTo(20);
    assertThatThrownBy(() -> board.add(new Note("none"), 0, new long[] {5}, 1, 1_000_000, 0, 7, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weight");
  }

  @Test
  void anUrgentPostWakesOnItsOwnAndTakingDropsTheRequest() {
    InboxBoard board = new InboxBoard();
    post(board, "a", 2, 0, 40);
    assertThat(board.request(0, 2, 3, 5, 0)).as("3 not yet on their way").isEqualTo(NEVER);
    post(board, "far ahead", 5, 0, 70);
    assertThat(board.wakeAt[0]).isEqualTo(70);
    board.wakeHandle[0] = 99;
    assertThat(board.clearRequest(0)).isEqualTo(99);
    post(board, "later", 6, 0, 50);
    assertThat(board.movedCount).as("no request, no wake").isZero();
    assertThat(take(board, 0, 100)).containsExactly("a", "later", "far ahead");
  }

  @Test
  void postsPastTheirLifetimeAreNeitherTakenNorCounted() {
    InboxBoard board = new InboxBoard();
    board.add(new Note("old"), 0, new long[] {10}, 1, 50, 0, 1, 1);
    board.add(new Note("new"), 0, new long[] {60}, 1, 200, 40, 1, 1);
    assertThat(board.request(0, 0, 2, NEVER, 100)).isEqualTo(NEVER);
    assertThat(take(board, 0, 100)).containsExactly("new");
  }

  /**
   * Whatever is posted, taken and asked for, in any order, a node's wake is due exactly at the
   * earliest of: the k-th earliest arrival among its untaken posts keyed at least {@code fromKey},
   * and the earliest among those keyed at least {@code urgentKey}. The engine fires the wake
   * there, so this is what makes a voter woken by the board act when it would have acted on the
   * arrival of each vote.
   */
  @Property(tries = 300)
  void theWakeIsTheKthUntakenArrival(
      @ForAll @Size(min = 1, max = 120) List<@IntRange(min = 0, max = 1_000_000) Integer> ops) {
    int nodes = 3;
    InboxBoard board = new InboxBoard();
    List<long[]> model = new ArrayList<>(); // per post: key, then each node's arrival (or NEVER)
    List<boolean[]> taken = new ArrayList<>();
    long[] fromKey = new long[nodes];
    int[] k = new int[nodes];
    long[] urgentKey = new long[nodes];
    Arrays.fill(urgentKey, NEVER);
    long now = 0;
    for (int op : ops) {
      now += op % 7;
      int node = (op / 7) % nodes;
      switch ((op / 21) % 3) {
        case 0 -> {
          long key = (op / 63) % 4;
          long[] row = new long[nodes];
          for (int j = 0; j < nodes; j++) {
            int d = (op / (189 * (j + 1))) % 40;
            row[j] = d < 4 ? NEVER : now + d;
          }
          board.add(new Note("p" + model.size()), 0, row, nodes, NEVER / 2, now, key, 1);
          long[] m = new long[nodes + 1];
          m[0] = key;
          System.arraycopy(row, 0, m, 1, nodes);
          model.add(m);
          taken.add(new boolean[nodes]);
        }
        case 1 -> {
          final long at = now;
          board.take(node, now, (from, arrivedAt, msg) -> { });
          for (int p = 0; p < model.size(); p++) {
            if (model.get(p)[node + 1] <= at) {
              taken.get(p)[node] = true;
            }
          }
          k[node] = 0;
          urgentKey[node] = NEVER;
        }
        default -> {
          fromKey[node] = (op / 63) % 4;
          k[node] = (op / 252) % 4;
          urgentKey[node] = (op / 1008) % 5 == 4 ? NEVER : (op / 1008) % 5;
          board.request(node, fromKey[node], k[node], urgentKey[node], now);
        }
      }
      for (int j = 0; j < nodes; j++) {
        List<Long> counted = new ArrayList<>();
        long urgent = NEVER;
        for (int p = 0; p < model.size(); p++) {
          long a = model.get(p)[j + 1];
          if (a == NEVER || taken.get(p)[j]) {
            continue;
          }
          if (model.get(p)[0] >= fromKey[j]) {
            counted.add(a);
          }
          if (model.get(p)[0] >= urgentKey[j]) {
            urgent = Math.min(urgent, a);
          }
        }
        counted.sort(null);
        long expected = urgent;
        if (k[j] > 0 && counted.size() >= k[j]) {
          expected = Math.min(expected, counted.get(k[j] - 1));
        }
        if (k[j] == 0 && urgentKey[j] == NEVER) {
          expected = NEVER;
        }
        long actual = j < board.wakeAt.length ? board.wakeAt[j] : NEVER;
        assertThat(actual).as("node %d after %d ops", j, model.size()).isEqualTo(expected);
      }
    }
  }
}
