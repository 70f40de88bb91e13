package io.parapipe.protocol.wire;

import io.parapipe.protocol.primitives.GrandpaVoteStep;
import io.parapipe.protocol.primitives.Hash;

/**
 * A signed finality vote (upstream {@code finality-grandpa}'s {@code SignedMessage} inside
 * {@code sc-consensus-grandpa}'s {@code VoteMessage}), tagged with the authority set it belongs to.
 *
 * @param setId the authority set id; votes of another set are not counted
 * @param validator the voter's authority index
 */
public record GrandpaVoteMessage(long setId, long round, GrandpaVoteStep step, Hash target,
    int targetNumber, int validator) implements GrandpaMessage {}
