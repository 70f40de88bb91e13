package io.parapipe.protocol.relay.node.collation;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.events.CandidateRejected;
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
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CollatorProtocolValidatorTest {
  static final Hash RP = Hash.fromLong(100);
  static final ParaId PARA = ParaId.of(2000);

  /** A backing stand-in: knows RP, assigns PARA, says yes to CanSecond unless told otherwise. */
  static final class FakeBacking implements SecondingPort {
    boolean canSecond = true;
    boolean v2Receipts = true;
    CoreIndex core = CoreIndex.of(0);
    SessionIndex session = SessionIndex.of(0);
    final List<Hash> seconded = new ArrayList<>();

    public Optional<RelayParentContext> relayParentContext(Hash rp) {
      return rp.equals(RP) ? Optional.of(new RelayParentContext(core, session, v2Receipts)) : Optional.empty();
    }

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
    return candidate(n, 0, 0);
  }

  static CommittedCandidateReceipt candidate(int n, int core, int session) {
    CandidateDescriptor d = new CandidateDescriptor(PARA, RP, CoreIndex.of(core), SessionIndex.of(session),
        Hash.fromLong(1), Hash.fromLong(2), Hash.fromLong(3), Hash.fromLong(4), Hash.fromLong(5));
    return new CommittedCandidateReceipt(d, CandidateCommitments.ofHead(HeadData.of(new byte[] {(byte) n}), 100));
  }

  static AdvertiseCollation advert(CommittedCandidateReceipt c) {
    return new AdvertiseCollation(PARA, RP, c.hash(), Hash.ZERO);
  }

  static CollationFetchResponse response(CommittedCandidateReceipt c) {
    return new CollationFetchResponse(c, new PersistedValidationData(HeadData.of(new byte[0]), 1,
        Hash.ZERO, 5 << 20), new PoV(Hash.ZERO, 1024, 1, c.commitments().hash()));
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

  @Test
  void aSlowFetchSharesTheRelayParentWithTheNextAdvertisementAfterFourHundredMilliseconds() {
    ManualContext ctx = new ManualContext(0);
    FakeBacking backing = new FakeBacking();
    CollatorProtocolValidator cp = new CollatorProtocolValidator(ctx, backing, rp -> 4);
    CommittedCandidateReceipt slow = candidate(1);
    CommittedCandidateReceipt fast = candidate(2);
    cp.onAdvertise(50, advert(slow));
    cp.onAdvertise(51, advert(fast));
    ctx.fireUntil(CollatorProtocolValidator.MAX_UNSHARED_DOWNLOAD_TIME_MICROS - 1, cp::onTimer);
    assertThat(fetches(ctx)).isEqualTo(1);
    ctx.fireUntil(CollatorProtocolValidator.MAX_UNSHARED_DOWNLOAD_TIME_MICROS, cp::onTimer);
    assertThat(fetches(ctx)).isEqualTo(2); // the second download starts beside the first
    cp.onFetchResponse(51, response(fast));
    cp.onFetchResponse(50, response(slow)); // still within its 1.2 s: kept until backing is free
    assertThat(backing.seconded).containsExactly(fast.hash());
    cp.onSecondingOutcome(RP, fast.hash(), true);
    assertThat(backing.seconded).containsExactly(fast.hash(), slow.hash());
  }

  @Test
  void anAnswerAfterTheTwelveHundredMillisecondTimeoutIsDropped() {
    ManualContext ctx = new ManualContext(0);
    FakeBacking backing = new FakeBacking();
    CollatorProtocolValidator cp = new CollatorProtocolValidator(ctx, backing, rp -> 4);
    CommittedCandidateReceipt a = candidate(1);
    cp.onAdvertise(50, advert(a));
    ctx.fireUntil(CollatorProtocolValidator.FETCH_TIMEOUT_MICROS - 1, cp::onTimer);
    cp.onFetchResponse(50, response(a)); // 1.2 s minus 1 µs: in time
    assertThat(backing.seconded).containsExactly(a.hash());

    CommittedCandidateReceipt b = candidate(2);
    cp.onSecondingOutcome(RP, a.hash(), true);
    cp.onAdvertise(51, advert(b));
    ctx.fireUntil(ctx.now() + CollatorProtocolValidator.FETCH_TIMEOUT_MICROS, cp::onTimer);
    cp.onFetchResponse(51, response(b)); // too late
    assertThat(backing.seconded).containsExactly(a.hash());
  }

  /** The reasons {@code descriptor_version_sanity_check} gave, in order. */
  private static List<String> rejections(ManualContext ctx) {
    return ctx.events.stream().filter(e -> e instanceof CandidateRejected)
        .map(e -> ((CandidateRejected) e).reason()).toList();
  }

  @Test
  void aV2DescriptorMustNameTheValidatorsCoreAndTheChildSession() {
    ManualContext ctx = new ManualContext(0);
    FakeBacking backing = new FakeBacking();
    backing.core = CoreIndex.of(1);
    backing.session = SessionIndex.of(3);
    CollatorProtocolValidator cp = new CollatorProtocolValidator(ctx, backing, rp -> 4);
    CommittedCandidateReceipt wrongCore = candidate(1, 0, 3);
    CommittedCandidateReceipt wrongSession = candidate(2, 1, 2);
    CommittedCandidateReceipt good = candidate(3, 1, 3);
    cp.onAdvertise(50, advert(wrongCore));
    cp.onAdvertise(51, advert(wrongSession));
    cp.onAdvertise(52, advert(good));
    cp.onFetchResponse(50, response(wrongCore));
    cp.onFetchResponse(51, response(wrongSession));
    cp.onFetchResponse(52, response(good));
    assertThat(rejections(ctx)).containsExactly("InvalidCoreIndex(0, 1)", "InvalidSessionIndex(2, 3)");
    assertThat(backing.seconded).containsExactly(good.hash()); // the refused ones never reach backing
    assertThat(fetches(ctx)).isEqualTo(3); // each refusal moves on to the next advertisement
  }

  @Test
  void v2DescriptorsAreRefusedWithoutTheNodeFeatureAndV1OnesPass() {
    ManualContext ctx = new ManualContext(0);
    FakeBacking backing = new FakeBacking();
    backing.v2Receipts = false;
    CollatorProtocolValidator cp = new CollatorProtocolValidator(ctx, backing, rp -> 4);
    CommittedCandidateReceipt v2 = candidate(1);
    byte[] id = new byte[32];
    java.util.Arrays.fill(id, (byte) 7);
    CandidateDescriptor v1d = CandidateDescriptor.v1(PARA, RP, id, Hash.fromLong(1), Hash.fromLong(2),
        Hash.fromLong(3), new byte[64], Hash.fromLong(4), Hash.fromLong(5));
    CommittedCandidateReceipt v1 = new CommittedCandidateReceipt(v1d,
        CandidateCommitments.ofHead(HeadData.of(new byte[] {9}), 100));
    cp.onAdvertise(50, advert(v2));
    cp.onAdvertise(51, advert(v1));
    cp.onFetchResponse(50, response(v2));
    cp.onFetchResponse(51, response(v1));
    assertThat(rejections(ctx)).containsExactly("InvalidReceiptVersion(V2)");
    assertThat(backing.seconded).containsExactly(v1.hash());
  }

  @Test
  void aDeclareIsAnsweredWithTheView() {
    ManualContext ctx = new ManualContext(0);
    CollatorProtocolValidator cp = new CollatorProtocolValidator(ctx, new FakeBacking(), rp -> 4);
    cp.onDeclare(70, new io.parapipe.protocol.wire.Declare(PARA), List.of(RP));
    assertThat(ctx.sent).singleElement().satisfies(s -> {
      assertThat(s.to()).isEqualTo(70);
      assertThat(s.message()).isEqualTo(new io.parapipe.protocol.wire.ViewUpdate(List.of(RP)));
    });
  }
}
