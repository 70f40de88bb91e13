package io.parapipe.sim.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.host.Message;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostBoardTest {
  record Note(String text) implements Message {}

  static long[] arrivals(PostBoard board, long... byNode) {
    long[] row = new long[byNode.length];
    java.util.Arrays.fill(row, PostBoard.NEVER);
    for (int i = 0; i < byNode.length; i++) {
      if (byNode[i] >= 0) {
        row[i] = byNode[i];
      }
    }
    return row;
  }

  /** Posts {@code note} from node 0 at {@code now}; a negative arrival is never. */
  static void post(PostBoard board, Note note, long expiresAt, long now, long... byNode) {
    board.add(note, 0, arrivals(board, byNode), byNode.length, expiresAt, now);
  }

  static List<String> take(PostBoard board, int node, long now) {
    List<String> out = new ArrayList<>();
    board.take(node, now, (from, at, m) -> out.add(((Note) m).text()));
    return out;
  }

  @Test
  void aNodeTakesWhatHasReachedItInArrivalOrderAndEachPostOnce() {
    PostBoard board = new PostBoard();
    post(board, new Note("a"), 1_000, 0, -1, 30, 5);
    post(board, new Note("b"), 1_000, 0, -1, 10, 5);
    post(board, new Note("c"), 1_000, 0, -1, -1, 5);
    post(board, new Note("d"), 1_000, 0, -1, 10, 5);

    assertThat(take(board, 1, 9)).isEmpty();
    assertThat(take(board, 1, 20)).as("equal arrivals in posting order").containsExactly("b", "d");
    assertThat(take(board, 1, 25)).isEmpty();
    assertThat(take(board, 1, 30)).containsExactly("a");
    assertThat(take(board, 1, 100)).isEmpty();
    assertThat(take(board, 2, 100)).as("another node has its own view").containsExactly("a", "b", "c", "d");
    assertThat(take(board, 0, 100)).as("the sender gets nothing").isEmpty();
  }

  @Test
  void postsPastTheirLifetimeAreForgottenUnread() {
    PostBoard board = new PostBoard();
    post(board, new Note("old"), 50, 0, -1, 10);
    post(board, new Note("new"), 200, 40, -1, 60);
    assertThat(take(board, 1, 100)).containsExactly("new");
    assertThat(board.size()).isEqualTo(1);
  }

  @Test
  void aPostWhoseShorterLifetimeHasPassedIsNotTakenBehindALongerLivedOne() {
    PostBoard board = new PostBoard();
    post(board, new Note("long"), 1_000, 0, -1, 10);
    post(board, new Note("short"), 50, 0, -1, 10);
    assertThat(take(board, 1, 100)).containsExactly("long");
  }

  @Test
  void theBoardGrowsPastItsFirstCapacityWithoutLosingOrder() {
    PostBoard board = new PostBoard();
    for (int i = 0; i < 300; i++) {
      post(board, new Note("n" + i), 10_000, i, -1, 1000 - i);
      if (i == 150) {
        assertThat(take(board, 1, 900)).hasSize(51).first().isEqualTo("n150");
      }
    }
    List<String> rest = take(board, 1, 5_000);
    assertThat(rest).hasSize(249).first().isEqualTo("n299");
    assertThat(rest).last().isEqualTo("n0");
  }

  @Test
  void theRowOfAnExpiredPostBehindALongerLivedOneIsLetGoByTheNextTake() {
    PostBoard board = new PostBoard();
    post(board, new Note("manifest"), 1_000, 0, -1, 10, 10);
    post(board, new Note("bitfield"), 50, 0, -1, 10, 10);
    assertThat(board.rowsKept()).isEqualTo(2);
    assertThat(take(board, 1, 100)).containsExactly("manifest");
    assertThat(board.size()).as("still behind the manifest").isEqualTo(2);
    assertThat(board.rowsKept()).isEqualTo(1);
    assertThat(take(board, 2, 100)).containsExactly("manifest");
  }

  @Test
  void arrivalsAreExactFarIntoARunAndOnesPastTheLifetimeNeverCome() {
    PostBoard board = new PostBoard();
    long t = 3_600_000_000_000L; // a thousand hours in
    post(board, new Note("x"), t + 1_000, t, -1, t + 7, t + 2_000);
    assertThat(take(board, 1, t + 6)).isEmpty();
    assertThat(take(board, 1, t + 7)).containsExactly("x");
    assertThat(take(board, 2, t + 1_000)).isEmpty();
    assertThat(take(board, 2, t + 5_000)).isEmpty();
  }
}
