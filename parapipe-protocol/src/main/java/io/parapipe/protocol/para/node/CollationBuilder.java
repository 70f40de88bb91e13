package io.parapipe.protocol.para.node;

import io.parapipe.protocol.para.collator.slotbased.CoreSelection;
import io.parapipe.protocol.para.runtime.ParachainState;
import io.parapipe.protocol.primitives.CandidateCommitments;
import io.parapipe.protocol.primitives.CandidateDescriptor;
import io.parapipe.protocol.primitives.CommittedCandidateReceipt;
import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.primitives.ScaleWriter;
import io.parapipe.protocol.relay.runtime.RuntimeApi;
import java.util.ArrayList;
import java.util.List;

/**
 * Collation generation's receipt for a built block ({@code polkadot/node/collation-generation}):
 * a V2 descriptor naming the core the collation is submitted on and
 * {@code session_index_for_child} of the relay parent, with the commitments the block produced.
 * A {@link CollatorMisbehaviour} changes it the way that collator does.
 */
final class CollationBuilder {
  private CollationBuilder() {}

  /**
   * A collation to submit.
   *
   * @param receipt the candidate receipt
   * @param core the core it is submitted on
   */
  record Collation(CommittedCandidateReceipt receipt, CoreIndex core) {}

  /**
   * @param core the core the block was built for
   * @param slotCore the slot-based collator's core selection, or null for the other collators
   * @param api the runtime API at the relay parent
   * @param state the built block's state, with its commitments
   */
  static Collation build(CollatorMisbehaviour misbehaviour, ParaId para, Hash relayParent,
      CoreIndex core, CoreSelection.Core slotCore, RuntimeApi api, Hash pvdHash, Hash povHash,
      Hash erasureRoot, ParachainState state, int authorityIndex) {
    Hash code = api.validationCodeHash(para).orElse(Hash.ZERO);
    CandidateCommitments commitments = state.commitments();
    CoreIndex submitted = core;
    CandidateDescriptor descriptor;
    switch (misbehaviour) {
      case V1_DESCRIPTOR -> {
        // A node from before RFC-103 signs with its collator key: any non-zero id and signature.
        byte[] id = new ScaleWriter().u32(para.value()).u32(authorityIndex)
            .fixedBytes("collator".getBytes()).blake2b256().toByteArray();
        byte[] signature = new byte[64];
        System.arraycopy(id, 0, signature, 0, 32);
        System.arraycopy(povHash.toByteArray(), 0, signature, 32, 32);
        descriptor = CandidateDescriptor.v1(para, relayParent, id, pvdHash, povHash, erasureRoot,
            signature, state.headHash(), code);
      }
      case WRONG_CORE_INDEX -> {
        if (slotCore != null) {
          List<CoreIndex> cores = new ArrayList<>(
              api.claimQueueTransposed().coresAt(para, slotCore.claimQueueOffset()));
          submitted = cores.get((slotCore.selector() + 1) % cores.size());
        }
        descriptor = v2(para, relayParent, submitted, api, pvdHash, povHash, erasureRoot, state, code);
      }
      case STRIP_UMP_SIGNALS -> {
        commitments = new CandidateCommitments(
            CandidateCommitments.skipUmpSignals(commitments.upwardMessages()),
            commitments.horizontalMessages(), commitments.newValidationCode(), commitments.headData(),
            commitments.processedDownwardMessages(), commitments.hrmpWatermark());
        descriptor = v2(para, relayParent, core, api, pvdHash, povHash, erasureRoot, state, code);
      }
      default -> descriptor = v2(para, relayParent, core, api, pvdHash, povHash, erasureRoot, state, code);
    }
    return new Collation(new CommittedCandidateReceipt(descriptor, commitments), submitted);
  }

  private static CandidateDescriptor v2(ParaId para, Hash relayParent, CoreIndex core, RuntimeApi api,
      Hash pvdHash, Hash povHash, Hash erasureRoot, ParachainState state, Hash code) {
    return new CandidateDescriptor(para, relayParent, core, api.sessionIndexForChild(), pvdHash,
        povHash, erasureRoot, state.headHash(), code);
  }
}
