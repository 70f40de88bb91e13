package io.parapipe.protocol.para.runtime;

import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.ScaleWriter;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The header digest items parapipe's para blocks carry, encoded as the Substrate
 * {@code DigestItem}s upstream uses: {@code PreRuntime} (tag 6) or {@code Consensus} (tag 4),
 * a 4-byte engine id, then the SCALE payload as {@code Vec<u8>}.
 */
public sealed interface DigestItem {
  /** {@code DigestItem::PreRuntime}. */
  int PRE_RUNTIME = 6;
  /** {@code DigestItem::Consensus}. */
  int CONSENSUS = 4;
  /** {@code AURA_ENGINE_ID}. */
  byte[] AURA_ENGINE_ID = "aura".getBytes(StandardCharsets.US_ASCII);
  /** {@code CUMULUS_CONSENSUS_ID}. */
  byte[] CUMULUS_CONSENSUS_ID = "CMLS".getBytes(StandardCharsets.US_ASCII);
  /** {@code RPSR_CONSENSUS_ID} (relay parent storage root digest). */
  byte[] RPSR_CONSENSUS_ID = "RPSR".getBytes(StandardCharsets.US_ASCII);

  /** Writes the item as a Substrate {@code DigestItem}. */
  void writeTo(ScaleWriter w);

  /**
   * The Aura pre-runtime digest: {@code PreRuntime(AURA_ENGINE_ID, slot.encode())}.
   *
   * @param slot the para slot the block claims
   */
  record AuraPreDigest(long slot) implements DigestItem {
    @Override
    public void writeTo(ScaleWriter w) {
      w.u8(PRE_RUNTIME).fixedBytes(AURA_ENGINE_ID).bytes(new ScaleWriter().u64(slot).toByteArray());
    }
  }

  /**
   * {@code CumulusDigestItem::RelayParent(hash)} (index 0) as {@code Consensus(CMLS, ..)}.
   *
   * @param relayParent the relay parent's hash
   */
  record CumulusRelayParent(Hash relayParent) implements DigestItem {
    /** Requires the hash. */
    public CumulusRelayParent {
      Objects.requireNonNull(relayParent, "relayParent");
    }

    @Override
    public void writeTo(ScaleWriter w) {
      ScaleWriter p = new ScaleWriter().u8(0);
      relayParent.writeTo(p);
      w.u8(CONSENSUS).fixedBytes(CUMULUS_CONSENSUS_ID).bytes(p.toByteArray());
    }
  }

  /**
   * {@code CumulusDigestItem::CoreInfo} (index 1) as {@code PreRuntime(CMLS, ..)}: the core the
   * slot-based collator selected ({@code CoreInfo { selector: u8, claim_queue_offset: u8,
   * number_of_cores: Compact<u16> }}).
   *
   * @param selector {@code CoreSelector}
   * @param claimQueueOffset {@code ClaimQueueOffset}
   * @param numberOfCores cores assigned at that offset
   */
  record CumulusCoreInfo(int selector, int claimQueueOffset, int numberOfCores) implements DigestItem {
    /** Checks the upstream widths ({@code u8}, {@code u8}, {@code u16}). */
    public CumulusCoreInfo {
      if (selector < 0 || selector > 255 || claimQueueOffset < 0 || claimQueueOffset > 255
          || numberOfCores < 0 || numberOfCores > 65535) {
        throw new IllegalArgumentException("CoreInfo out of range");
      }
    }

    @Override
    public void writeTo(ScaleWriter w) {
      byte[] p = new ScaleWriter().u8(1).u8(selector).u8(claimQueueOffset).compact(numberOfCores).toByteArray();
      w.u8(PRE_RUNTIME).fixedBytes(CUMULUS_CONSENSUS_ID).bytes(p);
    }
  }

  /**
   * The relay parent storage root digest parachain-system deposits in {@code set_validation_data}
   * ({@code rpsr_digest::relay_parent_storage_root_item}): {@code Consensus(RPSR, (root, number))}.
   *
   * @param storageRoot the relay parent's storage root
   * @param relayParentNumber the relay parent's number
   */
  record RelayParentStorageRoot(Hash storageRoot, int relayParentNumber) implements DigestItem {
    /** Requires the root. */
    public RelayParentStorageRoot {
      Objects.requireNonNull(storageRoot, "storageRoot");
    }

    @Override
    public void writeTo(ScaleWriter w) {
      ScaleWriter p = new ScaleWriter();
      storageRoot.writeTo(p);
      p.u32(relayParentNumber);
      w.u8(CONSENSUS).fixedBytes(RPSR_CONSENSUS_ID).bytes(p.toByteArray());
    }
  }
}
