package io.parapipe.protocol.para.collator;

import io.parapipe.protocol.para.runtime.DigestItem;
import io.parapipe.protocol.para.runtime.ParaBlockHeader;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.HeadData;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.primitives.PersistedValidationData;
import io.parapipe.protocol.primitives.SessionIndex;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * In-memory fixtures shaped like the mocks of {@code cumulus/client/consensus/common/src/tests.rs}:
 * every relay hash is known, its number is encoded in the hash, its parent is number − 1, and
 * session indices are 0; the included and pending heads are set per relay parent.
 */
final class TestChains {
  private TestChains() {}

  static Hash relayHash(int number) {
    return Hash.fromLong(number);
  }

  static int relayNumber(Hash hash) {
    return (int) ByteBuffer.wrap(hash.toByteArray()).getLong();
  }

  static Hash relayStateRoot(int number) {
    return Hash.fromLong(0x7000_0000L + number);
  }

  /** The para client's block tree. */
  static final class Tree implements ParaBlockTree {
    final Map<Hash, ParaBlockHeader> headers = new LinkedHashMap<>();
    final Map<Hash, List<Hash>> children = new HashMap<>();
    private long salt;
    final ParaBlockHeader genesis = ParaBlockHeader.genesis(ParaId.of(100));

    Tree() {
      importBlock(genesis);
    }

    void importBlock(ParaBlockHeader h) {
      headers.put(h.hash(), h);
      children.computeIfAbsent(h.parentHash(), k -> new ArrayList<>()).add(h.hash());
    }

    /** A block on {@code parent} with the given relay parent, not imported. */
    ParaBlockHeader build(ParaBlockHeader parent, int relayParentNumber) {
      salt++;
      return new ParaBlockHeader(parent.hash(), parent.number() + 1, Hash.fromLong(salt), Hash.ZERO,
          List.of(new DigestItem.AuraPreDigest(salt), new DigestItem.CumulusRelayParent(relayHash(relayParentNumber))));
    }

    ParaBlockHeader buildAndImport(ParaBlockHeader parent, int relayParentNumber) {
      ParaBlockHeader h = build(parent, relayParentNumber);
      importBlock(h);
      return h;
    }

    @Override
    public Optional<ParaBlockHeader> header(Hash hash) {
      return Optional.ofNullable(headers.get(hash));
    }

    @Override
    public List<Hash> children(Hash hash) {
      return children.getOrDefault(hash, List.of());
    }
  }

  /** The relay client. */
  static final class Relay implements RelayChainView {
    final Map<Hash, HeadData> included = new HashMap<>();
    final Map<Hash, HeadData> pending = new HashMap<>();
    final Map<Hash, Integer> sessions = new HashMap<>();

    @Override
    public Optional<RelayBlockInfo> header(Hash hash) {
      int n = relayNumber(hash);
      Hash parent = n > 0 ? relayHash(n - 1) : Hash.ZERO;
      return Optional.of(new RelayBlockInfo(hash, parent, n, relayStateRoot(n), n, false));
    }

    @Override
    public SessionIndex sessionIndexForChild(Hash hash) {
      return SessionIndex.of(sessions.getOrDefault(hash, 0));
    }

    @Override
    public Optional<PersistedValidationData> validationDataAssumingTimedOut(Hash relayParent, ParaId paraId) {
      return Optional.ofNullable(included.get(relayParent)).map(h -> pvd(h, relayParent));
    }

    @Override
    public Optional<PersistedValidationData> validationDataAssumingIncluded(Hash relayParent, ParaId paraId) {
      return Optional.ofNullable(pending.get(relayParent)).map(h -> pvd(h, relayParent));
    }

    private static PersistedValidationData pvd(HeadData h, Hash relayParent) {
      return new PersistedValidationData(h, relayNumber(relayParent), relayStateRoot(relayNumber(relayParent)), 5 << 20);
    }
  }
}
