package io.parapipe.protocol.wire;

import io.parapipe.protocol.host.Message;
import java.util.List;

/**
 * Approvals re-sent under aggression (upstream {@code approval-distribution}'s
 * {@code enable_aggression} with {@code Resend::Yes}): every approval the sender knows for
 * unfinalized blocks, packed in one message as upstream packs several approvals into one
 * {@code Approvals} message.
 */
public record ApprovalsResend(List<ApprovalsMessage> approvals) implements Message {
  @Override
  public int sizeBytes() {
    int size = 32;
    for (ApprovalsMessage m : approvals) {
      size += m.sizeBytes();
    }
    return size;
  }
}
