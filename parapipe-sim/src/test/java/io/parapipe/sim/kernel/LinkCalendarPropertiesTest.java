package io.parapipe.sim.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The calendar's search, with its knowledge of stretches too full for a transfer, finds what a
 * search over every interval finds, under the use drawn exchanges make of it: searches of a few
 * lengths from a present that moves on, most of them booked at once, some only in part (a
 * transfer cut off at its deadline).
 */
class LinkCalendarPropertiesTest {
  private static final long[] LENGTHS = {1, 240, 250, 1_000};

  /**
   * A calendar searched the plain way: every interval, forgetting those that ended long ago.
   * Touching intervals are joined, as the calendar joins them (so one that ends within the
   * forgetting horizon keeps an older one it touches).
   */
  private static final class Plain {
    final List<long[]> intervals = new ArrayList<>();

    void reserve(long start, long end) {
      long[] joined = {start, end};
      intervals.removeIf(iv -> {
        if (iv[1] == joined[0]) {
          joined[0] = iv[0];
          return true;
        }
        if (iv[0] == joined[1]) {
          joined[1] = iv[1];
          return true;
        }
        return false;
      });
      intervals.add(joined);
    }

    long find(long earliest, long length, long now) {
      intervals.removeIf(iv -> iv[1] <= now - LinkCalendar.KEEP_MICROS);
      if (length == 0) {
        return earliest;
      }
      long s = earliest;
      boolean moved = true;
      while (moved) {
        moved = false;
        for (long[] iv : intervals) {
          if (iv[0] < s + length && iv[1] > s) {
            s = iv[1];
            moved = true;
          }
        }
      }
      return s;
    }
  }

  @Property(tries = 200)
  void findsWhatASearchOfEveryIntervalFinds(@ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    LinkCalendar calendar = new LinkCalendar();
    calendar.ensure(2);
    Plain[] plain = {new Plain(), new Plain()};
    long now = 0;
    for (int step = 0; step < 400; step++) {
      if (random.nextInt(10) == 0) {
        now += random.nextLong(60_000);
      }
      int node = random.nextInt(2);
      // Now and then from before the forgetting horizon, where forgotten intervals left room.
      long earliest = random.nextInt(5) == 0
          ? now - random.nextLong(2 * LinkCalendar.KEEP_MICROS) : now + random.nextLong(20_000);
      long length = LENGTHS[random.nextInt(LENGTHS.length)];
      long found = calendar.find(node, earliest, length, now);

      assertThat(found).as("step %d", step).isEqualTo(plain[node].find(earliest, length, now));
      if (random.nextInt(5) > 0) {
        long end = random.nextInt(4) == 0 ? found + 1 + random.nextLong(length) : found + length;
        calendar.reserve(node, found, end);

        plain[node].reserve(found, end);
      }
    }
  }
}
