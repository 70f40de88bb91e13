package io.parapipe.sim.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.PriorityQueue;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** The heap gives back what a priority queue of the same pushes gives, across clears. */
class LongHeapPropertiesTest {
  @Property(tries = 200)
  void removesInTheOrderOfAPriorityQueue(@ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    LongHeap heap = new LongHeap();
    PriorityQueue<Long> model = new PriorityQueue<>();
    for (int step = 0; step < 600; step++) {
      int op = random.nextInt(20);
      if (op == 0) {
        heap.clear();
        model.clear();
      } else if (op < 9 && !model.isEmpty()) {
        assertThat(heap.top()).as("step %d", step).isEqualTo(model.peek());
        heap.removeTop();
        model.poll();
      } else {
        // Few distinct values, so that equal entries meet.
        long x = random.nextLong(50);
        heap.push(x);
        model.add(x);
      }
      assertThat(heap.size()).isEqualTo(model.size());
    }
  }
}
