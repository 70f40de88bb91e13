package io.parapipe.sim.results;

import io.parapipe.protocol.events.BlockFinalized;
import io.parapipe.sim.NodeRestarted;
import io.parapipe.protocol.events.CandidateIncludedEvent;
import io.parapipe.protocol.events.CandidateSeconded;
import io.parapipe.protocol.events.CandidateValid;
import io.parapipe.protocol.events.ChunkStored;
import io.parapipe.protocol.events.ParaBlockAuthored;
import io.parapipe.protocol.events.RelayBlockAuthored;
import io.parapipe.protocol.host.ProtocolEvent;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.sim.EventObserver;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks safety invariants from the events nodes emit, as an outside observer: it builds its own
 * relay tree from authored blocks and never reads a node's bookkeeping. Checked in every run:
 *
 * <ul>
 *   <li>{@value #NO_DOUBLE_INCLUSION}: no candidate (para block) is included twice on one relay
 *       chain;
 *   <li>{@value #BACKED_FIRST}: an included candidate was backed in an ancestor block, with
 *       statements (seconded or valid) from at least {@code minimum_backing_votes} validators;
 *   <li>{@value #AVAILABLE_FIRST}: before its inclusion, at least the availability threshold
 *       {@code n − ⌊(n−1)/3⌋} of validators held a chunk of it (more than 2/3): its backers,
 *       which store every chunk when they validate, and those that fetched theirs;
 *   <li>{@value #PARA_CHAIN_LINKS}: an included para block's parent is the para's previous block
 *       included on that relay chain;
 *   <li>{@value #NO_CONFLICTING_FINALITY}: every finalized block, at any node, lies on one chain;
 *   <li>{@value #FINALITY_MONOTONIC}: no node's finalized block number goes down.
 * </ul>
 *
 * <p>What it remembers of blocks and candidates goes {@value #KEPT_BELOW_FINALITY} blocks below
 * the highest finalized block, so that a long run's memory does not grow with its length; of the
 * finalized chain it keeps one hash per number, which is all a late node's finality is checked
 * against.
 */
public final class InvariantMonitor implements EventObserver {
  /** Invariant name. */
  public static final String NO_DOUBLE_INCLUSION = "no_double_inclusion";
  /** Invariant name. */
  public static final String BACKED_FIRST = "backed_before_inclusion";
  /** Invariant name. */
  public static final String AVAILABLE_FIRST = "available_before_inclusion";
  /** Invariant name. */
  public static final String PARA_CHAIN_LINKS = "para_chain_links";
  /** Invariant name. */
  public static final String NO_CONFLICTING_FINALITY = "no_conflicting_finality";
  /** Invariant name. */
  public static final String FINALITY_MONOTONIC = "finality_monotonic";
  /** Every invariant, in the order reported. */
  public static final List<String> ALL = List.of(NO_DOUBLE_INCLUSION, BACKED_FIRST,
      AVAILABLE_FIRST, PARA_CHAIN_LINKS, NO_CONFLICTING_FINALITY, FINALITY_MONOTONIC);
  /** At most this many violations are kept (the count of the rest is in the last detail). */
  static final int MAX_VIOLATIONS = 100;

  /** A relay block as the monitor saw it authored. */
  private static final class Block {
    final Hash hash;
    final Hash parent;
    final int number;
    // para id -> para block hash of the para's last inclusion on this chain
    final Map<Integer, Hash> heads;

    Block(Hash hash, Hash parent, int number, Map<Integer, Hash> heads) {
      this.hash = hash;
      this.parent = parent;
      this.number = number;
      this.heads = heads;
    }
  }

  private record ParaBlock(Hash hash, Hash parent) {}

  /** What the monitor saw of one candidate. */
  private static final class Candidate {
    /** The highest relay block number authored when the candidate was first seen. */
    final int firstSeenAt;
    final BitSet statements = new BitSet();
    final BitSet chunks = new BitSet();
    final List<Hash> backedIn = new ArrayList<>(1);
    final List<Hash> includedIn = new ArrayList<>(1);
    ParaBlock paraBlock;

    Candidate(int firstSeenAt) {
      this.firstSeenAt = firstSeenAt;
    }
  }

  /**
   * How far below the highest finalized block the monitor remembers blocks and candidates: a
   * candidate is backed and included within a few blocks of its relay parent, far less than this.
   */
  static final int KEPT_BELOW_FINALITY = 256;

  private final int backingVotes;
  private final int availabilityThreshold;
  private final Map<Hash, Block> blocks = new HashMap<>();
  private final Map<Hash, Candidate> candidates = new HashMap<>();
  // Authored blocks and first-seen candidates in order, for forgetting the oldest.
  private final ArrayDeque<Block> blockOrder = new ArrayDeque<>();
  private final ArrayDeque<Hash> candidateOrder = new ArrayDeque<>();
  private int highestAuthored;
  /** The finalized chain's hash at each number, up to the highest finalized block. */
  private final List<Hash> finalizedChain = new ArrayList<>();
  private final Map<Integer, Integer> finalizedByNode = new HashMap<>();
  private Hash highestFinalized;
  private int highestFinalizedNumber = -1;
  private final List<RunResult.Violation> violations = new ArrayList<>();
  private int dropped;

  /**
   * @param validators validators in the network
   * @param minimumBackingVotes {@code minimum_backing_votes}
   */
  public InvariantMonitor(int validators, int minimumBackingVotes) {
    this.backingVotes = minimumBackingVotes;
    this.availabilityThreshold = validators - (validators - 1) / 3;
  }

  @Override
  public void onEvent(long timeMicros, int node, ProtocolEvent event) {
    if (event instanceof RelayBlockAuthored a) {
      Block parent = blocks.get(a.parent());
      Map<Integer, Hash> heads = parent == null ? new HashMap<>() : new HashMap<>(parent.heads);
      Block b = new Block(a.hash(), a.parent(), a.number(), heads);
      if (blocks.putIfAbsent(a.hash(), b) == null) {
        blockOrder.add(b);
      }
      highestAuthored = Math.max(highestAuthored, a.number());
      for (Hash c : a.backed()) {
        candidate(c).backedIn.add(a.hash());
      }
    } else if (event instanceof CandidateIncludedEvent i) {
      onIncluded(i);
    } else if (event instanceof CandidateSeconded s) {
      candidate(s.candidate()).statements.set(node);
    } else if (event instanceof CandidateValid v) {
      candidate(v.candidate()).statements.set(node);
    } else if (event instanceof ChunkStored c) {
      candidate(c.candidate()).chunks.set(node);
    } else if (event instanceof ParaBlockAuthored p) {
      Candidate c = candidate(p.candidate());
      if (c.paraBlock == null) {
        c.paraBlock = new ParaBlock(p.hash(), p.parent());
      }
    } else if (event instanceof BlockFinalized f) {
      onFinalized(node, f);
    } else if (event instanceof NodeRestarted r && r.stateLost()) {
      // A fresh node: its finality starts again from genesis, which is no step backwards.
      finalizedByNode.remove(node);
    }
  }

  private Candidate candidate(Hash c) {
    Candidate x = candidates.get(c);
    if (x == null) {
      x = new Candidate(highestAuthored);
      candidates.put(c, x);
      candidateOrder.add(c);
    }
    return x;
  }

  private void onIncluded(CandidateIncludedEvent i) {
    Block b = blocks.get(i.block());
    if (b == null) {
      return;
    }
    Hash c = i.candidate();
    Candidate cand = candidate(c);
    List<Hash> earlier = cand.includedIn;
    for (Hash e : earlier) {
      if (isAncestor(e, b.parent)) {
        violation(NO_DOUBLE_INCLUSION, i.number(), "candidate " + c + " of para " + i.para().value()
            + " included again, first in #" + blocks.get(e).number);
      }
    }
    earlier.add(i.block());
    boolean backedBefore = false;
    for (Hash h : cand.backedIn) {
      backedBefore |= isAncestor(h, b.parent);
    }
    BitSet votes = cand.statements;
    int voters = votes.cardinality();
    if (!backedBefore) {
      violation(BACKED_FIRST, i.number(), "candidate " + c + " of para " + i.para().value()
          + " included without being backed in an ancestor block");
    } else if (voters < backingVotes) {
      violation(BACKED_FIRST, i.number(), "candidate " + c + " of para " + i.para().value()
          + " backed by " + voters + " validators' statements, fewer than " + backingVotes);
    }
    // Backers store the whole erasure-coding at validation (candidate-backing's
    // StoreAvailableData); the others fetch their chunk (ChunkStored).
    BitSet stored = (BitSet) cand.chunks.clone();
    stored.or(votes);
    int holders = stored.cardinality();
    if (holders < availabilityThreshold) {
      violation(AVAILABLE_FIRST, i.number(), "candidate " + c + " of para " + i.para().value()
          + " included with " + holders + " chunks stored, fewer than " + availabilityThreshold);
    }
    ParaBlock pb = cand.paraBlock;
    if (pb != null) {
      Hash previous = b.heads.get(i.para().value());
      if (previous != null && !previous.equals(pb.parent())) {
        violation(PARA_CHAIN_LINKS, i.number(), "para " + i.para().value() + " block " + pb.hash()
            + " builds on " + pb.parent() + ", but the chain's last included block is " + previous);
      }
      b.heads.put(i.para().value(), pb.hash());
    }
  }

  private void onFinalized(int node, BlockFinalized f) {
    Integer before = finalizedByNode.put(node, f.number());
    if (before != null && f.number() < before) {
      violation(FINALITY_MONOTONIC, f.number(), "node " + node + " finalized #" + f.number()
          + " after #" + before);
    }
    if (highestFinalized == null || f.number() > highestFinalizedNumber) {
      if (highestFinalized != null && !isAncestor(highestFinalized, f.hash())) {
        violation(NO_CONFLICTING_FINALITY, f.number(), "node " + node + " finalized " + f.hash()
            + ", which does not descend from the finalized #" + highestFinalizedNumber + " "
            + highestFinalized);
        return;
      }
      recordFinalizedChain(f.hash(), f.number());
      highestFinalized = f.hash();
      highestFinalizedNumber = f.number();
      forgetBelow(highestFinalizedNumber - KEPT_BELOW_FINALITY);
    } else if (!f.hash().equals(finalizedChain.get(f.number()))) {
      violation(NO_CONFLICTING_FINALITY, f.number(), "node " + node + " finalized " + f.hash()
          + ", which is not on the chain of the finalized #" + highestFinalizedNumber + " "
          + highestFinalized);
    }
  }

  /**
   * Records the finalized chain from {@code hash} down to the previous highest finalized block (or
   * as far down as blocks are known, the first time).
   */
  private void recordFinalizedChain(Hash hash, int number) {
    while (finalizedChain.size() <= number) {
      finalizedChain.add(null);
    }
    Hash h = hash;
    for (int n = number; n > highestFinalizedNumber && h != null; n--) {
      finalizedChain.set(n, h);
      Block b = blocks.get(h);
      h = b == null ? null : b.parent;
    }
  }

  /** Forgets the blocks numbered below {@code number} and the candidates first seen below it. */
  private void forgetBelow(int number) {
    while (!blockOrder.isEmpty() && blockOrder.peekFirst().number < number) {
      blocks.remove(blockOrder.pollFirst().hash);
    }
    while (!candidateOrder.isEmpty()
        && candidates.get(candidateOrder.peekFirst()).firstSeenAt < number) {
      candidates.remove(candidateOrder.pollFirst());
    }
  }

  /** True if {@code ancestor} is {@code of} or one of its ancestors (known blocks only). */
  private boolean isAncestor(Hash ancestor, Hash of) {
    Block a = blocks.get(ancestor);
    int floor = a == null ? 0 : a.number;
    Hash h = of;
    while (h != null) {
      if (h.equals(ancestor)) {
        return true;
      }
      Block b = blocks.get(h);
      if (b == null || b.number <= floor) {
        return false;
      }
      h = b.parent;
    }
    return false;
  }

  private void violation(String name, int relayBlock, String detail) {
    if (violations.size() < MAX_VIOLATIONS) {
      violations.add(new RunResult.Violation(name, relayBlock, detail));
    } else {
      dropped++;
    }
  }

  /** How many blocks the monitor remembers (for tests). */
  int rememberedBlocks() {
    return blocks.size();
  }

  /** How many candidates the monitor remembers (for tests). */
  int rememberedCandidates() {
    return candidates.size();
  }

  /** What the run showed: the invariants checked and the violations found. */
  public RunResult.Invariants result() {
    List<RunResult.Violation> out = new ArrayList<>(violations);
    if (dropped > 0) {
      RunResult.Violation last = out.remove(out.size() - 1);
      out.add(new RunResult.Violation(last.name(), last.relayBlock(),
          last.detail() + " (and " + (dropped + 1) + " more violations not listed)"));
    }
    return new RunResult.Invariants(ALL, out);
  }
}
