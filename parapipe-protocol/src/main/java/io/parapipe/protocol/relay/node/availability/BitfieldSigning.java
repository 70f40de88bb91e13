package io.parapipe.protocol.relay.node.availability;

import io.parapipe.protocol.events.BitfieldSigned;
import io.parapipe.protocol.host.NodeContext;
import io.parapipe.protocol.host.Timer;
import io.parapipe.protocol.primitives.BitVec;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.SignedAvailabilityBitfield;
import io.parapipe.protocol.primitives.ValidatorIndex;
import io.parapipe.protocol.relay.node.chain.RelayBlock;
import io.parapipe.protocol.relay.node.network.ValidatorDirectory;
import io.parapipe.protocol.relay.runtime.CoreState;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Bitfield signing: {@code bitfield_signing_delay} (1.5 s upstream) after each new leaf, sign one
 * bit per availability core — set when the core is occupied by a candidate whose chunk this
 * validator holds — and hand it to bitfield distribution.
 */
public final class BitfieldSigning {
  private record SignDue(RelayBlock leaf) implements Timer {}

  private final NodeContext ctx;
  private final ValidatorDirectory directory;
  private final AvailabilityStore store;
  private final long delayMicros;
  private final Function<Hash, Boolean> stillKnown;
  private final Consumer<Signed> distribute;

  /**
   * A bitfield signed for a leaf.
   *
   * @param leaf the leaf hash (the signing context)
   * @param bitfield the signed bitfield
   */
  public record Signed(Hash leaf, SignedAvailabilityBitfield bitfield) {}

  /**
   * @param delayMicros wait after a leaf before signing
   * @param stillKnown whether a leaf is still in the node's chain when the delay ends
   * @param distribute receives each signed bitfield
   */
  public BitfieldSigning(NodeContext ctx, ValidatorDirectory directory, AvailabilityStore store,
      long delayMicros, Function<Hash, Boolean> stillKnown, Consumer<Signed> distribute) {
    this.ctx = ctx;
    this.directory = directory;
    this.store = store;
    this.delayMicros = delayMicros;
    this.stillKnown = stillKnown;
    this.distribute = distribute;
  }

  /** A new leaf was activated. */
  public void onLeafActivated(RelayBlock leaf) {
    ctx.schedule(delayMicros, new SignDue(leaf));
  }

  /** Handles a signing timer; false if it is not this subsystem's. */
  public boolean onTimer(Timer t) {
    if (!(t instanceof SignDue d)) {
      return false;
    }
    RelayBlock leaf = d.leaf();
    int self = directory.selfIndex(leaf.state());
    if (self < 0 || !stillKnown.apply(leaf.hash())) {
      return true;
    }
    List<CoreState> cores = leaf.state().api().availabilityCores();
    boolean[] bits = new boolean[cores.size()];
    int ones = 0;
    for (int i = 0; i < bits.length; i++) {
      if (cores.get(i) instanceof CoreState.Occupied o && store.hasChunk(o.candidateHash())) {
        bits[i] = true;
        ones++;
      }
    }
    SignedAvailabilityBitfield bf =
        new SignedAvailabilityBitfield(ValidatorIndex.of(self), BitVec.fromBits(bits));
    ctx.emit(new BitfieldSigned(leaf.hash(), ones));
    distribute.accept(new Signed(leaf.hash(), bf));
    return true;
  }
}
