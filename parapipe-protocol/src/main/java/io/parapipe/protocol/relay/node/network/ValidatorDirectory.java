package io.parapipe.protocol.relay.node.network;

import io.parapipe.protocol.primitives.SessionIndex;
import io.parapipe.protocol.relay.runtime.RelayRuntimeState;
import io.parapipe.protocol.relay.runtime.shared.ValidatorId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where validators are on the network. Validator indices are positions in a session's shuffled
 * active set, so the mapping from index to node changes every session; authorities
 * ({@link ValidatorId}) stay fixed.
 */
public final class ValidatorDirectory {
  private final List<Integer> authorityNodes;
  private final int selfAuthority;
  private final Map<SessionIndex, int[]> indexToNode = new HashMap<>();
  private final Map<SessionIndex, Integer> selfIndex = new HashMap<>();

  /**
   * @param authorityNodes node id of each authority
   * @param selfAuthority this node's authority, or -1 if it is not a validator
   */
  public ValidatorDirectory(List<Integer> authorityNodes, int selfAuthority) {
    this.authorityNodes = List.copyOf(authorityNodes);
    this.selfAuthority = selfAuthority;
  }

  private int[] table(RelayRuntimeState s) {
    return indexToNode.computeIfAbsent(s.session(), k -> {
      List<ValidatorId> vs = s.validators();
      int[] t = new int[vs.size()];
      int mine = -1;
      for (int i = 0; i < t.length; i++) {
        t[i] = authorityNodes.get(vs.get(i).authority());
        if (vs.get(i).authority() == selfAuthority) {
          mine = i;
        }
      }
      selfIndex.put(k, mine);
      return t;
    });
  }

  /** The node of validator {@code index} in the session of {@code s}. */
  public int nodeOf(RelayRuntimeState s, int index) {
    return table(s)[index];
  }

  /**
   * The node of each validator index in the session of {@code s}: this directory's own table,
   * shared with the caller, which must not change it.
   */
  public int[] nodesOf(RelayRuntimeState s) {
    return table(s);
  }

  /** This node's validator index in the session of {@code s}, or -1. */
  public int selfIndex(RelayRuntimeState s) {
    table(s);
    return selfIndex.get(s.session());
  }
}
