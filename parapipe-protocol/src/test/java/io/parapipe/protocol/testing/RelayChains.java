package io.parapipe.protocol.testing;

import io.parapipe.protocol.primitives.CommittedCandidateReceipt;
import io.parapipe.protocol.primitives.HeadData;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.primitives.PersistedValidationData;
import io.parapipe.protocol.primitives.Statement;
import io.parapipe.protocol.relay.node.chain.RelayBlock;
import io.parapipe.protocol.relay.node.network.ValidatorDirectory;
import io.parapipe.protocol.relay.runtime.ParasInherentData;
import io.parapipe.protocol.relay.runtime.RelayRuntimeState;
import io.parapipe.protocol.relay.runtime.RuntimeFixture;
import java.util.ArrayList;
import java.util.List;

/**
 * Relay chains for relay-node unit tests: real runtime states (genesis via the runtime), blocks
 * carrying them, and a directory that puts authority {@code a} on node {@code NODE_BASE + a}.
 */
public final class RelayChains {
  /** Node id of authority 0. */
  public static final int NODE_BASE = 100;

  private RelayChains() {}

  /** The paras of a chain with {@code cores} cores: para {@code 1 + i} on core {@code i}. */
  public static List<ParaId> paras(int cores) {
    List<ParaId> out = new ArrayList<>();
    for (int i = 0; i < cores; i++) {
      out.add(ParaId.of(1 + i));
    }
    return out;
  }

  /**
   * Genesis of {@code validators} validators and {@code cores} cores (async backing {3, 2},
   * minimum backing votes 2).
   */
  public static RelayRuntimeState genesis(int validators, int cores) {
    return RuntimeFixture.genesis(validators, RuntimeFixture.config(cores), paras(cores), 100);
  }

  /** A block carrying {@code state}. */
  public static RelayBlock block(RelayRuntimeState state) {
    return new RelayBlock(state, ParasInherentData.empty(state.header()), -1, 0);
  }

  /** A directory for the node of authority {@code selfAuthority}. */
  public static ValidatorDirectory directory(RelayRuntimeState state, int selfAuthority) {
    List<Integer> nodes = new ArrayList<>();
    for (int a = 0; a < state.validators().size(); a++) {
      nodes.add(NODE_BASE + a);
    }
    return new ValidatorDirectory(nodes, selfAuthority);
  }

  /** The authority of the validator with session index {@code index}. */
  public static int authorityOf(RelayRuntimeState state, int index) {
    return state.validators().get(index).authority();
  }

  /** The node of the validator with session index {@code index}. */
  public static int nodeOf(RelayRuntimeState state, int index) {
    return NODE_BASE + authorityOf(state, index);
  }

  /** A {@code Seconded} statement for the {@code n}-th block of {@code para} at relay parent {@code rp}. */
  public static Statement.Seconded seconded(RelayRuntimeState rp, ParaId para, int n) {
    HeadData parent = n == 1 ? RuntimeFixture.genesisHead(para) : RuntimeFixture.head(para, n - 1);
    CommittedCandidateReceipt c = RuntimeFixture.candidate(rp, para, parent, RuntimeFixture.head(para, n));
    return new Statement.Seconded(c, new PersistedValidationData(parent, rp.number(), rp.stateRoot(),
        rp.activeConfig().maxPovSize()));
  }
}
