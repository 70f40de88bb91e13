package io.parapipe.sim.network;

import java.util.Arrays;

/**
 * The subscribers of one topic: node ids in ascending order, without duplicates. A read-only view
 * for callers; the {@link Network} changes it through {@code subscribe}/{@code unsubscribe}.
 */
public final class Audience {
  /** Largest number of subscribers of one topic (bounded by the kernel's packed schedule keys). */
  public static final int MAX_SIZE = 1 << 20;

  private int[] members = new int[4];
  private int size;

  Audience() {}

  /** Number of subscribers. */
  public int size() {
    return size;
  }

  /** The {@code i}-th subscriber in ascending id order. */
  public int get(int i) {
    if (i >= size) {
      throw new IndexOutOfBoundsException("index " + i + " of " + size);
    }
    return members[i];
  }

  /** Whether {@code node} subscribes. */
  public boolean contains(int node) {
    return Arrays.binarySearch(members, 0, size, node) >= 0;
  }

  /** A copy of the subscribers in ascending id order. */
  public int[] toArray() {
    return Arrays.copyOf(members, size);
  }

  boolean add(int node) {
    int at = Arrays.binarySearch(members, 0, size, node);
    if (at >= 0) {
      return false;
    }
    if (size == MAX_SIZE) {
      throw new IllegalStateException("a topic can have at most " + MAX_SIZE + " subscribers");
    }
    at = -at - 1;
    if (size == members.length) {
      members = Arrays.copyOf(members, size * 2);
    }
    System.arraycopy(members, at, members, at + 1, size - at);
    members[at] = node;
    size++;
    return true;
  }

  boolean remove(int node) {
    int at = Arrays.binarySearch(members, 0, size, node);
    if (at < 0) {
      return false;
    }
    System.arraycopy(members, at + 1, members, at, size - at - 1);
    size--;
    return true;
  }

  @Override
  public String toString() {
    return Arrays.toString(toArray());
  }
}
