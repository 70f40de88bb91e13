package io.parapipe.protocol.relay.node.prospective;

import io.parapipe.protocol.primitives.ParaId;

/**
 * Why constraint modifications cannot be applied ({@code inclusion_emulator::ModificationError}).
 * Variant names and fields follow upstream.
 */
public sealed interface ModificationError
    permits ModificationError.DisallowedHrmpWatermark,
        ModificationError.NoSuchHrmpChannel,
        ModificationError.HrmpMessagesOverflow,
        ModificationError.HrmpBytesOverflow,
        ModificationError.UmpMessagesOverflow,
        ModificationError.UmpBytesOverflow,
        ModificationError.DmpMessagesUnderflow,
        ModificationError.AppliedNonexistentCodeUpgrade {

  /**
   * The HRMP watermark is not allowed.
   *
   * @param watermark the disallowed block number
   */
  record DisallowedHrmpWatermark(int watermark) implements ModificationError {}

  /**
   * No such outbound HRMP channel.
   *
   * @param paraId the recipient
   */
  record NoSuchHrmpChannel(ParaId paraId) implements ModificationError {}

  /**
   * Too many messages submitted to an HRMP channel.
   *
   * @param paraId the recipient
   * @param messagesRemaining the channel's remaining message capacity
   * @param messagesSubmitted the messages submitted
   */
  record HrmpMessagesOverflow(ParaId paraId, int messagesRemaining, int messagesSubmitted)
      implements ModificationError {}

  /**
   * Too many bytes submitted to an HRMP channel.
   *
   * @param paraId the recipient
   * @param bytesRemaining the channel's remaining byte capacity
   * @param bytesSubmitted the bytes submitted
   */
  record HrmpBytesOverflow(ParaId paraId, int bytesRemaining, int bytesSubmitted)
      implements ModificationError {}

  /**
   * Too many UMP messages.
   *
   * @param messagesRemaining the queue's remaining message capacity
   * @param messagesSubmitted the messages submitted
   */
  record UmpMessagesOverflow(int messagesRemaining, int messagesSubmitted) implements ModificationError {}

  /**
   * Too many UMP bytes.
   *
   * @param bytesRemaining the queue's remaining byte capacity
   * @param bytesSubmitted the bytes submitted
   */
  record UmpBytesOverflow(int bytesRemaining, int bytesSubmitted) implements ModificationError {}

  /**
   * More DMP messages processed than are queued.
   *
   * @param messagesRemaining the messages waiting in the queue
   * @param messagesProcessed the messages processed
   */
  record DmpMessagesUnderflow(int messagesRemaining, int messagesProcessed) implements ModificationError {}

  /** A code upgrade was applied although none is scheduled. */
  record AppliedNonexistentCodeUpgrade() implements ModificationError {}
}
