package io.parapipe.protocol.primitives;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A candidate descriptor in the byte-compatible V2 layout ({@code CandidateDescriptorV2},
 * {@code polkadot/primitives/src/vstaging/mod.rs}): the 32 bytes that hold the collator id in V1
 * are {@code version (u8) ‖ core_index (u16) ‖ session_index (u32) ‖ reserved1 [u8; 25]}, and the
 * 64 bytes of the V1 collator signature are {@code reserved2}. A V1 descriptor is therefore a V2
 * descriptor whose reserved fields are not all zero, and both encode (and hash) the same way.
 *
 * <p>parapipe's collators have no keys and build V2 descriptors with the nine-argument
 * constructor; {@link #v1} builds the legacy kind, for the checks that tell them apart.
 */
public final class CandidateDescriptor {
  private static final byte[] ZERO_25 = new byte[25];
  private static final byte[] ZERO_64 = new byte[64];

  private final ParaId paraId;
  private final Hash relayParent;
  private final int version;
  private final int coreIndex;
  private final int sessionIndex;
  private final byte[] reserved1;
  private final Hash persistedValidationDataHash;
  private final Hash povHash;
  private final Hash erasureRoot;
  private final byte[] reserved2;
  private final Hash paraHead;
  private final Hash validationCodeHash;

  private CandidateDescriptor(ParaId paraId, Hash relayParent, int version, int coreIndex,
      int sessionIndex, byte[] reserved1, Hash persistedValidationDataHash, Hash povHash,
      Hash erasureRoot, byte[] reserved2, Hash paraHead, Hash validationCodeHash) {
    if (version < 0 || version > 0xff) {
      throw new IllegalArgumentException("the internal version is a u8: " + version);
    }
    if (coreIndex < 0 || coreIndex > 0xffff) {
      throw new IllegalArgumentException("a V2 descriptor's core index is a u16: " + coreIndex);
    }
    if (reserved1.length != 25 || reserved2.length != 64) {
      throw new IllegalArgumentException("reserved1 has 25 bytes and reserved2 64");
    }
    this.paraId = Objects.requireNonNull(paraId, "paraId");
    this.relayParent = Objects.requireNonNull(relayParent, "relayParent");
    this.version = version;
    this.coreIndex = coreIndex;
    this.sessionIndex = sessionIndex;
    this.reserved1 = reserved1;
    this.persistedValidationDataHash = Objects.requireNonNull(persistedValidationDataHash, "pvd hash");
    this.povHash = Objects.requireNonNull(povHash, "povHash");
    this.erasureRoot = Objects.requireNonNull(erasureRoot, "erasureRoot");
    this.reserved2 = reserved2;
    this.paraHead = Objects.requireNonNull(paraHead, "paraHead");
    this.validationCodeHash = Objects.requireNonNull(validationCodeHash, "validationCodeHash");
  }

  /**
   * A V2 descriptor ({@code CandidateDescriptorV2::new}): internal version 0, reserved fields zero.
   *
   * @param paraId the para
   * @param relayParent the relay parent's hash
   * @param coreIndex the core the candidate is meant for (at most 65535)
   * @param sessionIndex the session of the relay parent's child
   * @param persistedValidationDataHash hash of the {@link PersistedValidationData}
   * @param povHash hash of the PoV
   * @param erasureRoot Merkle root of the erasure chunks
   * @param paraHead hash of the output head data
   * @param validationCodeHash hash of the validation code (PVF) used
   */
  public CandidateDescriptor(ParaId paraId, Hash relayParent, CoreIndex coreIndex,
      SessionIndex sessionIndex, Hash persistedValidationDataHash, Hash povHash, Hash erasureRoot,
      Hash paraHead, Hash validationCodeHash) {
    this(paraId, relayParent, 0, coreIndex.value(), sessionIndex.value(), ZERO_25,
        persistedValidationDataHash, povHash, erasureRoot, ZERO_64, paraHead, validationCodeHash);
  }

  /**
   * A V1 descriptor ({@code CandidateDescriptor} of primitives v8): the collator id and signature
   * take the places of the V2 fields. With both all zero the result is a V2 descriptor of core 0
   * and session 0, as upstream decodes it.
   *
   * @param collator the 32-byte sr25519 collator id
   * @param signature the 64-byte collator signature (parapipe does not check signatures)
   */
  public static CandidateDescriptor v1(ParaId paraId, Hash relayParent, byte[] collator,
      Hash persistedValidationDataHash, Hash povHash, Hash erasureRoot, byte[] signature,
      Hash paraHead, Hash validationCodeHash) {
    if (collator.length != 32 || signature.length != 64) {
      throw new IllegalArgumentException("a collator id has 32 bytes and a signature 64");
    }
    // From<CandidateDescriptor> for CandidateDescriptorV2: byte 0 is the version, bytes 1..=2 the
    // core index and 3..=6 the session index (native endian, little on every target), 7.. reserved1.
    int core = (collator[1] & 0xff) | (collator[2] & 0xff) << 8;
    int session = (collator[3] & 0xff) | (collator[4] & 0xff) << 8 | (collator[5] & 0xff) << 16
        | (collator[6] & 0xff) << 24;
    return new CandidateDescriptor(paraId, relayParent, collator[0] & 0xff, core, session,
        Arrays.copyOfRange(collator, 7, 32), persistedValidationDataHash, povHash, erasureRoot,
        signature.clone(), paraHead, validationCodeHash);
  }

  /**
   * This descriptor with another internal version byte (upstream's test helper
   * {@code MutateDescriptorV2::set_version}): a non-zero version on zero reserved fields makes an
   * {@link CandidateDescriptorVersion#UNKNOWN} descriptor.
   */
  public CandidateDescriptor withInternalVersion(int internalVersion) {
    return new CandidateDescriptor(paraId, relayParent, internalVersion, coreIndex, sessionIndex,
        reserved1, persistedValidationDataHash, povHash, erasureRoot, reserved2, paraHead,
        validationCodeHash);
  }

  /**
   * {@code version()}: {@link CandidateDescriptorVersion#V1} if either reserved field is not all
   * zero, else V2 for internal version 0 and {@link CandidateDescriptorVersion#UNKNOWN} otherwise.
   */
  public CandidateDescriptorVersion version() {
    if (!Arrays.equals(reserved2, ZERO_64) || !Arrays.equals(reserved1, ZERO_25)) {
      return CandidateDescriptorVersion.V1;
    }
    return version == 0 ? CandidateDescriptorVersion.V2 : CandidateDescriptorVersion.UNKNOWN;
  }

  /** The raw internal version byte ({@code InternalVersion}). */
  public int internalVersion() {
    return version;
  }

  /** The para. */
  public ParaId paraId() {
    return paraId;
  }

  /** The relay parent's hash. */
  public Hash relayParent() {
    return relayParent;
  }

  /**
   * The {@code core_index} field as written. Meaningful unless the descriptor is V1 (then these
   * bytes belong to the collator id); {@link #versionedCoreIndex} applies that rule.
   */
  public CoreIndex coreIndex() {
    return CoreIndex.of(coreIndex);
  }

  /**
   * The {@code session_index} field as written; see {@link #versionedSessionIndex}.
   *
   * @throws IllegalStateException if the raw u32 does not fit a {@link SessionIndex}
   */
  public SessionIndex sessionIndex() {
    if (sessionIndex < 0) {
      throw new IllegalStateException("session index above 2^31: " + Integer.toUnsignedString(sessionIndex));
    }
    return SessionIndex.of(sessionIndex);
  }

  /** Upstream's {@code core_index()}: the core index unless the descriptor is V1. */
  public Optional<CoreIndex> versionedCoreIndex() {
    return version() == CandidateDescriptorVersion.V1 ? Optional.empty() : Optional.of(CoreIndex.of(coreIndex));
  }

  /** Upstream's {@code session_index()}: the session (an unsigned u32) unless the descriptor is V1. */
  public OptionalLong versionedSessionIndex() {
    return version() == CandidateDescriptorVersion.V1 ? OptionalLong.empty()
        : OptionalLong.of(Integer.toUnsignedLong(sessionIndex));
  }

  /** Upstream's {@code collator()}: the 32-byte collator id of a V1 descriptor. */
  public Optional<byte[]> collator() {
    if (version() != CandidateDescriptorVersion.V1) {
      return Optional.empty();
    }
    return Optional.of(collatorField());
  }

  /** Upstream's {@code signature()}: the 64-byte collator signature of a V1 descriptor. */
  public Optional<byte[]> signature() {
    return version() == CandidateDescriptorVersion.V1 ? Optional.of(reserved2.clone()) : Optional.empty();
  }

  /** Hash of the persisted validation data. */
  public Hash persistedValidationDataHash() {
    return persistedValidationDataHash;
  }

  /** Hash of the PoV. */
  public Hash povHash() {
    return povHash;
  }

  /** Merkle root of the erasure chunks. */
  public Hash erasureRoot() {
    return erasureRoot;
  }

  /** Hash of the output head data. */
  public Hash paraHead() {
    return paraHead;
  }

  /** Hash of the validation code used. */
  public Hash validationCodeHash() {
    return validationCodeHash;
  }

  private byte[] collatorField() {
    byte[] c = new byte[32];
    c[0] = (byte) version;
    c[1] = (byte) coreIndex;
    c[2] = (byte) (coreIndex >>> 8);
    for (int i = 0; i < 4; i++) {
      c[3 + i] = (byte) (sessionIndex >>> (8 * i));
    }
    System.arraycopy(reserved1, 0, c, 7, 25);
    return c;
  }

  /** SCALE encoding of the V2 layout, which is byte for byte the V1 layout. */
  public void writeTo(ScaleWriter w) {
    w.u32(paraId.value());
    relayParent.writeTo(w);
    w.u8(version);
    w.u16(coreIndex);
    w.u32(sessionIndex);
    w.fixedBytes(reserved1);
    persistedValidationDataHash.writeTo(w);
    povHash.writeTo(w);
    erasureRoot.writeTo(w);
    w.fixedBytes(reserved2);
    paraHead.writeTo(w);
    validationCodeHash.writeTo(w);
  }

  /** Equal descriptors have equal encodings. */
  @Override
  public boolean equals(Object o) {
    return o instanceof CandidateDescriptor d
        && d.paraId.equals(paraId) && d.relayParent.equals(relayParent) && d.version == version
        && d.coreIndex == coreIndex && d.sessionIndex == sessionIndex
        && Arrays.equals(d.reserved1, reserved1)
        && d.persistedValidationDataHash.equals(persistedValidationDataHash)
        && d.povHash.equals(povHash) && d.erasureRoot.equals(erasureRoot)
        && Arrays.equals(d.reserved2, reserved2) && d.paraHead.equals(paraHead)
        && d.validationCodeHash.equals(validationCodeHash);
  }

  @Override
  public int hashCode() {
    return Objects.hash(paraId, relayParent, version, coreIndex, sessionIndex,
        persistedValidationDataHash, povHash, paraHead);
  }

  @Override
  public String toString() {
    return "CandidateDescriptor[" + version() + ", para " + paraId + ", relayParent "
        + relayParent.shortHex() + (version() == CandidateDescriptorVersion.V1 ? ""
        : ", core " + coreIndex + ", session " + Integer.toUnsignedString(sessionIndex)) + "]";
  }
}
