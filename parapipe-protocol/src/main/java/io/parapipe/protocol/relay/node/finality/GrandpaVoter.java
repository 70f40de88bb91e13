package io.parapipe.protocol.relay.node.finality;

import io.parapipe.protocol.host.NodeContext;
import io.parapipe.protocol.host.Timer;
import io.parapipe.protocol.primitives.GrandpaVoteStep;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.relay.node.chain.BlockTree;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A GRANDPA-like finality voter. Rounds have two steps: each validator prevotes for the highest
 * block of its best chain that approval checking has approved; once it sees a supermajority of
 * prevotes it precommits for their GHOST (the highest block that a supermajority voted for or
 * below); once it sees a supermajority of precommits it finalizes their GHOST. A new round starts
 * when there is something new to finalize, at most once per round interval, or as soon as
 * another validator's vote shows the round has begun. Fewer than a supermajority of live
 * validators means no finality, as in the real protocol.
 *
 * @param <B> the relay block type
 */
public final class GrandpaVoter<B> {
  /** What the voter asks of the rest of the node. */
  public interface Actions {
    /** Gossip a vote to every validator. */
    void broadcastVote(long round, GrandpaVoteStep step, Hash target, int targetNumber);

    /** This node finalized a block. */
    void onFinalized(Hash block, int number);
  }

  private record RoundDue(long round) implements Timer {}

  private record Vote(Hash target, int number) {}

  /** One round's votes, indexed by validator (one vote each, first one counts). */
  private static final class Round {
    final Vote[] prevotes;
    final Vote[] precommits;
    int prevoteCount;
    int precommitCount;
    boolean prevoted;
    boolean precommitted;
    boolean completed;

    Round(int validators) {
      prevotes = new Vote[validators];
      precommits = new Vote[validators];
    }

    void add(GrandpaVoteStep step, int validator, Vote v) {
      if (step == GrandpaVoteStep.PREVOTE) {
        if (prevotes[validator] == null) {
          prevotes[validator] = v;
          prevoteCount++;
        }
      } else if (precommits[validator] == null) {
        precommits[validator] = v;
        precommitCount++;
      }
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
  private final Actions actions;
  private final Map<Long, Round> rounds = new HashMap<>();
  private long current;
  private long currentStartedAt = Long.MIN_VALUE / 2;
  private boolean startPending;

  /**
   * @param self this validator's index
   * @param validators number of validators; the threshold is {@code n − ⌊(n−1)/3⌋}
   * @param roundInterval minimum time between round starts
   * @param approved whether approval checking approved a block (and its ancestors)
   */
  public GrandpaVoter(NodeContext ctx, int self, int validators, long roundInterval,
      BlockTree<B> tree, BlockTree.Shape<B> shape, Predicate<Hash> approved, Actions actions) {
    this.ctx = ctx;
    this.self = self;
    this.threshold = validators - (validators - 1) / 3;
    this.validators = validators;
    this.roundInterval = roundInterval;
    this.tree = tree;
    this.shape = shape;
    this.approved = approved;
    this.actions = actions;
  }

  /** The current round (0 before the first). */
  public long round() {
    return current;
  }

  /** Something changed (a block imported or approved): start a round if there is news. */
  public void onChainChanged() {
    maybeStartNext();
    recountCurrent();
  }

  /** A vote from {@code validator}. */
  public void onVote(int validator, long round, GrandpaVoteStep step, Hash target, int number) {
    if (round < current) {
      return;
    }
    Round r = rounds.computeIfAbsent(round, k -> new Round(validators));
    r.add(step, validator, new Vote(target, number));
    if (round > current && (current == 0 || rounds.get(current) == null
        || rounds.get(current).completed || round > current + 1)) {
      begin(round);
    }
    recountCurrent();
  }

  /** Handles a round timer; false if the timer is not this voter's. */
  public boolean onTimer(Timer t) {
    if (!(t instanceof RoundDue)) {
      return false;
    }
    startPending = false;
    maybeStartNext();
    return true;
  }

  private void maybeStartNext() {
    Round r = rounds.get(current);
    if (current > 0 && (r == null || !r.completed)) {
      return;
    }
    B target = bestApproved();
    if (shape.number(target) <= shape.number(tree.finalized())) {
      return;
    }
    long earliest = currentStartedAt + roundInterval;
    if (ctx.now() < earliest) {
      if (!startPending) {
        startPending = true;
        ctx.schedule(earliest - ctx.now(), new RoundDue(current + 1));
      }
      return;
    }
    begin(current + 1);
  }

  private void begin(long round) {
    current = round;
    currentStartedAt = ctx.now();
    rounds.keySet().removeIf(k -> k < round);
    Round r = rounds.computeIfAbsent(round, k -> new Round(validators));
    if (!r.prevoted) {
      r.prevoted = true;
      B target = bestApproved();
      Vote v = new Vote(shape.hash(target), shape.number(target));
      r.add(GrandpaVoteStep.PREVOTE, self, v);
      actions.broadcastVote(round, GrandpaVoteStep.PREVOTE, v.target(), v.number());
    }
  }

  private void recountCurrent() {
    Round r = rounds.get(current);
    if (r == null || current == 0 || r.completed) {
      return;
    }
    if (r.prevoted && !r.precommitted && r.prevoteCount >= threshold) {
      Optional<B> ghost = ghost(r.prevotes);
      if (ghost.isPresent()) {
        r.precommitted = true;
        B g = ghost.get();
        r.add(GrandpaVoteStep.PRECOMMIT, self, new Vote(shape.hash(g), shape.number(g)));
        actions.broadcastVote(current, GrandpaVoteStep.PRECOMMIT, shape.hash(g), shape.number(g));
      }
    }
    if (r.precommitted && r.precommitCount >= threshold) {
      Optional<B> ghost = ghost(r.precommits);
      if (ghost.isPresent()) {
        r.completed = true;
        B g = ghost.get();
        if (shape.number(g) > shape.number(tree.finalized())) {
          tree.finalize(shape.hash(g));
          if (tree.finalized() == g) {
            actions.onFinalized(shape.hash(g), shape.number(g));
          }
        }
        maybeStartNext();
      }
    }
  }

  /** The highest approved block on the best chain, at least the finalized block. */
  private B bestApproved() {
    B b = tree.best();
    B fin = tree.finalized();
    while (shape.number(b) > shape.number(fin) && !approved.test(shape.hash(b))) {
      b = tree.parent(b).orElse(fin);
    }
    return b;
  }

  /**
   * The highest block that at least {@code threshold} votes target or descend from, if every vote
   * counted is for a known block; votes for unknown blocks wait until they are imported.
   */
  private Optional<B> ghost(Vote[] votes) {
    Map<Hash, Integer> weight = new HashMap<>();
    List<B> candidates = new ArrayList<>();
    int known = 0;
    int floor = shape.number(tree.finalized());
    for (Vote v : votes) {
      if (v == null) {
        continue;
      }
      Optional<B> b = tree.get(v.target());
      if (b.isEmpty()) {
        continue;
      }
      known++;
      B x = b.get();
      while (x != null && shape.number(x) >= floor) {
        Hash h = shape.hash(x);
        int w = weight.merge(h, 1, Integer::sum);
        if (w == threshold) {
          candidates.add(x);
        }
        x = tree.parent(x).orElse(null);
      }
    }
    if (known < threshold) {
      return Optional.empty();
    }
    B best = null;
    for (B c : candidates) {
      if (best == null || shape.number(c) > shape.number(best)
          || (shape.number(c) == shape.number(best) && shape.hash(c).compareTo(shape.hash(best)) < 0)) {
        best = c;
      }
    }
    return Optional.ofNullable(best);
  }
}
