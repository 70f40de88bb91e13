package io.parapipe.protocol.primitives;

import java.util.List;
import java.util.Optional;

/**
 * The outputs of validating a candidate ({@code CandidateCommitments}).
 *
 * @param upwardMessages UMP messages; an empty message separates the UMP signals that follow it
 * @param horizontalMessages HRMP messages, strictly ascending by recipient
 * @param newValidationCode a code upgrade, if any
 * @param headData the new para head
 * @param processedDownwardMessages DMP messages consumed
 * @param hrmpWatermark the relay block number up to which HRMP messages were processed
 */
public record CandidateCommitments(
    List<byte[]> upwardMessages,
    List<OutboundHrmpMessage> horizontalMessages,
    Optional<byte[]> newValidationCode,
    HeadData headData,
    int processedDownwardMessages,
    int hrmpWatermark) {

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
    ScaleWriter w = new ScaleWriter();
    writeTo(w);
    return w.blake2b256();
  }
}
