package io.parapipe.protocol.relay.node.availability;

import io.parapipe.protocol.host.NodeContext;
import io.parapipe.protocol.host.Timer;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.PoV;
import io.parapipe.protocol.primitives.ValidatorIndex;
import io.parapipe.protocol.relay.node.chain.RelayBlock;
import io.parapipe.protocol.relay.node.network.ValidatorDirectory;
import io.parapipe.protocol.relay.runtime.RelayRuntimeState;
import io.parapipe.protocol.relay.runtime.inclusion.CandidateEvent;
import io.parapipe.protocol.wire.AvailableDataRequest;
import io.parapipe.protocol.wire.AvailableDataResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Availability recovery for approval checkers (upstream {@code availability-recovery}, its
 * "fetch full data from the backing group" strategy): the available data of an included
 * candidate comes from the local store if held, else from the candidate's backers one at a time,
 * in group order, each given upstream's 1 s request timeout. Chunk-based reconstruction is not
 * modelled; a candidate whose backers all fail stays unrecovered. Also answers other validators'
 * requests from the local store.
 */
public final class AvailabilityRecovery {
  /** Upstream's request timeout for connected peers, used for full-data requests. */
  static final long REQUEST_TIMEOUT_MICROS = 1_000_000;

  /** Receives recovered data. */
  public interface Listener {
    /** The candidate's data, included in {@code block}, was recovered (or was held locally). */
    void onRecovered(Hash block, Hash candidate, PoV pov);
  }

  private record RecoveryTimeout(Hash candidate, int attempt) implements Timer {}

  /** Where an included candidate's data is, and how far its recovery got. */
  private static final class Recovery {
    final Hash block;
    final int blockNumber;
    final List<Integer> backerNodes;
    int attempt;
    boolean active;
    // The same candidate may be included in blocks of two forks: each asks, one fetch serves all.
    final List<Hash> requesters = new ArrayList<>(1);
    PoV recovered;

    Recovery(Hash block, int blockNumber, List<Integer> backerNodes) {
      this.block = block;
      this.blockNumber = blockNumber;
      this.backerNodes = backerNodes;
    }
  }

  private final NodeContext ctx;
  private final ValidatorDirectory directory;
  private final AvailabilityStore store;
  private final Listener listener;
  // Lookups and pruning only; nothing iterates this map for an outcome.
  private final Map<Hash, Recovery> recoveries = new HashMap<>();

  /** Recovery for one validator. */
  public AvailabilityRecovery(NodeContext ctx, ValidatorDirectory directory, AvailabilityStore store,
      Listener listener) {
    this.ctx = ctx;
    this.directory = directory;
    this.store = store;
    this.listener = listener;
  }

  /**
   * A relay block was imported: note where the data of each candidate it included can be found.
   *
   * @param parent the parent's state: the session in which the included candidates were backed.
   *     A block that ends a session carries the next session's validators and groups, but the
   *     candidates it includes were backed by groups of the session that ends.
   */
  public void onBlockImported(RelayBlock b, RelayRuntimeState parent) {
    RelayRuntimeState s = parent;
    for (CandidateEvent e : b.state().events()) {
      if (e instanceof CandidateEvent.CandidateIncluded i) {
        List<Integer> backers = new ArrayList<>();
        for (ValidatorIndex v : s.validatorGroups().groups().get(i.group().value())) {
          backers.add(directory.nodeOf(s, v.value()));
        }
        recoveries.putIfAbsent(i.candidateHash(), new Recovery(b.hash(), b.number(), backers));
      }
    }
  }

  /**
   * {@code RecoverAvailableData}: the data comes to the listener at once if the store holds it,
   * else once a backer sends it. Candidates of unknown blocks are ignored.
   */
  public void recover(Hash block, Hash candidate) {
    Optional<PoV> own = store.pov(candidate);
    if (own.isPresent()) {
      listener.onRecovered(block, candidate, own.get());
      return;
    }
    Recovery r = recoveries.get(candidate);
    if (r == null) {
      return;
    }
    if (r.recovered != null) {
      listener.onRecovered(block, candidate, r.recovered);
      return;
    }
    if (!r.requesters.contains(block)) {
      r.requesters.add(block);
    }
    if (!r.active) {
      r.active = true;
      request(candidate, r);
    }
  }

  private void request(Hash candidate, Recovery r) {
    if (r.attempt >= r.backerNodes.size()) {
      r.active = false;
      return;
    }
    ctx.send(r.backerNodes.get(r.attempt), new AvailableDataRequest(candidate));
    ctx.schedule(REQUEST_TIMEOUT_MICROS, new RecoveryTimeout(candidate, r.attempt));
  }

  /** Another validator asks for a candidate's data. */
  public AvailableDataResponse answer(AvailableDataRequest r) {
    return new AvailableDataResponse(r.candidateHash(), store.pov(r.candidateHash()).orElse(null));
  }

  /** A backer answered; an empty answer moves on to the next backer. */
  public void onResponse(AvailableDataResponse resp) {
    Recovery r = recoveries.get(resp.candidateHash());
    if (r == null || !r.active) {
      return;
    }
    if (resp.pov() == null) {
      r.attempt++;
      request(resp.candidateHash(), r);
      return;
    }
    r.active = false;
    r.recovered = resp.pov();
    List<Hash> blocks = List.copyOf(r.requesters);
    r.requesters.clear();
    for (Hash b : blocks) {
      listener.onRecovered(b, resp.candidateHash(), resp.pov());
    }
  }

  /** Handles a request timeout; false if the timer is not recovery's. */
  public boolean onTimer(Timer t) {
    if (!(t instanceof RecoveryTimeout rt)) {
      return false;
    }
    Recovery r = recoveries.get(rt.candidate());
    if (r != null && r.active && r.attempt == rt.attempt()) {
      r.attempt++;
      request(rt.candidate(), r);
    }
    return true;
  }

  /** Finality reached {@code number}: candidates included at or below it need no recovery. */
  public void pruneFinalized(int number) {
    recoveries.values().removeIf(r -> r.blockNumber <= number);
  }
}
