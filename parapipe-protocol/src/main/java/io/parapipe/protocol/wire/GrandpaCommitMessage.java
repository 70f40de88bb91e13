package io.parapipe.protocol.wire;

import io.parapipe.protocol.primitives.Hash;
import java.util.List;

/**
 * A GRANDPA commit (upstream {@code FullCommitMessage}): a round's finalized target with the
 * supermajority of precommits that justifies it. Any node that checks the precommits may finalize
 * the target without having seen the round's votes, which is how lost votes and late joiners
 * recover.
 *
 * @param precommits the justification: one precommit per voter
 * @param validator the authority that sent the commit
 */
public record GrandpaCommitMessage(long setId, long round, Hash target, int targetNumber,
    List<SignedVote> precommits, int validator) implements GrandpaMessage {
  /** One voter's vote inside a commit or catch-up message. */
  public record SignedVote(int validator, Hash target, int targetNumber) {}

  @Override
  public int sizeBytes() {
    // target, round, set id, and per precommit a target, a 64-byte signature and an id
    return 64 + 132 * precommits.size();
  }
}
