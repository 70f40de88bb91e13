package io.parapipe.protocol.relay.node.finality;

import io.parapipe.protocol.host.NodeContext;
import io.parapipe.protocol.host.Timer;
import io.parapipe.protocol.primitives.GrandpaVoteStep;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.relay.node.chain.BlockTree;
import io.parapipe.protocol.wire.GrandpaCatchUpMessage;
import io.parapipe.protocol.wire.GrandpaCatchUpRequest;
import io.parapipe.protocol.wire.GrandpaCommitMessage;
import io.parapipe.protocol.wire.GrandpaCommitMessage.SignedVote;
import io.parapipe.protocol.wire.GrandpaMessage;
import io.parapipe.protocol.wire.GrandpaNeighbourPacket;
import io.parapipe.protocol.wire.GrandpaVoteMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * A GRANDPA voter (upstream {@code finality-grandpa}'s voter with {@code sc-consensus-grandpa}'s
 * gossip and authority-set tracking). Rounds have two steps: each validator prevotes for the
 * highest block of its best chain that approval checking has approved (and that does not pass a
 * pending authority-set change); once it sees a supermajority of prevotes it precommits for their
 * GHOST; once it sees a supermajority of precommits it finalizes their GHOST and, after a random
 * commit delay, gossips a commit unless it saw one already. Any supermajority of the
 * {@code n − ⌊(n−1)/3⌋} threshold completes a round, whoever is offline.
 *
 * <p>Recovery from lost messages and for late joiners, as upstream's gossip does it:
 *
 * <ul>
 *   <li>commits: a node that checks a commit's precommits finalizes its target and leaves the
 *       round, without the round's votes;
 *   <li>periodic rebroadcast: while a round does not complete, the voter re-sends its votes of
 *       the round and a neighbour packet (the first after {@link #REBROADCAST_FIRST_MICROS}, then
 *       at doubling intervals up to {@link #REBROADCAST_MAX_MICROS});
 *   <li>neighbour packets: a peer whose packet shows it behind in finality gets the last commit;
 *       a peer in a round this voter still holds gets this voter's votes of that round; a peer at
 *       least {@link #CATCH_UP_THRESHOLD} rounds ahead is asked for a catch-up (its last completed
 *       round's votes), at most once per {@link #CATCH_UP_REQUEST_TIMEOUT_MICROS}.
 * </ul>
 *
 * <p>Authority sets: the block that ends a session signals a standard change with delay 0
 * (Polkadot's {@code pallet_grandpa} {@code on_new_session} schedules {@code schedule_change(next,
 * 0)}): no vote passes it until it is finalized, and its finalization starts the next set at
 * round 1. The simulated validator set is the same every session (only its order is shuffled),
 * so a commit of a later set is checked against the same authorities.
 *
 * @param <B> the relay block type
 */
public final class GrandpaVoter<B> {
  /** sc-consensus-grandpa {@code communication/gossip.rs}: rounds behind before a catch-up. */
  static final long CATCH_UP_THRESHOLD = 2;
  /** sc-consensus-grandpa {@code communication/gossip.rs}: {@code CATCH_UP_REQUEST_TIMEOUT}. */
  static final long CATCH_UP_REQUEST_TIMEOUT_MICROS = 45_000_000;
  /**
   * sc-network-gossip {@code state_machine.rs}: {@code REBROADCAST_INTERVAL} (750 ms), the first
   * re-send of a stalled round's votes. Later re-sends of an unchanged round double the interval
   * (a simulation economy: the same votes to the same peers), up to {@link #REBROADCAST_MAX_MICROS}.
   */
  static final long REBROADCAST_FIRST_MICROS = 750_000;
  /** Longest interval between re-sends of a stalled round's votes (two relay slots). */
  static final long REBROADCAST_MAX_MICROS = 12_000_000;
  /**
   * sc-consensus-grandpa {@code environment.rs} {@code round_commit_timer}: a random delay in
   * {@code [0, 2 × gossip_duration)}, gossip_duration 1 s on Polkadot.
   */
  static final long COMMIT_DELAY_MAX_MICROS = 2_000_000;
  /**
   * sc-consensus-grandpa {@code until_imported.rs}: a vote waiting for its target block is
   * checked every {@code CHECK_PENDING_INTERVAL} (5 s), and once it has waited
   * {@code LOG_PENDING_INTERVAL} (15 s) the node asks sync for the block
   * ({@code set_sync_fork_request}), and again every 15 s while it is missing. Modelled as a
   * request 15 s after the target is first seen missing, then every 15 s.
   */
  static final long FORK_REQUEST_AFTER_MICROS = 15_000_000;
  /**
   * finality-grandpa {@code voter/voting_round.rs}: a voter precommits once the round is
   * completable or its precommit timer, {@code 4 × gossip_duration} after the round started, has
   * fired; Polkadot's {@code gossip_duration} is 1 s ({@code polkadot/node/service}).
   */
  static final long PRECOMMIT_TIMER_MICROS = 4_000_000;
  /** Upstream's gossip keeps the current and the two previous rounds live. */
  static final int KEEP_RECENT_ROUNDS = 3;

  /** What the voter asks of the rest of the node. */
  public interface Actions {
    /** Gossip a message to every validator. */
    void broadcast(GrandpaMessage m);

    /** Send a message to one validator (by authority index). */
    void send(int validator, GrandpaMessage m);

    /** This node finalized a block. */
    void onFinalized(Hash block, int number);

    /**
     * A vote has named a block this node still lacks after {@link #FORK_REQUEST_AFTER_MICROS}:
     * ask {@code validator}, who voted for it, to send it (substrate's
     * {@code set_sync_fork_request}, which upstream leaves to sync's choice of peers). Without it
     * a vote for a block of a fork this node never saw, such as the other side's blocks after a
     * partition, waits for good, and so does every round that needs it for a supermajority.
     */
    default void requestBlock(int validator, Hash block) {}

    /**
     * Hands {@code sink} the posted votes that have reached this node and were not taken yet, in
     * arrival order (threshold gossip; with exact gossip they came as messages and none wait).
     */
    default void takeVotes(Consumer<GrandpaMessage> sink) {}

    /**
     * Wakes this voter with {@code timer} at the {@code k}-th untaken vote keyed at least {@code
     * fromKey} to arrive, or at the first keyed at least {@code urgentKey} (see {@link
     * GrandpaGossip#wakeOnVotes}).
     */
    default void wakeOnVotes(long fromKey, int k, long urgentKey, Timer timer) {}
  }

  private record RoundDue(long setId, long round) implements Timer {}

  private record Rebroadcast(long setId, long round, long delay) implements Timer {}

  private record CommitDue(long setId, long round) implements Timer {}

  private record ForkRequestDue(Hash target) implements Timer {}

  private record PrecommitDue(long setId, long round) implements Timer {}

  /** Enough posted votes may have arrived to change something (threshold gossip). */
  private record VotesArrived() implements Timer {}

  private static final VotesArrived VOTES_ARRIVED = new VotesArrived();

  /** A vote target this node lacks: its number, and a validator that voted for it. */
  private record Missing(int number, int voter) {}

  private record Vote(Hash target, int number) {}

  /** One round's votes, indexed by validator (one vote each, first one counts). */
  private static final class Round {
    final long number;
    final Vote[] prevotes;
    final Vote[] precommits;
    int prevoteCount;
    int precommitCount;
    boolean prevoted;
    boolean precommitted;
    /** The precommit timer is scheduled (the round was found not completable once). */
    boolean precommitTimerArmed;
    boolean precommitTimerFired;
    boolean completed;
    Vote ownPrevote;
    Vote ownPrecommit;
    GrandpaCommitMessage commit;
    /** The best commit of this round imported from the network, if any. */
    GrandpaCommitMessage imported;

    /** The prevotes and precommits tallied by distinct target, as they arrive. */
    final Tally prevoteTally = new Tally();
    final Tally precommitTally = new Tally();

    Round(long number, int validators) {
      this.number = number;
      prevotes = new Vote[validators];
      precommits = new Vote[validators];
    }

    void add(GrandpaVoteStep step, int validator, Vote v) {
      if (validator < 0 || validator >= prevotes.length) {
        return;
      }
      if (step == GrandpaVoteStep.PREVOTE) {
        if (prevotes[validator] == null) {
          prevotes[validator] = v;
          prevoteCount++;
          prevoteTally.add(v, validator);
        }
      } else if (precommits[validator] == null) {
        precommits[validator] = v;
        precommitCount++;
        precommitTally.add(v, validator);
      }
    }
  }

  /**
   * One step's votes of a round by distinct target: voters mostly agree, so the GHOST and the
   * completability check walk a few targets' ancestry once each, with their counts, instead of
   * scanning every validator's vote on every arrival (which made a round cost V² per voter).
   */
  private static final class Tally {
    Hash[] targets = new Hash[4];
    int[] numbers = new int[4];
    int[] counts = new int[4];
    /** The lowest validator index that voted for each target: whom to ask for a missing one. */
    int[] firstVoter = new int[4];
    int distinct;

    void add(Vote v, int validator) {
      Hash t = v.target();
      int i = 0;
      while (i < distinct && targets[i] != t && !targets[i].equals(t)) {
        i++;
      }
      if (i == distinct) {
        if (distinct == targets.length) {
          targets = Arrays.copyOf(targets, 2 * distinct);
          numbers = Arrays.copyOf(numbers, 2 * distinct);
          counts = Arrays.copyOf(counts, 2 * distinct);
          firstVoter = Arrays.copyOf(firstVoter, 2 * distinct);
        }
        targets[distinct] = t;
        numbers[distinct] = v.number();
        firstVoter[distinct] = validator;
        distinct++;
      }
      counts[i]++;
      firstVoter[i] = Math.min(firstVoter[i], validator);
    }
  }

  private final NodeContext ctx;
  private final int self;
  private final int threshold;
  private final int validators;
  private final long roundInterval;
  private final BlockTree<B> tree;
  private final BlockTree.Shape<B> shape;
  private final Predicate<Hash> approved;
  private final ToLongFunction<B> setIdAfter;
  private final Actions actions;
  private final RoundTable<Round> rounds = new RoundTable<>();
  private final LongFunction<Round> newRound = this::makeRound;
  // Votes of the next set, replayed once this node finalizes the change block.
  private final List<GrandpaVoteMessage> nextSetVotes = new ArrayList<>();
  private long setId;
  private long current;
  private long currentStartedAt = Long.MIN_VALUE / 2;
  private boolean startPending;
  private Round lastCompleted;
  private GrandpaCommitMessage lastCommit;
  private GrandpaCommitMessage pendingCommit;
  /** Vote targets this node lacks, each with the voter to ask for it, until imported or moot. */
  private final Map<Hash, Missing> waitingFor = new HashMap<>();
  // The gossip's local view of the last commit (upstream LocalView::last_commit): the target
  // number of the last commit this voter sent or imported in the current set, or -1.
  private long lastCommitNumber = -1;
  private Vote lastVote;
  private long lastCatchUpRequestAt = Long.MIN_VALUE / 2;

  /**
   * A voter whose authority set never changes (set id 0 throughout).
   *
   * @see #GrandpaVoter(NodeContext, int, int, long, BlockTree, BlockTree.Shape, Predicate,
   *     ToLongFunction, Actions)
   */
  public GrandpaVoter(NodeContext ctx, int self, int validators, long roundInterval,
      BlockTree<B> tree, BlockTree.Shape<B> shape, Predicate<Hash> approved, Actions actions) {
    this(ctx, self, validators, roundInterval, tree, shape, approved, b -> 0L, actions);
  }

  /**
   * @param self this validator's authority index
   * @param validators number of validators; the threshold is {@code n − ⌊(n−1)/3⌋}
   * @param roundInterval minimum time between round starts
   * @param approved whether approval checking approved a block (and its ancestors)
   * @param setIdAfter the authority set id in force once a block is finalized (a block that
   *     ends a session enacts the next set)
   */
  public GrandpaVoter(NodeContext ctx, int self, int validators, long roundInterval,
      BlockTree<B> tree, BlockTree.Shape<B> shape, Predicate<Hash> approved,
      ToLongFunction<B> setIdAfter, Actions actions) {
    this.ctx = ctx;
    this.self = self;
    this.threshold = validators - (validators - 1) / 3;
    this.validators = validators;
    this.roundInterval = roundInterval;
    this.tree = tree;
    this.shape = shape;
    this.approved = approved;
    this.setIdAfter = setIdAfter;
    this.actions = actions;
    this.setId = setIdAfter.applyAsLong(tree.finalized());
  }

  /** The current round (0 before the first of the set). */
  public long round() {
    return current;
  }

  /** The current authority set id. */
  public long setId() {
    return setId;
  }

  /** Something changed (a block imported or approved): start a round if there is news. */
  public void onChainChanged() {
    takeVotes();
    if (pendingCommit != null) {
      GrandpaCommitMessage c = pendingCommit;
      pendingCommit = null;
      onCommit(c);
    }
    maybeStartNext();
    recountCurrent();
    armWake();
  }

  /** A GRANDPA gossip message from another validator. */
  public void onMessage(GrandpaMessage m) {
    takeVotes();
    handle(m);
    armWake();
  }

  /**
   * Takes the posted votes that arrived since this voter last looked, in arrival order, as they
   * would have been handled on arrival: until a threshold could be crossed nothing a vote does is
   * seen, and {@link #armWake} has the voter woken when one could be.
   */
  private void takeVotes() {
    takenVotes = 0;
    actions.takeVotes(takeSink);
    if (takenVotes > 0) {
      recountCurrent();
    }
  }

  /*
   * A posted vote is counted without recounting the round: every vote taken arrived before a
   * threshold could be crossed (the wake comes at the first arrival that could cross one), except
   * the last ones, which arrived now; so one recount after the batch decides as a recount after
   * each would have (up to the order of votes arriving in the same microsecond).
   */
  private int takenVotes;

  /**
   * Set by the last {@link #prevoteGhostMayRise} and {@link #ghost}: how many more votes could
   * change their answer at the least (the prevotes that could let the GHOST rise or settle it;
   * the votes for known blocks still missing to a supermajority). Read by {@link #armWake}.
   */
  private int mayRiseArrivals = 1;
  private int ghostShortfall = 1;
  /** What the current round waits for, as the last recount of it left it (see armWake). */
  private int prevoteArrivals = 1;
  private int precommitArrivals = 1;
  private Round recounted;

  private final Consumer<GrandpaMessage> takeSink = m -> {
    if (m instanceof GrandpaVoteMessage v && v.setId() == setId) {
      takenVotes++;
      count(v.validator(), v.round(), v.step(), v.target(), v.targetNumber());
    } else {
      handle(m);
    }
  };

  /**
   * Asks to be woken when enough votes may have arrived to change something, in the fewest
   * arrivals that could: with the current round open, the prevotes or precommits still missing to
   * a supermajority, and past one, what the last recount found could change its answer (the
   * prevotes that could raise or settle a GHOST that may rise, the votes for known blocks still
   * missing), counting every vote of this round or later; one vote of a round two ahead (which
   * starts it). With the current round completed, one vote of a later round.
   */
  private void armWake() {
    Round cur = rounds.get(current);
    if (current == 0 || cur == null || cur.completed) {
      actions.wakeOnVotes(0, 0, GrandpaGossip.voteKey(setId, current + 1), VOTES_ARRIVED);
      return;
    }
    // Past a supermajority, what the last recount found still missing (it ran after the last
    // vote or block that could change it: a recount follows every entry that counts votes).
    boolean fresh = recounted == cur;
    int k = cur.precommitCount < threshold ? threshold - cur.precommitCount
        : fresh ? precommitArrivals : 1;
    if (cur.prevoted && !cur.precommitted) {
      k = Math.min(k, cur.prevoteCount < threshold ? threshold - cur.prevoteCount
          : fresh ? prevoteArrivals : 1);
    }
    actions.wakeOnVotes(GrandpaGossip.voteKey(setId, current), k,
        GrandpaGossip.voteKey(setId, current + 2), VOTES_ARRIVED);
  }

  private void handle(GrandpaMessage m) {
    if (m instanceof GrandpaVoteMessage v) {
      if (v.setId() == setId) {
        onVote(v.validator(), v.round(), v.step(), v.target(), v.targetNumber());
      } else if (v.setId() == setId + 1 && nextSetVotes.size() < 4 * validators) {
        nextSetVotes.add(v);
      }
    } else if (m instanceof GrandpaCommitMessage c) {
      onCommit(c);
    } else if (m instanceof GrandpaNeighbourPacket p) {
      onNeighbour(p);
    } else if (m instanceof GrandpaCatchUpRequest r) {
      if (r.setId() == setId && lastCompleted != null && lastCompleted.number > r.round()) {
        actions.send(r.validator(), new GrandpaCatchUpMessage(setId, lastCompleted.number,
            signed(lastCompleted.prevotes), signed(lastCompleted.precommits), self));
      }
    } else if (m instanceof GrandpaCatchUpMessage c) {
      onCatchUp(c);
    }
  }

  /** A vote of the current set from {@code validator}. */
  public void onVote(int validator, long round, GrandpaVoteStep step, Hash target, int number) {
    if (count(validator, round, step, target, number)) {
      recountCurrent();
    }
  }

  /** Counts a vote (and starts a later round it shows); false if the vote's round is over. */
  private boolean count(int validator, long round, GrandpaVoteStep step, Hash target, int number) {
    if (round < current) {
      return false;
    }
    Round r = rounds.getOrCreate(round, newRound);
    r.add(step, validator, vote(target, number));
    Round cur = rounds.get(current);
    if (round > current && (current == 0 || cur == null || cur.completed || round > current + 1)) {
      begin(round);
    }
    return true;
  }

  /**
   * Notes a vote target this node lacks: if it is still missing {@link #FORK_REQUEST_AFTER_MICROS}
   * later, the node asks a voter of it for the block. Targets at or below the finalized number
   * are not waited for: no round needs them.
   */
  private void noteUnknown(Tally t, int i) {
    Hash target = t.targets[i];
    if (waitingFor.containsKey(target) || t.numbers[i] <= shape.number(tree.finalized())) {
      return;
    }
    waitingFor.put(target, new Missing(t.numbers[i], t.firstVoter[i]));
    ctx.schedule(FORK_REQUEST_AFTER_MICROS, new ForkRequestDue(target));
  }

  /** The wait for a vote target is over: ask for it if still missing, and wait again. */
  private void onForkRequestDue(Hash target) {
    Missing m = waitingFor.get(target);
    if (m == null) {
      return;
    }
    if (tree.contains(target) || m.number() <= shape.number(tree.finalized())) {
      waitingFor.remove(target);
      return;
    }
    actions.requestBlock(m.voter(), target);
    ctx.schedule(FORK_REQUEST_AFTER_MICROS, new ForkRequestDue(target));
  }

  /**
   * The vote for {@code target}: the last one made if it names the same block (voters mostly
   * agree, and the hash is usually the very same object), so a round's votes share a few objects.
   */
  private Vote vote(Hash target, int number) {
    Vote last = lastVote;
    if (last != null && last.number() == number
        && (last.target() == target || last.target().equals(target))) {
      return last;
    }
    lastVote = new Vote(target, number);
    return lastVote;
  }

  /** Handles a voter timer; false if the timer is not this voter's. */
  public boolean onTimer(Timer t) {
    if (!(t instanceof VotesArrived || t instanceof RoundDue || t instanceof Rebroadcast
        || t instanceof PrecommitDue || t instanceof ForkRequestDue || t instanceof CommitDue)) {
      return false; // another subsystem's: not an entry, no votes taken, no wake asked
    }
    takeVotes();
    handleTimer(t);
    armWake();
    return true;
  }

  private void handleTimer(Timer t) {
    if (t instanceof RoundDue d) {
      if (d.setId() == setId) {
        startPending = false;
        maybeStartNext();
      }
      return;
    }
    if (t instanceof Rebroadcast rb) {
      Round r = rounds.get(rb.round());
      if (rb.setId() == setId && rb.round() == current && r != null && !r.completed) {
        resendVotes(r, -1);
        actions.broadcast(neighbourPacket());
        long next = Math.min(rb.delay() * 2, REBROADCAST_MAX_MICROS);
        ctx.schedule(next, new Rebroadcast(setId, current, next));
      }
      return;
    }
    if (t instanceof PrecommitDue p) {
      Round r = rounds.get(p.round());
      if (p.setId() == setId && p.round() == current && r != null) {
        r.precommitTimerFired = true;
        recountCurrent();
      }
      return;
    }
    if (t instanceof ForkRequestDue f) {
      onForkRequestDue(f.target());
      return;
    }
    if (t instanceof CommitDue cd) {
      Round r = rounds.get(cd.round());
      if (cd.setId() == setId && r != null && r.commit != null && !importedCovering(r)
          && !seenCommitCovering(r.commit)) {
        actions.broadcast(r.commit);
        noteCommit(r.commit);
      }
    }
  }

  /**
   * finality-grandpa's {@code RoundCommitter::commit}: when the commit timer fires, a voter sends
   * its round's commit only if it imported none for the round that finalizes at least as much.
   */
  private static boolean importedCovering(Round r) {
    return r.imported != null && r.imported.targetNumber() >= r.commit.targetNumber();
  }

  private boolean seenCommitCovering(GrandpaCommitMessage mine) {
    return lastCommit != null && lastCommit != mine && lastCommit.setId() == mine.setId()
        && lastCommit.round() >= mine.round() && lastCommit.targetNumber() >= mine.targetNumber();
  }

  private void maybeStartNext() {
    Round r = rounds.get(current);
    if (current > 0 && (r == null || !r.completed)) {
      return;
    }
    B target = voteTarget();
    if (shape.number(target) <= shape.number(tree.finalized())) {
      return;
    }
    long earliest = currentStartedAt + roundInterval;
    if (ctx.now() < earliest) {
      if (!startPending) {
        startPending = true;
        ctx.schedule(earliest - ctx.now(), new RoundDue(setId, current + 1));
      }
      return;
    }
    begin(current + 1);
  }

  private Round makeRound(long number) {
    return new Round(number, validators);
  }

  private void begin(long round) {
    current = round;
    currentStartedAt = ctx.now();
    rounds.removeUpTo(round - KEEP_RECENT_ROUNDS);
    Round r = rounds.getOrCreate(round, newRound);
    if (!r.prevoted) {
      r.prevoted = true;
      B target = voteTarget();
      Vote v = new Vote(shape.hash(target), shape.number(target));
      r.ownPrevote = v;
      r.add(GrandpaVoteStep.PREVOTE, self, v);
      actions.broadcast(new GrandpaVoteMessage(setId, round, GrandpaVoteStep.PREVOTE, v.target(),
          v.number(), self));
    }
    ctx.schedule(REBROADCAST_FIRST_MICROS, new Rebroadcast(setId, round, REBROADCAST_FIRST_MICROS));
  }

  private void recountCurrent() {
    Round r = rounds.get(current);
    if (r == null || current == 0 || r.completed) {
      return;
    }
    recounted = r;
    prevoteArrivals = 1;
    precommitArrivals = 1;
    if (r.prevoted && !r.precommitted && r.prevoteCount >= threshold) {
      Optional<B> ghost = ghost(r.prevoteTally);
      prevoteArrivals = ghost.isEmpty() ? Math.max(1, ghostShortfall) : 1;
      if (ghost.isPresent() && !r.precommitTimerFired
          && prevoteGhostMayRise(r.prevoteTally, ghost.get(), validators - r.prevoteCount)) {
        prevoteArrivals = mayRiseArrivals;
        // Not completable yet: wait for more prevotes, or for the precommit timer.
        if (!r.precommitTimerArmed) {
          r.precommitTimerArmed = true;
          long due = Math.max(0, currentStartedAt + PRECOMMIT_TIMER_MICROS - ctx.now());
          ctx.schedule(due, new PrecommitDue(setId, current));
        }
        ghost = Optional.empty();
      }
      if (ghost.isPresent()) {
        r.precommitted = true;
        B g = ghost.get();
        Vote v = new Vote(shape.hash(g), shape.number(g));
        r.ownPrecommit = v;
        r.add(GrandpaVoteStep.PRECOMMIT, self, v);
        actions.broadcast(new GrandpaVoteMessage(setId, current, GrandpaVoteStep.PRECOMMIT,
            v.target(), v.number(), self));
      }
    }
    // A supermajority of precommits completes the round whether or not this voter precommitted
    // (it may have joined late or lacked a block when the prevotes came in).
    if (r.precommitCount >= threshold) {
      Optional<B> ghost = ghost(r.precommitTally);
      if (ghost.isPresent()) {
        complete(r, ghost.get());
      } else {
        precommitArrivals = Math.max(1, ghostShortfall);
      }
    }
  }

  /** The round's precommit GHOST is known: finalize it, prepare a commit, move on. */
  private void complete(Round r, B g) {
    r.completed = true;
    lastCompleted = r;
    if (shape.number(g) > shape.number(tree.finalized())) {
      GrandpaCommitMessage commit = new GrandpaCommitMessage(setId, r.number, shape.hash(g),
          shape.number(g), signedFor(r.precommits, shape.hash(g)), self);
      r.commit = commit;
      long delay = ctx.random("grandpa-commit").nextLong(COMMIT_DELAY_MAX_MICROS);
      ctx.schedule(delay, new CommitDue(setId, r.number));
      finalizeTo(g, commit);
    }
    maybeStartNext();
  }

  private void finalizeTo(B g, GrandpaCommitMessage justification) {
    if (shape.number(g) <= shape.number(tree.finalized())) {
      return;
    }
    tree.finalize(shape.hash(g));
    if (tree.finalized() != g) {
      return;
    }
    lastCommit = justification;
    actions.onFinalized(shape.hash(g), shape.number(g));
    long next = setIdAfter.applyAsLong(g);
    if (next > setId) {
      enactSet(next);
    }
  }

  private void noteCommit(GrandpaCommitMessage c) {
    lastCommitNumber = Math.max(lastCommitNumber, c.targetNumber());
  }

  /** The change block was finalized: the next authority set starts at round 1. */
  private void enactSet(long next) {
    setId = next;
    lastCommitNumber = -1;
    current = 0;
    rounds.clear();
    lastCompleted = null;
    currentStartedAt = Long.MIN_VALUE / 2;
    startPending = false;
    List<GrandpaVoteMessage> replay = List.copyOf(nextSetVotes);
    nextSetVotes.clear();
    actions.broadcast(neighbourPacket());
    for (GrandpaVoteMessage v : replay) {
      if (v.setId() == setId) {
        onVote(v.validator(), v.round(), v.step(), v.target(), v.targetNumber());
      }
    }
    maybeStartNext();
  }

  private void onCommit(GrandpaCommitMessage c) {
    if (c.setId() < setId || (c.setId() == setId && c.targetNumber() <= lastCommitNumber)) {
      // sc-consensus-grandpa communication/gossip.rs, View::consider_global: only a commit that
      // claims a higher block than the last one sent or imported is considered (RejectPast).
      return;
    }
    Optional<B> target = tree.get(c.target());
    if (target.isEmpty()) {
      pendingCommit = c;
      return;
    }
    boolean[] seen = new boolean[validators];
    int support = 0;
    boolean unknown = false;
    // A commit's precommits name few distinct blocks: check each once.
    Hash lastTarget = null;
    int lastVerdict = 0; // 1 supports, 0 does not, -1 unknown block
    for (SignedVote v : c.precommits()) {
      if (v.validator() < 0 || v.validator() >= validators || seen[v.validator()]) {
        continue;
      }
      if (!v.target().equals(lastTarget)) {
        lastTarget = v.target();
        lastVerdict = !tree.contains(lastTarget) ? -1
            : tree.isDescendantOf(lastTarget, c.target()) ? 1 : 0;
      }
      if (lastVerdict < 0) {
        unknown = true;
      } else if (lastVerdict > 0) {
        seen[v.validator()] = true;
        support++;
      }
    }
    if (support < threshold) {
      if (unknown) {
        pendingCommit = c;
      }
      return;
    }
    long setBefore = setId;
    if (c.setId() == setId) {
      noteCommit(c);
      Round of = rounds.get(c.round());
      if (of != null && (of.imported == null || c.targetNumber() > of.imported.targetNumber())) {
        of.imported = c;
      }
    }
    if (c.setId() == setId && c.round() >= current) {
      // The round is over for everyone who sent this: leave it, as upstream does on a commit
      // for the current or a later round.
      Round r = rounds.getOrCreate(c.round(), newRound);
      r.completed = true;
      r.commit = r.commit == null ? c : r.commit;
      lastCompleted = r;
      current = c.round();
    }
    if (shape.number(target.get()) > shape.number(tree.finalized())) {
      finalizeTo(target.get(), c);
    } else if (lastCommit == null || c.round() > lastCommit.round()) {
      lastCommit = c;
    }
    if (setId == setBefore) {
      maybeStartNext();
    }
  }

  private void onNeighbour(GrandpaNeighbourPacket p) {
    int finalized = shape.number(tree.finalized());
    if (lastCommit != null && (p.setId() < setId
        || (p.setId() == setId && p.finalizedNumber() < finalized))) {
      actions.send(p.validator(), lastCommit);
    }
    if (p.setId() != setId) {
      return;
    }
    Round theirs = rounds.get(p.round());
    if (theirs != null) {
      resendVotes(theirs, p.validator());
    }
    if (p.round() >= current + CATCH_UP_THRESHOLD
        && ctx.now() - lastCatchUpRequestAt >= CATCH_UP_REQUEST_TIMEOUT_MICROS) {
      lastCatchUpRequestAt = ctx.now();
      actions.send(p.validator(), new GrandpaCatchUpRequest(setId, current, self));
    }
  }

  private void onCatchUp(GrandpaCatchUpMessage c) {
    if (c.setId() != setId || c.round() <= current) {
      return;
    }
    Round r = new Round(c.round(), validators);
    for (SignedVote v : c.prevotes()) {
      r.add(GrandpaVoteStep.PREVOTE, v.validator(), new Vote(v.target(), v.targetNumber()));
    }
    for (SignedVote v : c.precommits()) {
      r.add(GrandpaVoteStep.PRECOMMIT, v.validator(), new Vote(v.target(), v.targetNumber()));
    }
    if (r.prevoteCount < threshold || r.precommitCount < threshold) {
      return;
    }
    Optional<B> ghost = ghost(r.precommitTally);
    if (ghost.isEmpty()) {
      return;
    }
    r.prevoted = true;
    r.precommitted = true;
    rounds.put(r.number, r);
    current = r.number;
    currentStartedAt = ctx.now();
    rounds.removeUpTo(r.number - KEEP_RECENT_ROUNDS);
    complete(r, ghost.get());
  }

  /** Re-sends this voter's votes of a round: to one validator, or to all with {@code to < 0}. */
  private void resendVotes(Round r, int to) {
    List<GrandpaVoteMessage> out = new ArrayList<>(2);
    if (r.ownPrevote != null) {
      out.add(new GrandpaVoteMessage(setId, r.number, GrandpaVoteStep.PREVOTE,
          r.ownPrevote.target(), r.ownPrevote.number(), self));
    }
    if (r.ownPrecommit != null) {
      out.add(new GrandpaVoteMessage(setId, r.number, GrandpaVoteStep.PRECOMMIT,
          r.ownPrecommit.target(), r.ownPrecommit.number(), self));
    }
    for (GrandpaVoteMessage m : out) {
      if (to < 0) {
        actions.broadcast(m);
      } else {
        actions.send(to, m);
      }
    }
  }

  private GrandpaNeighbourPacket neighbourPacket() {
    return new GrandpaNeighbourPacket(setId, current, shape.number(tree.finalized()), self);
  }

  private static List<SignedVote> signed(Vote[] votes) {
    List<SignedVote> out = new ArrayList<>();
    for (int i = 0; i < votes.length; i++) {
      if (votes[i] != null) {
        out.add(new SignedVote(i, votes[i].target(), votes[i].number()));
      }
    }
    return out;
  }

  /** The precommits that justify {@code target}: those for it or its descendants. */
  private List<SignedVote> signedFor(Vote[] votes, Hash target) {
    List<SignedVote> out = new ArrayList<>();
    for (int i = 0; i < votes.length; i++) {
      if (votes[i] != null && tree.isDescendantOf(votes[i].target(), target)) {
        out.add(new SignedVote(i, votes[i].target(), votes[i].number()));
      }
    }
    return out;
  }

  /**
   * What this voter prevotes for: the highest approved block on the best chain, at least the
   * finalized block, and not past the first unfinalized block that enacts the next authority set
   * (upstream's voting limit for a pending standard change).
   */
  private B voteTarget() {
    B b = tree.best();
    B fin = tree.finalized();
    while (shape.number(b) > shape.number(fin) && !approved.test(shape.hash(b))) {
      b = tree.parent(b).orElse(fin);
    }
    B limit = null;
    for (B x = b; shape.number(x) > shape.number(fin); x = tree.parent(x).orElse(fin)) {
      if (setIdAfter.applyAsLong(x) > setId) {
        limit = x;
      }
    }
    return limit != null ? limit : b;
  }

  /**
   * Whether prevotes still to come could give a block above the prevote GHOST {@code g} a
   * supermajority: some child of {@code g} whose subtree's prevotes, plus every prevote not yet
   * counted ({@code missing}, and those for blocks this node lacks), reach the threshold. While
   * they could, the round is not completable and upstream's voter does not precommit before its
   * timer: precommitting the GHOST of the first supermajority to arrive would settle on a block
   * below the one most voters prevoted for (after a crash, say, when a few restarted voters lag).
   */
  private boolean prevoteGhostMayRise(Tally t, B g, int missing) {
    int gNumber = shape.number(g);
    Hash gHash = shape.hash(g);
    Hash[] branch = null;
    int[] weight = null;
    int branches = 0;
    int best = 0;
    int unknown = 0;
    for (int i = 0; i < t.distinct; i++) {
      if (t.numbers[i] <= gNumber) {
        continue;
      }
      Optional<B> b = tree.get(t.targets[i]);
      if (b.isEmpty()) {
        unknown += t.counts[i];
        continue;
      }
      B x = b.get();
      while (x != null && shape.number(x) > gNumber + 1) {
        x = tree.parent(x).orElse(null);
      }
      if (x == null || !shape.parentHash(x).equals(gHash)) {
        continue;
      }
      Hash child = shape.hash(x);
      if (branch == null) {
        branch = new Hash[t.distinct];
        weight = new int[t.distinct];
      }
      int k = 0;
      while (k < branches && !branch[k].equals(child)) {
        k++;
      }
      if (k == branches) {
        branch[branches++] = child;
      }
      weight[k] += t.counts[i];
      best = Math.max(best, weight[k]);
    }
    // Each further prevote adds at most one to the best branch, and one not for it takes one from
    // the slack: the answer cannot change in fewer arrivals than this.
    mayRiseArrivals = Math.max(1, Math.min(threshold - best, best + missing + unknown - threshold + 1));
    return best + missing + unknown >= threshold;
  }

  /**
   * The highest block that at least {@code threshold} votes target or descend from, if at least
   * {@code threshold} votes are for known blocks; votes for unknown blocks wait until they are
   * imported (and after {@link #FORK_REQUEST_AFTER_MICROS} the voter asks one of their voters for
   * the block). When the known votes agree on nothing above the finalized block (some are for
   * blocks this node finalized past), the GHOST is the finalized block: the round completes
   * without finalizing anything new.
   */
  private Optional<B> ghost(Tally t) {
    Hash[] targets = t.targets;
    int[] counts = t.counts;
    int distinct = t.distinct;
    int known = 0;
    List<B> blocks = new ArrayList<>(distinct);
    List<Integer> weights = new ArrayList<>(distinct);
    for (int i = 0; i < distinct; i++) {
      Optional<B> b = tree.get(targets[i]);
      if (b.isPresent()) {
        known += counts[i];
        blocks.add(b.get());
        weights.add(counts[i]);
      } else {
        noteUnknown(t, i);
      }
    }
    ghostShortfall = threshold - known;
    if (known < threshold) {
      return Optional.empty();
    }
    Map<Hash, Integer> weight = new HashMap<>();
    List<B> candidates = new ArrayList<>();
    int floor = shape.number(tree.finalized());
    for (int i = 0; i < blocks.size(); i++) {
      int add = weights.get(i);
      B x = blocks.get(i);
      while (x != null && shape.number(x) >= floor) {
        Hash h = shape.hash(x);
        int before = weight.getOrDefault(h, 0);
        weight.put(h, before + add);
        if (before < threshold && before + add >= threshold) {
          candidates.add(x);
        }
        x = tree.parent(x).orElse(null);
      }
    }
    B best = null;
    for (B c : candidates) {
      if (best == null || shape.number(c) > shape.number(best)
          || (shape.number(c) == shape.number(best) && shape.hash(c).compareTo(shape.hash(best)) < 0)) {
        best = c;
      }
    }
    return Optional.of(best == null ? tree.finalized() : best);
  }

}
