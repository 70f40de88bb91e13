package io.parapipe.protocol.primitives;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outputs of validating a candidate ({@code CandidateCommitments}). Immutable; the hash is
 * computed once.
 */
public final class CandidateCommitments {
  /**
   * {@code UMP_SEPARATOR}: the empty upward message after which a candidate's UMP signals follow.
   * A zero-length array cannot be changed, so sharing it is safe.
   */
  public static final byte[] UMP_SEPARATOR = new byte[0];

  private final List<byte[]> upwardMessages;
  private final List<OutboundHrmpMessage> horizontalMessages;
  private final Optional<byte[]> newValidationCode;
  private final HeadData headData;
  private final int processedDownwardMessages;
  private final int hrmpWatermark;
  private Hash hash;

  /**
   * @param upwardMessages UMP messages; an empty message separates the UMP signals that follow it
   * @param horizontalMessages HRMP messages, strictly ascending by recipient
   * @param newValidationCode a code upgrade, if any
   * @param headData the new para head
   * @param processedDownwardMessages DMP messages consumed
   * @param hrmpWatermark the relay block number up to which HRMP messages were processed
   */
  public CandidateCommitments(
      List<byte[]> upwardMessages,
      List<OutboundHrmpMessage> horizontalMessages,
      Optional<byte[]> newValidationCode,
      HeadData headData,
      int processedDownwardMessages,
      int hrmpWatermark) {
    this.upwardMessages = List.copyOf(upwardMessages);
    this.horizontalMessages = List.copyOf(horizontalMessages);
    this.newValidationCode = Objects.requireNonNull(newValidationCode, "newValidationCode");
    this.headData = Objects.requireNonNull(headData, "headData");
    this.processedDownwardMessages = processedDownwardMessages;
    this.hrmpWatermark = hrmpWatermark;
  }

  /** UMP messages (signals after the empty separator). */
  public List<byte[]> upwardMessages() {
    return upwardMessages;
  }

  /** HRMP messages. */
  public List<OutboundHrmpMessage> horizontalMessages() {
    return horizontalMessages;
  }

  /** A code upgrade, if any. */
  public Optional<byte[]> newValidationCode() {
    return newValidationCode;
  }

  /** The new para head. */
  public HeadData headData() {
    return headData;
  }

  /** DMP messages consumed. */
  public int processedDownwardMessages() {
    return processedDownwardMessages;
  }

  /** The HRMP watermark. */
  public int hrmpWatermark() {
    return hrmpWatermark;
  }

  /** The upward messages before the first {@link #UMP_SEPARATOR} ({@code skip_ump_signals}). */
  public static List<byte[]> skipUmpSignals(List<byte[]> upward) {
    List<byte[]> out = new ArrayList<>(upward.size());
    for (byte[] m : upward) {
      if (m.length == 0) {
        break;
      }
      out.add(m);
    }
    return out;
  }

  /**
   * {@code ump_signals()}: the signals after the first separator, at most two and at most one of
   * each kind. Errors: {@code UmpSignalDecode} (a message that is not an {@code UMPSignal}),
   * {@code DuplicateUMPSignal}, {@code TooManyUMPSignals} (checked after the first two decode).
   */
  public UmpSignalCheck umpSignals() {
    Iterator<byte[]> it = upwardMessages.iterator();
    boolean separator = false;
    while (it.hasNext()) {
      if (it.next().length == 0) {
        separator = true;
        break;
      }
    }
    Optional<UmpSignal.SelectCore> selectCore = Optional.empty();
    Optional<UmpSignal.ApprovedPeer> approvedPeer = Optional.empty();
    if (!separator) {
      return new UmpSignalCheck.Valid(CandidateUmpSignals.NONE);
    }
    for (int i = 0; i < 2 && it.hasNext(); i++) {
      Optional<UmpSignal> signal = UmpSignal.decode(it.next());
      if (signal.isEmpty()) {
        return new UmpSignalCheck.Invalid(CommittedCandidateReceiptError.UMP_SIGNAL_DECODE);
      }
      if (signal.get() instanceof UmpSignal.SelectCore s && selectCore.isEmpty()) {
        selectCore = Optional.of(s);
      } else if (signal.get() instanceof UmpSignal.ApprovedPeer p && approvedPeer.isEmpty()) {
        approvedPeer = Optional.of(p);
      } else {
        return new UmpSignalCheck.Invalid(CommittedCandidateReceiptError.DUPLICATE_UMP_SIGNAL);
      }
    }
    if (it.hasNext()) {
      return new UmpSignalCheck.Invalid(CommittedCandidateReceiptError.TOO_MANY_UMP_SIGNALS);
    }
    return new UmpSignalCheck.Valid(new CandidateUmpSignals(selectCore, approvedPeer));
  }

  /** Commitments that only produce a head: no messages, no upgrade. */
  public static CandidateCommitments ofHead(HeadData head, int hrmpWatermark) {
    return new CandidateCommitments(List.of(), List.of(), Optional.empty(), head, 0, hrmpWatermark);
  }

  /** SCALE encoding in field order. */
  public void writeTo(ScaleWriter w) {
    w.compact(upwardMessages.size());
    for (byte[] m : upwardMessages) {
      w.bytes(m);
    }
    w.compact(horizontalMessages.size());
    for (OutboundHrmpMessage m : horizontalMessages) {
      w.u32(m.recipient().value()).bytes(m.data());
    }
    w.optionTag(newValidationCode.isPresent());
    newValidationCode.ifPresent(w::bytes);
    headData.writeTo(w);
    w.u32(processedDownwardMessages);
    w.u32(hrmpWatermark);
  }

  /** BLAKE2b-256 of the SCALE encoding ({@code commitments_hash} in a receipt). */
  public Hash hash() {
    Hash h = hash;
    if (h == null) {
      ScaleWriter w = new ScaleWriter();
      writeTo(w);
      h = w.blake2b256();
      hash = h;
    }
    return h;
  }

  /** Equal commitments have equal encodings, hence equal hashes. */
  @Override
  public boolean equals(Object o) {
    return o instanceof CandidateCommitments c && c.hash().equals(hash());
  }

  @Override
  public int hashCode() {
    return hash().hashCode();
  }

  @Override
  public String toString() {
    return "CandidateCommitments[head=" + headData + ", ump=" + upwardMessages.size() + ", hrmp="
        + horizontalMessages.size() + ", code=" + newValidationCode.map(c -> c.length + "B")
        .orElse("none") + ", dmp=" + processedDownwardMessages + ", watermark=" + hrmpWatermark
        + "]";
  }
}
