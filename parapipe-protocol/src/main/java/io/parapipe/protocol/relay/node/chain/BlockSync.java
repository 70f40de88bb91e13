package io.parapipe.protocol.relay.node.chain;

import io.parapipe.protocol.host.NodeContext;
import io.parapipe.protocol.host.Timer;
import io.parapipe.protocol.primitives.Block;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.wire.BlockAnnounce;
import io.parapipe.protocol.wire.BlockBodyRequest;
import io.parapipe.protocol.wire.BlockBodyResponse;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Multi-hop block propagation over a node's sync peers, as substrate's {@code sc-network-sync}
 * does it: a node that imported or authored a block announces its header to every sync peer not
 * known to have it; a peer that lacks the block requests it from an announcer, imports it, and
 * announces it in turn.
 *
 * <ul>
 *   <li>A peer is known to have a block once it announced it to this node, sent it, or was sent
 *       its announcement ({@code known_blocks} per peer in {@code SyncingEngine::announce_block},
 *       {@code substrate/client/network/sync/src/engine.rs}: an announcement goes only to peers
 *       whose set did not hold the hash yet), so a block is never announced back to its sender.
 *   <li>One request per block is in flight. A request times out after
 *       {@link #BLOCK_REQUEST_TIMEOUT_MICROS}, the block request protocol's timeout; then, or on
 *       an empty answer, the next peer that announced the block is asked. Upstream may download
 *       an announced block from up to {@code max_parallel_downloads} (5) peers at once; one at a
 *       time is this model's simplification.
 *   <li>Requests are answered from the node's chain; a node that lacks the block answers with no
 *       block, as substrate's block request handler does.
 * </ul>
 *
 * The block's parent, when missing, is fetched by the node's existing parent request path.
 *
 * @param <B> the node's block type
 */
public final class BlockSync<B extends Block> {
  /**
   * The block request protocol's request timeout: {@code Duration::from_secs(20)} in
   * {@code generate_protocol_config}, substrate/client/network/sync/src/block_request_handler.rs.
   */
  public static final long BLOCK_REQUEST_TIMEOUT_MICROS = 20_000_000;

  /** How many recent blocks' announcement state is kept (older entries are dropped). */
  private static final int KEPT_BLOCKS = 512;

  /** The node's chain, as block sync sees it. */
  public interface Chain<B> {
    /** Whether the block is imported or waiting in the import queue. */
    boolean has(Hash hash);

    /** An imported block, to answer a request. */
    Optional<B> get(Hash hash);

    /** A block came from {@code from} in answer to a request: queue it for import. */
    void received(B block, int from);
  }

  private record RequestTimeout(Hash block, int peer) implements Timer {}

  /** What this node knows about one block's whereabouts among its peers. */
  private static final class Entry {
    /** Peers (by index in {@link #peers}) known to have the block. */
    final BitSet known = new BitSet();
    /** Peers that announced it, in arrival order: whom to ask, in that order. */
    final List<Integer> announcers = new ArrayList<>(2);
    /** How many of {@link #announcers} were asked so far. */
    int asked;
    /** The peer (node id) asked now, or -1. */
    int inFlight = -1;
    long timerId;
    /** The block arrived in answer to a request (it may still wait for its parent). */
    boolean received;
  }

  private final NodeContext ctx;
  private final List<Integer> peers;
  private final Map<Integer, Integer> peerIndex = new LinkedHashMap<>();
  private final Class<B> type;
  private final Chain<B> chain;
  // Lookups and eviction by insertion order only; iteration order never reaches a decision.
  private final Map<Hash, Entry> entries = new LinkedHashMap<>(64, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Hash, Entry> eldest) {
      return size() > KEPT_BLOCKS;
    }
  };

  /**
   * @param ctx the node's context
   * @param peers the node's sync peers (node ids), in a fixed order
   * @param type the node's block type, which received blocks must have
   * @param chain the node's chain
   */
  public BlockSync(NodeContext ctx, List<Integer> peers, Class<B> type, Chain<B> chain) {
    this.ctx = ctx;
    this.peers = List.copyOf(peers);
    this.type = type;
    this.chain = chain;
    for (int i = 0; i < this.peers.size(); i++) {
      peerIndex.put(this.peers.get(i), i);
    }
  }

  /**
   * Block sync for a node whose chain is {@code tree} and whose received blocks wait in
   * {@code imports}: a block counts as had once imported or queued for import.
   */
  public static <B extends Block> BlockSync<B> over(NodeContext ctx, List<Integer> peers,
      Class<B> type, BlockTree<B> tree, BlockImportQueue<B> imports) {
    return new BlockSync<>(ctx, peers, type, new Chain<>() {
      @Override
      public boolean has(Hash hash) {
        return tree.contains(hash) || imports.isQueued(hash);
      }

      @Override
      public Optional<B> get(Hash hash) {
        return tree.get(hash);
      }

      @Override
      public void received(B block, int from) {
        imports.submit(block, from);
      }
    });
  }

  /** The sync peers. */
  public List<Integer> peers() {
    return peers;
  }

  /**
   * The node imported (or authored) {@code block}: announce its header to every sync peer not
   * known to have it (sc-service's network future announces each imported block, {@code
   * announce_imported_blocks}).
   */
  public void announce(B block) {
    Entry e = entry(block.hash());
    if (e.inFlight >= 0) {
      ctx.cancel(e.timerId);
      e.inFlight = -1;
    }
    BlockAnnounce a = new BlockAnnounce(block.hash(), block.parentHash(), block.number());
    for (int i = 0; i < peers.size(); i++) {
      if (!e.known.get(i)) {
        e.known.set(i);
        ctx.send(peers.get(i), a);
      }
    }
  }

  /** A peer announced a block: note that it has it, and ask it for the block if nobody is asked. */
  public void onAnnounce(int from, BlockAnnounce a) {
    Entry e = entry(a.hash());
    Integer idx = peerIndex.get(from);
    if (idx != null) {
      e.known.set(idx);
    }
    if (!e.announcers.contains(from)) {
      e.announcers.add(from);
    }
    if (e.inFlight < 0 && !e.received && !chain.has(a.hash())) {
      requestNext(a.hash(), e);
    }
  }

  /** A peer asks for a block: answer from the chain, or with no block. */
  public BlockBodyResponse answer(BlockBodyRequest r) {
    return new BlockBodyResponse(r.hash(), chain.get(r.hash()).orElse(null), r.deadlineMicros());
  }

  /** The answer to this node's request. */
  public void onResponse(int from, BlockBodyResponse r) {
    Entry e = entries.get(r.hash());
    if (e == null || e.inFlight != from) {
      return; // not (or no longer) waited for: the request timed out or another peer sent it
    }
    ctx.cancel(e.timerId);
    e.inFlight = -1;
    if (type.isInstance(r.block())) {
      Integer idx = peerIndex.get(from);
      if (idx != null) {
        e.known.set(idx);
      }
      e.received = true;
      chain.received(type.cast(r.block()), from);
    } else if (!chain.has(r.hash())) {
      requestNext(r.hash(), e);
    }
  }

  /** Handles this component's timers; false for any other timer. */
  public boolean onTimer(Timer t) {
    if (!(t instanceof RequestTimeout rt)) {
      return false;
    }
    Entry e = entries.get(rt.block());
    if (e != null && e.inFlight == rt.peer()) {
      e.inFlight = -1;
      if (!chain.has(rt.block())) {
        requestNext(rt.block(), e);
      }
    }
    return true;
  }

  /** Whether a request for the block is in flight (for tests and the node's own bookkeeping). */
  public boolean requesting(Hash block) {
    Entry e = entries.get(block);
    return e != null && e.inFlight >= 0;
  }

  /** Asks the first announcer not asked yet; if every one was asked, waits for a new one. */
  private void requestNext(Hash block, Entry e) {
    if (e.asked == e.announcers.size()) {
      return;
    }
    int peer = e.announcers.get(e.asked++);
    e.inFlight = peer;
    ctx.send(peer, new BlockBodyRequest(block, ctx.now() + BLOCK_REQUEST_TIMEOUT_MICROS));
    e.timerId = ctx.schedule(BLOCK_REQUEST_TIMEOUT_MICROS, new RequestTimeout(block, peer));
  }

  private Entry entry(Hash block) {
    Entry e = entries.get(block);
    if (e == null) {
      e = new Entry();
      entries.put(block, e);
    }
    return e;
  }
}
