package io.parapipe.sim.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.host.Message;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The board against a plain model of it: every post kept with its arrival at each node, a take
 * handing over what arrived (and is neither forgotten nor past its lifetime) in arrival order,
 * posting order breaking ties, and a wake request counting, from the moment it is made, the
 * untaken posts then on the board and every post filed after, as the board promises: a condition
 * is met when the weights of the arrivals it counts, in arrival order, add up to its count.
 */
class InboxBoardPropertiesTest {
  private static final int NODES = 4;
  private static final long NEVER = InboxBoard.NEVER;

  record Note(int number) implements Message {}

  private record Post(int number, long[] arrival, long key, long expiry, int weight) {}

  /** One node's request, as the model keeps it: conditions of a key range and a count. */
  private static final class Request {
    final List<long[]> ranges = new ArrayList<>();
    final List<Integer> counts = new ArrayList<>();
    final List<List<long[]>> counted = new ArrayList<>(); // (arrival, weight)

    void condition(long lo, long hi, int k) {
      ranges.add(new long[] {lo, hi});
      counts.add(k);
      counted.add(new ArrayList<>());
    }

    void consider(long key, long a, int weight) {
      for (int c = 0; c < ranges.size(); c++) {
        if (key >= ranges.get(c)[0] && key <= ranges.get(c)[1]) {
          counted.get(c).add(new long[] {a, weight});
        }
      }
    }

    long due() {
      long t = NEVER;
      for (int c = 0; c < ranges.size(); c++) {
        int k = counts.get(c);
        if (k == 0) {
          continue;
        }
        List<long[]> sorted = new ArrayList<>(counted.get(c));
        sorted.sort(Comparator.comparingLong(e -> e[0]));
        long sum = 0;
        for (long[] e : sorted) {
          sum += e[1];
          if (sum >= k) {
            t = Math.min(t, e[0]);
            break;
          }
        }
      }
      return t;
    }
  }

  private final List<Post> posts = new ArrayList<>();
  private final boolean[][] taken = new boolean[NODES][];
  private int first; // posts before this one are forgotten
  private final Request[] requests = new Request[NODES];

  private void forget(long now) {
    while (first < posts.size() && posts.get(first).expiry() < now) {
      first++;
    }
  }

  private boolean live(Post p, long now) {
    return p.number() >= first && p.expiry() >= now;
  }

  private boolean untaken(int node, Post p) {
    return !taken[node][p.number()];
  }

  @Property(tries = 400)
  void theBoardDoesWhatItsModelDoes(@ForAll long seed) {
    new InboxBoardPropertiesTest().run(seed); // the model's state is the instance's: a fresh one
  }

  private void run(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    InboxBoard board = new InboxBoard();
    for (int j = 0; j < NODES; j++) {
      taken[j] = new boolean[4_000];
    }
    long now = 0;
    for (int step = 0; step < 600; step++) {
      now += random.nextInt(4) == 0 ? random.nextLong(300) : 0;
      int op = random.nextInt(10);
      // Now and then a burst, as a round's votes: long runs filed between two takes.
      int burst = random.nextInt(15) == 0 ? 40 + random.nextInt(40) : 1;
      for (int b = 0; op < 5 && b < burst && posts.size() < 4_000; b++) {
        long[] arrival = new long[NODES];
        for (int j = 0; j < NODES; j++) {
          arrival[j] = random.nextInt(8) == 0 ? NEVER : now + random.nextLong(1_000);
        }
        long key = random.nextLong(6);
        long expiry = now + (random.nextInt(3) == 0 ? random.nextLong(500) : 5_000);
        // Mostly weight 1 (votes), now and then more (approvals naming several candidates).
        int weight = random.nextInt(3) == 0 ? 1 + random.nextInt(5) : 1;
        Post p = new Post(posts.size(), arrival, key, expiry, weight);
        posts.add(p);
        board.add(new Note(p.number()), 0, arrival.clone(), NODES, expiry, now, key, weight);
        forget(now);
        for (int j = 0; j < NODES; j++) {
          if (requests[j] != null && arrival[j] != NEVER) {
            requests[j].consider(key, arrival[j], weight);
          }
        }
      }
      if (op < 5) {
        // filed above
      } else if (op < 8) {
        int node = random.nextInt(NODES);
        List<Integer> got = new ArrayList<>();
        List<Long> at = new ArrayList<>();
        board.take(node, now, (from, a, m) -> {
          got.add(((Note) m).number());
          at.add(a);
        });
        forget(now);
        final long t = now;
        List<Post> expected = new ArrayList<>();
        for (Post p : posts) {
          if (untaken(node, p) && p.arrival()[node] != NEVER && p.arrival()[node] <= t
              && live(p, t)) {
            expected.add(p);
          }
        }
        expected.sort(Comparator.comparingLong((Post p) -> p.arrival()[node])
            .thenComparingInt(Post::number));
        assertThat(got).as("step %d: take at %d", step, now)
            .containsExactlyElementsOf(expected.stream().map(Post::number).toList());
        for (Post p : posts) {
          if (p.arrival()[node] != NEVER && p.arrival()[node] <= t) {
            taken[node][p.number()] = true; // handed over, or dropped as forgotten or expired
          }
        }
        requests[node] = null;
      } else {
        int node = random.nextInt(NODES);
        Request r = new Request();
        long due;
        if (random.nextBoolean()) {
          // GRANDPA's form: the k-th post keyed at least fromKey, or the first at least urgentKey.
          long fromKey = random.nextLong(6);
          // Now and then a count past a heap's first capacity, so that heaps grow.
          int k = random.nextInt(4) == 0 ? 60 + random.nextInt(90) : random.nextInt(6);
          long urgentKey = random.nextInt(3) == 0 ? 3 + random.nextLong(3) : NEVER;
          r.condition(fromKey, Long.MAX_VALUE, k);
          if (urgentKey != NEVER) {
            r.condition(urgentKey, Long.MAX_VALUE, 1);
          }
          due = board.request(node, fromKey, k, urgentKey, now);
        } else {
          // Approval voting's form: a count per exact key, several keys (some repeated).
          int n = random.nextInt(5);
          long[] keys = new long[n];
          int[] counts = new int[n];
          for (int c = 0; c < n; c++) {
            keys[c] = random.nextLong(6);
            counts[c] = random.nextInt(4) == 0 ? 60 + random.nextInt(90) : random.nextInt(9);
            r.condition(keys[c], keys[c], counts[c]);
          }
          due = board.request(node, keys, keys, counts, n, now);
        }
        forget(now);
        for (Post p : posts) {
          if (untaken(node, p) && p.arrival()[node] != NEVER && live(p, now)) {
            r.consider(p.key(), p.arrival()[node], p.weight());
          }
        }
        requests[node] = r;
        assertThat(due).as("step %d: request at %d", step, now).isEqualTo(r.due());
      }
      for (int j = 0; j < NODES; j++) {
        long expected = requests[j] == null ? NEVER : requests[j].due();
        if (j < board.wakeAt.length) {
          assertThat(board.wakeAt[j]).as("step %d: node %d's wake", step, j).isEqualTo(expected);
        }
      }
    }
  }
}
