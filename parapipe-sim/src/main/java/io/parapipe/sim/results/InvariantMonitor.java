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
    final Hash parent;
    final int number;
    final List<Hash> backed;
    // para id -> para block hash of the para's last inclusion on this chain
    final Map<Integer, Hash> heads;

    Block(Hash parent, int number, List<Hash> backed, Map<Integer, Hash> heads) {
      this.parent = parent;
      this.number = number;
      this.backed = backed;
      this.heads = heads;
    }
  }

  private record ParaBlock(Hash hash, Hash parent) {}

  private final int backingVotes;
  private final int availabilityThreshold;
  private final Map<Hash, Block> blocks = new HashMap<>();
  private final Map<Hash, List<Hash>> includedIn = new HashMap<>();
  private final Map<Hash, List<Hash>> backedIn = new HashMap<>();
  private final Map<Hash, BitSet> statements = new HashMap<>();
  private final Map<Hash, BitSet> chunks = new HashMap<>();
  private final Map<Hash, ParaBlock> paraBlocks = new HashMap<>();
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
      blocks.putIfAbsent(a.hash(), new Block(a.parent(), a.number(), List.copyOf(a.backed()), heads));
      for (Hash c : a.backed()) {
        backedIn.computeIfAbsent(c, k -> new ArrayList<>(1)).add(a.hash());
      }
    } else if (event instanceof CandidateIncludedEvent i) {
      onIncluded(i);
    } else if (event instanceof CandidateSeconded s) {
      statements.computeIfAbsent(s.candidate(), k -> new BitSet()).set(node);
    } else if (event instanceof CandidateValid v) {
      statements.computeIfAbsent(v.candidate(), k -> new BitSet()).set(node);
    } else if (event instanceof ChunkStored c) {
      chunks.computeIfAbsent(c.candidate(), k -> new BitSet()).set(node);
    } else if (event instanceof ParaBlockAuthored p) {
      paraBlocks.putIfAbsent(p.candidate(), new ParaBlock(p.hash(), p.parent()));
    } else if (event instanceof BlockFinalized f) {
      onFinalized(node, f);
    } else if (event instanceof NodeRestarted r && r.stateLost()) {
      // A fresh node: its finality starts again from genesis, which is no step backwards.
      finalizedByNode.remove(node);
    }
  }

  private void onIncluded(CandidateIncludedEvent i) {
    Block b = blocks.get(i.block());
    if (b == null) {
      return;
    }
    Hash c = i.candidate();
    List<Hash> earlier = includedIn.computeIfAbsent(c, k -> new ArrayList<>(1));
    for (Hash e : earlier) {
      if (isAncestor(e, b.parent)) {
        violation(NO_DOUBLE_INCLUSION, i.number(), "candidate " + c + " of para " + i.para().value()
            + " included again, first in #" + blocks.get(e).number);
      }
    }
    earlier.add(i.block());
    boolean backedBefore = false;
    for (Hash h : backedIn.getOrDefault(c, List.of())) {
      backedBefore |= isAncestor(h, b.parent);
    }
    BitSet votes = statements.get(c);
    int voters = votes == null ? 0 : votes.cardinality();
    if (!backedBefore) {
      violation(BACKED_FIRST, i.number(), "candidate " + c + " of para " + i.para().value()
          + " included without being backed in an ancestor block");
    } else if (voters < backingVotes) {
      violation(BACKED_FIRST, i.number(), "candidate " + c + " of para " + i.para().value()
          + " backed by " + voters + " validators' statements, fewer than " + backingVotes);
    }
    // Backers store the whole erasure-coding at validation (candidate-backing's
    // StoreAvailableData); the others fetch their chunk (ChunkStored).
    BitSet stored = new BitSet();
    if (chunks.get(c) != null) {
      stored.or(chunks.get(c));
    }
    if (votes != null) {
      stored.or(votes);
    }
    int holders = stored.cardinality();
    if (holders < availabilityThreshold) {
      violation(AVAILABLE_FIRST, i.number(), "candidate " + c + " of para " + i.para().value()
          + " included with " + holders + " chunks stored, fewer than " + availabilityThreshold);
    }
    ParaBlock pb = paraBlocks.get(c);
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
      highestFinalized = f.hash();
      highestFinalizedNumber = f.number();
    } else if (!isAncestor(f.hash(), highestFinalized)) {
      violation(NO_CONFLICTING_FINALITY, f.number(), "node " + node + " finalized " + f.hash()
          + ", which is not on the chain of the finalized #" + highestFinalizedNumber + " "
          + highestFinalized);
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
