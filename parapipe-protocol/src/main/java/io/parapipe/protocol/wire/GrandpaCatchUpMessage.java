package io.parapipe.protocol.wire;

import java.util.List;

/**
 * A GRANDPA catch-up answer (upstream {@code CatchUp}): a completed round's supermajorities of
 * prevotes and precommits, from which the requester completes that round and joins the next.
 */
public record GrandpaCatchUpMessage(long setId, long round,
    List<GrandpaCommitMessage.SignedVote> prevotes, List<GrandpaCommitMessage.SignedVote> precommits,
    int validator) implements GrandpaMessage {
  @Override
  public int sizeBytes() {
    return 64 + 132 * (prevotes.size() + precommits.size());
  }
}
