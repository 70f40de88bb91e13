package io.parapipe.sim.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinkCalendarTest {
  @Test
  void aTransferTakesTheFirstGapLongEnough() {
    LinkCalendar c = new LinkCalendar();
    c.ensure(2);
    assertThat(c.find(1, 100, 100, 0)).isEqualTo(100);
    c.reserve(1, 500, 600);
    c.reserve(1, 100, 200); // booked out of order
    assertThat(c.find(1, 0, 100, 0)).isEqualTo(0);
    assertThat(c.find(1, 150, 50, 0)).isEqualTo(200);
    assertThat(c.find(1, 200, 300, 0)).isEqualTo(200); // exactly fills [200, 500)
    assertThat(c.find(1, 250, 300, 0)).isEqualTo(600);
    assertThat(c.find(0, 150, 50, 0)).isEqualTo(150); // another node's link
    c.reserve(1, 200, 500); // joins both neighbours: [100, 600)
    assertThat(c.find(1, 0, 150, 0)).isEqualTo(600);
    assertThat(c.find(1, 0, 100, 0)).isEqualTo(0);
  }

  @Test
  void aStretchFoundFullIsSkippedUntilItsIntervalsAreForgotten() {
    LinkCalendar c = new LinkCalendar();
    c.ensure(1);
    c.reserve(0, 1_000, 1_600);
    c.reserve(0, 1_700, 2_000);
    assertThat(c.find(0, 1_000, 500, 0)).isEqualTo(2_000);
    assertThat(c.find(0, 1_500, 500, 0)).isEqualTo(2_000); // still full: skipped
    assertThat(c.find(0, 1_500, 100, 0)).isEqualTo(1_600); // a shorter one fits the gap
    long later = 2_000 + LinkCalendar.KEEP_MICROS; // both intervals forgotten
    assertThat(c.find(0, 1_000, 500, 0)).isEqualTo(2_000);
    assertThat(c.find(0, 1_500, 500, later)).isEqualTo(1_500);
  }

  @Test
  void manyReservationsStayOrderedAndOldOnesAreForgotten() {
    LinkCalendar c = new LinkCalendar();
    c.ensure(1);
    // Every other 10 µs slot, booked from the latest back.
    for (int i = 99; i >= 0; i--) {
      c.reserve(0, i * 20L, i * 20L + 10);
    }
    assertThat(c.find(0, 0, 10, 0)).isEqualTo(10);
    assertThat(c.find(0, 0, 11, 0)).isEqualTo(1990);
    assertThat(c.find(0, 1005, 5, 0)).isEqualTo(1010);
    long later = 2000 + LinkCalendar.KEEP_MICROS;
    assertThat(c.find(0, 0, 11, later)).isEqualTo(0);
    for (int i = 0; i < 100; i++) {
      c.reserve(0, later + i * 20L, later + i * 20L + 10);
    }
    assertThat(c.find(0, later, 10, later)).isEqualTo(later + 10);
  }
}
