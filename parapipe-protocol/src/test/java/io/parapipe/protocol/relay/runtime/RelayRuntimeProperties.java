package io.parapipe.protocol.relay.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.primitives.AsyncBackingParams;
import io.parapipe.protocol.primitives.BitVec;
import io.parapipe.protocol.primitives.CommittedCandidateReceipt;
import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.HeadData;
import io.parapipe.protocol.primitives.HostConfiguration;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.primitives.SignedAvailabilityBitfield;
import io.parapipe.protocol.primitives.ValidatorIndex;
import io.parapipe.protocol.relay.runtime.inclusion.BackedCandidate;
import io.parapipe.protocol.relay.runtime.inclusion.CandidateEvent;
import io.parapipe.protocol.relay.runtime.inclusion.PendingAvailabilityEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Random walks over relay blocks with honest and faulty backed candidates and random bitfields:
 * the runtime's invariants hold after every block.
 */
class RelayRuntimeProperties {
  static final ParaId A = ParaId.of(1);
  static final ParaId B = ParaId.of(2);

  @Property(tries = 40)
  void pendingQueuesChainAndNothingIsIncludedTwice(@ForAll long seed, @ForAll boolean elastic) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<ParaId> cores = elastic ? List.of(A, A, B) : List.of(A, B);
    HostConfiguration cfg = RuntimeFixture.config(cores.size(), 3, new AsyncBackingParams(3, 2), 2, 4, 2)
        .withElasticScalingMvp(elastic);
    RelayRuntimeState s = RuntimeFixture.genesis(6, cfg, cores, 7);
    List<RelayRuntimeState> history = new ArrayList<>(List.of(s));
    Map<Hash, HeadData> parentOf = new HashMap<>();
    Set<Hash> included = new HashSet<>();
    Map<ParaId, HeadData> includedHead = new HashMap<>(Map.of(A, RuntimeFixture.genesisHead(A), B, RuntimeFixture.genesisHead(B)));
    int counter = 0;

    for (int block = 1; block <= 40; block++) {
      List<BackedCandidate> backed = new ArrayList<>();
      for (ParaId para : List.of(A, B)) {
        List<Integer> paraCores = new ArrayList<>();
        for (int c = 0; c < cores.size(); c++) {
          if (cores.get(c).equals(para)) {
            paraCores.add(c);
          }
        }
        HeadData parent = s.pendingAvailability().paraLatestHeadData(para, s.paras()).orElseThrow();
        int minRp = Math.max(s.sessionStartBlock() - 1, s.number() - 2);
        int rpNumber = minRp + rnd.nextInt(s.number() - minRp + 1);
        int k = rnd.nextInt(4);
        for (int j = 0; j < k; j++) {
          rpNumber = Math.min(s.number(), rpNumber + rnd.nextInt(2));
          RelayRuntimeState rp = history.get(rpNumber);
          int fault = rnd.nextInt(12);
          HeadData claimedParent = fault == 0 ? RuntimeFixture.head(para, 60_000 + counter) : parent;
          HeadData out = RuntimeFixture.head(para, ++counter);
          CommittedCandidateReceipt c = RuntimeFixture.candidate(rp, para, claimedParent, out);
          parentOf.put(c.hash(), claimedParent);
          CoreIndex core = CoreIndex.of(paraCores.get(j % paraCores.size()));
          int group = RuntimeFixture.groupFor(s, core, rpNumber).size();
          int votes = fault == 1 ? 1 : group;
          BackedCandidate bc = RuntimeFixture.back(s, c, core, rpNumber, votes, elastic);
          backed.add(bc);
          if (fault == 2) {
            backed.add(bc); // duplicate
          }
          if (fault != 0) {
            parent = out;
          }
        }
      }
      List<SignedAvailabilityBitfield> bitfields = new ArrayList<>();
      Set<CoreIndex> occupied = s.pendingAvailability().occupiedCores().keySet();
      for (int v = 0; v < 6; v++) {
        if (rnd.nextInt(10) < 8) {
          List<Integer> bits = new ArrayList<>();
          for (CoreIndex c : occupied) {
            if (rnd.nextInt(10) < 7) {
              bits.add(c.value());
            }
          }
          bitfields.add(new SignedAvailabilityBitfield(ValidatorIndex.of(v),
              BitVec.of(s.validatorGroups().count(), bits.stream().mapToInt(Integer::intValue).toArray())));
        }
      }
      BlockExecution exec = RuntimeFixture.run(s, bitfields, backed);
      assertThat(RuntimeFixture.run(s, bitfields, backed).state().hash()).isEqualTo(exec.state().hash());
      s = exec.state();
      history.add(s);

      for (CandidateEvent e : s.events()) {
        if (e instanceof CandidateEvent.CandidateIncluded) {
          assertThat(included.add(e.candidateHash())).as("included twice").isTrue();
          assertThat(parentOf.get(e.candidateHash())).as("included on its parent").isEqualTo(includedHead.get(e.paraId()));
          includedHead.put(e.paraId(), e.head());
        }
        if (e instanceof CandidateEvent.CandidateBacked && !exec.sessionChanged()) {
          assertThat(s.pendingAvailability().contains(e.candidateHash())).isTrue();
        }
      }
      Set<Hash> pendingHashes = new HashSet<>();
      Set<CoreIndex> pendingCores = new HashSet<>();
      for (var q : s.pendingAvailability().all().entrySet()) {
        HeadData expectedParent = s.paras().head(q.getKey()).orElseThrow();
        int rp = s.paras().mostRecentContext(q.getKey()).orElseThrow();
        for (PendingAvailabilityEntry e : q.getValue()) {
          assertThat(parentOf.get(e.hash())).as("pending queue links head to head").isEqualTo(expectedParent);
          assertThat(e.relayParentNumber()).as("relay parents never move backwards").isGreaterThanOrEqualTo(rp);
          assertThat(pendingHashes.add(e.hash())).as("candidate pending twice").isTrue();
          assertThat(pendingCores.add(e.core())).as("core occupied twice").isTrue();
          assertThat(e.core().value()).isLessThan(s.validatorGroups().count());
          expectedParent = e.commitments().headData();
          rp = e.relayParentNumber();
        }
      }
      for (List<ParaId> q : s.claimQueue().queues().values()) {
        assertThat(q.size()).isLessThanOrEqualTo(s.activeConfig().schedulerParams().lookahead());
      }
      assertThat(s.paras().head(A)).contains(includedHead.get(A));
      assertThat(s.paras().head(B)).contains(includedHead.get(B));
    }
    assertThat(included).as("the walk includes something").isNotEmpty();
  }
}
