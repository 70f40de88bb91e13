package io.parapipe.protocol.wire;

import io.parapipe.protocol.host.Message;
import io.parapipe.protocol.primitives.GrandpaVoteStep;
import io.parapipe.protocol.primitives.Hash;

/**
 * A finality vote.
 */
public record GrandpaVoteMessage(long round, GrandpaVoteStep step, Hash target, int targetNumber, int validator) implements Message {}
