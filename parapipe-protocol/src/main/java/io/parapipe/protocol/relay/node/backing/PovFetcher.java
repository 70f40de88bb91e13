package io.parapipe.protocol.relay.node.backing;

import io.parapipe.protocol.host.NodeContext;
import io.parapipe.protocol.host.Timer;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.PoV;
import io.parapipe.protocol.relay.node.availability.AvailabilityStore;
import io.parapipe.protocol.relay.node.network.ValidatorDirectory;
import io.parapipe.protocol.relay.runtime.RelayRuntimeState;
import io.parapipe.protocol.wire.PoVFetchRequest;
import io.parapipe.protocol.wire.PoVFetchResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fetches the PoV of a candidate that backing must validate from the validators that vouched for
 * it, and answers group-mates' PoV requests from the availability store. Upstream splits this
 * between availability-distribution's {@code pov_requester} (one request with the request-response
 * timeout) and backing's {@code AttestingData} fallbacks (on {@code AttestNoPoV}, try the next
 * backer); here one class does both.
 *
 * <p>Sources are the candidate's voters: seconders first (newest first), then validators that
 * voted it valid, in arrival order. One request is in flight at a time; an empty answer or
 * {@link #POV_REQUEST_TIMEOUT_MICROS} without one moves on to the next source.
 */
public final class PovFetcher {
  /**
   * Upstream's PoV request timeout for connected peers ({@code POV_REQUEST_TIMEOUT_CONNECTED},
   * polkadot/node/network/protocol/src/request_response/mod.rs).
   */
  static final long POV_REQUEST_TIMEOUT_MICROS = 1_200_000;

  /** What the fetcher reports to candidate backing. */
  public interface Requester {
    /** Whether backing still waits for the candidate's PoV (its attestation is under way). */
    boolean awaitingPoV(Hash relayParent, Hash candidate);

    /** The PoV arrived. */
    void onPoV(Hash relayParent, Hash candidate, PoV pov);

    /** A request timed out; {@code retrying} says whether the next source was asked. */
    void onTimedOut(Hash relayParent, Hash candidate, boolean retrying);
  }

  private record PoVTimeout(Hash relayParent, Hash candidate, int attempt) implements Timer {}

  /** One candidate's sources and where the fetch stands. */
  private static final class Fetch {
    final Hash relayParent;
    final RelayRuntimeState session;
    final List<Integer> sources = new ArrayList<>();
    int attempt; // index into sources; -1 once fetched

    Fetch(Hash relayParent, RelayRuntimeState session) {
      this.relayParent = relayParent;
      this.session = session;
    }
  }

  private final NodeContext ctx;
  private final ValidatorDirectory directory;
  private final AvailabilityStore store;
  private final Requester requester;
  // Keyed by candidate hash, which commits to the relay parent. Lookups only.
  private final Map<Hash, Fetch> fetches = new HashMap<>();

  /** A fetcher for one validator. */
  public PovFetcher(NodeContext ctx, ValidatorDirectory directory, AvailabilityStore store,
      Requester requester) {
    this.ctx = ctx;
    this.directory = directory;
    this.store = store;
    this.requester = requester;
  }

  /**
   * {@code validator} vouched for the candidate: a seconder goes to the front of the sources, a
   * validity voter to the back. A validator already listed keeps its place.
   *
   * @param session the relay parent's state, whose session maps validators to nodes
   */
  public void addSource(Hash relayParent, RelayRuntimeState session, Hash candidate, int validator,
      boolean seconded) {
    Fetch f = fetches.computeIfAbsent(candidate, k -> new Fetch(relayParent, session));
    if (!f.sources.contains(validator)) {
      if (seconded) {
        f.sources.add(0, validator);
      } else {
        f.sources.add(validator);
      }
    }
  }

  /**
   * Asks the current source for the PoV.
   *
   * @return false if every source has been tried (nothing was sent)
   */
  public boolean fetch(Hash candidate) {
    Fetch f = fetches.get(candidate);
    return f != null && request(candidate, f);
  }

  private boolean request(Hash candidate, Fetch f) {
    if (f.attempt >= f.sources.size()) {
      return false;
    }
    ctx.send(directory.nodeOf(f.session, f.sources.get(f.attempt)),
        new PoVFetchRequest(f.relayParent, candidate, ctx.now() + POV_REQUEST_TIMEOUT_MICROS));
    ctx.schedule(POV_REQUEST_TIMEOUT_MICROS, new PoVTimeout(f.relayParent, candidate, f.attempt));
    return true;
  }

  /** A group-mate answered; an empty answer moves on to the next source. */
  public void onResponse(PoVFetchResponse r) {
    Fetch f = fetches.get(r.candidateHash());
    if (f == null || f.attempt < 0 || !requester.awaitingPoV(r.relayParent(), r.candidateHash())) {
      return;
    }
    if (r.pov() == null) {
      f.attempt++;
      request(r.candidateHash(), f);
      return;
    }
    f.attempt = -1;
    requester.onPoV(r.relayParent(), r.candidateHash(), r.pov());
  }

  /** Handles a request timeout; false if the timer is not the fetcher's. */
  public boolean onTimer(Timer t) {
    if (!(t instanceof PoVTimeout pt)) {
      return false;
    }
    Fetch f = fetches.get(pt.candidate());
    if (f != null && f.attempt == pt.attempt()
        && requester.awaitingPoV(pt.relayParent(), pt.candidate())) {
      f.attempt++;
      requester.onTimedOut(pt.relayParent(), pt.candidate(), request(pt.candidate(), f));
    }
    return true;
  }

  /** Answers a group-mate's PoV request from the availability store. */
  public PoVFetchResponse answer(PoVFetchRequest r) {
    return new PoVFetchResponse(r.relayParent(), r.candidateHash(), store.pov(r.candidateHash()).orElse(null),
        r.deadlineMicros());
  }

  /** Forgets fetches for relay parents that left the view. */
  public void retainOnly(Set<Hash> relayParents) {
    fetches.values().removeIf(f -> !relayParents.contains(f.relayParent));
  }
}
