package io.parapipe.protocol.relay.node.availability;

import io.parapipe.protocol.host.ProtocolEvent;
import io.parapipe.protocol.primitives.Hash;

/**
 * A recovery of a candidate's data from erasure chunks ended, with the data or without (not a
 * trace event: for tests and observers comparing how recoveries go).
 *
 * @param candidate the candidate whose data was recovered
 * @param startedAtMicros when the first chunks were asked for
 * @param recovered whether enough chunks came
 */
public record ChunkRecoveryEnded(Hash candidate, long startedAtMicros, boolean recovered)
    implements ProtocolEvent {}
