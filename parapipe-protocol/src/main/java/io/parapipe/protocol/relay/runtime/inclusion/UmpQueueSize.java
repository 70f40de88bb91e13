package io.parapipe.protocol.relay.runtime.inclusion;

/**
 * {@code relay_dispatch_queue_size(para)}: messages and bytes a para has queued upward.
 *
 * @param count messages
 * @param bytes total bytes
 */
public record UmpQueueSize(int count, int bytes) {
  /** An empty queue. */
  public static final UmpQueueSize EMPTY = new UmpQueueSize(0, 0);

  /** The queue after adding messages. */
  public UmpQueueSize plus(int messages, int totalBytes) {
    return new UmpQueueSize(count + messages, bytes + totalBytes);
  }
}
