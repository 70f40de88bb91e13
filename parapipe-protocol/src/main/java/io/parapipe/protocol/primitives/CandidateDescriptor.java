package io.parapipe.protocol.primitives;

/**
 * A candidate descriptor in the V2 layout ({@code CandidateDescriptorV2}): the V1 collator id and
 * signature fields are reused for {@code version, core_index, session_index} and zero padding.
 * parapipe models honest collators without keys, so it always produces V2 descriptors.
 *
 * @param paraId the para
 * @param relayParent the relay parent's hash
 * @param coreIndex the core the candidate is meant for
 * @param sessionIndex the session of the relay parent
 * @param persistedValidationDataHash hash of the {@link PersistedValidationData}
 * @param povHash hash of the PoV
 * @param erasureRoot Merkle root of the erasure chunks
 * @param paraHead hash of the output head data
 * @param validationCodeHash hash of the validation code (PVF) used
 */
public record CandidateDescriptor(
    ParaId paraId,
    Hash relayParent,
    CoreIndex coreIndex,
    SessionIndex sessionIndex,
    Hash persistedValidationDataHash,
    Hash povHash,
    Hash erasureRoot,
    Hash paraHead,
    Hash validationCodeHash) {

  /** SCALE encoding of the V2 layout (byte-compatible with V1). */
  public void writeTo(ScaleWriter w) {
    w.u32(paraId.value());
    relayParent.writeTo(w);
    w.u8(0); // InternalVersion 0 = V2
    w.u16(coreIndex.value());
    w.u32(sessionIndex.value());
    w.fixedBytes(new byte[25]);
    persistedValidationDataHash.writeTo(w);
    povHash.writeTo(w);
    erasureRoot.writeTo(w);
    w.fixedBytes(new byte[64]);
    paraHead.writeTo(w);
    validationCodeHash.writeTo(w);
  }
}
