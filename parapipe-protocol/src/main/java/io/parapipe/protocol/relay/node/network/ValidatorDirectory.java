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

  /** The table last asked for: nearly every question is about the current session. */
  private int lastSession = -1;
  private int[] lastTable;
  private int lastSelf;

  private int[] table(RelayRuntimeState s) {
    SessionIndex session = s.session();
    if (session.value() == lastSession) {
      return lastTable;
    }
    int[] t = indexToNode.get(session);
    if (t == null) {
      List<ValidatorId> vs = s.validators();
      t = new int[vs.size()];
      int mine = -1;
      for (int i = 0; i < t.length; i++) {
        t[i] = authorityNodes.get(vs.get(i).authority());
        if (vs.get(i).authority() == selfAuthority) {
          mine = i;
        }
      }
      indexToNode.put(session, t);
      selfIndex.put(session, mine);
    }
    lastSession = session.value();
    lastTable = t;
    lastSelf = selfIndex.get(session);
    return t;
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
    return lastSelf;
  }
}
