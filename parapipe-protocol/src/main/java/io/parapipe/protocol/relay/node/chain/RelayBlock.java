package io.parapipe.protocol.relay.node.chain;

import io.parapipe.protocol.primitives.Block;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.relay.runtime.ParasInherentData;
import io.parapipe.protocol.relay.runtime.RelayRuntimeState;

/**
 * A relay block as nodes exchange it: its body (the {@code paras_inherent} data as executed) and
 * the runtime state after it. Execution is deterministic, so the author executes the block once
 * and importers share the resulting immutable state instead of re-executing it.
 *
 * @param state the post-state, which also holds the header and the block's events
 * @param body the inherent data the block contains
 * @param authorNode the authoring node's id (for traces)
 * @param authoredAtMicros when the author sealed it
 * @param primary true if authored on a primary (VRF lottery) BABE claim
 * @param primaryWeight BABE's chain weight: the number of primary blocks from genesis to this one
 *     (sc-consensus-babe's {@code BabeBlockWeight}), what fork choice compares first
 */
public record RelayBlock(RelayRuntimeState state, ParasInherentData body, int authorNode,
    long authoredAtMicros, boolean primary, int primaryWeight) implements Block {

  /** A secondary block of weight 0 (genesis, tests that need no fork choice by weight). */
  public RelayBlock(RelayRuntimeState state, ParasInherentData body, int authorNode,
      long authoredAtMicros) {
    this(state, body, authorNode, authoredAtMicros, false, 0);
  }

  /** The block hash. */
  @Override
  public Hash hash() {
    return state.hash();
  }

  /** The parent's hash. */
  @Override
  public Hash parentHash() {
    return state.parentHash();
  }

  /** The block number. */
  @Override
  public int number() {
    return state.number();
  }

  /** Approximate encoded size: header, bitfields and backed candidates with their votes. */
  @Override
  public int sizeBytes() {
    int cores = state.validatorGroups().count();
    int bitfield = 4 + (cores + 7) / 8 + 64;
    int size = 256 + body.bitfields().size() * bitfield;
    for (var bc : body.backedCandidates()) {
      size += 600 + bc.validityVotes().size() * 65
          + bc.candidate().commitments().headData().size();
    }
    return size;
  }

  /** How {@link BlockTree} reads relay blocks. */
  public static final BlockTree.Shape<RelayBlock> SHAPE = new BlockTree.Shape<>() {
    @Override
    public Hash hash(RelayBlock b) {
      return b.hash();
    }

    @Override
    public Hash parentHash(RelayBlock b) {
      return b.parentHash();
    }

    @Override
    public int number(RelayBlock b) {
      return b.number();
    }

    @Override
    public long weight(RelayBlock b) {
      return b.primaryWeight();
    }
  };
}
