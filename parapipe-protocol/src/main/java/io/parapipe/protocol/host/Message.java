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
}
