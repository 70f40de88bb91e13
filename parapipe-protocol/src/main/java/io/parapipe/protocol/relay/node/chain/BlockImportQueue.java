package io.parapipe.protocol.relay.node.chain;

import io.parapipe.protocol.host.NodeContext;
import io.parapipe.protocol.host.Timer;
import io.parapipe.protocol.primitives.Hash;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * A node's block import queue: received blocks are executed one after another (substrate's import
 * queue verifies and imports on one worker), each taking its execution time, and only then join
 * the node's chain. A block that is already queued is not queued again.
 *
 * @param <B> the block type
 */
public final class BlockImportQueue<B> {
  /** What to do with an executed block. */
  public interface Importer<B> {
    /**
     * Imports an executed block.
     *
     * @param block the block
     * @param from the node that sent it
     */
    void imported(B block, int from);
  }

  private record Executed<B>(B block, Hash hash, int from) implements Timer {}

  private final NodeContext ctx;
  private final Function<B, Hash> hash;
  private final ToLongFunction<B> executionMicros;
  private final Importer<B> importer;
  // Lookups only; never iterated, so hash order cannot leak into results.
  private final Set<Hash> queued = new HashSet<>();
  private long busyUntil;

  /**
   * @param ctx the node's context
   * @param hash a block's hash
   * @param executionMicros how long executing a block takes on this node
   * @param importer called when a block is executed
   */
  public BlockImportQueue(NodeContext ctx, Function<B, Hash> hash, ToLongFunction<B> executionMicros,
      Importer<B> importer) {
    this.ctx = ctx;
    this.hash = hash;
    this.executionMicros = executionMicros;
    this.importer = importer;
  }

  /** Queues a received block; false if it is queued already. */
  public boolean submit(B block, int from) {
    Hash h = hash.apply(block);
    if (!queued.add(h)) {
      return false;
    }
    long start = Math.max(ctx.now(), busyUntil);
    busyUntil = start + executionMicros.applyAsLong(block);
    ctx.schedule(busyUntil - ctx.now(), new Executed<>(block, h, from));
    return true;
  }

  /** Whether the block waits in the queue (received, not yet executed). */
  public boolean isQueued(Hash h) {
    return queued.contains(h);
  }

  /** Handles this queue's timers; false for any other timer. */
  @SuppressWarnings("unchecked")
  public boolean onTimer(Timer t) {
    if (!(t instanceof Executed<?> e)) {
      return false;
    }
    Executed<B> ex = (Executed<B>) e;
    queued.remove(ex.hash());
    importer.imported(ex.block(), ex.from());
    return true;
  }
}
