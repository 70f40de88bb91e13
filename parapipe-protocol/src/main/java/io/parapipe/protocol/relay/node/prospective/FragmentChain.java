package io.parapipe.protocol.relay.node.prospective;

import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.HeadData;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The fragment chain of one para at one relay block ({@code fragment_chain::FragmentChain}, Era B):
 * the best chain of backable candidates, at most {@code max_depth + 1} long, starting with the
 * candidates pending availability; and the unconnected candidates that have potential to join it
 * now or later (they may form any shape).
 *
 * <p>Fork choice: among competing backed children of the same head, a candidate pending
 * availability wins, otherwise the lowest candidate hash (unsigned big-endian byte order).
 */
public final class FragmentChain {
  private final Scope scope;
  private final BackedChain bestChain;
  private CandidateStorage unconnected;

  private FragmentChain(Scope scope, BackedChain bestChain, CandidateStorage unconnected) {
    this.scope = scope;
    this.bestChain = bestChain;
    this.unconnected = unconnected;
  }

  /**
   * Creates a chain with the given scope and fills the best chain from the candidates pending
   * availability ({@code FragmentChain::init}); they must chain from the latest included head.
   * The given storage is consumed.
   */
  public static FragmentChain init(Scope scope, CandidateStorage candidatesPendingAvailability) {
    FragmentChain chain = new FragmentChain(scope, new BackedChain(), new CandidateStorage());
    chain.populateChain(candidatesPendingAvailability);
    return chain;
  }

  /**
   * A chain with an empty best chain whose unconnected storage is a copy of {@code storage},
   * unchecked: the upstream tests build a "previous" chain this way before
   * {@link #populateFromPrevious}. Public for the conformance vectors, which do the same.
   */
  public static FragmentChain withUncheckedUnconnected(Scope scope, CandidateStorage storage) {
    return new FragmentChain(scope, new BackedChain(), storage.copy());
  }

  /** An independent copy (for tests and what-if queries; upstream {@code Clone}). */
  public FragmentChain copy() {
    return new FragmentChain(scope, bestChain.copy(), unconnected.copy());
  }

  /** The fork selection rule between two backed forks: the lower candidate hash wins. */
  static int forkSelectionRule(Hash a, Hash b) {
    return a.compareTo(b);
  }

  /**
   * Inherits the candidates of the chain of the previous relay block
   * ({@code populate_from_previous}): its unconnected candidates plus its best-chain candidates
   * that were not pending availability there, re-admitted under this chain's scope.
   */
  public void populateFromPrevious(FragmentChain previous) {
    CandidateStorage prevStorage = previous.unconnected.copy();
    for (FragmentNode node : previous.bestChain.nodes()) {
      // Still pending: already added from the runtime. Included: no longer needed.
      if (previous.scope.pendingOrNull(node.candidateHash()) == null) {
        prevStorage.addCandidateEntry(node.toEntry());
      }
    }
    populateChain(prevStorage);
    trimUneligibleForks(prevStorage, null);
    populateUnconnectedPotentialCandidates(prevStorage);
  }

  /** The scope. */
  public Scope scope() {
    return scope;
  }

  /** The number of candidates in the best chain. */
  public int bestChainLen() {
    return bestChain.size();
  }

  /** The number of unconnected candidates. */
  public int unconnectedLen() {
    return unconnected.len();
  }

  /** Whether the candidate is among the unconnected candidates. */
  public boolean containsUnconnectedCandidate(Hash candidateHash) {
    return unconnected.contains(candidateHash);
  }

  /** The best chain's candidate hashes, in order. */
  public List<Hash> bestChainVec() {
    List<Hash> out = new ArrayList<>(bestChain.size());
    for (FragmentNode node : bestChain.nodes()) {
      out.add(node.candidateHash());
    }
    return out;
  }

  /** The unconnected candidates (an unmodifiable view, insertion order). */
  public Collection<CandidateEntry> unconnected() {
    return unconnected.candidates();
  }

  /**
   * The best chain as (candidate, relay parent, parent head hash, output head hash) views, for
   * callers that need more than hashes.
   */
  public List<ChainLink> bestChainLinks() {
    List<ChainLink> out = new ArrayList<>(bestChain.size());
    for (FragmentNode node : bestChain.nodes()) {
      out.add(new ChainLink(node.candidateHash(), node.fragment().relayParent(),
          node.parentHeadDataHash(), node.outputHeadDataHash(),
          scope.pendingOrNull(node.candidateHash()) != null));
    }
    return out;
  }

  /**
   * One node of the best chain as seen from outside.
   *
   * @param candidateHash the candidate
   * @param relayParent its relay parent
   * @param parentHeadDataHash the head it builds on
   * @param outputHeadDataHash the head it produces
   * @param pendingAvailability whether it is pending availability in this scope
   */
  public record ChainLink(
      Hash candidateHash,
      RelayChainBlockInfo relayParent,
      Hash parentHeadDataHash,
      Hash outputHeadDataHash,
      boolean pendingAvailability) {}

  /** Whether the candidate is in the best chain or backed among the unconnected candidates. */
  public boolean isCandidateBacked(Hash candidateHash) {
    if (bestChain.contains(candidateHash)) {
      return true;
    }
    CandidateEntry entry = unconnected.getOrNull(candidateHash);
    return entry != null && entry.state() == CandidateState.BACKED;
  }

  /**
   * Marks an unconnected candidate backed ({@code candidate_backed}). If its parent is the latest
   * included head or the output of a chain node, the chain is reverted to that point and rebuilt
   * greedily, so a newly backed lower-hash fork replaces the current suffix; forks that lost are
   * trimmed. A no-op for candidates already in the best chain or unknown.
   */
  public void candidateBacked(Hash newlyBacked) {
    if (bestChain.contains(newlyBacked)) {
      return;
    }
    CandidateEntry entry = unconnected.getOrNull(newlyBacked);
    if (entry == null) {
      return;
    }
    Hash parentHeadHash = entry.parentHeadDataHash();
    unconnected.markBacked(newlyBacked);
    if (!revertTo(parentHeadHash)) {
      // Not connected to the chain: nothing more to do for now.
      return;
    }
    CandidateStorage prevStorage = unconnected;
    unconnected = new CandidateStorage();
    populateChain(prevStorage);
    trimUneligibleForks(prevStorage, parentHeadHash);
    populateUnconnectedPotentialCandidates(prevStorage);
  }

  /**
   * Whether the candidate could join this chain now or later ({@code can_add_candidate_as_potential}).
   *
   * @return empty if it could; {@link FragmentChainError.CandidateAlreadyKnown} if it is in the best
   *     chain or among the unconnected candidates; else the first rule of {@link #checkPotential}
   *     it breaks
   */
  public Optional<FragmentChainError> canAddCandidateAsPotential(HypotheticalOrConcreteCandidate candidate) {
    return Optional.ofNullable(canAddAsPotential(candidate));
  }

  private FragmentChainError canAddAsPotential(HypotheticalOrConcreteCandidate candidate) {
    Hash hash = candidate.candidateHash();
    if (bestChain.contains(hash) || unconnected.contains(hash)) {
      return FragmentChainError.CandidateAlreadyKnown.INSTANCE;
    }
    return potential(candidate);
  }

  /**
   * Adds a seconded candidate to the unconnected candidates if it has potential
   * ({@code try_adding_seconded_candidate}); it never joins the best chain directly.
   *
   * @return empty if added; {@link FragmentChainError.IntroduceBackedCandidate} for a backed entry;
   *     else the admission error
   */
  public Optional<FragmentChainError> tryAddingSecondedCandidate(CandidateEntry candidate) {
    if (candidate.state() == CandidateState.BACKED) {
      return Optional.of(new FragmentChainError.IntroduceBackedCandidate());
    }
    FragmentChainError error = canAddAsPotential(candidate);
    if (error != null) {
      return Optional.of(error);
    }
    return unconnected.addCandidateEntry(candidate);
  }

  /**
   * Full head data by hash ({@code get_head_data_by_hash}): the latest included head, then the best
   * chain (parent or output heads), then the unconnected candidates.
   */
  public Optional<HeadData> getHeadDataByHash(Hash headDataHash) {
    HeadData required = scope.baseConstraints().requiredParent();
    if (required.hash().equals(headDataHash)) {
      return Optional.of(required);
    }
    if (bestChain.hasParentHead(headDataHash) || bestChain.hasOutputHead(headDataHash)) {
      for (FragmentNode node : bestChain.nodes()) {
        if (node.parentHeadDataHash().equals(headDataHash)) {
          return Optional.of(node.fragment().candidate().persistedValidationData().parentHead());
        }
        if (node.outputHeadDataHash().equals(headDataHash)) {
          return Optional.of(node.fragment().candidate().commitments().headData());
        }
      }
    }
    return unconnected.headDataByHash(headDataHash);
  }

  /**
   * Up to {@code count} candidates that can be backed next, after the given ancestors
   * ({@code find_backable_chain}), as (candidate hash, relay parent hash). The ancestors are the
   * candidates the caller already accounts for (pending availability or being backed); only a
   * prefix of the best chain counts. Stops at the first candidate pending availability.
   */
  public List<BackableCandidate> findBackableChain(Set<Hash> ancestors, int count) {
    if (count <= 0) {
      return List.of();
    }
    int base = findAncestorPath(ancestors);
    int end = (int) Math.min((long) base + count, bestChain.size());
    List<BackableCandidate> out = new ArrayList<>(Math.max(0, end - base));
    for (int i = base; i < end; i++) {
      FragmentNode node = bestChain.get(i);
      // Candidates pending availability should already be among the ancestors.
      if (scope.pendingOrNull(node.candidateHash()) != null) {
        break;
      }
      out.add(new BackableCandidate(node.candidateHash(), node.relayParent()));
    }
    return out;
  }

  /**
   * The index of the first best-chain node not in {@code ancestors}, walking from the start
   * ({@code find_ancestor_path}); the chain length if all are.
   */
  public int findAncestorPath(Set<Hash> ancestors) {
    for (int i = 0; i < bestChain.size(); i++) {
      if (!ancestors.contains(bestChain.get(i).candidateHash())) {
        return i;
      }
    }
    return bestChain.size();
  }

  /**
   * The earliest relay parent a new candidate may use to extend the chain now
   * ({@code earliest_relay_parent}): the last node's relay parent (from the scope, or from its
   * pending-availability record if out of scope), else the scope's earliest. Empty if unknown.
   */
  public Optional<RelayChainBlockInfo> earliestRelayParent() {
    return Optional.ofNullable(earliestRelayParentOrNull());
  }

  private RelayChainBlockInfo earliestRelayParentOrNull() {
    FragmentNode last = bestChain.last();
    if (last == null) {
      return scope.earliestRelayParent();
    }
    RelayChainBlockInfo inScope = scope.ancestorOrNull(last.relayParent());
    if (inScope != null) {
      return inScope;
    }
    PendingAvailability pending = scope.pendingOrNull(last.candidateHash());
    return pending == null ? null : pending.relayParent();
  }

  /**
   * The earliest relay parent a potential candidate may ever have
   * ({@code earliest_relay_parent_pending_availability}): that of the last candidate pending
   * availability in the chain, else the scope's earliest.
   */
  public RelayChainBlockInfo earliestRelayParentPendingAvailability() {
    List<FragmentNode> nodes = bestChain.nodes();
    for (int i = nodes.size() - 1; i >= 0; i--) {
      PendingAvailability pending = scope.pendingOrNull(nodes.get(i).candidateHash());
      if (pending != null) {
        return pending.relayParent();
      }
    }
    return scope.earliestRelayParent();
  }

  private void populateUnconnectedPotentialCandidates(CandidateStorage oldStorage) {
    for (CandidateEntry candidate : oldStorage.candidates()) {
      // Pending-availability candidates are always in the best chain already.
      if (scope.pendingOrNull(candidate.candidateHash()) != null) {
        continue;
      }
      if (canAddAsPotential(candidate) == null) {
        unconnected.addCandidateEntry(candidate);
      }
    }
  }

  /** Cycle or multiple-paths check of an output head against the best chain; null if fine. */
  private FragmentChainError checkCyclesOrInvalidTree(Hash outputHeadHash) {
    if (bestChain.hasParentHead(outputHeadHash)) {
      return new FragmentChainError.Cycle();
    }
    if (bestChain.hasOutputHead(outputHeadHash)) {
      return new FragmentChainError.MultiplePaths();
    }
    return null;
  }

  /**
   * The admission rule ({@code check_potential}), in upstream order: zero-length cycle; relay
   * parent in scope; relay parent not before the last pending candidate's; fork with the chain
   * (pending, then fork choice); constraints from the parent in the chain or the base (unknown
   * parent: accepted as potential); cycle / multiple paths; full check against constraints for
   * complete candidates; relay parent not moving backwards.
   *
   * @return empty if the candidate has potential
   */
  public Optional<FragmentChainError> checkPotential(HypotheticalOrConcreteCandidate candidate) {
    return Optional.ofNullable(potential(candidate));
  }

  private FragmentChainError potential(HypotheticalOrConcreteCandidate candidate) {
    Hash relayParentHash = candidate.relayParent();
    Hash parentHeadHash = candidate.parentHeadDataHash();
    Optional<Hash> outputHeadHash = candidate.outputHeadDataHash();

    if (outputHeadHash.isPresent() && outputHeadHash.get().equals(parentHeadHash)) {
      return new FragmentChainError.ZeroLengthCycle();
    }

    RelayChainBlockInfo relayParent = scope.ancestorOrNull(relayParentHash);
    if (relayParent == null) {
      return new FragmentChainError.RelayParentNotInScope(
          relayParentHash, scope.earliestRelayParent().hash());
    }

    RelayChainBlockInfo earliestPending = earliestRelayParentPendingAvailability();
    if (relayParent.number() < earliestPending.number()) {
      return new FragmentChainError.RelayParentPrecedesCandidatePendingAvailability(
          relayParent.hash(), earliestPending.hash());
    }

    Hash other = bestChain.byParentHead(parentHeadHash);
    if (other != null) {
      if (scope.pendingOrNull(other) != null) {
        return new FragmentChainError.ForkWithCandidatePendingAvailability(other);
      }
      if (forkSelectionRule(other, candidate.candidateHash()) < 0) {
        return new FragmentChainError.ForkChoiceRule(other);
      }
    }

    Constraints constraints;
    Integer parentRelayParentNumber = null;
    Hash parentCandidateHash = bestChain.byOutputHead(parentHeadHash);
    if (parentCandidateHash != null) {
      FragmentNode parent = null;
      for (FragmentNode node : bestChain.nodes()) {
        if (node.candidateHash().equals(parentCandidateHash)) {
          parent = node;
          break;
        }
      }
      if (parent == null) {
        return new FragmentChainError.ParentCandidateNotFound();
      }
      Result<Constraints, ModificationError> applied =
          scope.baseConstraints().applyModifications(parent.cumulativeModifications());
      if (applied.isErr()) {
        return new FragmentChainError.ComputeConstraints(applied.error());
      }
      constraints = applied.value();
      RelayChainBlockInfo parentRelayParent = scope.ancestorOrNull(parent.relayParent());
      if (parentRelayParent != null) {
        parentRelayParentNumber = parentRelayParent.number();
      }
    } else if (scope.baseConstraints().requiredParent().hash().equals(parentHeadHash)) {
      constraints = scope.baseConstraints();
    } else {
      // The parent is not (yet) known: nothing more can be checked now.
      return null;
    }

    if (outputHeadHash.isPresent()) {
      FragmentChainError cycle = checkCyclesOrInvalidTree(outputHeadHash.get());
      if (cycle != null) {
        return cycle;
      }
    }

    if (candidate.commitments().isPresent()
        && candidate.persistedValidationData().isPresent()
        && candidate.validationCodeHash().isPresent()) {
      Result<ConstraintModifications, FragmentValidityError> checked = Fragment.checkAgainstConstraints(
          relayParent,
          constraints,
          candidate.commitments().get(),
          candidate.validationCodeHash().get(),
          candidate.persistedValidationData().get());
      if (checked.isErr()) {
        return new FragmentChainError.CheckAgainstConstraints(checked.error());
      }
    }

    if (relayParent.number() < constraints.minRelayParentNumber()) {
      return new FragmentChainError.RelayParentMovedBackwards();
    }
    if (parentRelayParentNumber != null && relayParent.number() < parentRelayParentNumber) {
      return new FragmentChainError.RelayParentMovedBackwards();
    }
    return null;
  }

  /**
   * Removes from {@code storage} the candidates that lost against the best chain, and all their
   * descendants ({@code trim_uneligible_forks}): a breadth-first search over parent heads from
   * {@code startingPoint}, or from every chain node's parent head (the base head if the chain is
   * empty). A candidate is kept only if its whole ancestry was kept and it has potential itself.
   */
  private void trimUneligibleForks(CandidateStorage storage, Hash startingPoint) {
    ArrayDeque<Hash> queue = new ArrayDeque<>();
    ArrayDeque<Boolean> queueHasPotential = new ArrayDeque<>();
    if (startingPoint != null) {
      queue.add(startingPoint);
      queueHasPotential.add(Boolean.TRUE);
    } else if (bestChain.isEmpty()) {
      queue.add(scope.baseConstraints().requiredParent().hash());
      queueHasPotential.add(Boolean.TRUE);
    } else {
      for (FragmentNode node : bestChain.nodes()) {
        queue.add(node.parentHeadDataHash());
        queueHasPotential.add(Boolean.TRUE);
      }
    }
    // Cycles must not make the search loop forever.
    Set<Hash> visited = new HashSet<>();
    while (!queue.isEmpty()) {
      Hash parent = queue.poll();
      boolean parentHasPotential = queueHasPotential.poll();
      visited.add(parent);
      Set<Hash> children = storage.childrenOf(parent);
      if (children.isEmpty()) {
        continue;
      }
      List<Hash> toRemove = new ArrayList<>();
      for (Hash childHash : children) {
        CandidateEntry child = storage.getOrNull(childHash);
        if (child == null) {
          continue;
        }
        // A cycle, or several paths to one candidate: stop this branch.
        if (visited.contains(child.outputHeadDataHashValue())) {
          continue;
        }
        if (parentHasPotential && potential(child) == null) {
          queue.add(child.outputHeadDataHashValue());
          queueHasPotential.add(Boolean.TRUE);
        } else {
          toRemove.add(childHash);
          queue.add(child.outputHeadDataHashValue());
          queueHasPotential.add(Boolean.FALSE);
        }
      }
      for (Hash hash : toRemove) {
        storage.removeCandidate(hash);
      }
    }
  }

  /**
   * Extends the best chain greedily from {@code storage} ({@code populate_chain}): while shorter
   * than {@code max_depth + 1}, pick among the backed children of the current head those whose
   * relay parent is known, does not move backwards, creates no cycle and whose fragment is valid;
   * take the one pending availability, else the lowest hash; remove it from the storage.
   */
  private void populateChain(CandidateStorage storage) {
    FragmentNode last = bestChain.last();
    ConstraintModifications cumulative =
        last != null ? last.cumulativeModifications() : ConstraintModifications.identity();
    RelayChainBlockInfo earliestRp = earliestRelayParentOrNull();
    if (earliestRp == null) {
      return;
    }
    while (bestChain.size() <= scope.maxDepth()) {
      Result<Constraints, ModificationError> applied =
          scope.baseConstraints().applyModifications(cumulative);
      if (applied.isErr()) {
        break;
      }
      Constraints childConstraints = applied.value();
      Hash requiredHeadHash = childConstraints.requiredParent().hash();

      Fragment bestFragment = null;
      CandidateEntry best = null;
      boolean bestPending = false;
      for (CandidateEntry candidate : storage.possibleBackedParaChildren(requiredHeadHash)) {
        PendingAvailability pending = scope.pendingOrNull(candidate.candidateHash());
        RelayChainBlockInfo relayParent = pending != null
            ? pending.relayParent()
            : scope.ancestorOrNull(candidate.relayParent());
        if (relayParent == null) {
          continue;
        }
        if (checkCyclesOrInvalidTree(candidate.outputHeadDataHashValue()) != null) {
          continue;
        }
        // Only pending candidates may have a relay parent out of scope; at the start of the
        // chain such a candidate is bounded by its own relay parent.
        int minRelayParentNumber = pending != null && bestChain.isEmpty()
            ? pending.relayParent().number()
            : earliestRp.number();
        if (relayParent.number() < minRelayParentNumber) {
          continue;
        }
        if (bestChain.contains(candidate.candidateHash())) {
          continue;
        }
        Constraints constraints = pending != null
            ? childConstraints.withMinRelayParentNumber(pending.relayParent().number())
            : childConstraints;
        Result<Fragment, FragmentValidityError> fragment =
            Fragment.create(relayParent, constraints, candidate.candidate());
        if (fragment.isErr()) {
          continue;
        }
        // Upstream `min_by`: a pending candidate always wins, else the lowest hash.
        boolean take;
        if (best == null) {
          take = true;
        } else if (bestPending) {
          take = false;
        } else if (pending != null) {
          take = true;
        } else {
          take = forkSelectionRule(candidate.candidateHash(), best.candidateHash()) < 0;
        }
        if (take) {
          best = candidate;
          bestFragment = fragment.value();
          bestPending = pending != null;
        }
      }
      if (best == null) {
        break;
      }
      storage.removeCandidate(best.candidateHash());
      cumulative = cumulative.stack(bestFragment.constraintModifications());
      earliestRp = bestFragment.relayParent();
      bestChain.push(new FragmentNode(
          bestFragment,
          best.candidateHash(),
          cumulative,
          best.parentHeadDataHash(),
          best.outputHeadDataHashValue()));
    }
  }

  /**
   * Reverts the best chain so that its last node outputs {@code parentHeadHash}, or empties it if
   * that is the latest included head; the removed nodes go back to the unconnected candidates as
   * backed. Returns false if the head is neither.
   */
  private boolean revertTo(Hash parentHeadHash) {
    List<FragmentNode> removed = null;
    if (scope.baseConstraints().requiredParent().hash().equals(parentHeadHash)) {
      removed = bestChain.clear();
    }
    if (removed == null && bestChain.hasOutputHead(parentHeadHash)) {
      removed = bestChain.revertToParentHash(parentHeadHash);
    }
    if (removed == null) {
      return false;
    }
    // Even if nothing was removed, a new candidate may now be added.
    for (FragmentNode node : removed) {
      unconnected.addCandidateEntry(node.toEntry());
    }
    return true;
  }

  @Override
  public String toString() {
    return "FragmentChain(best " + bestChainVec() + ", unconnected " + unconnected.len() + ")";
  }
}
