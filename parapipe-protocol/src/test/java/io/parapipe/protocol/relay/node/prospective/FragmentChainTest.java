package io.parapipe.protocol.relay.node.prospective;

import static io.parapipe.protocol.relay.node.prospective.TestCandidates.head;
import static io.parapipe.protocol.relay.node.prospective.TestCandidates.makeCommittedCandidate;
import static io.parapipe.protocol.relay.node.prospective.TestCandidates.makeConstraints;
import static io.parapipe.protocol.relay.node.prospective.TestCandidates.repeatByte;
import static io.parapipe.protocol.relay.node.prospective.TestCandidates.withHash;
import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.primitives.CandidateCommitments;
import io.parapipe.protocol.primitives.CandidateDescriptor;
import io.parapipe.protocol.primitives.CommittedCandidateReceipt;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.HeadData;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.primitives.PersistedValidationData;
import io.parapipe.protocol.relay.node.prospective.TestCandidates.Made;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Ports of upstream {@code polkadot/node/core/prospective-parachains/src/fragment_chain/tests.rs}
 * (Era B, file versions {@code 021515eb}/{@code b0d7d52d}): same names, same values. Where upstream
 * relies on the hash order of particular candidates, the candidate is salted until our hashes have
 * that order.
 */
class FragmentChainTest {
  private static final ParaId PARA = ParaId.of(5);

  private static FragmentChain populateChainFromPreviousStorage(Scope scope, CandidateStorage storage) {
    FragmentChain chain = FragmentChain.init(scope, new CandidateStorage());
    FragmentChain prev = FragmentChain.withUncheckedUnconnected(scope, storage);
    chain.populateFromPrevious(prev);
    return chain;
  }

  private static Scope scope(RelayChainBlockInfo rp, Constraints base, List<PendingAvailability> pending,
      int maxDepth, List<RelayChainBlockInfo> ancestors) {
    return Scope.withAncestors(rp, base, pending, maxDepth, ancestors).value();
  }

  private static Set<Hash> unconnectedHashes(FragmentChain chain) {
    return chain.unconnected().stream().map(CandidateEntry::candidateHash).collect(Collectors.toSet());
  }

  private static RelayChainBlockInfo info(int number, int hashByte, int rootByte) {
    return new RelayChainBlockInfo(repeatByte(hashByte), number, repeatByte(rootByte));
  }

  @Test
  void scope_rejects_ancestors_that_skip_blocks() {
    RelayChainBlockInfo relayParent = info(10, 10, 69);
    List<RelayChainBlockInfo> ancestors = List.of(info(8, 8, 69));
    Constraints base = makeConstraints(8, List.of(8, 9), head(1, 2, 3));
    assertThat(Scope.withAncestors(relayParent, base, List.of(), 2, ancestors).error())
        .isEqualTo(new UnexpectedAncestor(8, 10));
  }

  @Test
  void scope_rejects_ancestor_for_0_block() {
    RelayChainBlockInfo relayParent = info(0, 0, 69);
    List<RelayChainBlockInfo> ancestors = List.of(info(99999, 99, 69));
    Constraints base = makeConstraints(0, List.of(), head(1, 2, 3));
    assertThat(Scope.withAncestors(relayParent, base, List.of(), 2, ancestors).error())
        .isEqualTo(new UnexpectedAncestor(99999, 0));
  }

  @Test
  void scope_only_takes_ancestors_up_to_min() {
    RelayChainBlockInfo relayParent = info(5, 0, 69);
    List<RelayChainBlockInfo> ancestors = List.of(info(4, 4, 69), info(3, 3, 69), info(2, 2, 69));
    Constraints base = makeConstraints(3, List.of(2), head(1, 2, 3));
    Scope scope = Scope.withAncestors(relayParent, base, List.of(), 2, ancestors).value();
    assertThat(scope.ancestors()).hasSize(2);
    assertThat(scope.ancestorsByHash()).hasSize(2);
    assertThat(scope.earliestRelayParent().number()).isEqualTo(3);
    assertThat(scope.ancestor(repeatByte(2))).isEmpty();
    assertThat(scope.ancestor(repeatByte(0))).contains(relayParent);
  }

  @Test
  void scope_for_a_sibling_para_shares_ancestor_tables_only_when_they_would_be_equal() {
    RelayChainBlockInfo relayParent = info(5, 0, 69);
    List<RelayChainBlockInfo> ancestors = List.of(info(4, 4, 69), info(3, 3, 69), info(2, 2, 69));
    Scope first = Scope.withAncestors(relayParent, makeConstraints(3, List.of(2), head(1, 2, 3)),
        List.of(), 2, ancestors).value();
    Scope same = Scope.withAncestorsLike(first, relayParent,
        makeConstraints(3, List.of(2), head(4, 5, 6)), List.of(), 2, ancestors).value();
    assertThat(same.ancestors()).isSameAs(first.ancestors());
    assertThat(same.ancestorsByHash()).isSameAs(first.ancestorsByHash());
    assertThat(same.baseConstraints().requiredParent()).isEqualTo(head(4, 5, 6));
    // Another minimum relay parent keeps fewer ancestors: nothing may be shared then.
    Scope narrower = Scope.withAncestorsLike(first, relayParent,
        makeConstraints(4, List.of(2), head(1, 2, 3)), List.of(), 2, ancestors).value();
    assertThat(narrower.ancestors()).hasSize(1);
    assertThat(narrower.ancestorsByHash()).hasSize(1);
    // Another relay parent: rebuilt from its own ancestors, not the sibling's.
    RelayChainBlockInfo otherLeaf = info(3, 30, 69);
    Scope other = Scope.withAncestorsLike(first, otherLeaf, makeConstraints(1, List.of(2), head(1, 2, 3)),
        List.of(), 2, List.of(info(2, 2, 69))).value();
    assertThat(other.ancestors().keySet()).containsExactly(2);
  }

  @Test
  void scope_rejects_unordered_ancestors() {
    RelayChainBlockInfo relayParent = info(5, 0, 69);
    List<RelayChainBlockInfo> ancestors = List.of(info(4, 4, 69), info(2, 2, 69), info(3, 3, 69));
    Constraints base = makeConstraints(0, List.of(2), head(1, 2, 3));
    assertThat(Scope.withAncestors(relayParent, base, List.of(), 2, ancestors).error())
        .isEqualTo(new UnexpectedAncestor(2, 4));
  }

  @Test
  void candidate_storage_methods() {
    CandidateStorage storage = new CandidateStorage();
    Hash relayParent = repeatByte(69);
    Made made = makeCommittedCandidate(PARA, relayParent, 8, head(4, 5, 6), head(1, 2, 3), 7);
    CommittedCandidateReceipt candidate = made.candidate();
    PersistedValidationData pvd = made.pvd();
    Hash candidateHash = candidate.hash();
    Hash parentHeadHash = pvd.parentHead().hash();
    Hash outputHeadHash = candidate.descriptor().paraHead();

    // Invalid pvd hash
    PersistedValidationData wrongPvd =
        new PersistedValidationData(pvd.parentHead(), pvd.relayParentNumber(), pvd.relayParentStorageRoot(), 0);
    assertThat(CandidateEntry.create(candidateHash, candidate, wrongPvd, CandidateState.SECONDED).error())
        .isEqualTo(CandidateEntryError.PERSISTED_VALIDATION_DATA_MISMATCH);
    assertThat(CandidateEntry.newSeconded(candidateHash, candidate, wrongPvd).error())
        .isEqualTo(CandidateEntryError.PERSISTED_VALIDATION_DATA_MISMATCH);
    // Zero-length cycle.
    {
      HeadData same = HeadData.of(new byte[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1});
      PersistedValidationData cyclePvd = new PersistedValidationData(same, 8, Hash.ZERO, pvd.maxPovSize());
      CandidateDescriptor d = candidate.descriptor();
      CommittedCandidateReceipt cycle = new CommittedCandidateReceipt(
          new CandidateDescriptor(d.paraId(), d.relayParent(), d.coreIndex(), d.sessionIndex(), cyclePvd.hash(),
              d.povHash(), d.erasureRoot(), d.paraHead(), d.validationCodeHash()),
          new CandidateCommitments(List.of(), List.of(), java.util.Optional.empty(), same, 1, 7));
      assertThat(CandidateEntry.newSeconded(candidateHash, cycle, cyclePvd).error())
          .isEqualTo(CandidateEntryError.ZERO_LENGTH_CYCLE);
    }
    assertThat(storage.contains(candidateHash)).isFalse();
    assertThat(storage.possibleBackedParaChildren(parentHeadHash)).isEmpty();
    assertThat(storage.headDataByHash(outputHeadHash)).isEmpty();
    assertThat(storage.headDataByHash(parentHeadHash)).isEmpty();

    // Add a valid candidate.
    CandidateEntry entry = CandidateEntry.create(candidateHash, candidate, pvd, CandidateState.SECONDED).value();
    assertThat(storage.addCandidateEntry(entry)).isEmpty();
    assertThat(storage.contains(candidateHash)).isTrue();
    assertThat(storage.possibleBackedParaChildren(parentHeadHash)).isEmpty();
    assertThat(storage.possibleBackedParaChildren(outputHeadHash)).isEmpty();
    assertThat(storage.headDataByHash(outputHeadHash)).contains(candidate.commitments().headData());
    assertThat(storage.headDataByHash(parentHeadHash)).contains(pvd.parentHead());

    // Now mark it as backed; marking it twice is fine.
    storage.markBacked(candidateHash);
    storage.markBacked(candidateHash);
    assertThat(storage.possibleBackedParaChildren(parentHeadHash))
        .extracting(CandidateEntry::candidateHash).containsExactly(candidateHash);
    assertThat(storage.possibleBackedParaChildren(outputHeadHash)).isEmpty();
    // the entry we hold is immutable: backing made a new one
    assertThat(entry.state()).isEqualTo(CandidateState.SECONDED);

    // Re-adding a candidate fails.
    assertThat(storage.addCandidateEntry(entry)).containsInstanceOf(FragmentChainError.CandidateAlreadyKnown.class);

    // Remove candidate and re-add it later in backed state; removing it twice is fine.
    storage.removeCandidate(candidateHash);
    assertThat(storage.contains(candidateHash)).isFalse();
    storage.removeCandidate(candidateHash);
    assertThat(storage.contains(candidateHash)).isFalse();
    assertThat(storage.possibleBackedParaChildren(parentHeadHash)).isEmpty();
    assertThat(storage.headDataByHash(outputHeadHash)).isEmpty();
    assertThat(storage.headDataByHash(parentHeadHash)).isEmpty();

    assertThat(storage.addPendingAvailabilityCandidate(candidateHash, candidate, pvd)).isEmpty();
    assertThat(storage.contains(candidateHash)).isTrue();
    assertThat(storage.possibleBackedParaChildren(parentHeadHash))
        .extracting(CandidateEntry::candidateHash).containsExactly(candidateHash);
    assertThat(storage.possibleBackedParaChildren(outputHeadHash)).isEmpty();

    // Now add a second candidate in Seconded state. This will be a fork.
    Made made2 = makeCommittedCandidate(PARA, relayParent, 8, head(4, 5, 6), head(2, 3, 4), 7);
    Hash candidateHash2 = made2.hash();
    storage.addCandidateEntry(CandidateEntry.newSeconded(candidateHash2, made2.candidate(), made2.pvd()).value());
    assertThat(storage.possibleBackedParaChildren(parentHeadHash))
        .extracting(CandidateEntry::candidateHash).containsExactly(candidateHash);

    // Now mark it as backed.
    storage.markBacked(candidateHash2);
    assertThat(storage.possibleBackedParaChildren(parentHeadHash))
        .extracting(CandidateEntry::candidateHash).containsExactlyInAnyOrder(candidateHash, candidateHash2);
  }

  @Test
  void init_and_populate_from_empty() {
    // Upstream 021515eb names it `populate_empty`.
    Constraints base = makeConstraints(0, List.of(0), head(0x0a));
    Scope scope = scope(info(1, 1, 2), base, List.of(), 4, List.of());
    FragmentChain chain = FragmentChain.init(scope, new CandidateStorage());
    assertThat(chain.bestChainLen()).isZero();
    assertThat(chain.unconnectedLen()).isZero();

    FragmentChain newChain = FragmentChain.init(scope, new CandidateStorage());
    newChain.populateFromPrevious(chain);
    assertThat(newChain.bestChainLen()).isZero();
    assertThat(newChain.unconnectedLen()).isZero();
  }

  @Test
  void test_populate_and_check_potential() {
    CandidateStorage storage = new CandidateStorage();
    Hash relayParentX = repeatByte(1);
    Hash relayParentY = repeatByte(2);
    Hash relayParentZ = repeatByte(3);
    RelayChainBlockInfo x = new RelayChainBlockInfo(relayParentX, 0, Hash.ZERO);
    RelayChainBlockInfo y = new RelayChainBlockInfo(relayParentY, 1, Hash.ZERO);
    RelayChainBlockInfo z = new RelayChainBlockInfo(relayParentZ, 2, Hash.ZERO);
    // These need to be ordered in reverse.
    List<RelayChainBlockInfo> ancestors = List.of(y, x);
    Constraints baseConstraints = makeConstraints(0, List.of(0), head(0x0a));

    // Candidates A -> B -> C. They are all backed.
    Made a = makeCommittedCandidate(PARA, x.hash(), x.number(), head(0x0a), head(0x0b), x.number());
    Hash aHash = a.hash();
    CandidateEntry aEntry = a.entry(CandidateState.BACKED);
    storage.addCandidateEntry(aEntry);
    Made b = makeCommittedCandidate(PARA, y.hash(), y.number(), head(0x0b), head(0x0c), y.number());
    Hash bHash = b.hash();
    CandidateEntry bEntry = b.entry(CandidateState.BACKED);
    storage.addCandidateEntry(bEntry);
    Made c = makeCommittedCandidate(PARA, z.hash(), z.number(), head(0x0c), head(0x0d), z.number());
    Hash cHash = c.hash();
    CandidateEntry cEntry = c.entry(CandidateState.BACKED);
    storage.addCandidateEntry(cEntry);

    // Candidate A doesn't adhere to the base constraints.
    for (Constraints wrong : List.of(
        // Different required parent
        makeConstraints(x.number(), List.of(x.number()), head(0x0e)),
        // Min relay parent number is wrong
        makeConstraints(y.number(), List.of(0), head(0x0a)))) {
      Scope scope = scope(z, wrong, List.of(), 4, ancestors);
      FragmentChain chain = populateChainFromPreviousStorage(scope, storage);
      assertThat(chain.bestChainVec()).isEmpty();
      // If the min relay parent number is wrong, candidate A can never become valid. Otherwise, if
      // only the required parent doesn't match, candidate A is still a potential candidate.
      if (wrong.minRelayParentNumber() == y.number()) {
        // If A is not a potential candidate, its descendants will also not be added.
        assertThat(chain.unconnectedLen()).isZero();
        assertThat(chain.canAddCandidateAsPotential(aEntry))
            .containsInstanceOf(FragmentChainError.RelayParentNotInScope.class);
        // However, if taken independently, both B and C still have potential, since we don't
        // know that A doesn't.
        assertThat(chain.canAddCandidateAsPotential(bEntry)).isEmpty();
        assertThat(chain.canAddCandidateAsPotential(cEntry)).isEmpty();
      } else {
        assertThat(unconnectedHashes(chain)).containsExactlyInAnyOrder(aHash, bHash, cHash);
      }
    }

    // Various depths
    {
      // Depth is 0, only allows one candidate, but the others will be kept as potential.
      Scope scope = scope(z, baseConstraints, List.of(), 0, ancestors);
      FragmentChain chain = FragmentChain.init(scope, new CandidateStorage());
      assertThat(chain.canAddCandidateAsPotential(aEntry)).isEmpty();
      assertThat(chain.canAddCandidateAsPotential(bEntry)).isEmpty();
      assertThat(chain.canAddCandidateAsPotential(cEntry)).isEmpty();
      chain = populateChainFromPreviousStorage(scope, storage);
      assertThat(chain.bestChainVec()).containsExactly(aHash);
      assertThat(unconnectedHashes(chain)).containsExactlyInAnyOrder(bHash, cHash);

      // depth is 1, allows two candidates
      scope = scope(z, baseConstraints, List.of(), 1, ancestors);
      chain = FragmentChain.init(scope, new CandidateStorage());
      assertThat(chain.canAddCandidateAsPotential(aEntry)).isEmpty();
      assertThat(chain.canAddCandidateAsPotential(bEntry)).isEmpty();
      assertThat(chain.canAddCandidateAsPotential(cEntry)).isEmpty();
      chain = populateChainFromPreviousStorage(scope, storage);
      assertThat(chain.bestChainVec()).containsExactly(aHash, bHash);
      assertThat(unconnectedHashes(chain)).containsExactlyInAnyOrder(cHash);

      // depth is larger than 2, allows all three candidates
      for (int depth = 2; depth < 6; depth++) {
        scope = scope(z, baseConstraints, List.of(), depth, ancestors);
        chain = FragmentChain.init(scope, new CandidateStorage());
        assertThat(chain.canAddCandidateAsPotential(aEntry)).isEmpty();
        assertThat(chain.canAddCandidateAsPotential(bEntry)).isEmpty();
        assertThat(chain.canAddCandidateAsPotential(cEntry)).isEmpty();
        chain = populateChainFromPreviousStorage(scope, storage);
        assertThat(chain.bestChainVec()).containsExactly(aHash, bHash, cHash);
        assertThat(chain.unconnectedLen()).isZero();
      }
    }

    // Relay parents out of scope
    {
      // Candidate A has relay parent out of scope. Candidates B and C will also be deleted since
      // they form a chain with A.
      Scope scope = scope(z, baseConstraints, List.of(), 4, List.of(y));
      FragmentChain chain = populateChainFromPreviousStorage(scope, storage);
      assertThat(chain.bestChainVec()).isEmpty();
      assertThat(chain.unconnectedLen()).isZero();
      assertThat(chain.canAddCandidateAsPotential(aEntry))
          .containsInstanceOf(FragmentChainError.RelayParentNotInScope.class);
      // However, if taken independently, both B and C still have potential.
      assertThat(chain.canAddCandidateAsPotential(bEntry)).isEmpty();
      assertThat(chain.canAddCandidateAsPotential(cEntry)).isEmpty();

      // Candidates A and B have relay parents out of scope. Candidate C will also be deleted.
      scope = scope(z, baseConstraints, List.of(), 4, List.of());
      chain = populateChainFromPreviousStorage(scope, storage);
      assertThat(chain.bestChainVec()).isEmpty();
      assertThat(chain.unconnectedLen()).isZero();
      assertThat(chain.canAddCandidateAsPotential(aEntry)).contains(
          new FragmentChainError.RelayParentNotInScope(relayParentX, relayParentZ));
      assertThat(chain.canAddCandidateAsPotential(bEntry))
          .containsInstanceOf(FragmentChainError.RelayParentNotInScope.class);
      // However, if taken independently, C still has potential.
      assertThat(chain.canAddCandidateAsPotential(cEntry)).isEmpty();
    }

    // Parachain cycle is not allowed. Make C have the same parent as A.
    {
      CandidateStorage modified = storage.copy();
      modified.removeCandidate(cHash);
      Made wrongC = makeCommittedCandidate(PARA, z.hash(), z.number(), head(0x0c), head(0x0a), z.number());
      CandidateEntry wrongCEntry = wrongC.entry(CandidateState.BACKED);
      modified.addCandidateEntry(wrongCEntry);
      Scope scope = scope(z, baseConstraints, List.of(), 4, ancestors);
      FragmentChain chain = populateChainFromPreviousStorage(scope, modified);
      assertThat(chain.bestChainVec()).containsExactly(aHash, bHash);
      assertThat(chain.unconnectedLen()).isZero();
      assertThat(chain.canAddCandidateAsPotential(wrongCEntry)).containsInstanceOf(FragmentChainError.Cycle.class);
      // However, if taken independently, C still has potential, since we don't know A and B.
      chain = FragmentChain.init(scope, new CandidateStorage());
      assertThat(chain.canAddCandidateAsPotential(wrongCEntry)).isEmpty();
    }

    // Candidate C has the same relay parent as candidate A's parent. Relay parent not allowed to
    // move backwards.
    CandidateStorage modified = storage.copy();
    modified.removeCandidate(cHash);
    Made wrongC = makeCommittedCandidate(PARA, x.hash(), x.number(), head(0x0c), head(0x0d), 0);
    CandidateEntry wrongCEntry = wrongC.entry(CandidateState.BACKED);
    modified.addCandidateEntry(wrongCEntry);
    Scope scope = scope(z, baseConstraints, List.of(), 4, ancestors);
    FragmentChain chain = populateChainFromPreviousStorage(scope, modified);
    assertThat(chain.bestChainVec()).containsExactly(aHash, bHash);
    assertThat(chain.unconnectedLen()).isZero();
    assertThat(chain.canAddCandidateAsPotential(wrongCEntry))
        .containsInstanceOf(FragmentChainError.RelayParentMovedBackwards.class);

    // Candidate C is an unconnected candidate. C's relay parent is allowed to move backwards from
    // B's relay parent, because C may later on trigger a reorg and B may get removed.
    modified = storage.copy();
    modified.removeCandidate(cHash);
    Made unconnectedC = makeCommittedCandidate(PARA, x.hash(), x.number(), head(0x0d), head(0x0e), 0);
    Hash unconnectedCHash = unconnectedC.hash();
    CandidateEntry unconnectedCEntry = unconnectedC.entry(CandidateState.BACKED);
    modified.addCandidateEntry(unconnectedCEntry);
    scope = scope(z, baseConstraints, List.of(), 4, ancestors);
    chain = FragmentChain.init(scope, new CandidateStorage());
    assertThat(chain.canAddCandidateAsPotential(unconnectedCEntry)).isEmpty();
    chain = populateChainFromPreviousStorage(scope, modified);
    assertThat(chain.bestChainVec()).containsExactly(aHash, bHash);
    assertThat(unconnectedHashes(chain)).containsExactlyInAnyOrder(unconnectedCHash);

    // Candidate A is a pending availability candidate and Candidate C is an unconnected
    // candidate, C's relay parent is not allowed to move backwards from A's relay parent because
    // we're sure A will not get removed in the future, as it's already on-chain (unless it times
    // out availability, a case for which we don't care to optimise for).
    modified.removeCandidate(aHash);
    Made modifiedA = makeCommittedCandidate(PARA, y.hash(), y.number(), head(0x0a), head(0x0b), y.number());
    Hash modifiedAHash = modifiedA.hash();
    modified.addCandidateEntry(modifiedA.entry(CandidateState.BACKED));
    scope = scope(z, baseConstraints, List.of(new PendingAvailability(modifiedAHash, y)), 4, ancestors);
    chain = populateChainFromPreviousStorage(scope, modified);
    assertThat(chain.bestChainVec()).containsExactly(modifiedAHash, bHash);
    assertThat(chain.unconnectedLen()).isZero();
    assertThat(chain.canAddCandidateAsPotential(unconnectedCEntry)).contains(
        new FragmentChainError.RelayParentPrecedesCandidatePendingAvailability(relayParentX, relayParentY));

    // Not allowed to fork from a candidate pending availability. Does not even matter if the fork
    // selection rule would have picked up the new candidate, as the other is already pending.
    Made forkC = withHash(
        salt -> makeCommittedCandidate(PARA, y.hash(), y.number(), head(0x0a), head(0xb2), 0, salt),
        h -> FragmentChain.forkSelectionRule(h, modifiedAHash) < 0);
    CandidateEntry forkCEntry = forkC.entry(CandidateState.BACKED);
    modified.addCandidateEntry(forkCEntry);
    assertThat(FragmentChain.forkSelectionRule(forkC.hash(), modifiedAHash)).isNegative();
    scope = scope(z, baseConstraints, List.of(new PendingAvailability(modifiedAHash, y)), 4, ancestors);
    chain = populateChainFromPreviousStorage(scope, modified);
    assertThat(chain.bestChainVec()).containsExactly(modifiedAHash, bHash);
    assertThat(chain.unconnectedLen()).isZero();
    assertThat(chain.canAddCandidateAsPotential(forkCEntry))
        .contains(new FragmentChainError.ForkWithCandidatePendingAvailability(modifiedAHash));

    // Test with candidates pending availability
    {
      // Valid options
      for (List<PendingAvailability> pending : List.of(
          List.of(new PendingAvailability(aHash, x)),
          List.of(new PendingAvailability(aHash, x), new PendingAvailability(bHash, y)),
          List.of(new PendingAvailability(aHash, x), new PendingAvailability(bHash, y),
              new PendingAvailability(cHash, z)))) {
        scope = scope(z, baseConstraints, pending, 3, ancestors);
        chain = populateChainFromPreviousStorage(scope, storage);
        assertThat(chain.bestChainVec()).containsExactly(aHash, bHash, cHash);
        assertThat(chain.unconnectedLen()).isZero();
      }

      // Relay parents of pending availability candidates can be out of scope.
      scope = scope(z, baseConstraints, List.of(new PendingAvailability(aHash, x)), 4, List.of(y));
      chain = populateChainFromPreviousStorage(scope, storage);
      assertThat(chain.bestChainVec()).containsExactly(aHash, bHash, cHash);
      assertThat(chain.unconnectedLen()).isZero();

      // Even relay parents of pending availability candidates which are out of scope cannot move
      // backwards.
      scope = scope(z, baseConstraints, List.of(
          new PendingAvailability(aHash, new RelayChainBlockInfo(x.hash(), 1, x.storageRoot())),
          new PendingAvailability(bHash, new RelayChainBlockInfo(y.hash(), 0, y.storageRoot()))), 4, List.of());
      chain = populateChainFromPreviousStorage(scope, storage);
      assertThat(chain.bestChainVec()).isEmpty();
      assertThat(chain.unconnectedLen()).isZero();
    }

    // More complex case:
    // max_depth is 2 (a chain of max depth 3).
    // A -> B -> C are the best backable chain.
    // D is backed but would exceed the max depth.
    // F is unconnected and seconded.
    // A1 has same parent as A, is backed but has a higher candidate hash. It'll therefore be
    // deleted. A1 has underneath a subtree that will all need to be trimmed. A1 -> B1. B1 -> C1
    // and B1 -> C2. (C1 is backed).
    // A2 is seconded but is kept because it has a lower candidate hash than A.
    // A2 points to B2, which is backed.
    //
    // Check that D, F, A2 and B2 are kept as unconnected potential candidates.
    scope = scope(z, baseConstraints, List.of(), 2, ancestors);

    // Candidate D
    Made d = makeCommittedCandidate(PARA, z.hash(), z.number(), head(0x0d), head(0x0e), z.number());
    Hash dHash = d.hash();
    CandidateEntry dEntry = d.entry(CandidateState.BACKED);
    assertThat(populateChainFromPreviousStorage(scope, storage).canAddCandidateAsPotential(dEntry)).isEmpty();
    storage.addCandidateEntry(dEntry);

    // Candidate F
    Made f = makeCommittedCandidate(PARA, z.hash(), z.number(), head(0x0f), head(0xf1), 1000);
    Hash fHash = f.hash();
    CandidateEntry fEntry = f.entry(CandidateState.SECONDED);
    assertThat(populateChainFromPreviousStorage(scope, storage).canAddCandidateAsPotential(fEntry)).isEmpty();
    storage.addCandidateEntry(fEntry);

    // Candidate A1, created so that its hash is greater than the candidate A hash.
    Made a1 = withHash(
        salt -> makeCommittedCandidate(PARA, x.hash(), x.number(), head(0x0a), head(0xb1), x.number(), salt),
        h -> FragmentChain.forkSelectionRule(aHash, h) < 0);
    CandidateEntry a1Entry = a1.entry(CandidateState.BACKED);
    assertThat(FragmentChain.forkSelectionRule(aHash, a1.hash())).isNegative();
    assertThat(populateChainFromPreviousStorage(scope, storage).canAddCandidateAsPotential(a1Entry))
        .contains(new FragmentChainError.ForkChoiceRule(aHash));
    storage.addCandidateEntry(a1Entry);

    // Candidate B1.
    Made b1 = makeCommittedCandidate(PARA, x.hash(), x.number(), head(0xb1), head(0xc1), x.number());
    CandidateEntry b1Entry = b1.entry(CandidateState.SECONDED);
    assertThat(populateChainFromPreviousStorage(scope, storage).canAddCandidateAsPotential(b1Entry)).isEmpty();
    storage.addCandidateEntry(b1Entry);

    // Candidate C1.
    Made c1 = makeCommittedCandidate(PARA, x.hash(), x.number(), head(0xc1), head(0xd1), x.number());
    CandidateEntry c1Entry = c1.entry(CandidateState.BACKED);
    assertThat(populateChainFromPreviousStorage(scope, storage).canAddCandidateAsPotential(c1Entry)).isEmpty();
    storage.addCandidateEntry(c1Entry);

    // Candidate C2.
    Made c2 = makeCommittedCandidate(PARA, x.hash(), x.number(), head(0xc1), head(0xd2), x.number());
    CandidateEntry c2Entry = c2.entry(CandidateState.SECONDED);
    assertThat(populateChainFromPreviousStorage(scope, storage).canAddCandidateAsPotential(c2Entry)).isEmpty();
    storage.addCandidateEntry(c2Entry);

    // Candidate A2, created so that its hash is lower than the candidate A hash.
    Made a2 = withHash(
        salt -> makeCommittedCandidate(PARA, x.hash(), x.number(), head(0x0a), head(0xb3), x.number(), salt),
        h -> FragmentChain.forkSelectionRule(h, aHash) < 0);
    Hash a2Hash = a2.hash();
    CandidateEntry a2Entry = a2.entry(CandidateState.SECONDED);
    assertThat(FragmentChain.forkSelectionRule(a2Hash, aHash)).isNegative();
    assertThat(populateChainFromPreviousStorage(scope, storage).canAddCandidateAsPotential(a2Entry)).isEmpty();
    storage.addCandidateEntry(a2Entry);

    // Candidate B2.
    Made b2 = makeCommittedCandidate(PARA, y.hash(), y.number(), head(0xb3), head(0xb4), y.number());
    Hash b2Hash = b2.hash();
    CandidateEntry b2Entry = b2.entry(CandidateState.BACKED);
    assertThat(populateChainFromPreviousStorage(scope, storage).canAddCandidateAsPotential(b2Entry)).isEmpty();
    storage.addCandidateEntry(b2Entry);

    chain = populateChainFromPreviousStorage(scope, storage);
    assertThat(chain.bestChainVec()).containsExactly(aHash, bHash, cHash);
    assertThat(unconnectedHashes(chain)).containsExactlyInAnyOrder(dHash, fHash, a2Hash, b2Hash);
    // Cannot add as potential an already present candidate (whether it's in the best chain or in
    // unconnected storage)
    assertThat(chain.canAddCandidateAsPotential(aEntry)).containsInstanceOf(FragmentChainError.CandidateAlreadyKnown.class);
    assertThat(chain.canAddCandidateAsPotential(fEntry)).containsInstanceOf(FragmentChainError.CandidateAlreadyKnown.class);

    // Simulate a best chain reorg by backing a2.
    {
      FragmentChain reorg = chain.copy();
      reorg.candidateBacked(a2Hash);
      assertThat(reorg.bestChainVec()).containsExactly(a2Hash, b2Hash);
      // F is kept as it was truly unconnected. The rest will be trimmed.
      assertThat(unconnectedHashes(reorg)).containsExactlyInAnyOrder(fHash);
      // A and A1 will never have potential again.
      assertThat(reorg.canAddCandidateAsPotential(a1Entry)).containsInstanceOf(FragmentChainError.ForkChoiceRule.class);
      assertThat(reorg.canAddCandidateAsPotential(aEntry)).containsInstanceOf(FragmentChainError.ForkChoiceRule.class);
      // the copy did not touch the original
      assertThat(chain.bestChainVec()).containsExactly(aHash, bHash, cHash);
    }

    // Candidate F has an invalid hrmp watermark. However, it was not checked beforehand as we don't
    // have its parent yet. Add its parent now. This will not impact anything as E is not yet part
    // of the best chain.
    Made e = makeCommittedCandidate(PARA, z.hash(), z.number(), head(0x0e), head(0x0f), z.number());
    Hash eHash = e.hash();
    storage.addCandidateEntry(e.entry(CandidateState.SECONDED));
    chain = populateChainFromPreviousStorage(scope, storage);
    assertThat(chain.bestChainVec()).containsExactly(aHash, bHash, cHash);
    assertThat(unconnectedHashes(chain)).containsExactlyInAnyOrder(dHash, fHash, a2Hash, b2Hash, eHash);

    // Simulate the fact that candidates A, B, C are now pending availability.
    scope = scope(z, baseConstraints, List.of(
        new PendingAvailability(aHash, x), new PendingAvailability(bHash, y), new PendingAvailability(cHash, z)),
        2, ancestors);
    // A2 and B2 will now be trimmed
    chain = populateChainFromPreviousStorage(scope, storage);
    assertThat(chain.bestChainVec()).containsExactly(aHash, bHash, cHash);
    assertThat(unconnectedHashes(chain)).containsExactlyInAnyOrder(dHash, fHash, eHash);
    // Cannot add as potential an already pending availability candidate
    assertThat(chain.canAddCandidateAsPotential(aEntry)).containsInstanceOf(FragmentChainError.CandidateAlreadyKnown.class);

    // Simulate the fact that candidates A, B and C have been included.
    baseConstraints = makeConstraints(0, List.of(0), head(0x0d));
    scope = scope(z, baseConstraints, List.of(), 2, ancestors);
    FragmentChain prevChain = chain;
    chain = FragmentChain.init(scope, new CandidateStorage());
    chain.populateFromPrevious(prevChain);
    assertThat(chain.bestChainVec()).containsExactly(dHash);
    assertThat(unconnectedHashes(chain)).containsExactlyInAnyOrder(eHash, fHash);

    // Mark E as backed. F will be dropped for invalid watermark. No other unconnected candidates.
    chain.candidateBacked(eHash);
    assertThat(chain.bestChainVec()).containsExactly(dHash, eHash);
    assertThat(chain.unconnectedLen()).isZero();
    assertThat(chain.canAddCandidateAsPotential(fEntry)).contains(new FragmentChainError.CheckAgainstConstraints(
        new FragmentValidityError.OutputsInvalid(new ModificationError.DisallowedHrmpWatermark(1000))));
  }

  @Test
  void test_find_ancestor_path_and_find_backable_chain_empty_best_chain() {
    Hash relayParent = repeatByte(1);
    HeadData requiredParent = head(0xff);
    Constraints base = makeConstraints(0, List.of(0), requiredParent);
    Scope scope = scope(new RelayChainBlockInfo(relayParent, 0, Hash.ZERO), base, List.of(), 10, List.of());
    FragmentChain chain = FragmentChain.init(scope, new CandidateStorage());
    assertThat(chain.bestChainLen()).isZero();

    assertThat(chain.findAncestorPath(Set.of())).isZero();
    assertThat(chain.findBackableChain(Set.of(), 2)).isEmpty();
    // Invalid candidate.
    Set<Hash> ancestors = Set.of(Hash.ZERO);
    assertThat(chain.findAncestorPath(ancestors)).isZero();
    assertThat(chain.findBackableChain(ancestors, 2)).isEmpty();
  }

  @Test
  void test_find_ancestor_path_and_find_backable_chain() {
    Hash relayParent = repeatByte(1);
    HeadData requiredParent = head(0xff);
    int maxDepth = 5;

    List<Made> made = new ArrayList<>();
    // Candidate 0
    made.add(makeCommittedCandidate(PARA, relayParent, 0, requiredParent, head(0), 0));
    // Candidates 1..=5
    for (int index = 1; index <= 5; index++) {
      made.add(makeCommittedCandidate(PARA, relayParent, 0, head(index - 1), head(index), 0));
    }
    CandidateStorage storage = new CandidateStorage();
    for (Made m : made) {
      storage.addCandidateEntry(CandidateEntry.newSeconded(m.hash(), m.candidate(), m.pvd()).value());
    }
    List<Hash> candidates = TestCandidates.hashes(made);

    RelayChainBlockInfo relayParentInfo = new RelayChainBlockInfo(relayParent, 0, Hash.ZERO);
    Constraints base = makeConstraints(0, List.of(0), requiredParent);
    Scope scope = scope(relayParentInfo, base, List.of(), maxDepth, List.of());
    FragmentChain chain = populateChainFromPreviousStorage(scope, storage);

    // For now, candidates are only seconded, not backed. So the best chain is empty and no
    // candidate will be returned.
    assertThat(candidates).hasSize(6);
    assertThat(chain.bestChainLen()).isZero();
    assertThat(chain.unconnectedLen()).isEqualTo(6);
    for (int count = 0; count < 10; count++) {
      assertThat(chain.findBackableChain(Set.of(), count)).isEmpty();
    }

    // Do tests with only a couple of candidates being backed.
    {
      FragmentChain partial = chain.copy();
      partial.candidateBacked(candidates.get(5));
      for (int count = 0; count < 10; count++) {
        assertThat(partial.findBackableChain(Set.of(), count)).isEmpty();
      }
      partial.candidateBacked(candidates.get(3));
      partial.candidateBacked(candidates.get(4));
      for (int count = 0; count < 10; count++) {
        assertThat(partial.findBackableChain(Set.of(), count)).isEmpty();
      }
      partial.candidateBacked(candidates.get(1));
      for (int count = 0; count < 10; count++) {
        assertThat(partial.findBackableChain(Set.of(), count)).isEmpty();
      }
      partial.candidateBacked(candidates.get(0));
      assertThat(partial.findBackableChain(Set.of(), 1)).isEqualTo(backable(candidates, relayParent, 0, 1));
      for (int count = 2; count < 10; count++) {
        assertThat(partial.findBackableChain(Set.of(), count)).isEqualTo(backable(candidates, relayParent, 0, 2));
      }
      // Now back the missing piece.
      partial.candidateBacked(candidates.get(2));
      assertThat(partial.bestChainLen()).isEqualTo(6);
      for (int count = 0; count < 10; count++) {
        assertThat(partial.findBackableChain(Set.of(), count))
            .isEqualTo(backable(candidates, relayParent, 0, Math.min(count, 6)));
      }
    }

    // Now back all candidates, in random orders: the result must always be the same.
    for (long seed = 0; seed < 20; seed++) {
      FragmentChain shuffledChain = chain.copy();
      List<Hash> shuffled = new ArrayList<>(candidates);
      Collections.shuffle(shuffled, new Random(seed));
      for (Hash h : shuffled) {
        shuffledChain.candidateBacked(h);
      }
      assertThat(shuffledChain.bestChainVec()).isEqualTo(candidates);
    }
    List<Hash> shuffled = new ArrayList<>(candidates);
    Collections.shuffle(shuffled, new Random(42));
    for (Hash h : shuffled) {
      chain.candidateBacked(h);
      storage.markBacked(h);
    }

    // No ancestors supplied.
    assertThat(chain.findAncestorPath(Set.of())).isZero();
    assertThat(chain.findBackableChain(Set.of(), 0)).isEmpty();
    assertThat(chain.findBackableChain(Set.of(), 1)).isEqualTo(backable(candidates, relayParent, 0, 1));
    assertThat(chain.findBackableChain(Set.of(), 2)).isEqualTo(backable(candidates, relayParent, 0, 2));
    assertThat(chain.findBackableChain(Set.of(), 5)).isEqualTo(backable(candidates, relayParent, 0, 5));
    for (int count = 6; count < 10; count++) {
      assertThat(chain.findBackableChain(Set.of(), count)).isEqualTo(backable(candidates, relayParent, 0, 6));
    }
    assertThat(chain.findBackableChain(Set.of(), 7)).isEqualTo(backable(candidates, relayParent, 0, 6));
    assertThat(chain.findBackableChain(Set.of(), 10)).isEqualTo(backable(candidates, relayParent, 0, 6));

    // Ancestor which is not part of the chain. Will be ignored.
    Set<Hash> ancestors = Set.of(Hash.ZERO);
    assertThat(chain.findAncestorPath(ancestors)).isZero();
    assertThat(chain.findBackableChain(ancestors, 4)).isEqualTo(backable(candidates, relayParent, 0, 4));

    ancestors = Set.of(candidates.get(1), Hash.ZERO);
    assertThat(chain.findAncestorPath(ancestors)).isZero();
    assertThat(chain.findBackableChain(ancestors, 4)).isEqualTo(backable(candidates, relayParent, 0, 4));

    ancestors = Set.of(candidates.get(0), Hash.ZERO);
    assertThat(chain.findAncestorPath(ancestors)).isEqualTo(1);
    assertThat(chain.findBackableChain(ancestors, 4)).isEqualTo(backable(candidates, relayParent, 1, 5));

    // Ancestors which are part of the chain but don't form a path from root. Will be ignored.
    ancestors = Set.of(candidates.get(1), candidates.get(2));
    assertThat(chain.findAncestorPath(ancestors)).isZero();
    assertThat(chain.findBackableChain(ancestors, 4)).isEqualTo(backable(candidates, relayParent, 0, 4));

    // Valid ancestors.
    ancestors = Set.of(candidates.get(2), candidates.get(0), candidates.get(1));
    assertThat(chain.findAncestorPath(ancestors)).isEqualTo(3);
    assertThat(chain.findBackableChain(ancestors, 2)).isEqualTo(backable(candidates, relayParent, 3, 5));
    for (int count = 3; count < 10; count++) {
      assertThat(chain.findBackableChain(ancestors, count)).isEqualTo(backable(candidates, relayParent, 3, 6));
    }

    // Valid ancestors with candidates which have been omitted due to timeouts
    ancestors = Set.of(candidates.get(0), candidates.get(2));
    assertThat(chain.findAncestorPath(ancestors)).isEqualTo(1);
    assertThat(chain.findBackableChain(ancestors, 3)).isEqualTo(backable(candidates, relayParent, 1, 4));
    assertThat(chain.findBackableChain(ancestors, 4)).isEqualTo(backable(candidates, relayParent, 1, 5));
    for (int count = 5; count < 10; count++) {
      assertThat(chain.findBackableChain(ancestors, count)).isEqualTo(backable(candidates, relayParent, 1, 6));
    }

    ancestors = Set.of(candidates.get(0), candidates.get(1), candidates.get(3));
    assertThat(chain.findAncestorPath(ancestors)).isEqualTo(2);
    assertThat(chain.findBackableChain(ancestors, 4)).isEqualTo(backable(candidates, relayParent, 2, 6));

    // Requested count is 0.
    assertThat(chain.findBackableChain(ancestors, 0)).isEmpty();

    // Stop when we've found a candidate which is pending availability
    {
      scope = scope(relayParentInfo, base, List.of(new PendingAvailability(candidates.get(3), relayParentInfo)),
          maxDepth, List.of());
      FragmentChain pendingChain = populateChainFromPreviousStorage(scope, storage);
      ancestors = Set.of(candidates.get(0), candidates.get(1));
      // Stop at 4.
      assertThat(pendingChain.findBackableChain(ancestors, 3)).isEqualTo(backable(candidates, relayParent, 2, 3));
    }
  }

  private static List<BackableCandidate> backable(List<Hash> candidates, Hash relayParent, int from, int to) {
    return IntStream.range(from, to).mapToObj(i -> new BackableCandidate(candidates.get(i), relayParent)).toList();
  }

  // ---- beyond upstream ----

  @Test
  void lower_hash_fork_backed_mid_chain_replaces_the_suffix() {
    // Upstream Era B's revert_to_parent_hash looked at chain[0] only; this pins the intended
    // behaviour: a fork of the second node replaces the chain from there on.
    Hash rp = repeatByte(1);
    RelayChainBlockInfo info = new RelayChainBlockInfo(rp, 0, Hash.ZERO);
    Constraints base = makeConstraints(0, List.of(0), head(0xa0));
    FragmentChain chain = FragmentChain.init(scope(info, base, List.of(), 5, List.of()), new CandidateStorage());

    Made a = makeCommittedCandidate(PARA, rp, 0, head(0xa0), head(0xa1), 0);
    Made b = makeCommittedCandidate(PARA, rp, 0, head(0xa1), head(0xa2), 0);
    Made c = makeCommittedCandidate(PARA, rp, 0, head(0xa2), head(0xa3), 0);
    Made bFork = withHash(salt -> makeCommittedCandidate(PARA, rp, 0, head(0xa1), head(0xb2), 0, salt),
        h -> h.compareTo(b.hash()) < 0);
    for (Made m : List.of(a, b, c)) {
      assertThat(chain.tryAddingSecondedCandidate(m.entry(CandidateState.SECONDED))).isEmpty();
      chain.candidateBacked(m.hash());
    }
    assertThat(chain.bestChainVec()).containsExactly(a.hash(), b.hash(), c.hash());
    assertThat(chain.tryAddingSecondedCandidate(bFork.entry(CandidateState.SECONDED))).isEmpty();
    chain.candidateBacked(bFork.hash());
    assertThat(chain.bestChainVec()).containsExactly(a.hash(), bFork.hash());
    // B lost the fork choice and C, its child, went with it.
    assertThat(chain.unconnectedLen()).isZero();
    assertThat(chain.canAddCandidateAsPotential(b.entry(CandidateState.SECONDED)))
        .contains(new FragmentChainError.ForkChoiceRule(bFork.hash()));
    // indexes are consistent: C's parent head is not claimed by any chain node any more
    assertThat(chain.getHeadDataByHash(head(0xa3).hash())).isEmpty();
    assertThat(chain.getHeadDataByHash(head(0xb2).hash())).contains(head(0xb2));
  }

  @Test
  void backed_candidates_cannot_be_introduced_directly_and_hypothetical_candidates_are_checked() {
    Hash rp = repeatByte(1);
    RelayChainBlockInfo info = new RelayChainBlockInfo(rp, 0, Hash.ZERO);
    Constraints base = makeConstraints(0, List.of(0), head(0xa0));
    FragmentChain chain = FragmentChain.init(scope(info, base, List.of(), 5, List.of()), new CandidateStorage());
    Made a = makeCommittedCandidate(PARA, rp, 0, head(0xa0), head(0xa1), 0);
    assertThat(chain.tryAddingSecondedCandidate(a.entry(CandidateState.BACKED)))
        .containsInstanceOf(FragmentChainError.IntroduceBackedCandidate.class);

    HypotheticalCandidate.Incomplete incomplete =
        new HypotheticalCandidate.Incomplete(a.hash(), PARA, head(0xa0).hash(), rp);
    assertThat(chain.canAddCandidateAsPotential(incomplete)).isEmpty();
    HypotheticalCandidate.Incomplete wrongRp =
        new HypotheticalCandidate.Incomplete(a.hash(), PARA, head(0xa0).hash(), repeatByte(9));
    assertThat(chain.canAddCandidateAsPotential(wrongRp))
        .contains(new FragmentChainError.RelayParentNotInScope(repeatByte(9), rp));
    HypotheticalCandidate.Complete complete = HypotheticalCandidate.Complete.of(a.candidate(), a.pvd());
    assertThat(chain.canAddCandidateAsPotential(complete)).isEmpty();
    // A complete candidate is checked against the constraints: wrong PVD.
    PersistedValidationData wrongPvd = new PersistedValidationData(head(0xa0), 0, Hash.ZERO, 5);
    assertThat(chain.canAddCandidateAsPotential(new HypotheticalCandidate.Complete(a.hash(), a.candidate(), wrongPvd)))
        .containsInstanceOf(FragmentChainError.CheckAgainstConstraints.class);
    // Zero-length cycle on an incomplete candidate is only known for complete ones.
    Made cycle = makeCandidateCycle(rp);
    assertThat(chain.canAddCandidateAsPotential(HypotheticalCandidate.Complete.of(cycle.candidate(), cycle.pvd())))
        .containsInstanceOf(FragmentChainError.ZeroLengthCycle.class);

    assertThat(chain.tryAddingSecondedCandidate(a.entry(CandidateState.SECONDED))).isEmpty();
    assertThat(chain.isCandidateBacked(a.hash())).isFalse();
    assertThat(chain.canAddCandidateAsPotential(incomplete))
        .containsInstanceOf(FragmentChainError.CandidateAlreadyKnown.class);
    chain.candidateBacked(a.hash());
    assertThat(chain.isCandidateBacked(a.hash())).isTrue();
    assertThat(chain.earliestRelayParent()).contains(info);
    assertThat(chain.getHeadDataByHash(head(0xa1).hash())).contains(head(0xa1));
    assertThat(chain.getHeadDataByHash(head(0xa0).hash())).contains(head(0xa0));
    assertThat(chain.getHeadDataByHash(head(0x77).hash())).isEmpty();
  }

  private static Made makeCandidateCycle(Hash rp) {
    // A descriptor whose para_head equals the parent head (hypothetical output = parent).
    Made base = makeCommittedCandidate(PARA, rp, 0, head(0xa0), head(0xa0), 0);
    return base;
  }

  @Test
  void distinct_hashes_helper_sanity() {
    Set<Hash> seen = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      seen.add(makeCommittedCandidate(PARA, repeatByte(1), 0, head(1), head(2), 0, i).hash());
    }
    assertThat(seen).hasSize(50);
  }
}
