package io.parapipe.protocol.primitives;

import java.util.Arrays;
import java.util.Optional;

/**
 * {@code UMPSignal}: a message a para sends to the relay chain after the {@code UMP_SEPARATOR} in
 * its upward messages ({@code polkadot/primitives/src/vstaging/mod.rs}). SCALE-encoded as an enum:
 * variant 0 {@code SelectCore(CoreSelector, ClaimQueueOffset)}, variant 1
 * {@code ApprovedPeer(BoundedVec<u8, 64>)}.
 */
public sealed interface UmpSignal {
  /** The SCALE encoding, as the para runtime pushes it into its upward messages. */
  byte[] encode();

  /**
   * {@code SelectCore}: commits the candidate to the core {@code selector} picks among the para's
   * cores at claim-queue depth {@code offset} from its relay parent.
   *
   * @param selector the core selector
   * @param offset the claim queue offset
   */
  record SelectCore(CoreSelector selector, ClaimQueueOffset offset) implements UmpSignal {
    @Override
    public byte[] encode() {
      return new byte[] {0, (byte) selector.value(), (byte) offset.value()};
    }
  }

  /**
   * {@code ApprovedPeer}: a peer id whose reputation the para promotes (the relay runtime only
   * checks that it decodes and is not duplicated).
   *
   * @param peerId at most 64 bytes
   */
  record ApprovedPeer(byte[] peerId) implements UmpSignal {
    /** Bound of {@code ApprovedPeerId}. */
    public static final int MAX_LEN = 64;

    /** Copies the bytes and checks the bound. */
    public ApprovedPeer {
      if (peerId.length > MAX_LEN) {
        throw new IllegalArgumentException("ApprovedPeerId holds at most 64 bytes: " + peerId.length);
      }
      peerId = peerId.clone();
    }

    /** A copy of the peer id. */
    @Override
    public byte[] peerId() {
      return peerId.clone();
    }

    @Override
    public byte[] encode() {
      return new ScaleWriter().u8(1).bytes(peerId).toByteArray();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ApprovedPeer p && Arrays.equals(p.peerId, peerId);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(peerId);
    }

    @Override
    public String toString() {
      return "ApprovedPeer(0x" + Hex.encode(peerId) + ")";
    }
  }

  /**
   * {@code UMPSignal::decode} from the start of a message; as with SCALE's {@code Decode::decode},
   * bytes after the value are not looked at. Empty if the bytes are not an {@code UMPSignal}.
   */
  static Optional<UmpSignal> decode(byte[] message) {
    ScaleReader r = new ScaleReader(message);
    Optional<Integer> variant = r.u8();
    if (variant.isEmpty()) {
      return Optional.empty();
    }
    switch (variant.get()) {
      case 0: {
        Optional<Integer> selector = r.u8();
        Optional<Integer> offset = r.u8();
        if (selector.isEmpty() || offset.isEmpty()) {
          return Optional.empty();
        }
        return Optional.of(new SelectCore(new CoreSelector(selector.get()), new ClaimQueueOffset(offset.get())));
      }
      case 1: {
        Optional<Long> len = r.compactU32();
        if (len.isEmpty() || len.get() > ApprovedPeer.MAX_LEN) {
          return Optional.empty();
        }
        return r.fixedBytes(len.get().intValue()).map(ApprovedPeer::new);
      }
      default:
        return Optional.empty();
    }
  }
}
