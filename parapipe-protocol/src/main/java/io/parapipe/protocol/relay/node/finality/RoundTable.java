package io.parapipe.protocol.relay.node.finality;

import java.util.Arrays;
import java.util.function.LongFunction;

/**
 * The GRANDPA rounds a voter keeps, by round number. A voter keeps a handful at a time (the
 * current round, the few before it that gossip still serves and, briefly, a later one), and looks
 * one up for every vote it imports (V² per round step at scale), so two short arrays scanned in
 * order serve it better than a hash map of boxed round numbers.
 *
 * @param <R> the round state
 */
final class RoundTable<R> {
  private long[] numbers = new long[8];
  private Object[] values = new Object[8];
  private int size;

  /** The round numbered {@code n}, or null. */
  @SuppressWarnings("unchecked")
  R get(long n) {
    for (int i = 0; i < size; i++) {
      if (numbers[i] == n) {
        return (R) values[i];
      }
    }
    return null;
  }

  /** The round numbered {@code n}, made by {@code make} and kept if absent. */
  R getOrCreate(long n, LongFunction<R> make) {
    R r = get(n);
    if (r == null) {
      r = make.apply(n);
      put(n, r);
    }
    return r;
  }

  /** Keeps {@code r} as round {@code n}, replacing any round of that number. */
  void put(long n, R r) {
    for (int i = 0; i < size; i++) {
      if (numbers[i] == n) {
        values[i] = r;
        return;
      }
    }
    if (size == numbers.length) {
      numbers = Arrays.copyOf(numbers, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    numbers[size] = n;
    values[size++] = r;
  }

  /** Forgets every round numbered {@code n} or lower. */
  void removeUpTo(long n) {
    int kept = 0;
    for (int i = 0; i < size; i++) {
      if (numbers[i] > n) {
        numbers[kept] = numbers[i];
        values[kept++] = values[i];
      }
    }
    Arrays.fill(values, kept, size, null);
    size = kept;
  }

  /** Forgets every round. */
  void clear() {
    Arrays.fill(values, 0, size, null);
    size = 0;
  }

  /** How many rounds are kept. */
  int size() {
    return size;
  }
}
