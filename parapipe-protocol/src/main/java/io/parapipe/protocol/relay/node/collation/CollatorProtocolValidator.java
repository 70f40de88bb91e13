package io.parapipe.protocol.relay.node.collation;

import io.parapipe.protocol.events.CandidateRejected;
import io.parapipe.protocol.events.CollationFetched;
import io.parapipe.protocol.host.NodeContext;
import io.parapipe.protocol.host.Timer;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.wire.AdvertiseCollation;
import io.parapipe.protocol.wire.CollationFetchRequest;
import io.parapipe.protocol.wire.CollationFetchResponse;
import io.parapipe.protocol.wire.CollationSeconded;
import io.parapipe.protocol.wire.Declare;
import io.parapipe.protocol.wire.ViewUpdate;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The validator side of the collator protocol (Era B). An advertisement is accepted if its relay
 * parent is in the view, its para is assigned to this validator's core there, the relay parent
 * has not reached its seconding limit ({@code max_candidate_depth + 1}), and backing says the
 * candidate could be seconded ({@code CanSecond}). Collations are fetched one at a time per relay
 * parent; a fetched V2 descriptor must name this validator's core and the relay parent's child
 * session ({@code descriptor_version_sanity_check}, {@link SecondingError}), and is then handed to
 * backing; the next is fetched once backing reports the outcome. With elastic scaling each of a
 * para's cores has its own backing group, so each group sees the collations for its core only.
 */
public final class CollatorProtocolValidator {
  /** Upstream's default request timeout for connected peers. */
  static final long FETCH_TIMEOUT_MICROS = 1_000_000;

  private record Advert(int collatorNode, AdvertiseCollation advert) {}

  private record FetchTimeout(Hash relayParent, Hash candidate) implements Timer {}

  private static final class PerRelayParent {
    final ArrayDeque<Advert> waiting = new ArrayDeque<>();
    final Set<Hash> seen = new HashSet<>();
    Advert fetching;
    boolean handedToBacking;
    int seconded;
  }

  private final NodeContext ctx;
  private final SecondingPort backing;
  private final Map<Hash, PerRelayParent> perRelayParent = new HashMap<>();
  private final java.util.function.ToIntFunction<Hash> secondingLimit;

  /**
   * @param secondingLimit the number of collations that may be seconded per relay parent
   */
  public CollatorProtocolValidator(NodeContext ctx, SecondingPort backing,
      java.util.function.ToIntFunction<Hash> secondingLimit) {
    this.ctx = ctx;
    this.backing = backing;
    this.secondingLimit = secondingLimit;
  }

  /** An advertisement from a collator. */
  public void onAdvertise(int collatorNode, AdvertiseCollation a) {
    Hash rp = a.relayParent();
    if (!backing.knows(rp) || !backing.assignedParas(rp).contains(a.para())) {
      return;
    }
    PerRelayParent st = perRelayParent.computeIfAbsent(rp, k -> new PerRelayParent());
    if (st.seconded >= secondingLimit.applyAsInt(rp) || !st.seen.add(a.candidateHash())) {
      return;
    }
    if (!backing.canSecond(a.para(), rp, a.candidateHash(), a.parentHeadHash())) {
      return;
    }
    st.waiting.addLast(new Advert(collatorNode, a));
    fetchNext(rp, st);
  }

  private void fetchNext(Hash rp, PerRelayParent st) {
    if (st.fetching != null || st.waiting.isEmpty() || st.seconded >= secondingLimit.applyAsInt(rp)) {
      return;
    }
    st.fetching = st.waiting.pollFirst();
    st.handedToBacking = false;
    AdvertiseCollation a = st.fetching.advert();
    ctx.send(st.fetching.collatorNode(), new CollationFetchRequest(a.para(), rp, a.candidateHash()));
    ctx.schedule(FETCH_TIMEOUT_MICROS, new FetchTimeout(rp, a.candidateHash()));
  }

  /** The collator answered a fetch. */
  public void onFetchResponse(int from, CollationFetchResponse r) {
    Hash rp = r.candidate().descriptor().relayParent();
    PerRelayParent st = perRelayParent.get(rp);
    if (st == null || st.fetching == null || st.handedToBacking
        || !st.fetching.advert().candidateHash().equals(r.candidate().hash())) {
      return;
    }
    ctx.emit(new CollationFetched(r.candidate().paraId(), r.candidate().hash(), from));
    Optional<SecondingPort.RelayParentContext> context = backing.relayParentContext(rp);
    Optional<SecondingError> error = context.flatMap(c -> SecondingError.descriptorVersionSanityCheck(
        r.candidate().descriptor(), c.v2Receipts(), c.assignedCore(), c.sessionIndex()));
    if (error.isPresent()) {
      // Upstream reports the collator (malicious) and fetches the next advertised collation.
      ctx.emit(new CandidateRejected(r.candidate().paraId(), r.candidate().hash(), rp,
          CandidateRejected.COLLATOR_PROTOCOL, error.get().debug()));
      st.fetching = null;
      fetchNext(rp, st);
      return;
    }
    st.handedToBacking = true;
    backing.second(rp, r.candidate(), r.validationData(), r.pov());
  }

  /** Backing's verdict on a collation we handed it. */
  public void onSecondingOutcome(Hash rp, Hash candidate, boolean seconded) {
    PerRelayParent st = perRelayParent.get(rp);
    if (st == null || st.fetching == null || !st.fetching.advert().candidateHash().equals(candidate)) {
      return;
    }
    if (seconded) {
      st.seconded++;
      ctx.send(st.fetching.collatorNode(), new CollationSeconded(rp, candidate));
    }
    st.fetching = null;
    fetchNext(rp, st);
  }

  /** Handles a fetch timeout; false if the timer is not this subsystem's. */
  public boolean onTimer(Timer t) {
    if (!(t instanceof FetchTimeout ft)) {
      return false;
    }
    PerRelayParent st = perRelayParent.get(ft.relayParent());
    if (st != null && st.fetching != null && !st.handedToBacking
        && st.fetching.advert().candidateHash().equals(ft.candidate())) {
      st.fetching = null;
      fetchNext(ft.relayParent(), st);
    }
    return true;
  }

  /**
   * A collator opened a connection and declared its para: the network bridge sends it this
   * validator's view, after which the collator advertises. Validators do not limit which
   * collators connect.
   *
   * @param activeLeaves this validator's active leaves
   */
  public void onDeclare(int collatorNode, Declare d, List<Hash> activeLeaves) {
    ctx.send(collatorNode, new ViewUpdate(activeLeaves));
  }

  /** Drops relay parents that left the view. */
  public void retainOnly(Set<Hash> allowed) {
    perRelayParent.keySet().removeIf(h -> !allowed.contains(h));
  }
}
