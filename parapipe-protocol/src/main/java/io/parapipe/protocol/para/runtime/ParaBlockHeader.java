package io.parapipe.protocol.para.runtime;

import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.HeadData;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.primitives.ScaleWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A para block header, encoded as Substrate's {@code generic::Header<u32, BlakeTwo256>}:
 * {@code parent_hash} (32 bytes), {@code number} ({@code Compact<u32>}), {@code state_root},
 * {@code extrinsics_root}, then the digest as {@code Vec<DigestItem>}. That encoding is the
 * para's {@link HeadData}; the block hash is BLAKE2b-256 of it, so chains link by head hash.
 * Immutable; the encoding and hash are computed once.
 */
public final class ParaBlockHeader {
  private final Hash parentHash;
  private final int number;
  private final Hash stateRoot;
  private final Hash extrinsicsRoot;
  private final List<DigestItem> digest;
  private final HeadData headData;

  /**
   * A header.
   *
   * @param parentHash the parent's hash
   * @param number the block number
   * @param stateRoot the state root (parapipe: a commitment to the modelled state)
   * @param extrinsicsRoot the extrinsics root (parapipe: a commitment to the block's inputs)
   * @param digest the digest items, in order
   */
  public ParaBlockHeader(Hash parentHash, int number, Hash stateRoot, Hash extrinsicsRoot, List<DigestItem> digest) {
    this.parentHash = Objects.requireNonNull(parentHash, "parentHash");
    this.number = number;
    this.stateRoot = Objects.requireNonNull(stateRoot, "stateRoot");
    this.extrinsicsRoot = Objects.requireNonNull(extrinsicsRoot, "extrinsicsRoot");
    this.digest = List.copyOf(digest);
    ScaleWriter w = new ScaleWriter();
    parentHash.writeTo(w);
    w.compact(Integer.toUnsignedLong(number));
    stateRoot.writeTo(w);
    extrinsicsRoot.writeTo(w);
    w.compact(this.digest.size());
    for (DigestItem d : this.digest) {
      d.writeTo(w);
    }
    this.headData = HeadData.of(w.toByteArray());
  }

  /**
   * The genesis header of a para: number 0, zero parent and extrinsics root, empty digest, and a
   * state root derived from the para id so that different paras have different genesis hashes.
   */
  public static ParaBlockHeader genesis(ParaId paraId) {
    Hash root = new ScaleWriter().u32(paraId.value()).blake2b256();
    return new ParaBlockHeader(Hash.ZERO, 0, root, Hash.ZERO, List.of());
  }

  /**
   * Decodes head data written by this class.
   *
   * @return the header, or empty if the bytes are not a header parapipe understands
   */
  public static Optional<ParaBlockHeader> decode(HeadData head) {
    ScaleReader r = new ScaleReader(head.toByteArray());
    try {
      Hash parent = Hash.of(r.fixed(32));
      long number = r.compact();
      if (number > 0xFFFF_FFFFL) {
        return Optional.empty();
      }
      Hash state = Hash.of(r.fixed(32));
      Hash extrinsics = Hash.of(r.fixed(32));
      long n = r.compact();
      List<DigestItem> items = new ArrayList<>();
      for (long i = 0; i < n; i++) {
        items.add(decodeItem(r));
      }
      if (!r.atEnd()) {
        return Optional.empty();
      }
      return Optional.of(new ParaBlockHeader(parent, (int) number, state, extrinsics, items));
    } catch (ScaleReader.Malformed e) {
      return Optional.empty();
    }
  }

  private static DigestItem decodeItem(ScaleReader r) throws ScaleReader.Malformed {
    int tag = r.u8();
    byte[] engine = r.fixed(4);
    ScaleReader p = new ScaleReader(r.bytes());
    DigestItem item;
    if (tag == DigestItem.PRE_RUNTIME && Arrays.equals(engine, DigestItem.AURA_ENGINE_ID)) {
      item = new DigestItem.AuraPreDigest(p.u64());
    } else if (tag == DigestItem.CONSENSUS && Arrays.equals(engine, DigestItem.CUMULUS_CONSENSUS_ID)
        && p.u8() == 0) {
      item = new DigestItem.CumulusRelayParent(Hash.of(p.fixed(32)));
    } else if (tag == DigestItem.PRE_RUNTIME && Arrays.equals(engine, DigestItem.CUMULUS_CONSENSUS_ID)
        && p.u8() == 1) {
      int selector = p.u8();
      int offset = p.u8();
      long cores = p.compact();
      if (cores > 65535) {
        throw new ScaleReader.Malformed("number_of_cores");
      }
      item = new DigestItem.CumulusCoreInfo(selector, offset, (int) cores);
    } else if (tag == DigestItem.CONSENSUS && Arrays.equals(engine, DigestItem.RPSR_CONSENSUS_ID)) {
      item = new DigestItem.RelayParentStorageRoot(Hash.of(p.fixed(32)), p.u32());
    } else {
      throw new ScaleReader.Malformed("unknown digest item");
    }
    if (!p.atEnd()) {
      throw new ScaleReader.Malformed("trailing digest bytes");
    }
    return item;
  }

  /** The parent's hash. */
  public Hash parentHash() {
    return parentHash;
  }

  /** The block number. */
  public int number() {
    return number;
  }

  /** The state root. */
  public Hash stateRoot() {
    return stateRoot;
  }

  /** The extrinsics root. */
  public Hash extrinsicsRoot() {
    return extrinsicsRoot;
  }

  /** The digest items, in order. */
  public List<DigestItem> digest() {
    return digest;
  }

  /** The SCALE encoding as para head data. */
  public HeadData headData() {
    return headData;
  }

  /** The block hash: BLAKE2b-256 of the encoding (= {@code headData().hash()}). */
  public Hash hash() {
    return headData.hash();
  }

  /** The slot of the Aura pre-digest, if any (genesis has none). */
  public OptionalLong auraSlot() {
    for (DigestItem d : digest) {
      if (d instanceof DigestItem.AuraPreDigest a) {
        return OptionalLong.of(a.slot());
      }
    }
    return OptionalLong.empty();
  }

  /** {@code extract_relay_parent}: the first {@code CumulusDigestItem::RelayParent}. */
  public Optional<Hash> relayParent() {
    for (DigestItem d : digest) {
      if (d instanceof DigestItem.CumulusRelayParent rp) {
        return Optional.of(rp.relayParent());
      }
    }
    return Optional.empty();
  }

  /** {@code extract_relay_parent_storage_root}: the first RPSR item. */
  public Optional<DigestItem.RelayParentStorageRoot> relayParentStorageRoot() {
    for (DigestItem d : digest) {
      if (d instanceof DigestItem.RelayParentStorageRoot r) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /** {@code CumulusDigestItem::find_core_info}: the first {@code CoreInfo}. */
  public Optional<DigestItem.CumulusCoreInfo> coreInfo() {
    for (DigestItem d : digest) {
      if (d instanceof DigestItem.CumulusCoreInfo c) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ParaBlockHeader h && h.headData.equals(headData);
  }

  @Override
  public int hashCode() {
    return headData.hashCode();
  }

  @Override
  public String toString() {
    return "ParaBlockHeader(#" + Integer.toUnsignedString(number) + ", " + hash().shortHex()
        + ", parent " + parentHash.shortHex() + ")";
  }
}
