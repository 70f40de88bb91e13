package io.parapipe.sim;

import java.util.Comparator;

/**
 * The transfers (messages put on the network, one per receiver) carried by one message type in a
 * run, and their bytes.
 *
 * @param message the message type's simple name (a wire message: {@code ApprovalsMessage},
 *     {@code ChunkFetchResponse}, ...)
 * @param transfers how many
 * @param bytes their bytes
 */
public record Traffic(String message, long transfers, long bytes) {
  /** The message types carrying the most transfers first; ties in name order. */
  public static final Comparator<Traffic> MOST_FIRST =
      Comparator.comparingLong(Traffic::transfers).reversed().thenComparing(Traffic::message);
}
