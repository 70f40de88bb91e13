package io.parapipe.sim.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.host.Message;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostBoardTest {
  record Note(String text) implements Message {}

  static long[] arrivals(PostBoard board, long... byNode) {
    long[] row = board.row(byNode.length);
    for (int i = 0; i < byNode.length; i++) {
      if (byNode[i] >= 0) {
        row[i] = byNode[i];
      }
    }
    return row;
  }

  static List<String> take(PostBoard board, int node, long now) {
    List<String> out = new ArrayList<>();
    board.take(node, now, (from, at, m) -> out.add(((Note) m).text()));
    return out;
  }

  @Test
  void aNodeTakesWhatHasReachedItInArrivalOrderAndEachPostOnce() {
    PostBoard board = new PostBoard();
    board.add(new Note("a"), 0, arrivals(board, -1, 30, 5), 1_000, 0);
    board.add(new Note("b"), 0, arrivals(board, -1, 10, 5), 1_000, 0);
    board.add(new Note("c"), 0, arrivals(board, -1, -1, 5), 1_000, 0);
    board.add(new Note("d"), 0, arrivals(board, -1, 10, 5), 1_000, 0);

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
    board.add(new Note("old"), 0, arrivals(board, -1, 10), 50, 0);
    board.add(new Note("new"), 0, arrivals(board, -1, 60), 200, 40);
    assertThat(take(board, 1, 100)).containsExactly("new");
    assertThat(board.size()).isEqualTo(1);
  }

  @Test
  void aPostWhoseShorterLifetimeHasPassedIsNotTakenBehindALongerLivedOne() {
    PostBoard board = new PostBoard();
    board.add(new Note("long"), 0, arrivals(board, -1, 10), 1_000, 0);
    board.add(new Note("short"), 0, arrivals(board, -1, 10), 50, 0);
    assertThat(take(board, 1, 100)).containsExactly("long");
  }

  @Test
  void theBoardGrowsPastItsFirstCapacityWithoutLosingOrder() {
    PostBoard board = new PostBoard();
    for (int i = 0; i < 300; i++) {
      board.add(new Note("n" + i), 0, arrivals(board, -1, 1000 - i), 10_000, i);
      if (i == 150) {
        assertThat(take(board, 1, 900)).hasSize(51).first().isEqualTo("n150");
      }
    }
    List<String> rest = take(board, 1, 5_000);
    assertThat(rest).hasSize(249).first().isEqualTo("n299");
    assertThat(rest).last().isEqualTo("n0");
  }
}
