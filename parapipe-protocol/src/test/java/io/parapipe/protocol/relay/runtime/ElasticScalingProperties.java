package io.parapipe.protocol.relay.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.primitives.AsyncBackingParams;
import io.parapipe.protocol.primitives.CandidateDescriptorVersion;
import io.parapipe.protocol.primitives.CommittedCandidateReceipt;
import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.HeadData;
import io.parapipe.protocol.primitives.HostConfiguration;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.primitives.ValidatorIndex;
import io.parapipe.protocol.relay.runtime.inclusion.BackedCandidate;
import io.parapipe.protocol.primitives.BitVec;
import io.parapipe.protocol.relay.runtime.inclusion.CandidateEvent;
import io.parapipe.protocol.relay.runtime.inclusion.PendingAvailabilityEntry;
import io.parapipe.protocol.primitives.SignedAvailabilityBitfield;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Random walks with paras on several cores and a mix of V1 and V2 candidates, honest and not:
 * whatever the block author supplies, a para never gets more candidates backed in a block than it
 * has cores, each on one of its own cores, a V2 candidate on the core its descriptor names, and a
 * candidate whose core disagrees with its {@code SelectCore} signal never.
 */
class ElasticScalingProperties {
  static final ParaId A = ParaId.of(1);
  static final ParaId B = ParaId.of(2);

  @Property(tries = 30)
  void aParaOnNCoresGetsAtMostNCandidatesBackedPerBlock(@ForAll long seed, @ForAll @IntRange(min = 1, max = 3) int coresA,
      @ForAll @IntRange(min = 1, max = 2) int coresB) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<ParaId> coreToPara = new ArrayList<>();
    for (int i = 0; i < coresA; i++) {
      coreToPara.add(A);
    }
    for (int i = 0; i < coresB; i++) {
      coreToPara.add(B);
    }
    Map<ParaId, List<Integer>> paraCores = new HashMap<>();
    for (int c = 0; c < coreToPara.size(); c++) {
      paraCores.computeIfAbsent(coreToPara.get(c), p -> new ArrayList<>()).add(c);
    }
    HostConfiguration cfg = RuntimeFixture.config(coreToPara.size(), 3, new AsyncBackingParams(3, 2), 1, 4, 2)
        .withElasticScalingMvp(true);
    RelayRuntimeState s = RuntimeFixture.genesis(coreToPara.size() * 2, cfg, coreToPara, 9);
    List<RelayRuntimeState> history = new ArrayList<>(List.of(s));
    Set<Hash> mismatched = new HashSet<>();
    Map<Hash, HeadData> parentOf = new HashMap<>();
    int counter = 0;
    int backedV2 = 0;

    for (int block = 1; block <= 30; block++) {
      List<BackedCandidate> backed = new ArrayList<>();
      for (ParaId para : List.of(A, B)) {
        List<Integer> cores = paraCores.get(para);
        HeadData parent = s.pendingAvailability().paraLatestHeadData(para, s.paras()).orElseThrow();
        int minRp = Math.max(s.sessionStartBlock() - 1, s.number() - 2);
        int rpNumber = minRp + rnd.nextInt(s.number() - minRp + 1);
        int k = rnd.nextInt(cores.size() + 3);
        for (int j = 0; j < k; j++) {
          rpNumber = Math.min(s.number(), rpNumber + rnd.nextInt(2));
          RelayRuntimeState rp = history.get(rpNumber);
          HeadData out = RuntimeFixture.head(para, ++counter);
          int kind = rnd.nextInt(6);
          int selector = rnd.nextInt(4);
          CoreIndex core = CoreIndex.of(cores.get(selector % cores.size()));
          CommittedCandidateReceipt c;
          switch (kind) {
            case 0, 1 -> c = RuntimeFixture.candidateV2(rp, para, parent, out, core, OptionalInt.of(selector), 0);
            case 2 -> {
              // a core that is not the selected one (another core of the para, or another para's)
              CoreIndex wrong = CoreIndex.of(rnd.nextInt(coreToPara.size()));
              c = RuntimeFixture.candidateV2(rp, para, parent, out, wrong, OptionalInt.of(selector), 0);
              if (!wrong.equals(core)) {
                mismatched.add(c.hash());
              }
            }
            case 3 -> c = RuntimeFixture.candidateV2(rp, para, parent, out, core, OptionalInt.empty(), 0);
            default -> c = RuntimeFixture.candidate(rp, para, parent, out);
          }
          parentOf.put(c.hash(), parent);
          CoreIndex backingCore = c.descriptor().versionedCoreIndex().orElse(core);
          if (backingCore.value() >= coreToPara.size()) {
            backingCore = core;
          }
          int group = RuntimeFixture.groupFor(s, backingCore, rpNumber).size();
          backed.add(RuntimeFixture.back(s, c, backingCore, rpNumber, group, kind != 5));
          parent = out;
        }
      }
      List<SignedAvailabilityBitfield> bitfields = new ArrayList<>();
      for (int v = 0; v < s.validators().size(); v++) {
        List<Integer> bits = new ArrayList<>();
        for (CoreIndex c : s.pendingAvailability().occupiedCores().keySet()) {
          if (rnd.nextInt(10) < 7) {
            bits.add(c.value());
          }
        }
        bitfields.add(new SignedAvailabilityBitfield(ValidatorIndex.of(v),
            BitVec.of(s.validatorGroups().count(), bits.stream().mapToInt(Integer::intValue).toArray())));
      }
      BlockExecution exec = RuntimeFixture.run(s, bitfields, backed);
      s = exec.state();
      history.add(s);

      Map<ParaId, Set<CoreIndex>> backedCores = new HashMap<>();
      for (CandidateEvent e : s.events()) {
        if (e instanceof CandidateEvent.CandidateBacked b) {
          assertThat(backedCores.computeIfAbsent(b.paraId(), p -> new HashSet<>()).add(b.core()))
              .as("two candidates of one para on one core in one block").isTrue();
          assertThat(paraCores.get(b.paraId())).as("backed on one of the para's cores").contains(b.core().value());
          assertThat(mismatched).as("a core disagreeing with its signal is never backed").doesNotContain(b.candidateHash());
          if (b.receipt().descriptor().version() == CandidateDescriptorVersion.V2) {
            assertThat(b.core()).as("a V2 candidate sits on its descriptor's core")
                .isEqualTo(b.receipt().descriptor().coreIndex());
            backedV2++;
          }
        }
      }
      backedCores.forEach((para, set) -> assertThat(set.size()).as("candidates of %s backed in one block", para)
          .isLessThanOrEqualTo(paraCores.get(para).size()));
      for (var q : s.pendingAvailability().all().entrySet()) {
        HeadData expected = s.paras().head(q.getKey()).orElseThrow();
        for (PendingAvailabilityEntry e : q.getValue()) {
          assertThat(parentOf.get(e.hash())).as("pending queue links head to head").isEqualTo(expected);
          expected = e.commitments().headData();
        }
      }
    }
    assertThat(backedV2).as("the walk backs V2 candidates").isPositive();
  }

  @Property(tries = 20)
  void honestV2ChainsFillEveryFreeCoreOfThePara(@ForAll @IntRange(min = 1, max = 4) int cores,
      @ForAll @IntRange(min = 1, max = 6) int supplied) {
    List<ParaId> coreToPara = new ArrayList<>();
    for (int i = 0; i < cores; i++) {
      coreToPara.add(A);
    }
    coreToPara.add(B);
    HostConfiguration cfg = RuntimeFixture.config(coreToPara.size(), 3, new AsyncBackingParams(3, 2), 1, 10, 3)
        .withElasticScalingMvp(true);
    RelayRuntimeState s = RuntimeFixture.genesis(coreToPara.size(), cfg, coreToPara, 50);
    s = RuntimeFixture.empty(RuntimeFixture.empty(s));
    List<BackedCandidate> backed = new ArrayList<>();
    HeadData parent = RuntimeFixture.genesisHead(A);
    for (int i = 0; i < supplied; i++) {
      HeadData out = RuntimeFixture.head(A, i + 1);
      CoreIndex core = CoreIndex.of(i % cores);
      CommittedCandidateReceipt c = RuntimeFixture.candidateV2(s, A, parent, out, core, OptionalInt.of(i), 0);
      backed.add(RuntimeFixture.back(s, c, core, s.number()));
      parent = out;
    }
    BlockExecution e = RuntimeFixture.run(s, List.of(), backed);
    assertThat(e.state().pendingAvailability().forPara(A)).hasSize(Math.min(cores, supplied));
    assertThat(e.droppedCandidates()).hasSize(Math.max(0, supplied - cores));
  }
}
