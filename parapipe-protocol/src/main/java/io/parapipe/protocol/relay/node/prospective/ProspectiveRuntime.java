package io.parapipe.protocol.relay.node.prospective;

import io.parapipe.protocol.primitives.AsyncBackingParams;
import io.parapipe.protocol.primitives.BackingState;
import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.primitives.SessionIndex;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;

/**
 * The port through which {@link ProspectiveParachains} reads the relay chain and its runtime (the
 * Chain API and Runtime API requests of upstream {@code lib.rs}). Implementations answer from the
 * node's view of the chain; they must be deterministic and side-effect free.
 */
public interface ProspectiveRuntime {
  /** The block's number and storage root ({@code ChainApiMessage::BlockHeader}); empty if unknown. */
  Optional<RelayChainBlockInfo> blockInfo(Hash block);

  /**
   * Up to {@code k} ancestors of {@code block}, newest first, starting at its parent
   * ({@code ChainApiMessage::Ancestors}).
   */
  List<Hash> ancestors(Hash block, int k);

  /** The session a child of {@code block} would be in ({@code SessionIndexForChild}). */
  SessionIndex sessionIndexForChild(Hash block);

  /**
   * The asynchronous backing parameters at {@code block} ({@code AsyncBackingParams}); empty if the
   * runtime API is not supported, which disables the subsystem for that leaf. {@code {0, 0}} is
   * synchronous backing and still goes through the fragment chain.
   */
  Optional<AsyncBackingParams> asyncBackingParams(Hash block);

  /** The claim queue at {@code block}: for each core, the paras scheduled, next first. */
  SortedMap<CoreIndex, List<ParaId>> claimQueue(Hash block);

  /** The para's backing state at {@code block} ({@code ParaBackingState}); empty if none. */
  Optional<BackingState> backingState(Hash block, ParaId para);

  /**
   * The paras this node's backing group is assigned at {@code block} (its core's claim-queue
   * entries); empty for a node in no group. Read only by {@link ProspectiveChainsMode#ON_DEMAND},
   * which keeps full fragment chains for these paras alone.
   */
  default Set<ParaId> backedParas(Hash block) {
    return Set.of();
  }
}
