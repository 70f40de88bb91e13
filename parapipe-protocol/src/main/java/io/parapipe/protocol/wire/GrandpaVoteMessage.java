package io.parapipe.protocol.wire;

import io.parapipe.protocol.host.Message;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.relay.node.finality.GrandpaVoter;

/**
 * A finality vote.
 */
public record GrandpaVoteMessage(long round, GrandpaVoter.Step step, Hash target, int targetNumber, int validator) implements Message {}
