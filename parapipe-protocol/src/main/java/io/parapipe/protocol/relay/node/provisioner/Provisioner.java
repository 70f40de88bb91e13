package io.parapipe.protocol.relay.node.provisioner;

import io.parapipe.protocol.primitives.CommittedCandidateReceipt;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.primitives.SignedAvailabilityBitfield;
import io.parapipe.protocol.relay.node.backing.CandidateBacking;
import io.parapipe.protocol.relay.node.chain.RelayBlock;
import io.parapipe.protocol.relay.node.prospective.BackableCandidate;
import io.parapipe.protocol.relay.node.prospective.ProspectiveParachains;
import io.parapipe.protocol.relay.runtime.CoreState;
import io.parapipe.protocol.relay.runtime.ParasInherentData;
import io.parapipe.protocol.relay.runtime.RuntimeApi;
import io.parapipe.protocol.relay.runtime.inclusion.BackedCandidate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The provisioner: collects the availability bitfields gossiped for each leaf (the best one per
 * validator) and, when this node authors a block, assembles its {@code paras_inherent} data —
 * the bitfields signed for the parent, then, per para, the backable chain prospective parachains
 * offers for the cores that will be free (a free scheduled core, or an occupied one whose
 * candidate the bitfields show available, by the provisioner's own {@code 3·ones ≥ 2·n} estimate,
 * or which times out in this block).
 */
public final class Provisioner {
  private static final int KEPT_LEAVES = 32;

  /** Per leaf, the best bitfield of each validator, indexed by validator. */
  private final Map<Hash, SignedAvailabilityBitfield[]> bitfields = new HashMap<>();
  private final ArrayDeque<Hash> leaves = new ArrayDeque<>();

  /** A bitfield signed for {@code leaf}, from the network or our own signer. */
  public void addBitfield(Hash leaf, SignedAvailabilityBitfield bf) {
    int v = bf.validatorIndex().value();
    SignedAvailabilityBitfield[] m = bitfields.get(leaf);
    if (m == null) {
      m = new SignedAvailabilityBitfield[Math.max(16, v + 1)];
      bitfields.put(leaf, m);
      leaves.addLast(leaf);
      while (leaves.size() > KEPT_LEAVES) {
        bitfields.remove(leaves.pollFirst());
      }
    }
    if (v >= m.length) {
      m = java.util.Arrays.copyOf(m, Math.max(v + 1, m.length * 2));
      bitfields.put(leaf, m);
    }
    SignedAvailabilityBitfield old = m[v];
    if (old == null || bf.bits().countOnes() > old.bits().countOnes()) {
      m[v] = bf;
    }
  }

  /**
   * The inherent data for a block built on {@code parent}.
   *
   * @param injectCoreIndex whether backed candidates carry their core index ({@code ElasticScalingMVP})
   */
  public ParasInherentData inherentData(RelayBlock parent, ProspectiveParachains prospective,
      CandidateBacking backing, boolean injectCoreIndex) {
    RuntimeApi api = parent.state().api();
    List<CoreState> cores = api.availabilityCores();
    int n = parent.state().validators().size();
    List<SignedAvailabilityBitfield> selected = new ArrayList<>();
    SignedAvailabilityBitfield[] forParent = bitfields.get(parent.hash());
    if (forParent != null) {
      for (SignedAvailabilityBitfield bf : forParent) {
        if (bf != null && bf.bits().len() == cores.size() && bf.validatorIndex().value() < n) {
          selected.add(bf);
        }
      }
    }

    int next = parent.number() + 1;
    TreeMap<ParaId, Integer> coresPerPara = new TreeMap<>();
    for (CoreState core : cores) {
      Optional<ParaId> para = Optional.empty();
      if (core instanceof CoreState.Scheduled s) {
        para = Optional.of(s.paraId());
      } else if (core instanceof CoreState.Occupied o) {
        if (availableBy(o, selected, n)) {
          para = o.nextUpOnAvailable();
        } else if (o.timeOutAt() <= next) {
          para = o.nextUpOnTimeOut();
        }
      }
      para.ifPresent(p -> coresPerPara.merge(p, 1, Integer::sum));
    }

    List<BackedCandidate> backed = new ArrayList<>();
    if (prospective.activeLeaves().contains(parent.hash())) {
      for (Map.Entry<ParaId, Integer> e : coresPerPara.entrySet()) {
        Set<Hash> ancestors = new LinkedHashSet<>();
        for (CommittedCandidateReceipt c : api.candidatesPendingAvailability(e.getKey())) {
          ancestors.add(c.hash());
        }
        for (BackableCandidate bc : prospective.getBackableCandidates(parent.hash(), e.getKey(),
            e.getValue(), ancestors)) {
          Optional<BackedCandidate> b =
              backing.backedCandidate(bc.relayParent(), bc.candidateHash(), injectCoreIndex);
          if (b.isEmpty()) {
            break;
          }
          backed.add(b.get());
        }
      }
    }
    return new ParasInherentData(selected, backed, parent.state().header());
  }

  /** The provisioner's availability estimate: earlier votes plus these bitfields, 3·ones ≥ 2·n. */
  private static boolean availableBy(CoreState.Occupied core, List<SignedAvailabilityBitfield> bfs,
      int n) {
    int index = core.core().value();
    int ones = 0;
    for (int v = 0; v < n; v++) {
      boolean earlier = v < core.availability().len() && core.availability().get(v);
      if (earlier) {
        ones++;
      }
    }
    for (SignedAvailabilityBitfield bf : bfs) {
      int v = bf.validatorIndex().value();
      boolean earlier = v < core.availability().len() && core.availability().get(v);
      if (!earlier && bf.bits().get(index)) {
        ones++;
      }
    }
    return 3 * ones >= 2 * n;
  }
}
