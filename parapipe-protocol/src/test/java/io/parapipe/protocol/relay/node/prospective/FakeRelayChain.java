package io.parapipe.protocol.relay.node.prospective;

import io.parapipe.protocol.primitives.AsyncBackingParams;
import io.parapipe.protocol.primitives.BackingState;
import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.primitives.SessionIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An in-memory relay chain answering the {@link ProspectiveRuntime} port, like upstream's test
 * harness answers the overseer: blocks with parent links and sessions, per-block async backing
 * params, claim queues and backing states. Records the calls it receives.
 */
final class FakeRelayChain implements ProspectiveRuntime {
  record Block(Hash hash, Hash parent, int number, int childSession) {}

  private final Map<Hash, Block> blocks = new HashMap<>();
  private final Map<Hash, AsyncBackingParams> params = new HashMap<>();
  private final Set<Hash> asyncBackingUnsupported = new HashSet<>();
  private final Map<Hash, SortedMap<CoreIndex, List<ParaId>>> claimQueues = new HashMap<>();
  private final Map<Hash, Map<ParaId, BackingState>> backingStates = new HashMap<>();
  private AsyncBackingParams defaultParams = new AsyncBackingParams(4, 3);
  private SortedMap<CoreIndex, List<ParaId>> defaultClaimQueue = new TreeMap<>();
  final List<String> calls = new ArrayList<>();
  private Set<ParaId> backedParas = Set.of();

  /** The paras the node's backing group is assigned at every block. */
  FakeRelayChain backedParas(Set<ParaId> paras) {
    this.backedParas = paras;
    return this;
  }

  @Override
  public Set<ParaId> backedParas(Hash block) {
    return backedParas;
  }

  /** Adds a block; adding the same block twice is fine, conflicting data is a test bug. */
  FakeRelayChain block(Hash hash, Hash parent, int number, int childSession) {
    Block b = new Block(hash, parent, number, childSession);
    Block old = blocks.putIfAbsent(hash, b);
    if (old != null && !old.equals(b)) {
      throw new IllegalArgumentException("conflicting block " + hash + ": " + old + " vs " + b);
    }
    return this;
  }

  /** A branch of {@code length + 1} blocks: {@code Hash.fromLong(top)} at {@code number}, parents top+1, top+2... */
  FakeRelayChain branch(long top, int number, int length) {
    for (int i = 0; i <= length; i++) {
      block(Hash.fromLong(top + i), Hash.fromLong(top + i + 1), number - i, 1);
    }
    return this;
  }

  FakeRelayChain defaultParams(AsyncBackingParams p) {
    this.defaultParams = p;
    return this;
  }

  FakeRelayChain params(Hash block, AsyncBackingParams p) {
    params.put(block, p);
    return this;
  }

  FakeRelayChain asyncBackingUnsupported(Hash block) {
    asyncBackingUnsupported.add(block);
    return this;
  }

  FakeRelayChain defaultClaimQueue(SortedMap<CoreIndex, List<ParaId>> cq) {
    this.defaultClaimQueue = cq;
    return this;
  }

  FakeRelayChain claimQueue(Hash block, SortedMap<CoreIndex, List<ParaId>> cq) {
    claimQueues.put(block, cq);
    return this;
  }

  FakeRelayChain backingState(Hash block, ParaId para, BackingState state) {
    backingStates.computeIfAbsent(block, h -> new HashMap<>()).put(para, state);
    return this;
  }

  int count(String prefix) {
    return (int) calls.stream().filter(c -> c.startsWith(prefix)).count();
  }

  @Override
  public Optional<RelayChainBlockInfo> blockInfo(Hash block) {
    calls.add("blockInfo " + block.shortHex());
    Block b = blocks.get(block);
    return b == null ? Optional.empty() : Optional.of(new RelayChainBlockInfo(b.hash(), b.number(), Hash.ZERO));
  }

  @Override
  public List<Hash> ancestors(Hash block, int k) {
    calls.add("ancestors " + block.shortHex() + " " + k);
    List<Hash> out = new ArrayList<>();
    Block b = blocks.get(block);
    while (b != null && out.size() < k && b.number() > 0) {
      out.add(b.parent());
      b = blocks.get(b.parent());
    }
    return out;
  }

  @Override
  public SessionIndex sessionIndexForChild(Hash block) {
    calls.add("sessionIndexForChild " + block.shortHex());
    Block b = blocks.get(block);
    return SessionIndex.of(b == null ? 0 : b.childSession());
  }

  @Override
  public Optional<AsyncBackingParams> asyncBackingParams(Hash block) {
    calls.add("asyncBackingParams " + block.shortHex());
    if (asyncBackingUnsupported.contains(block)) {
      return Optional.empty();
    }
    return Optional.of(params.getOrDefault(block, defaultParams));
  }

  @Override
  public SortedMap<CoreIndex, List<ParaId>> claimQueue(Hash block) {
    calls.add("claimQueue " + block.shortHex());
    return claimQueues.getOrDefault(block, defaultClaimQueue);
  }

  @Override
  public Optional<BackingState> backingState(Hash block, ParaId para) {
    calls.add("backingState " + block.shortHex() + " " + para);
    Map<ParaId, BackingState> states = backingStates.get(block);
    return states == null ? Optional.empty() : Optional.ofNullable(states.get(para));
  }
}
