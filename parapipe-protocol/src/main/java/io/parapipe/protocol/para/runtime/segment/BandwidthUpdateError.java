package io.parapipe.protocol.para.runtime.segment;

import io.parapipe.protocol.primitives.ParaId;

/**
 * Why a segment update was refused ({@code BandwidthUpdateError}). Variant and field names are
 * upstream's; {@link #debug()} renders Rust's {@code Debug} form, which is what upstream's
 * {@code expect("unincluded segment limits exceeded")} prints after the message.
 */
public sealed interface BandwidthUpdateError {
  /** The Rust {@code Debug} rendering, e.g. {@code UmpMessagesOverflow { messages_remaining: 5, messages_submitted: 6 }}. */
  String debug();

  /**
   * Too many messages submitted to an HRMP channel.
   *
   * @param recipient the channel's recipient
   * @param messagesRemaining the channel's message budget
   * @param messagesSubmitted the messages the segment would send
   */
  record HrmpMessagesOverflow(ParaId recipient, long messagesRemaining, long messagesSubmitted)
      implements BandwidthUpdateError {
    @Override
    public String debug() {
      return "HrmpMessagesOverflow { recipient: Id(" + recipient.value() + "), messages_remaining: "
          + messagesRemaining + ", messages_submitted: " + messagesSubmitted + " }";
    }
  }

  /**
   * Too many bytes submitted to an HRMP channel.
   *
   * @param recipient the channel's recipient
   * @param bytesRemaining the channel's byte budget
   * @param bytesSubmitted the bytes the segment would send
   */
  record HrmpBytesOverflow(ParaId recipient, long bytesRemaining, long bytesSubmitted)
      implements BandwidthUpdateError {
    @Override
    public String debug() {
      return "HrmpBytesOverflow { recipient: Id(" + recipient.value() + "), bytes_remaining: "
          + bytesRemaining + ", bytes_submitted: " + bytesSubmitted + " }";
    }
  }

  /**
   * Too many upward messages.
   *
   * @param messagesRemaining the relay dispatch queue's message budget
   * @param messagesSubmitted the messages the segment would send
   */
  record UmpMessagesOverflow(long messagesRemaining, long messagesSubmitted)
      implements BandwidthUpdateError {
    @Override
    public String debug() {
      return "UmpMessagesOverflow { messages_remaining: " + messagesRemaining
          + ", messages_submitted: " + messagesSubmitted + " }";
    }
  }

  /**
   * Too many upward bytes.
   *
   * @param bytesRemaining the relay dispatch queue's byte budget
   * @param bytesSubmitted the bytes the segment would send
   */
  record UmpBytesOverflow(long bytesRemaining, long bytesSubmitted) implements BandwidthUpdateError {
    @Override
    public String debug() {
      return "UmpBytesOverflow { bytes_remaining: " + bytesRemaining + ", bytes_submitted: "
          + bytesSubmitted + " }";
    }
  }

  /**
   * A trunk watermark lower than the segment's latest one.
   *
   * @param submitted the watermark submitted
   * @param latest the segment's latest watermark
   */
  record InvalidHrmpWatermark(int submitted, int latest) implements BandwidthUpdateError {
    @Override
    public String debug() {
      return "InvalidHrmpWatermark { submitted: " + Integer.toUnsignedString(submitted)
          + ", latest: " + Integer.toUnsignedString(latest) + " }";
    }
  }

  /** A second go-ahead signal while the segment already consumed one. */
  record UpgradeGoAheadAlreadyProcessed() implements BandwidthUpdateError {
    @Override
    public String debug() {
      return "UpgradeGoAheadAlreadyProcessed";
    }
  }
}
