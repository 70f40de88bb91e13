package io.parapipe.protocol.relay.runtime.inclusion;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.primitives.BitVec;
import io.parapipe.protocol.primitives.CandidateCommitments;
import io.parapipe.protocol.primitives.CandidateDescriptor;
import io.parapipe.protocol.primitives.CommittedCandidateReceipt;
import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.GroupIndex;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.HeadData;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.primitives.SchedulerParams;
import io.parapipe.protocol.primitives.SessionIndex;
import io.parapipe.protocol.primitives.SignedAvailabilityBitfield;
import io.parapipe.protocol.primitives.ValidatorIndex;
import io.parapipe.protocol.relay.runtime.paras.ParaInfo;
import io.parapipe.protocol.relay.runtime.paras.Paras;
import io.parapipe.protocol.relay.runtime.parasinherent.DroppedBitfield;
import io.parapipe.protocol.relay.runtime.parasinherent.ParasInherent;
import io.parapipe.protocol.relay.runtime.scheduler.Scheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Ports of {@code polkadot/runtime/parachains/src/inclusion/tests.rs} (elastic-scaling era). */
class PendingAvailabilityTest {
  private static final int VALIDATORS = 7;

  static CommittedCandidateReceipt receipt(ParaId para, byte... head) {
    HeadData h = HeadData.of(head);
    CandidateDescriptor d = new CandidateDescriptor(para, Hash.fromLong(1), CoreIndex.of(0), SessionIndex.of(5),
        Hash.fromLong(2), Hash.fromLong(3), Hash.fromLong(4), h.hash(), Hash.fromLong(6));
    return new CommittedCandidateReceipt(d, CandidateCommitments.ofHead(h, 0));
  }

  static PendingAvailabilityEntry entry(CommittedCandidateReceipt c, int core, int backedIn, int... backers) {
    return new PendingAvailabilityEntry(CoreIndex.of(core), c, BitVec.zeros(VALIDATORS), BitVec.of(VALIDATORS, backers),
        0, backedIn, GroupIndex.of(core));
  }

  static Paras paras(int... ids) {
    TreeMap<ParaId, ParaInfo> m = new TreeMap<>();
    for (int id : ids) {
      m.put(ParaId.of(id), new ParaInfo(HeadData.of(new byte[] {0}), Hash.fromLong(id), 0));
    }
    return Paras.genesis(m);
  }

  static SignedAvailabilityBitfield bitfield(int validator, int expectedBits, int... cores) {
    return new SignedAvailabilityBitfield(ValidatorIndex.of(validator), BitVec.of(expectedBits, cores));
  }

  @Test
  void supermajority_bitfields_trigger_availability() {
    ParaId chainA = ParaId.of(0);
    ParaId chainB = ParaId.of(1);
    ParaId chainC = ParaId.of(2);
    CommittedCandidateReceipt a = receipt(chainA, (byte) 1, (byte) 2, (byte) 3, (byte) 4);
    CommittedCandidateReceipt b = receipt(chainB, (byte) 5, (byte) 6, (byte) 7, (byte) 8);
    CommittedCandidateReceipt c1 = receipt(chainC, (byte) 7, (byte) 8);
    CommittedCandidateReceipt c2 = receipt(chainC, (byte) 9, (byte) 10);
    CommittedCandidateReceipt c3 = receipt(chainC, (byte) 11, (byte) 12);
    PendingAvailability pending = PendingAvailability.of(new TreeMap<>(Map.of(
        chainA, List.of(entry(a, 0, 0, 3, 4)),
        chainB, List.of(entry(b, 1, 0, 0, 2)),
        chainC, List.of(entry(c1, 2, 0, 1), entry(c2, 3, 0, 5), entry(c3, 4, 0, 6)))));
    Paras paras = paras(0, 1, 2, 3, 4);
    int expectedBits = 5;
    assertThat(Thresholds.supermajorityThreshold(VALIDATORS)).isEqualTo(5);

    // validators 0..3 see a, b, c1, c2, c3; validator 4 sees a, c1, c3; 5 and 6 sign nothing
    List<SignedAvailabilityBitfield> signed = new ArrayList<>();
    for (int v = 0; v < 4; v++) {
      signed.add(bitfield(v, expectedBits, 0, 1, 2, 3, 4));
    }
    signed.add(bitfield(4, expectedBits, 0, 2, 4));
    ParasInherent.SanitizedBitfields checked = ParasInherent.sanitizeBitfields(signed, expectedBits, VALIDATORS);
    assertThat(checked.kept()).hasSize(signed.size());

    PendingAvailability.AvailabilityUpdate u = pending.updatePendingAvailabilityAndGetFreedCores(VALIDATORS, checked.kept(), paras);
    // Only chain A's core and C1's core are freed. (Upstream lists C1 first: it iterates the
    // storage map in hashed-key order; parapipe iterates paras ascending.)
    assertThat(u.enacted()).extracting(PendingAvailabilityEntry::core, PendingAvailabilityEntry::hash)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(CoreIndex.of(0), a.hash()),
            org.assertj.core.groups.Tuple.tuple(CoreIndex.of(2), c1.hash()));
    assertThat(u.pending().forPara(chainA)).isEmpty();
    assertThat(u.pending().forPara(chainB).get(0).availabilityVotes()).isEqualTo(BitVec.of(VALIDATORS, 0, 1, 2, 3));
    List<PendingAvailabilityEntry> pendingC = u.pending().forPara(chainC);
    assertThat(pendingC).hasSize(2);
    assertThat(pendingC.get(0).availabilityVotes()).isEqualTo(BitVec.of(VALIDATORS, 0, 1, 2, 3));
    // C3 is available, but waits for C2
    assertThat(pendingC.get(1).availabilityVotes()).isEqualTo(BitVec.of(VALIDATORS, 0, 1, 2, 3, 4));
    assertThat(u.paras().head(chainA)).contains(a.commitments().headData());
    assertThat(u.paras().head(chainB)).isNotEqualTo(b.commitments().headData());
    assertThat(u.paras().head(chainC)).contains(c1.commitments().headData());
    assertThat(u.events()).allSatisfy(e -> assertThat(e).isInstanceOf(CandidateEvent.CandidateIncluded.class));

    // One more bitfield makes C2 available, which also enacts C3.
    List<SignedAvailabilityBitfield> more = List.of(bitfield(5, expectedBits, 3));
    PendingAvailability.AvailabilityUpdate u2 =
        u.pending().updatePendingAvailabilityAndGetFreedCores(VALIDATORS, more, u.paras());
    assertThat(u2.enacted()).extracting(PendingAvailabilityEntry::hash).containsExactly(c2.hash(), c3.hash());
    assertThat(u2.pending().forPara(chainC)).isEmpty();
    assertThat(u2.pending().forPara(chainB)).hasSize(1);
    assertThat(u2.paras().head(chainC)).contains(c3.commitments().headData());
    assertThat(u2.paras().mostRecentContext(chainC)).contains(0);
  }

  @Test
  void free_timedout() {
    // rotation frequency 3; candidates backed at 0 time out at block 5, those backed at 5 do not
    SchedulerParams sp = SchedulerParams.DEFAULT.withGroupRotationFrequency(3).withNumCores(12);
    int now = 5;
    int sessionStart = 0;
    assertThat(PendingAvailability.EMPTY.freeTimedout(Scheduler.availabilityTimeoutPredicate(now, sessionStart, sp)).freed())
        .isEmpty();
    ParaId a = ParaId.of(1);
    ParaId b = ParaId.of(2);
    ParaId c = ParaId.of(3);
    ParaId d = ParaId.of(4);
    ParaId e = ParaId.of(5);
    ParaId f = ParaId.of(6);
    int timedOut = 0;
    int live = 5;
    PendingAvailability pending = PendingAvailability.of(new TreeMap<>(Map.of(
        a, List.of(entry(receipt(a, (byte) 0), 0, timedOut)),
        b, List.of(entry(receipt(b, (byte) 1), 1, live)),
        // 2 chained candidates: the first timed out, the other is evicted too
        c, List.of(entry(receipt(c, (byte) 2), 2, timedOut), entry(receipt(c, (byte) 3), 3, live)),
        // 2 chained candidates, both timed out
        d, List.of(entry(receipt(d, (byte) 4), 4, timedOut), entry(receipt(d, (byte) 5), 5, timedOut)),
        // 3 chained: the second timed out; the first stays
        e, List.of(entry(receipt(e, (byte) 6), 6, live), entry(receipt(e, (byte) 7), 7, timedOut),
            entry(receipt(e, (byte) 8), 8, live)),
        // 3 chained, none timed out
        f, List.of(entry(receipt(f, (byte) 9), 9, live), entry(receipt(f, (byte) 10), 10, live),
            entry(receipt(f, (byte) 11), 11, live)))));
    assertThat(Scheduler.availabilityTimeoutCheckRequired(now, sessionStart, sp)).isTrue();

    PendingAvailability.TimeoutUpdate t = pending.freeTimedout(Scheduler.availabilityTimeoutPredicate(now, sessionStart, sp));
    assertThat(t.freedCores()).extracting(CoreIndex::value).containsExactly(0, 2, 3, 4, 5, 7, 8);
    assertThat(t.pending().forPara(a)).isEmpty();
    assertThat(t.pending().forPara(b)).hasSize(1);
    assertThat(t.pending().forPara(c)).isEmpty();
    assertThat(t.pending().forPara(d)).isEmpty();
    assertThat(t.pending().forPara(e)).extracting(x -> x.core().value()).containsExactly(6);
    assertThat(t.pending().forPara(f)).extracting(x -> x.core().value()).containsExactly(9, 10, 11);
    assertThat(t.events()).hasSize(7).allSatisfy(ev -> assertThat(ev).isInstanceOf(CandidateEvent.CandidateTimedOut.class));
  }

  @Test
  void bitfield_checks() {
    int expectedBits = 3;
    // too many bits
    assertThat(ParasInherent.sanitizeBitfields(List.of(bitfield(0, expectedBits + 1)), expectedBits, 5).dropped())
        .extracting(DroppedBitfield::reason).containsExactly(DroppedBitfield.Reason.WRONG_LENGTH);
    // not enough bits
    assertThat(ParasInherent.sanitizeBitfields(List.of(bitfield(0, expectedBits)), expectedBits + 1, 5).kept()).isEmpty();
    // validator index out of range
    assertThat(ParasInherent.sanitizeBitfields(List.of(bitfield(5, expectedBits)), expectedBits, 5).dropped())
        .extracting(DroppedBitfield::reason).containsExactly(DroppedBitfield.Reason.VALIDATOR_OUT_OF_RANGE);
    // duplicates and descending indices
    ParasInherent.SanitizedBitfields s = ParasInherent.sanitizeBitfields(
        List.of(bitfield(1, expectedBits), bitfield(1, expectedBits), bitfield(0, expectedBits), bitfield(3, expectedBits)),
        expectedBits, 5);
    assertThat(s.kept()).extracting(x -> x.validatorIndex().value()).containsExactly(1, 3);
    assertThat(s.dropped()).extracting(DroppedBitfield::reason)
        .containsExactly(DroppedBitfield.Reason.NOT_ASCENDING, DroppedBitfield.Reason.NOT_ASCENDING);

    // a bit for a core nobody occupies is harmless; so is an empty bitfield
    Paras paras = paras(1);
    PendingAvailability.AvailabilityUpdate u = PendingAvailability.EMPTY.updatePendingAvailabilityAndGetFreedCores(
        5, List.of(bitfield(0, expectedBits, 0), bitfield(1, expectedBits)), paras);
    assertThat(u.enacted()).isEmpty();

    // one vote for a pending candidate is not enough
    ParaId a = ParaId.of(1);
    PendingAvailability pending = PendingAvailability.of(new TreeMap<>(Map.of(a, List.of(entry(receipt(a, (byte) 9), 0, 0)))));
    u = pending.updatePendingAvailabilityAndGetFreedCores(5, List.of(bitfield(0, expectedBits, 0)), paras);
    assertThat(u.enacted()).isEmpty();
    assertThat(u.pending().forPara(a).get(0).availabilityVotes().countOnes()).isEqualTo(1);
  }

  @Test
  void paraLatestHeadAndContextFollowThePendingQueue() {
    ParaId a = ParaId.of(1);
    Paras paras = paras(1);
    assertThat(PendingAvailability.EMPTY.paraLatestHeadData(a, paras)).contains(HeadData.of(new byte[] {0}));
    assertThat(PendingAvailability.EMPTY.paraLatestHeadData(ParaId.of(9), paras)).isEmpty();
    CommittedCandidateReceipt c = receipt(a, (byte) 42);
    PendingAvailabilityEntry e = new PendingAvailabilityEntry(CoreIndex.of(0), c, BitVec.zeros(3), BitVec.zeros(3), 17, 18,
        GroupIndex.of(0));
    PendingAvailability p = PendingAvailability.EMPTY.push(e);
    assertThat(p.paraLatestHeadData(a, paras)).contains(c.commitments().headData());
    assertThat(p.paraMostRecentContext(a, paras)).contains(17);
    assertThat(p.occupiedCores()).containsOnlyKeys(CoreIndex.of(0));
    assertThat(p.contains(c.hash())).isTrue();
  }
}
