package io.parapipe.protocol.host;

/**
 * Something one node sends another over the (simulated or real) network. The size drives
 * bandwidth-limited transfer time; small control messages keep the default.
 */
public interface Message {
  /** Typical size of a small protocol message (a statement, an advertisement), in bytes. */
  int SMALL = 256;

  /** Bytes on the wire. */
  default int sizeBytes() {
    return SMALL;
  }

  /**
   * When the receiver stops waiting for this message (a request's timeout), or
   * {@link Long#MAX_VALUE}. A request-response substream is reset when the requester's timeout
   * expires: a response that has not started to leave the sender by then is never sent, one
   * that would arrive later is never delivered, and either stops taking the sender's bandwidth
   * from the transfers that are still wanted once the reset reaches it.
   */
  default long deadlineMicros() {
    return Long.MAX_VALUE;
  }
}
