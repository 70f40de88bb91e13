package io.parapipe.protocol.relay.runtime;

import io.parapipe.protocol.primitives.ScaleWriter;
import io.parapipe.protocol.primitives.SignedAvailabilityBitfield;
import io.parapipe.protocol.relay.runtime.inclusion.BackedCandidate;
import io.parapipe.protocol.relay.runtime.inclusion.ValidityAttestation;
import java.util.List;
import java.util.Objects;

/**
 * The parachains inherent ({@code ParachainsInherentData}) without disputes: the availability
 * bitfields and backed candidates the block author assembled, and the parent's header.
 *
 * @param bitfields signed availability bitfields, ascending by validator index
 * @param backedCandidates backed candidates; a para's candidates contiguous and in chain order
 * @param parentHeader the header of the block being built on
 */
public record ParasInherentData(
    List<SignedAvailabilityBitfield> bitfields, List<BackedCandidate> backedCandidates, RelayBlockHeader parentHeader) {

  /** Copies the lists and rejects nulls. */
  public ParasInherentData {
    bitfields = List.copyOf(bitfields);
    backedCandidates = List.copyOf(backedCandidates);
    Objects.requireNonNull(parentHeader, "parentHeader");
  }

  /** Inherent data with nothing in it but the parent header. */
  public static ParasInherentData empty(RelayBlockHeader parentHeader) {
    return new ParasInherentData(List.of(), List.of(), parentHeader);
  }

  /**
   * A SCALE-style digest encoding: each bitfield as {@code u32 validator ‖ bits}, each backed
   * candidate as {@code candidate_hash ‖ validator_indices ‖ votes ‖ Option<u32 core>}, then the
   * parent header hash.
   */
  public void writeTo(ScaleWriter w) {
    w.compact(bitfields.size());
    for (SignedAvailabilityBitfield b : bitfields) {
      w.u32(b.validatorIndex().value());
      b.bits().writeTo(w);
    }
    w.compact(backedCandidates.size());
    for (BackedCandidate c : backedCandidates) {
      c.hash().writeTo(w);
      c.validatorIndices().writeTo(w);
      w.compact(c.validityVotes().size());
      for (ValidityAttestation a : c.validityVotes()) {
        w.u8(a.codecIndex());
      }
      w.optionTag(c.injectedCoreIndex().isPresent());
      c.injectedCoreIndex().ifPresent(core -> w.u32(core.value()));
    }
    parentHeader.hash().writeTo(w);
  }
}
