package io.parapipe.protocol.relay.node.collation;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.host.Timer;
import io.parapipe.protocol.primitives.CandidateCommitments;
import io.parapipe.protocol.primitives.CandidateDescriptor;
import io.parapipe.protocol.primitives.CommittedCandidateReceipt;
import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.HeadData;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.primitives.PersistedValidationData;
import io.parapipe.protocol.primitives.PoV;
import io.parapipe.protocol.primitives.SessionIndex;
import io.parapipe.protocol.testing.ManualContext;
import io.parapipe.protocol.wire.AdvertiseCollation;
import io.parapipe.protocol.wire.CollationFetchRequest;
import io.parapipe.protocol.wire.CollationFetchResponse;
import io.parapipe.protocol.wire.CollationSeconded;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CollatorProtocolValidatorTest {
  static final Hash RP = Hash.fromLong(100);
  static final ParaId PARA = ParaId.of(2000);

  /** A backing stand-in: knows RP, assigns PARA, says yes to CanSecond unless told otherwise. */
  static final class FakeBacking implements SecondingPort {
    boolean canSecond = true;
    final List<Hash> seconded = new ArrayList<>();

    public boolean knows(Hash rp) {
      return rp.equals(RP);
    }

    public Set<ParaId> assignedParas(Hash rp) {
      return rp.equals(RP) ? Set.of(PARA) : Set.of();
    }

    public boolean canSecond(ParaId para, Hash rp, Hash candidate, Hash parentHead) {
      return canSecond;
    }

    public void second(Hash rp, CommittedCandidateReceipt receipt, PersistedValidationData pvd, PoV pov) {
      seconded.add(receipt.hash());
    }
  }

  static CommittedCandidateReceipt candidate(int n) {
    CandidateDescriptor d = new CandidateDescriptor(PARA, RP, CoreIndex.of(0), SessionIndex.of(0),
        Hash.fromLong(1), Hash.fromLong(2), Hash.fromLong(3), Hash.fromLong(4), Hash.fromLong(5));
    return new CommittedCandidateReceipt(d, CandidateCommitments.ofHead(HeadData.of(new byte[] {(byte) n}), 100));
  }

  static AdvertiseCollation advert(CommittedCandidateReceipt c) {
    return new AdvertiseCollation(PARA, RP, c.hash(), Hash.ZERO);
  }

  static CollationFetchResponse response(CommittedCandidateReceipt c) {
    return new CollationFetchResponse(c, new PersistedValidationData(HeadData.of(new byte[0]), 1,
        Hash.ZERO, 5 << 20), new PoV(Hash.ZERO, 1024, 1));
  }

  private static long fetches(ManualContext ctx) {
    return ctx.sent.stream().filter(s -> s.message() instanceof CollationFetchRequest).count();
  }

  @Test
  void fetchesOneCollationAtATimePerRelayParentAndStopsAtTheSecondingLimit() {
    ManualContext ctx = new ManualContext(0);
    FakeBacking backing = new FakeBacking();
    CollatorProtocolValidator cp = new CollatorProtocolValidator(ctx, backing, rp -> 2);
    CommittedCandidateReceipt a = candidate(1);
    CommittedCandidateReceipt b = candidate(2);
    CommittedCandidateReceipt c = candidate(3);
    cp.onAdvertise(50, advert(a));
    cp.onAdvertise(51, advert(b));
    cp.onAdvertise(52, advert(c));
    assertThat(fetches(ctx)).isEqualTo(1); // only one at a time
    cp.onFetchResponse(50, response(a));
    assertThat(backing.seconded).containsExactly(a.hash());
    cp.onSecondingOutcome(RP, a.hash(), true);
    assertThat(ctx.sent).anySatisfy(s -> assertThat(s.message()).isInstanceOf(CollationSeconded.class));
    assertThat(fetches(ctx)).isEqualTo(2); // b next
    cp.onFetchResponse(51, response(b));
    cp.onSecondingOutcome(RP, b.hash(), true);
    assertThat(fetches(ctx)).isEqualTo(2); // limit 2 reached: c is never fetched
  }

  @Test
  void rejectsUnknownRelayParentsUnassignedParasAndWhatCannotBeSeconded() {
    ManualContext ctx = new ManualContext(0);
    FakeBacking backing = new FakeBacking();
    CollatorProtocolValidator cp = new CollatorProtocolValidator(ctx, backing, rp -> 4);
    CommittedCandidateReceipt a = candidate(1);
    cp.onAdvertise(50, new AdvertiseCollation(PARA, Hash.fromLong(999), a.hash(), Hash.ZERO));
    cp.onAdvertise(50, new AdvertiseCollation(ParaId.of(2001), RP, a.hash(), Hash.ZERO));
    backing.canSecond = false;
    cp.onAdvertise(50, advert(a));
    assertThat(fetches(ctx)).isZero();
  }

  @Test
  void aFetchThatTimesOutMovesOnToTheNextAdvertisement() {
    ManualContext ctx = new ManualContext(0);
    CollatorProtocolValidator cp = new CollatorProtocolValidator(ctx, new FakeBacking(), rp -> 4);
    cp.onAdvertise(50, advert(candidate(1)));
    cp.onAdvertise(51, advert(candidate(2)));
    for (Timer t : ctx.due(CollatorProtocolValidator.FETCH_TIMEOUT_MICROS)) {
      assertThat(cp.onTimer(t)).isTrue();
    }
    assertThat(ctx.sent).filteredOn(s -> s.message() instanceof CollationFetchRequest)
        .extracting(ManualContext.Sent::to).containsExactly(50, 51);
  }
}
