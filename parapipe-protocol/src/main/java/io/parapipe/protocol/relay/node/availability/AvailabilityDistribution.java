package io.parapipe.protocol.relay.node.availability;

import io.parapipe.protocol.events.ChunkStored;
import io.parapipe.protocol.host.NodeContext;
import io.parapipe.protocol.host.Timer;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.PoV;
import io.parapipe.protocol.primitives.ValidatorIndex;
import io.parapipe.protocol.relay.node.chain.RelayBlock;
import io.parapipe.protocol.relay.node.network.ValidatorDirectory;
import io.parapipe.protocol.relay.runtime.RelayRuntimeState;
import io.parapipe.protocol.relay.runtime.inclusion.CandidateEvent;
import io.parapipe.protocol.relay.runtime.inclusion.ErasureCoding;
import io.parapipe.protocol.wire.ChunkFetchRequest;
import io.parapipe.protocol.wire.ChunkFetchResponse;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.random.RandomGenerator;

/**
 * Availability distribution: when a block shows a candidate newly backed (its core now occupied),
 * every validator that does not hold its chunk fetches it from the backing group, trying the
 * members in random order with upstream's 1 s request timeout ({@code CHUNK_REQUEST_TIMEOUT}).
 * Chunks are sized from the PoV: {@code ceil(pov / recovery_threshold(n))}. Every validator
 * answers requests for chunks it holds: backers for any chunk, the others for their own, which
 * availability recovery asks for.
 */
public final class AvailabilityDistribution {
  /** Upstream's chunk request timeout. */
  static final long CHUNK_REQUEST_TIMEOUT_MICROS = 1_000_000;

  /**
   * Chunk requests sent in one go, which time out together: a block import's (one per candidate
   * it backed), or the retries of one handler. Upstream times each request out on its own; here
   * the requests of a batch share their deadline, so one timer stands for all of them, and it is
   * cancelled once each was answered, the fate of nearly all (a timer per request was 6 % of the
   * events of a 500-validator run, each firing a second later to find its fetch done). The timer
   * is scheduled where the batch's first request is sent, so it fires where the first of the
   * per-request timers would have, and handles the batch's requests in sending order.
   */
  private static final class Batch {
    Hash[] candidates = new Hash[4];
    int[] attempts = new int[4];
    int size;
    /** Requests of the batch not answered yet. */
    int open;
    long timer;

    void add(Hash candidate, int attempt) {
      if (size == candidates.length) {
        candidates = Arrays.copyOf(candidates, 2 * size);
        attempts = Arrays.copyOf(attempts, 2 * size);
      }
      candidates[size] = candidate;
      attempts[size++] = attempt;
      open++;
    }
  }

  /** The deadline of a batch of chunk requests has come. */
  private record ChunkTimeout(Batch batch) implements Timer {}

  private static final class Fetch {
    /** The backers' nodes, in the random order they are asked in. */
    final int[] backerNodes;
    final int chunkIndex;
    final int relayNumber;
    int attempt;
    /** The batch the current attempt's request went in. */
    Batch batch;

    Fetch(int[] backerNodes, int chunkIndex, int relayNumber) {
      this.backerNodes = backerNodes;
      this.chunkIndex = chunkIndex;
      this.relayNumber = relayNumber;
    }
  }

  private final NodeContext ctx;
  private final ValidatorDirectory directory;
  private final AvailabilityStore store;
  private final RandomGenerator random;
  private final Map<Hash, Fetch> fetching = new HashMap<>();

  /** Availability distribution for one validator. */
  public AvailabilityDistribution(NodeContext ctx, ValidatorDirectory directory, AvailabilityStore store) {
    this.ctx = ctx;
    this.directory = directory;
    this.store = store;
    this.random = ctx.random("availability-distribution");
  }

  /** A relay block was imported: fetch our chunk of every candidate it backed. */
  public void onBlockImported(RelayBlock block) {
    RelayRuntimeState s = block.state();
    int self = directory.selfIndex(s);
    if (self < 0) {
      return;
    }
    Batch batch = null;
    for (CandidateEvent e : s.events()) {
      if (!(e instanceof CandidateEvent.CandidateBacked b)) {
        continue;
      }
      Hash c = b.candidateHash();
      if (store.hasChunk(c) || fetching.containsKey(c)) {
        continue;
      }
      // Every validator fetches every candidate's chunk: V × cores of these a block, so the
      // backers' nodes are a plain array, not a list of boxed ids.
      List<ValidatorIndex> group = s.validatorGroups().groups().get(b.group().value());
      int count = 0;
      for (ValidatorIndex v : group) {
        if (v.value() != self) {
          count++;
        }
      }
      int[] backers = new int[count];
      int k = 0;
      for (ValidatorIndex v : group) {
        if (v.value() != self) {
          backers[k++] = directory.nodeOf(s, v.value());
        }
      }
      for (int i = backers.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = backers[i];
        backers[i] = backers[j];
        backers[j] = t;
      }
      // The chunk this validator keeps: its index, or with the chunk mapping one that depends on
      // the core (ErasureCoding.chunkIndex), so that the systematic chunks spread over validators.
      int chunk = s.api().availabilityChunkMapping()
          ? ErasureCoding.chunkIndex(true, directory.nodesOf(s).length, b.core(),
              ValidatorIndex.of(self)).value()
          : self;
      Fetch f = new Fetch(backers, chunk, block.number());
      fetching.put(c, f);
      batch = request(c, f, batch);
    }
  }

  /**
   * Asks the next backer for the chunk, the request joining {@code batch} (a new batch if null);
   * gives the fetch up when every backer was asked. Returns the batch the request joined.
   */
  private Batch request(Hash candidate, Fetch f, Batch batch) {
    if (f.attempt >= f.backerNodes.length) {
      fetching.remove(candidate);
      return batch;
    }
    ctx.send(f.backerNodes[f.attempt], new ChunkFetchRequest(candidate, f.chunkIndex, false,
        ctx.now() + CHUNK_REQUEST_TIMEOUT_MICROS));
    if (batch == null) {
      batch = new Batch();
      batch.timer = ctx.schedule(CHUNK_REQUEST_TIMEOUT_MICROS, new ChunkTimeout(batch));
    }
    batch.add(candidate, f.attempt);
    f.batch = batch;
    return batch;
  }

  /** The current request of the fetch was answered: its batch has one request less open. */
  private void answered(Fetch f) {
    Batch b = f.batch;
    f.batch = null;
    if (b != null && --b.open == 0) {
      ctx.cancel(b.timer);
    }
  }

  /**
   * A chunk request from another validator: a backer (holding all chunks) answers for any index,
   * any other validator for the chunk it stored, which availability recovery asks for. The chunk's
   * index is the one it was fetched under (the validator's index in the candidate's session), so
   * chunks stay servable after a session change reshuffles validator indices.
   */
  public ChunkFetchResponse answer(ChunkFetchRequest r, int validators) {
    return answer(r, () -> validators);
  }

  /**
   * {@link #answer(ChunkFetchRequest, int)} with the number of validators read only when a backer
   * sizes a chunk of the whole data (finding it means reading the best block's state, and the
   * answer is the hot path of drawn chunk recoveries).
   */
  public ChunkFetchResponse answer(ChunkFetchRequest r, IntSupplier validators) {
    int size = store.serve(r.candidateHash(), r.chunkIndex(), validators);
    if (size < 0) {
      return new ChunkFetchResponse(r.candidateHash(), r.chunkIndex(), 0, false, r.recovery(), null,
          r.deadlineMicros());
    }
    return new ChunkFetchResponse(r.candidateHash(), r.chunkIndex(), size, true,
        r.recovery(), store.servedData(), r.deadlineMicros());
  }

  /** A chunk (or a refusal) arrived. */
  public void onResponse(ChunkFetchResponse r) {
    Fetch f = fetching.get(r.candidateHash());
    if (f == null) {
      return;
    }
    answered(f);
    if (r.found()) {
      fetching.remove(r.candidateHash());
      store.storeChunk(r.candidateHash(), f.relayNumber, f.chunkIndex, r.data(), r.chunkSize());
      ctx.emit(new ChunkStored(r.candidateHash()));
    } else {
      f.attempt++;
      request(r.candidateHash(), f, null);
    }
  }

  /** Handles a request timeout; false if the timer is not this subsystem's. */
  public boolean onTimer(Timer t) {
    if (!(t instanceof ChunkTimeout ct)) {
      return false;
    }
    Batch b = ct.batch();
    Batch retries = null;
    for (int k = 0; k < b.size; k++) {
      Fetch f = fetching.get(b.candidates[k]);
      if (f != null && f.batch == b && f.attempt == b.attempts[k]) {
        f.batch = null;
        f.attempt++;
        retries = request(b.candidates[k], f, retries);
      }
    }
    return true;
  }
}
