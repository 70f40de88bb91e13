package io.parapipe.protocol.events;

import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.ParaId;
import java.util.List;

/**
 * A validator authored a relay block (emitted by the author).
 *
 * @param hash hash
 * @param number number
 * @param slot slot
 * @param parent parent
 * @param backed backed
 * @param included included
 * @param timedOut timed_out
 * @param bitfields bitfields
 * @param maxCandidateDepth the async backing depth in force at this block (0 = synchronous backing)
 * @param primary true if authored on a primary BABE claim (fork choice counts these)
 */
public record RelayBlockAuthored(Hash hash, int number, long slot, Hash parent, List<Hash> backed, List<Hash> included, List<Hash> timedOut, int bitfields, int maxCandidateDepth, boolean primary) implements TraceEvent {
  /** A secondary block (tests and synthetic runs that need no BABE weight). */
  public RelayBlockAuthored(Hash hash, int number, long slot, Hash parent, List<Hash> backed,
      List<Hash> included, List<Hash> timedOut, int bitfields, int maxCandidateDepth) {
    this(hash, number, slot, parent, backed, included, timedOut, bitfields, maxCandidateDepth, false);
  }

  @Override
  public String type() {
    return "relay_block_authored";
  }

  @Override
  public void writeFields(FieldWriter w) {
    w.field("hash", hash);
    w.field("number", number);
    w.field("slot", slot);
    w.field("parent", parent);
    w.field("backed", backed);
    w.field("included", included);
    w.field("timed_out", timedOut);
    w.field("bitfields", bitfields);
    w.field("max_candidate_depth", maxCandidateDepth);
    w.field("primary", primary);
  }
}
