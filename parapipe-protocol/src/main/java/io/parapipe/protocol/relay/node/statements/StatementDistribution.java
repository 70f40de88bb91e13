package io.parapipe.protocol.relay.node.statements;

import io.parapipe.protocol.host.NodeContext;
import io.parapipe.protocol.host.Topic;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.Statement;
import io.parapipe.protocol.primitives.ValidatorIndex;
import io.parapipe.protocol.relay.node.backing.StatementImporter;
import io.parapipe.protocol.relay.node.backing.StatementSharing;
import io.parapipe.protocol.relay.node.backing.StatementTable;
import io.parapipe.protocol.relay.node.backing.TableContext;
import io.parapipe.protocol.relay.node.chain.RelayBlock;
import io.parapipe.protocol.relay.node.network.ValidatorDirectory;
import io.parapipe.protocol.relay.runtime.RelayRuntimeState;
import io.parapipe.protocol.relay.runtime.inclusion.ValidityAttestation;
import io.parapipe.protocol.wire.BackedCandidateManifest;
import io.parapipe.protocol.wire.StatementMessage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Statement distribution (upstream {@code statement-distribution} v2, simplified): carries
 * backing statements between the members of a backing group and announces backed candidates to
 * every validator.
 *
 * <ul>
 *   <li>Statements from group-mates go to candidate backing; those for a relay parent not
 *       in the view yet (they can overtake the block) wait until it enters the view.
 *   <li>Each validator may second at most {@code max_candidate_depth + 1} candidates per relay
 *       parent ({@code seconding_limit}); further {@code Seconded} statements are dropped. Only
 *       statements backing accepted count.
 *   <li>Our own statements go to the other members of our group ({@code Share}).
 *   <li>When backing reports a candidate of our group backed, a manifest with its statements goes
 *       to every validator ({@code Backed}); a manifest for a candidate this node already counts
 *       as backed is skipped. Upstream sends a manifest and lets receivers request the statements;
 *       here the manifest carries them.
 * </ul>
 */
public final class StatementDistribution implements StatementSharing {
  /** How many relay parents' worth of early statements are kept at most. */
  private static final int EARLY_RELAY_PARENTS = 64;

  private static final class PerRelayParent {
    final RelayRuntimeState session;
    final TableContext context;
    final int secondingLimit;
    /**
     * Candidates each validator seconded here that backing accepted, by validator index: null
     * (none), the one {@link Hash}, or a {@code Set<Hash>} once there are more. Every validator
     * keeps this for every validator that seconds (about one per core), so the common case of one
     * candidate costs a reference rather than a boxed key, a map node and a set.
     */
    Object[] seconded = new Object[16];
    /** Candidates backing reported backed. Lookups only. */
    final Set<Hash> backed = new HashSet<>();

    PerRelayParent(RelayRuntimeState session, TableContext context) {
      this.session = session;
      this.context = context;
      this.secondingLimit = session.api().asyncBackingParams().maxCandidateDepth() + 1;
    }
  }

  private final NodeContext ctx;
  private final ValidatorDirectory directory;
  private final StatementImporter backing;
  private final long manifestLifetimeMicros;
  private final Map<Hash, PerRelayParent> perRelayParent = new HashMap<>();
  // Statements for relay parents not in the view yet, oldest relay parent first.
  private final Map<Hash, ArrayDeque<StatementMessage>> early = new LinkedHashMap<>();

  /**
   * Statement distribution feeding {@code backing}.
   *
   * @param manifestLifetimeMicros how long a backed-candidate manifest is worth reading: as long
   *     as its relay parent may still be a relay parent of a block that backs it
   */
  public StatementDistribution(NodeContext ctx, ValidatorDirectory directory, StatementImporter backing,
      long manifestLifetimeMicros) {
    this.ctx = ctx;
    this.directory = directory;
    this.backing = backing;
    this.manifestLifetimeMicros = manifestLifetimeMicros;
  }

  /** Whether {@code relayParent} is in the view. */
  public boolean inView(Hash relayParent) {
    return perRelayParent.containsKey(relayParent);
  }

  // ---- view ----

  /**
   * A relay parent entered the view (after backing added it): statements that waited for it go
   * to backing now, in arrival order.
   *
   * @param context backing's groups at the relay parent
   */
  public void addRelayParent(RelayBlock block, TableContext context) {
    if (perRelayParent.containsKey(block.hash())) {
      return;
    }
    PerRelayParent st = new PerRelayParent(block.state(), context);
    perRelayParent.put(block.hash(), st);
    ArrayDeque<StatementMessage> waiting = early.remove(block.hash());
    if (waiting != null) {
      for (StatementMessage m : waiting) {
        forward(st, m.relayParent(), m.validator(), m.statement());
      }
    }
  }

  /** Drops relay parents that left the view and bounds the early statements. */
  public void retainOnly(Set<Hash> allowed) {
    perRelayParent.keySet().removeIf(h -> !allowed.contains(h));
    while (early.size() > EARLY_RELAY_PARENTS) {
      early.remove(early.keySet().iterator().next());
    }
  }

  // ---- from the network ----

  /** A statement from a group-mate. */
  public void onStatement(StatementMessage m) {
    PerRelayParent st = perRelayParent.get(m.relayParent());
    if (st == null) {
      early.computeIfAbsent(m.relayParent(), k -> new ArrayDeque<>()).add(m);
      return;
    }
    forward(st, m.relayParent(), m.validator(), m.statement());
  }

  /**
   * A backed candidate announced by a member of its backing group. Every member announces it, so
   * a candidate this node already counts as backed is skipped without re-importing.
   */
  public void onManifest(BackedCandidateManifest m) {
    PerRelayParent st = perRelayParent.get(m.relayParent());
    if (st != null && !m.statements().isEmpty()
        && st.backed.contains(m.statements().get(0).statement().candidateHash())) {
      return;
    }
    for (BackedCandidateManifest.SignedStatement s : m.statements()) {
      onStatement(new StatementMessage(m.relayParent(), s.validator(), s.statement()));
    }
  }

  private void forward(PerRelayParent st, Hash relayParent, int validator, Statement s) {
    boolean isSeconded = s instanceof Statement.Seconded;
    if (isSeconded && !withinLimit(st, validator, s.candidateHash())) {
      return;
    }
    if (backing.importStatement(relayParent, validator, s) && isSeconded) {
      noteSeconded(st, validator, s.candidateHash());
    }
  }

  // ---- from backing ----

  @Override
  public boolean withinSecondingLimit(Hash relayParent, int validator, Hash candidate) {
    PerRelayParent st = perRelayParent.get(relayParent);
    return st != null && withinLimit(st, validator, candidate);
  }

  private static boolean withinLimit(PerRelayParent st, int validator, Hash candidate) {
    Object mine = validator >= 0 && validator < st.seconded.length ? st.seconded[validator] : null;
    if (mine == null) {
      return true;
    }
    if (mine instanceof Hash one) {
      return one.equals(candidate) || 1 < st.secondingLimit;
    }
    @SuppressWarnings("unchecked")
    Set<Hash> many = (Set<Hash>) mine;
    return many.contains(candidate) || many.size() < st.secondingLimit;
  }

  private static void noteSeconded(PerRelayParent st, int validator, Hash candidate) {
    if (validator < 0) {
      throw new IllegalArgumentException("a validator index is never negative: " + validator);
    }
    if (validator >= st.seconded.length) {
      st.seconded = Arrays.copyOf(st.seconded, Math.max(validator + 1, st.seconded.length * 2));
    }
    Object mine = st.seconded[validator];
    if (mine == null) {
      st.seconded[validator] = candidate;
    } else if (mine instanceof Hash one) {
      if (!one.equals(candidate)) {
        Set<Hash> many = new HashSet<>();
        many.add(one);
        many.add(candidate);
        st.seconded[validator] = many;
      }
    } else {
      @SuppressWarnings("unchecked")
      Set<Hash> many = (Set<Hash>) mine;
      many.add(candidate);
    }
  }

  @Override
  public void share(Hash relayParent, Statement statement) {
    PerRelayParent st = perRelayParent.get(relayParent);
    int local = st.context.localIndex();
    if (statement instanceof Statement.Seconded) {
      noteSeconded(st, local, statement.candidateHash());
    }
    StatementMessage msg = new StatementMessage(relayParent, local, statement);
    for (ValidatorIndex v : st.context.group(st.context.assignedCore())) {
      if (v.value() != local) {
        ctx.send(directory.nodeOf(st.session, v.value()), msg);
      }
    }
  }

  @Override
  public void backed(Hash relayParent, StatementTable.AttestedCandidate candidate) {
    PerRelayParent st = perRelayParent.get(relayParent);
    Hash h = candidate.candidate().hash();
    st.backed.add(h);
    if (!st.context.inGroup(candidate.group())) {
      return;
    }
    List<BackedCandidateManifest.SignedStatement> statements = new ArrayList<>();
    for (StatementTable.Vote v : candidate.validityVotes()) {
      Statement s = v.attestation() == ValidityAttestation.IMPLICIT
          ? new Statement.Seconded(candidate.candidate(), candidate.validationData())
          : new Statement.Valid(h);
      statements.add(new BackedCandidateManifest.SignedStatement(v.validator(), s));
    }
    // A validator outside the group needs the candidate only to put it in a block it authors (or
    // once its group takes over the para): posted gossip, read at those moments.
    ctx.post(Topic.VALIDATORS, new BackedCandidateManifest(relayParent, statements),
        manifestLifetimeMicros);
  }
}
