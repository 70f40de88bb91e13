package io.parapipe.protocol.para.node;

import io.parapipe.protocol.events.CollationAdvertised;
import io.parapipe.protocol.host.NodeContext;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.wire.AdvertiseCollation;
import io.parapipe.protocol.wire.Declare;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The collator side of the collator protocol's connections, as the slot-based collator uses
 * them: a connection to a validator is opened by sending {@link Declare} and counts as open when
 * the validator's {@code ViewUpdate} comes back, one round trip later. Advertisements to a
 * validator not connected wait for that. {@code ConnectToBackingGroups} opens connections ahead
 * of the collator's slot, {@code DisconnectFromBackingGroups} closes them
 * ({@code polkadot/node/network/collator-protocol/src/collator_side}).
 *
 * <p>The basic and lookahead collators are modelled as connected to every validator all along,
 * as before this class existed: they advertise at once.
 */
final class BackingGroupConnections {
  private final NodeContext ctx;
  private final ParaId para;
  // Lookups only: which validator nodes are connected, and the advertisements waiting per node.
  private final Set<Integer> connected = new HashSet<>();
  private final Map<Integer, List<AdvertiseCollation>> connecting = new HashMap<>();

  BackingGroupConnections(NodeContext ctx, ParaId para) {
    this.ctx = ctx;
    this.para = para;
  }

  /** {@code ConnectToBackingGroups}: opens connections to these validator nodes, in order. */
  void connect(List<Integer> validatorNodes) {
    for (int node : validatorNodes) {
      open(node);
    }
  }

  /**
   * {@code DisconnectFromBackingGroups}: closes the open connections. A connection still being
   * opened for a waiting advertisement stays.
   */
  void disconnectAll() {
    connected.clear();
  }

  /** Advertises to a validator now if connected, else once the connection is open. */
  void advertise(int validatorNode, AdvertiseCollation a) {
    if (connected.contains(validatorNode)) {
      send(validatorNode, a);
      return;
    }
    open(validatorNode);
    connecting.get(validatorNode).add(a);
  }

  /** The validator's {@code ViewUpdate}: the connection is open; waiting advertisements go out. */
  void onViewUpdate(int validatorNode) {
    List<AdvertiseCollation> waiting = connecting.remove(validatorNode);
    if (waiting == null) {
      return; // closed before it opened
    }
    connected.add(validatorNode);
    for (AdvertiseCollation a : waiting) {
      send(validatorNode, a);
    }
  }

  /** Whether a connection to the node is open. */
  boolean isConnected(int validatorNode) {
    return connected.contains(validatorNode);
  }

  private void open(int node) {
    if (connected.contains(node) || connecting.containsKey(node)) {
      return;
    }
    connecting.put(node, new ArrayList<>(2));
    ctx.send(node, new Declare(para));
  }

  private void send(int node, AdvertiseCollation a) {
    ctx.send(node, a);
    ctx.emit(new CollationAdvertised(para, a.candidateHash(), a.relayParent(), node));
  }
}
