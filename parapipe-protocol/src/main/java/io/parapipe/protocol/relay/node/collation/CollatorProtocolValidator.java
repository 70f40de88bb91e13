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
 * candidate could be seconded ({@code CanSecond}). A fetched V2 descriptor must name this
 * validator's core and the relay parent's child session ({@code descriptor_version_sanity_check},
 * {@link SecondingError}), and is then handed to backing, one collation at a time per relay
 * parent. With elastic scaling each of a para's cores has its own backing group, so each group
 * sees the collations for its core only.
 *
 * <p>Timing as upstream ({@code polkadot/node/network/collator-protocol/src/validator_side/mod.rs}
 * and {@code polkadot/node/network/protocol/src/request_response/mod.rs}): collations are fetched
 * one at a time per relay parent, but a fetch still running after
 * {@link #MAX_UNSHARED_DOWNLOAD_TIME_MICROS} shares the relay parent with the next advertised
 * one, so a slow collator cannot hold the others up; a fetch fails after
 * {@link #FETCH_TIMEOUT_MICROS} and the next advertisement is fetched. A collation that arrives
 * while backing validates another waits for that verdict. The same advertisement is not fetched
 * again after a failure, as upstream does not.
 */
public final class CollatorProtocolValidator {
  /**
   * The collation fetching request timeout: {@code CollationFetchingV2} is configured with
   * {@code POV_REQUEST_TIMEOUT_CONNECTED}, 1200 ms.
   */
  static final long FETCH_TIMEOUT_MICROS = 1_200_000;

  /** {@code MAX_UNSHARED_DOWNLOAD_TIME}: after 400 ms a running fetch no longer blocks the next. */
  static final long MAX_UNSHARED_DOWNLOAD_TIME_MICROS = 400_000;

  private record Advert(int collatorNode, AdvertiseCollation advert) {}

  private record FetchTimeout(Hash relayParent, Hash candidate) implements Timer {}

  private record UnsharedTimeout(Hash relayParent, Hash candidate) implements Timer {}

  private record Fetched(int from, CollationFetchResponse response) {}

  private static final class PerRelayParent {
    final ArrayDeque<Advert> waiting = new ArrayDeque<>();
    final Set<Hash> seen = new HashSet<>();
    /** Fetches not yet answered, by candidate; iterated by nobody. */
    final Map<Hash, Advert> inFlight = new HashMap<>();
    /** Collations fetched while backing was busy with another, in arrival order. */
    final ArrayDeque<Fetched> fetched = new ArrayDeque<>();
    /** The fetch that still holds the relay parent (not yet unshared), if any. */
    Hash unshared;
    /** The collation backing is validating, and its collator. */
    Hash seconding;
    int secondingCollator;
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
    if (st.unshared != null || st.seconding != null || st.waiting.isEmpty()
        || st.seconded >= secondingLimit.applyAsInt(rp)) {
      return;
    }
    Advert next = st.waiting.pollFirst();
    AdvertiseCollation a = next.advert();
    st.unshared = a.candidateHash();
    st.inFlight.put(a.candidateHash(), next);
    ctx.send(next.collatorNode(), new CollationFetchRequest(a.para(), rp, a.candidateHash(),
        ctx.now() + FETCH_TIMEOUT_MICROS));
    ctx.schedule(MAX_UNSHARED_DOWNLOAD_TIME_MICROS, new UnsharedTimeout(rp, a.candidateHash()));
    ctx.schedule(FETCH_TIMEOUT_MICROS, new FetchTimeout(rp, a.candidateHash()));
  }

  /** The collator answered a fetch. */
  public void onFetchResponse(int from, CollationFetchResponse r) {
    Hash rp = r.candidate().descriptor().relayParent();
    PerRelayParent st = perRelayParent.get(rp);
    Hash c = r.candidate().hash();
    if (st == null || st.inFlight.remove(c) == null) {
      return; // timed out, or never asked for
    }
    if (c.equals(st.unshared)) {
      st.unshared = null;
    }
    ctx.emit(new CollationFetched(r.candidate().paraId(), c, from));
    Optional<SecondingPort.RelayParentContext> context = backing.relayParentContext(rp);
    Optional<SecondingError> error = context.flatMap(x -> SecondingError.descriptorVersionSanityCheck(
        r.candidate().descriptor(), x.v2Receipts(), x.assignedCore(), x.sessionIndex()));
    if (error.isPresent()) {
      // Upstream reports the collator (malicious) and fetches the next advertised collation.
      ctx.emit(new CandidateRejected(r.candidate().paraId(), c, rp,
          CandidateRejected.COLLATOR_PROTOCOL, error.get().debug()));
      fetchNext(rp, st);
      return;
    }
    if (st.seconding != null) {
      st.fetched.addLast(new Fetched(from, r));
      return;
    }
    handToBacking(rp, st, from, r);
  }

  private void handToBacking(Hash rp, PerRelayParent st, int from, CollationFetchResponse r) {
    st.seconding = r.candidate().hash();
    st.secondingCollator = from;
    backing.second(rp, r.candidate(), r.validationData(), r.pov());
  }

  /** Backing's verdict on a collation we handed it. */
  public void onSecondingOutcome(Hash rp, Hash candidate, boolean seconded) {
    PerRelayParent st = perRelayParent.get(rp);
    if (st == null || !candidate.equals(st.seconding)) {
      return;
    }
    if (seconded) {
      st.seconded++;
      ctx.send(st.secondingCollator, new CollationSeconded(rp, candidate));
    }
    st.seconding = null;
    if (!st.fetched.isEmpty() && st.seconded < secondingLimit.applyAsInt(rp)) {
      Fetched f = st.fetched.pollFirst();
      handToBacking(rp, st, f.from(), f.response());
      return;
    }
    fetchNext(rp, st);
  }

  /** Handles a fetch or unshared-download timeout; false if the timer is not this subsystem's. */
  public boolean onTimer(Timer t) {
    if (t instanceof UnsharedTimeout u) {
      PerRelayParent st = perRelayParent.get(u.relayParent());
      if (st != null && u.candidate().equals(st.unshared)) {
        st.unshared = null; // still downloading: the next advertisement may start
        fetchNext(u.relayParent(), st);
      }
      return true;
    }
    if (!(t instanceof FetchTimeout ft)) {
      return false;
    }
    PerRelayParent st = perRelayParent.get(ft.relayParent());
    if (st != null && st.inFlight.remove(ft.candidate()) != null) {
      if (ft.candidate().equals(st.unshared)) {
        st.unshared = null;
      }
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
