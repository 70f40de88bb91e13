package io.parapipe.protocol.relay.node.availability;

import io.parapipe.protocol.host.Exchange;
import io.parapipe.protocol.host.Message;
import io.parapipe.protocol.host.NodeContext;
import io.parapipe.protocol.host.Timer;
import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.PoV;
import io.parapipe.protocol.primitives.ValidatorIndex;
import io.parapipe.protocol.relay.node.chain.RelayBlock;
import io.parapipe.protocol.relay.node.network.ValidatorDirectory;
import io.parapipe.protocol.relay.runtime.RelayRuntimeState;
import io.parapipe.protocol.relay.runtime.inclusion.CandidateEvent;
import io.parapipe.protocol.relay.runtime.inclusion.ErasureCoding;
import io.parapipe.protocol.wire.AvailableDataRequest;
import io.parapipe.protocol.wire.AvailableDataResponse;
import io.parapipe.protocol.wire.ChunkFetchRequest;
import io.parapipe.protocol.wire.ChunkFetchResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Availability recovery for approval checkers (upstream {@code availability-recovery}, a
 * validator's {@code BackersFirstIfSizeLowerThenSystematicChunks} strategy): the available data
 * of an included candidate comes from the local store if held; else, if the data is small (its
 * size estimated from this validator's own chunk, {@code chunk size × recovery threshold}, below
 * {@link #FETCH_CHUNKS_THRESHOLD_BYTES}), in full from the candidate's backers one at a time, each
 * given the 1.2 s request timeout; else, or when every backer failed, from erasure chunks in
 * random order (with the {@code AvailabilityChunkMapping} node feature the systematic chunks
 * first, held by validators that depend on the candidate's core), keeping as many requests in
 * flight as {@link #desiredRequests} says (each with the 1 s chunk timeout), until
 * {@code recovery_threshold(n)} chunks are in. Backers thus serve small data, and the load of
 * large data spreads over every validator. Also answers other validators' full-data requests
 * from the local store.
 *
 * <p>When every backer and every chunk holder failed, the recovery ends with
 * {@code RecoveryError::Unavailable}: each block that asked hears {@link
 * Listener#onUnavailable}, and the attempt is forgotten, so that the next request for the
 * candidate (approval voting retries, see {@code ApprovalVoting}) starts afresh from the backers.
 */
public final class AvailabilityRecovery {
  /**
   * The full-data request timeout: {@code AvailableDataFetchingV1} is configured with
   * {@code POV_REQUEST_TIMEOUT_CONNECTED}, 1200 ms
   * ({@code polkadot/node/network/protocol/src/request_response/mod.rs}).
   */
  static final long REQUEST_TIMEOUT_MICROS = 1_200_000;

  /** {@code CHUNK_REQUEST_TIMEOUT}: 1 s (same file). */
  static final long CHUNK_REQUEST_TIMEOUT_MICROS = 1_000_000;

  /**
   * The most chunk requests a recovery keeps in flight: {@code N_PARALLEL}, 50
   * ({@code polkadot/node/network/availability-recovery/src/task/strategy/mod.rs}), which bounds
   * the parallel requests of {@code FetchChunks} and {@code FetchSystematicChunks} "so requests
   * can be processed within the timeout" (upstream's comment on the feedback loop of timeouts,
   * more requests and thinner bandwidth).
   */
  static final int N_PARALLEL = 50;

  /**
   * How many chunk requests a recovery wants in flight, as upstream's
   * {@code get_desired_request_count} says: the chunks still missing, plus as many more as the
   * error rate so far suggests will fail, at most {@link #N_PARALLEL} (nor the threshold).
   *
   * @param missing chunks still missing
   * @param threshold the recovery threshold
   * @param responses requests answered or timed out so far in this recovery
   * @param errors of those, the ones that brought no chunk
   */
  static int desiredRequests(int missing, int threshold, int responses, int errors) {
    int boundary = Math.min(N_PARALLEL, threshold);
    int inverseErrorRate = errors == 0 ? 0 : responses / errors;
    return Math.min(boundary, missing + (inverseErrorRate == 0 ? 0 : missing / inverseErrorRate));
  }

  /**
   * Polkadot's threshold for fetching from the backers first:
   * {@code CONSERVATIVE_FETCH_CHUNKS_THRESHOLD}, 1 MiB
   * ({@code polkadot/node/network/availability-recovery/src/lib.rs}; Kusama and testnets use
   * {@code FETCH_CHUNKS_THRESHOLD}, 4 MiB).
   */
  static final int FETCH_CHUNKS_THRESHOLD_BYTES = 1024 * 1024;

  /** Receives recovered data. */
  public interface Listener {
    /** The candidate's data, included in {@code block}, was recovered (or was held locally). */
    void onRecovered(Hash block, Hash candidate, PoV pov);

    /**
     * The candidate's data, included in {@code block}, could not be recovered: no backer and not
     * enough chunk holders answered in time, or the candidate is unknown here (upstream's
     * {@code RecoveryError::Unavailable}).
     */
    void onUnavailable(Hash block, Hash candidate);
  }

  /** Timers carry the round of the recovery they belong to: a fresh attempt ignores older ones. */
  private record RecoveryTimeout(Hash candidate, int round, int attempt) implements Timer {}

  /**
   * The earliest deadline among a recovery's chunk requests has come. Each request times out
   * {@link #CHUNK_REQUEST_TIMEOUT_MICROS} after it was sent, as upstream's do; a recovery keeps its
   * requests' deadlines in sending order and one timer for the earliest, rather than a timer per
   * request that nearly always fires after the answer came.
   */
  private record ChunkTimeouts(Hash candidate, int round) implements Timer {}

  /**
   * A chunk recovery the host drew as one {@link Exchange} ends: the recovery threshold-th chunk
   * arrived, or every holder was asked and too few answered.
   */
  private record ChunksGathered(Hash candidate, int round) implements Timer {}

  /**
   * Where an included candidate's data is, and how far its recovery got. A candidate included in
   * two sibling blocks (a BABE fork) is recovered once, for every block that asked.
   */
  private static final class Recovery {
    final int blockNumber;
    final List<Integer> backerNodes;
    /** Node of each validator, by validator index (the directory's table, read only). */
    final int[] validatorNodes;
    final int selfIndex;
    /**
     * Chunk index of validator v: {@code (v + shift) mod n}; 0 unless the chunk mapping is on
     * ({@code ErasureCoding.chunkIndex}: the core times the systematic threshold).
     */
    final int shift;
    /** Whether the chunk mapping is on: only then are the systematic chunks asked for first. */
    final boolean systematic;
    final List<Hash> waiting = new ArrayList<>(1);
    PoV recovered;
    /** How many attempts failed before this one (a failed attempt is forgotten but counted). */
    int round;
    int attempt;
    boolean active;
    boolean chunks;
    /** Chunk indices still to ask, in asking order. */
    int[] toAsk;
    int next;
    /** Chunk requests answered or timed out in this round, and those that brought no chunk. */
    int responses;
    int errors;
    /**
     * Chunk indices asked and not answered yet, and those received: made when a chunk recovery
     * starts (data below the fetch-chunks threshold comes whole from a backer).
     */
    ChunkIndexSet inFlight;
    ChunkIndexSet received;
    /** The chunk requests sent in this round, oldest first: index and deadline. */
    int[] sentIndex;
    long[] sentDeadline;
    int sentHead;
    int sentTail;
    boolean timeoutArmed;
    PoV chunkData;
    /** The outcome of a chunk recovery drawn as one exchange, until its end. */
    Exchange.Outcome gathered;
    /** When this round's chunk recovery began. */
    long chunksStartedAt;

    Recovery(int blockNumber, List<Integer> backerNodes, int[] validatorNodes, int selfIndex,
        int shift, boolean systematic) {
      this.blockNumber = blockNumber;
      this.backerNodes = backerNodes;
      this.validatorNodes = validatorNodes;
      this.selfIndex = selfIndex;
      this.shift = shift;
      this.systematic = systematic;
    }

    /** The node of the validator that holds chunk {@code chunk}. */
    int holderNode(int chunk) {
      int n = validatorNodes.length;
      return validatorNodes[Math.floorMod(chunk - shift, n)];
    }
  }

  /**
   * A set of chunk indices below the number of validators, as flags: a recovery asks and hears
   * from up to a third of the validators, so boxed indices in a hash set were most of its cost.
   */
  static final class ChunkIndexSet {
    private final long[] words;
    private final int limit;
    private int size;

    ChunkIndexSet(int validators) {
      limit = validators;
      words = new long[(validators + 63) >>> 6];
    }

    /** Adds {@code index}; false if it was there (an index out of range is never a member). */
    boolean add(int index) {
      if (index < 0 || index >= limit || (words[index >>> 6] & (1L << index)) != 0) {
        return false;
      }
      words[index >>> 6] |= 1L << index;
      size++;
      return true;
    }

    /** Removes {@code index}; false if it was not there. */
    boolean remove(int index) {
      if (index < 0 || index >= limit || (words[index >>> 6] & (1L << index)) == 0) {
        return false;
      }
      words[index >>> 6] &= ~(1L << index);
      size--;
      return true;
    }

    int size() {
      return size;
    }

    boolean isEmpty() {
      return size == 0;
    }

    void clear() {
      Arrays.fill(words, 0);
      size = 0;
    }
  }

  private final NodeContext ctx;
  private final ValidatorDirectory directory;
  private final AvailabilityStore store;
  private final Listener listener;
  private final RandomGenerator random;
  // Lookups and pruning only; nothing iterates these maps for an outcome.
  private final Map<Hash, Recovery> recoveries = new HashMap<>();
  /** By block: what each imported block included, until finality passes it. */
  private final Map<Hash, Included> included = new HashMap<>();

  /**
   * The candidates a block included and the backing groups of each, in the session they were
   * backed in ({@code session}, the parent's state).
   */
  private record Included(int blockNumber, RelayRuntimeState session, Hash[] candidates,
      int[] groups, int[] cores) {}

  /** Recovery for one validator. */
  public AvailabilityRecovery(NodeContext ctx, ValidatorDirectory directory, AvailabilityStore store,
      Listener listener) {
    this.ctx = ctx;
    this.directory = directory;
    this.store = store;
    this.listener = listener;
    this.random = ctx.random("availability-recovery");
  }

  /**
   * A relay block was imported: note where the data of each candidate it included can be found.
   *
   * @param parent the parent's state: the session in which the included candidates were backed.
   *     A block that ends a session carries the next session's validators and groups, but the
   *     candidates it includes were backed by groups of the session that ends.
   */
  public void onBlockImported(RelayBlock b, RelayRuntimeState parent) {
    int count = 0;
    for (CandidateEvent e : b.state().events()) {
      if (e instanceof CandidateEvent.CandidateIncluded) {
        count++;
      }
    }
    if (count == 0) {
      return;
    }
    Hash[] candidates = new Hash[count];
    int[] groups = new int[count];
    int[] cores = new int[count];
    int k = 0;
    for (CandidateEvent e : b.state().events()) {
      if (e instanceof CandidateEvent.CandidateIncluded i) {
        candidates[k] = i.candidateHash();
        cores[k] = i.core().value();
        groups[k++] = i.group().value();
      }
    }
    included.putIfAbsent(b.hash(), new Included(b.number(), parent, candidates, groups, cores));
  }

  /**
   * The recovery of a candidate {@code block} included, made at the first request for it: only
   * the checkers of a candidate ask, a few dozen of the validators that import its block. Null if
   * {@code block} is not known here (never imported, or pruned) or did not include it.
   */
  private Recovery noted(Hash block, Hash candidate) {
    Included inc = included.get(block);
    if (inc == null) {
      return null;
    }
    for (int k = 0; k < inc.candidates.length; k++) {
      if (inc.candidates[k].equals(candidate)) {
        RelayRuntimeState s = inc.session;
        List<Integer> backers = new ArrayList<>();
        for (ValidatorIndex v : s.validatorGroups().groups().get(inc.groups[k])) {
          backers.add(directory.nodeOf(s, v.value()));
        }
        int[] nodes = directory.nodesOf(s);
        boolean mapping = s.api().availabilityChunkMapping();
        int shift = mapping ? ErasureCoding.chunkIndex(true, nodes.length,
            CoreIndex.of(inc.cores[k]), ValidatorIndex.of(0)).value() : 0;
        Recovery r = new Recovery(inc.blockNumber, backers, nodes, directory.selfIndex(s), shift,
            mapping);
        recoveries.put(candidate, r);
        return r;
      }
    }
    return null;
  }

  /**
   * {@code RecoverAvailableData}: the data comes to the listener at once if the store holds it,
   * else once recovered; the listener hears {@link Listener#onUnavailable} if it cannot be
   * recovered, at once for a candidate no imported block included (or finality pruned).
   */
  public void recover(Hash block, Hash candidate) {
    Optional<PoV> own = store.pov(candidate);
    if (own.isPresent()) {
      listener.onRecovered(block, candidate, own.get());
      return;
    }
    Recovery r = recoveries.get(candidate);
    if (r == null) {
      r = noted(block, candidate);
    }
    if (r == null) {
      listener.onUnavailable(block, candidate);
      return;
    }
    if (r.recovered != null) {
      listener.onRecovered(block, candidate, r.recovered);
      return;
    }
    if (!r.waiting.contains(block)) {
      r.waiting.add(block);
    }
    if (r.active) {
      return;
    }
    r.active = true;
    int n = r.validatorNodes.length;
    long estimate = (long) store.chunkSize(candidate, n) * ErasureCoding.recoveryThreshold(n);
    if (estimate >= FETCH_CHUNKS_THRESHOLD_BYTES) {
      startChunks(candidate, r);
    } else {
      request(candidate, r);
    }
  }

  private void request(Hash candidate, Recovery r) {
    if (r.attempt >= r.backerNodes.size()) {
      startChunks(candidate, r); // every backer failed: fall back to chunks
      return;
    }
    ctx.send(r.backerNodes.get(r.attempt),
        new AvailableDataRequest(candidate, ctx.now() + REQUEST_TIMEOUT_MICROS));
    ctx.schedule(REQUEST_TIMEOUT_MICROS, new RecoveryTimeout(candidate, r.round, r.attempt));
  }

  // ---- chunks ----

  private void startChunks(Hash candidate, Recovery r) {
    if (r.chunks) {
      return;
    }
    r.chunks = true;
    r.chunksStartedAt = ctx.now();
    int n = r.validatorNodes.length;
    r.received = new ChunkIndexSet(n);
    r.responses = 0;
    r.errors = 0;
    int own = r.selfIndex >= 0 && r.selfIndex < n ? (r.selfIndex + r.shift) % n : -1;
    // With the chunk mapping, the systematic chunks first, then the others, each part in random
    // order (upstream's FetchSystematicChunks, then FetchChunks); without it every chunk in one
    // random order (FetchChunks: systematic recovery needs the mapping, else the first third of
    // the validators would serve every candidate's systematic chunks).
    int systematic = r.systematic ? ErasureCoding.systematicRecoveryThreshold(n) : 0;
    int[] order = new int[own >= 0 ? n - 1 : n];
    int count = 0;
    for (int c = 0; c < Math.min(systematic, n); c++) {
      if (c != own) {
        order[count++] = c;
      }
    }
    int firstPart = count;
    for (int c = systematic; c < n; c++) {
      if (c != own) {
        order[count++] = c;
      }
    }
    shuffle(order, 0, firstPart);
    shuffle(order, firstPart, count);
    r.toAsk = order;
    if (own >= 0 && store.hasChunk(candidate)) {
      r.received.add(own);
      r.chunkData = store.chunkData(candidate).orElse(null);
    }
    int threshold = ErasureCoding.recoveryThreshold(n);
    if (r.received.size() < threshold && gather(candidate, r, threshold)) {
      return;
    }
    askChunks(candidate, r);
  }

  /**
   * Asks the host to draw the whole chunk recovery at once, with the holders in the same order
   * and as many requests in flight as {@link #askChunks} keeps; the recovery then ends when
   * {@link ChunksGathered} fires. False if the host exchanges by messages (exact gossip).
   */
  private boolean gather(Hash candidate, Recovery r, int threshold) {
    Exchange.Outcome o = ctx.exchange(new ChunkExchange(candidate, r.toAsk, r.validatorNodes,
        r.shift, threshold - r.received.size(), threshold));
    if (o == null) {
      return false;
    }
    r.next = o.requests();
    r.gathered = o;
    ctx.schedule(Math.max(0, o.atMicros() - ctx.now()), new ChunksGathered(candidate, r.round));
    return true;
  }

  /**
   * A drawn chunk recovery: the holders of {@code toAsk}'s chunk indices, asked in that order
   * until {@code needed} chunks are in; holders answer from their stores' offers
   * ({@link AvailabilityStore.Offers}), as their {@link AvailabilityDistribution#answer} would.
   */
  static final class ChunkExchange implements Exchange {
    private final Hash candidate;
    private final int[] toAsk;
    private final int[] nodes;
    private final int shift;
    private final int needed;
    private final int threshold;

    /**
     * @param toAsk the chunk indices to ask for, in order
     * @param nodes the node of each validator index
     * @param shift validator v holds chunk {@code (v + shift) mod n}
     * @param needed how many chunks are still missing
     * @param threshold the recovery threshold
     */
    ChunkExchange(Hash candidate, int[] toAsk, int[] nodes, int shift, int needed, int threshold) {
      this.candidate = candidate;
      this.toAsk = toAsk;
      this.nodes = nodes;
      this.shift = shift;
      this.needed = needed;
      this.threshold = threshold;
    }

    @Override
    public int inFlightWanted(int missing, int responses, int errors) {
      return desiredRequests(missing, threshold, responses, errors);
    }

    @Override
    public int peers() {
      return toAsk.length;
    }

    @Override
    public int peer(int i) {
      return nodes[Math.floorMod(toAsk[i] - shift, nodes.length)];
    }

    @Override
    public int needed() {
      return needed;
    }

    @Override
    public long timeoutMicros() {
      return CHUNK_REQUEST_TIMEOUT_MICROS;
    }

    @Override
    public Message request(int i, long deadlineMicros) {
      return new ChunkFetchRequest(candidate, toAsk[i], true, deadlineMicros);
    }

    @Override
    public int requestBytes(int i) {
      return ChunkFetchRequest.BYTES;
    }

    @Override
    public Class<ChunkFetchRequest> requestType() {
      return ChunkFetchRequest.class;
    }

    @Override
    public Class<ChunkFetchResponse> answerType() {
      return ChunkFetchResponse.class;
    }

    @Override
    public boolean useful(Message response) {
      return response instanceof ChunkFetchResponse c && c.found() && c.data() != null;
    }

    // A holder answers from its store's offers (AvailabilityStore.Offers), as its
    // AvailabilityDistribution.answer would.
    @Override
    public Object offerKey() {
      return candidate;
    }

    @Override
    public int offerSlot(int i) {
      return toAsk[i];
    }

    @Override
    public Message answerFromOffer(int i, int size, Object payload, long deadlineMicros) {
      return size < 0
          ? new ChunkFetchResponse(candidate, toAsk[i], 0, false, true, null, deadlineMicros)
          : new ChunkFetchResponse(candidate, toAsk[i], size, true, true, (PoV) payload,
              deadlineMicros);
    }

    // What answerFromOffer's message would say, without making it (ChunkExchangeTest).
    @Override
    public int offerAnswerBytes(int i, int size, Object payload) {
      return ChunkFetchResponse.bytesFor(Math.max(0, size));
    }

    @Override
    public boolean offerAnswerUseful(int i, int size, Object payload) {
      return size >= 0 && payload != null;
    }
  }

  /** Fisher-Yates on {@code a[from, to)}, drawing as a shuffle of that part alone would. */
  private void shuffle(int[] a, int from, int to) {
    for (int i = to - from - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = a[from + i];
      a[from + i] = a[from + j];
      a[from + j] = t;
    }
  }

  /** Keeps as many requests in flight as {@link #desiredRequests}; gives up when nobody is left. */
  private void askChunks(Hash candidate, Recovery r) {
    int threshold = ErasureCoding.recoveryThreshold(r.validatorNodes.length);
    if (r.received.size() >= threshold && r.chunkData != null) {
      done(candidate, r, r.chunkData);
      return;
    }
    if (r.inFlight == null) {
      // Requests sent one by one (exact gossip): what is in flight, in the order it was sent.
      // A drawn recovery never needs these, so they are made only here.
      int n = r.validatorNodes.length;
      r.inFlight = new ChunkIndexSet(n);
      r.sentIndex = new int[n];
      r.sentDeadline = new long[n];
      r.sentHead = 0;
      r.sentTail = 0;
    }
    while (r.inFlight.size() < desiredRequests(threshold - r.received.size(), threshold,
        r.responses, r.errors) && r.next < r.toAsk.length) {
      int index = r.toAsk[r.next++];
      r.inFlight.add(index);
      ctx.send(r.holderNode(index), new ChunkFetchRequest(candidate, index, true,
          ctx.now() + CHUNK_REQUEST_TIMEOUT_MICROS));
      r.sentIndex[r.sentTail] = index;
      r.sentDeadline[r.sentTail++] = ctx.now() + CHUNK_REQUEST_TIMEOUT_MICROS;
      if (!r.timeoutArmed) {
        r.timeoutArmed = true;
        ctx.schedule(CHUNK_REQUEST_TIMEOUT_MICROS, new ChunkTimeouts(candidate, r.round));
      }
    }
    if (r.inFlight.isEmpty()) {
      unavailable(candidate, r); // not enough chunks anywhere
    }
  }

  /**
   * Every source failed: tells each block that asked, and forgets the attempt (which backers and
   * chunk holders were asked, which chunks came) so that a later request starts afresh.
   */
  private void unavailable(Hash candidate, Recovery r) {
    if (r.chunks) {
      ctx.emit(new ChunkRecoveryEnded(candidate, r.chunksStartedAt, false));
    }
    r.active = false;
    r.chunks = false;
    r.round++;
    r.attempt = 0;
    r.toAsk = null;
    r.next = 0;
    r.inFlight = null;
    r.received = null;
    r.sentIndex = null;
    r.sentDeadline = null;
    r.timeoutArmed = false;
    r.chunkData = null;
    r.gathered = null;
    List<Hash> asked = List.copyOf(r.waiting);
    r.waiting.clear();
    for (Hash block : asked) {
      listener.onUnavailable(block, candidate);
    }
  }

  /** A validator answered a recovery chunk request. */
  public void onChunk(ChunkFetchResponse resp) {
    Recovery r = recoveries.get(resp.candidateHash());
    if (r == null || !r.active || !r.chunks || r.inFlight == null
        || !r.inFlight.remove(resp.chunkIndex())) {
      return;
    }
    r.responses++;
    if (resp.found() && resp.data() != null) {
      r.received.add(resp.chunkIndex());
      r.chunkData = resp.data();
    } else {
      r.errors++;
    }
    askChunks(resp.candidateHash(), r);
  }

  private void done(Hash candidate, Recovery r, PoV pov) {
    if (r.chunks) {
      ctx.emit(new ChunkRecoveryEnded(candidate, r.chunksStartedAt, true));
    }
    r.active = false;
    r.recovered = pov;
    // The attempt's bookkeeping goes now, not at finality: a recovered candidate is answered from
    // `recovered` alone, and at 500 validators the chunk bookkeeping is about 8 KB a recovery.
    r.toAsk = null;
    r.inFlight = null;
    r.received = null;
    r.sentIndex = null;
    r.sentDeadline = null;
    r.chunkData = null;
    r.gathered = null;
    for (Hash block : r.waiting) {
      listener.onRecovered(block, candidate, pov);
    }
    r.waiting.clear();
  }

  // ---- full data ----

  /** Another validator asks for a candidate's data. */
  public AvailableDataResponse answer(AvailableDataRequest r) {
    return new AvailableDataResponse(r.candidateHash(), store.pov(r.candidateHash()).orElse(null),
        r.deadlineMicros());
  }

  /** A backer answered; an empty answer moves on to the next backer. */
  public void onResponse(AvailableDataResponse resp) {
    Recovery r = recoveries.get(resp.candidateHash());
    if (r == null || !r.active || r.chunks) {
      return;
    }
    if (resp.pov() == null) {
      r.attempt++;
      request(resp.candidateHash(), r);
      return;
    }
    done(resp.candidateHash(), r, resp.pov());
  }

  /** Handles a request timeout; false if the timer is not recovery's. */
  public boolean onTimer(Timer t) {
    if (t instanceof ChunksGathered g) {
      Recovery r = recoveries.get(g.candidate());
      if (r == null || r.round != g.round() || !r.active || r.gathered == null) {
        return true; // pruned, or a round that failed since
      }
      Exchange.Outcome o = r.gathered;
      r.gathered = null;
      if (o.lastUseful() instanceof ChunkFetchResponse c) {
        r.chunkData = c.data();
      }
      int threshold = ErasureCoding.recoveryThreshold(r.validatorNodes.length);
      if (r.received.size() + o.useful() >= threshold && r.chunkData != null) {
        done(g.candidate(), r, r.chunkData);
      } else {
        unavailable(g.candidate(), r); // not enough chunks anywhere
      }
      return true;
    }
    if (t instanceof ChunkTimeouts ct) {
      Recovery r = recoveries.get(ct.candidate());
      if (r == null || r.round != ct.round() || r.sentIndex == null) {
        return true; // a round that failed since: its requests no longer count
      }
      r.timeoutArmed = false;
      long now = ctx.now();
      // Requests time out in the order they were sent; each expiry is handled as its own timer
      // would have been, and may send the next request.
      while (r.sentIndex != null && r.sentHead < r.sentTail && r.sentDeadline[r.sentHead] <= now) {
        int index = r.sentIndex[r.sentHead++];
        if (r.active && r.inFlight != null && r.inFlight.remove(index)) {
          r.responses++; // upstream counts a request that failed as a response, and an error
          r.errors++;
          askChunks(ct.candidate(), r);
        }
      }
      if (r.active && r.round == ct.round() && r.sentIndex != null && r.sentHead < r.sentTail
          && !r.timeoutArmed) {
        r.timeoutArmed = true;
        ctx.schedule(r.sentDeadline[r.sentHead] - now, new ChunkTimeouts(ct.candidate(), r.round));
      }
      return true;
    }
    if (!(t instanceof RecoveryTimeout rt)) {
      return false;
    }
    Recovery r = recoveries.get(rt.candidate());
    if (r != null && r.active && !r.chunks && r.round == rt.round() && r.attempt == rt.attempt()) {
      r.attempt++;
      request(rt.candidate(), r);
    }
    return true;
  }

  /** Finality reached {@code number}: candidates included at or below it need no recovery. */
  public void pruneFinalized(int number) {
    recoveries.values().removeIf(r -> r.blockNumber <= number);
    included.values().removeIf(i -> i.blockNumber <= number);
  }
}
