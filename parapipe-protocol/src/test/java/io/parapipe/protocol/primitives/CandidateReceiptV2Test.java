package io.parapipe.protocol.primitives;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Ports of the {@code CandidateDescriptorV2} and UMP-signal tests of
 * {@code polkadot/primitives/src/vstaging/mod.rs} (test names kept), plus parapipe's own checks.
 */
class CandidateReceiptV2Test {
  static final ParaId PARA = ParaId.of(1000);
  static final Hash CODE = Hash.blake2b256(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});

  static byte[] counting(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) i;
    }
    return b;
  }

  static CandidateDescriptor v2(ParaId para, int core, int session) {
    return new CandidateDescriptor(para, Hash.ZERO, CoreIndex.of(core), SessionIndex.of(session), Hash.ZERO,
        Hash.ZERO, Hash.ZERO, Hash.ZERO, CODE);
  }

  static CandidateDescriptor v1(ParaId para, byte[] collator, byte[] signature) {
    return CandidateDescriptor.v1(para, Hash.ZERO, collator, Hash.ZERO, Hash.ZERO, Hash.ZERO, signature, Hash.ZERO, CODE);
  }

  static CommittedCandidateReceipt receipt(CandidateDescriptor d, byte[]... ump) {
    return new CommittedCandidateReceipt(d, new CandidateCommitments(Arrays.asList(ump), List.of(), Optional.empty(),
        HeadData.of(new byte[0]), 0, 0));
  }

  static TransposedClaimQueue cq(Object... coreThenParas) {
    SortedMap<CoreIndex, List<ParaId>> m = new TreeMap<>();
    for (int i = 0; i < coreThenParas.length; i += 2) {
      List<ParaId> paras = new ArrayList<>();
      for (int p : (int[]) coreThenParas[i + 1]) {
        paras.add(ParaId.of(p));
      }
      m.put(CoreIndex.of((Integer) coreThenParas[i]), paras);
    }
    return TransposedClaimQueue.of(m);
  }

  static byte[] selectCore(int selector, int offset) {
    return new UmpSignal.SelectCore(new CoreSelector(selector), new ClaimQueueOffset(offset)).encode();
  }

  static byte[] approvedPeer(int... bytes) {
    byte[] b = new byte[bytes.length];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) bytes[i];
    }
    return new UmpSignal.ApprovedPeer(b).encode();
  }

  static byte[] encode(CandidateDescriptor d) {
    ScaleWriter w = new ScaleWriter();
    d.writeTo(w);
    return w.toByteArray();
  }

  static UmpSignalCheck.Invalid invalid(CommittedCandidateReceiptError e) {
    return new UmpSignalCheck.Invalid(e);
  }

  @Test
  void is_binary_compatibile() {
    CandidateDescriptor zeroedV1 = v1(ParaId.of(0), new byte[32], new byte[64]);
    CandidateDescriptor v2 = v2(ParaId.of(0), 0, 0);
    assertThat(encode(zeroedV1)).isEqualTo(encode(v2));
    assertThat(encode(v2)).hasSize(4 + 32 + 32 + 32 + 32 + 32 + 64 + 32 + 32);
    assertThat(receipt(zeroedV1).hash()).isEqualTo(receipt(v2).hash());
    assertThat(zeroedV1.version()).isEqualTo(CandidateDescriptorVersion.V2);
  }

  @Test
  void test_from_v1_descriptor() {
    CandidateDescriptor d = v1(PARA, counting(32), counting(64));
    assertThat(d.version()).isEqualTo(CandidateDescriptorVersion.V1);
    assertThat(d.collator()).hasValueSatisfying(c -> assertThat(c).isEqualTo(counting(32)));
    assertThat(d.signature()).hasValueSatisfying(s -> assertThat(s).isEqualTo(counting(64)));
    assertThat(d.versionedCoreIndex()).isEmpty();
    assertThat(d.versionedSessionIndex()).isEmpty();
    // The collator id's bytes sit where V2 has its version, core and session fields.
    assertThat(encode(d)).containsSequence(counting(32)).containsSequence(counting(64));
  }

  @Test
  void invalid_version_descriptor() {
    CandidateDescriptor d = v2(ParaId.of(0), 123, 1);
    assertThat(d.version()).isEqualTo(CandidateDescriptorVersion.V2);
    CandidateDescriptor unknown = d.withInternalVersion(100);
    assertThat(unknown.version()).isEqualTo(CandidateDescriptorVersion.UNKNOWN);
    assertThat(receipt(unknown).parseUmpSignals(TransposedClaimQueue.EMPTY))
        .isEqualTo(invalid(CommittedCandidateReceiptError.UNKNOWN_VERSION));
  }

  @Test
  void test_ump_commitments() {
    CandidateDescriptor d = v2(PARA, 123, 1);
    TransposedClaimQueue q = cq(123, new int[] {1000, 1000});
    byte[] xcm0 = new byte[256];
    byte[] xcm1 = new byte[256];
    Arrays.fill(xcm1, (byte) 0xff);
    // no signals, with and without a separator
    assertThat(receipt(d, xcm0, xcm1).parseUmpSignals(q)).isEqualTo(new UmpSignalCheck.Valid(CandidateUmpSignals.NONE));
    byte[] sep = CandidateCommitments.UMP_SEPARATOR;
    assertThat(receipt(d, xcm0, xcm1, sep).parseUmpSignals(q)).isEqualTo(new UmpSignalCheck.Valid(CandidateUmpSignals.NONE));
    // a core selector alone (offset 1: the para is on core 123 at depth 1 too)
    UmpSignal.SelectCore sc = new UmpSignal.SelectCore(new CoreSelector(0), new ClaimQueueOffset(1));
    assertThat(receipt(d, xcm0, xcm1, sep, selectCore(0, 1)).parseUmpSignals(q))
        .isEqualTo(new UmpSignalCheck.Valid(new CandidateUmpSignals(Optional.of(sc), Optional.empty())));
    // an approved peer alone, then with a selector, in either order
    UmpSignal.ApprovedPeer peer = new UmpSignal.ApprovedPeer(new byte[] {1, 2, 3});
    assertThat(receipt(d, xcm0, xcm1, sep, approvedPeer(1, 2, 3)).parseUmpSignals(q))
        .isEqualTo(new UmpSignalCheck.Valid(new CandidateUmpSignals(Optional.empty(), Optional.of(peer))));
    CandidateUmpSignals both = new CandidateUmpSignals(Optional.of(sc), Optional.of(peer));
    assertThat(receipt(d, xcm0, xcm1, sep, approvedPeer(1, 2, 3), selectCore(0, 1)).parseUmpSignals(q))
        .isEqualTo(new UmpSignalCheck.Valid(both));
    assertThat(receipt(d, xcm0, xcm1, sep, selectCore(0, 1), approvedPeer(1, 2, 3)).parseUmpSignals(q))
        .isEqualTo(new UmpSignalCheck.Valid(both));
  }

  @Test
  void test_invalid_ump_commitments() {
    byte[] sep = CandidateCommitments.UMP_SEPARATOR;
    CandidateDescriptor d = v2(PARA, 0, 1);
    TransposedClaimQueue one = cq(0, new int[] {1000});
    // garbage after an approved peer: vec![0, 13, 200].encode() is 0x0c000dc8, variant 12
    byte[] garbage = {0x0c, 0, 13, (byte) 200};
    assertThat(receipt(d, sep, approvedPeer(1, 2, 3), garbage).parseUmpSignals(one))
        .isEqualTo(invalid(CommittedCandidateReceiptError.UMP_SIGNAL_DECODE));
    assertThat(receipt(d, sep, approvedPeer(1, 2, 3), garbage).commitments().umpSignals())
        .isEqualTo(invalid(CommittedCandidateReceiptError.UMP_SIGNAL_DECODE));

    // two cores, no selector: the descriptor's core only has to be one of them
    TransposedClaimQueue two = cq(0, new int[] {1000, 1000}, 100, new int[] {1000, 1000});
    assertThat(receipt(d, sep, approvedPeer(1, 2, 3)).parseUmpSignals(two).isValid()).isTrue();
    assertThat(receipt(v2(PARA, 1, 1), sep, approvedPeer(1, 2, 3)).parseUmpSignals(two))
        .isEqualTo(invalid(CommittedCandidateReceiptError.INVALID_CORE_INDEX));
    // with a selector: no assignment in an empty claim queue; a mismatch with core 1
    assertThat(receipt(d, sep, approvedPeer(1, 2, 3), selectCore(0, 1)).parseUmpSignals(TransposedClaimQueue.EMPTY))
        .isEqualTo(invalid(CommittedCandidateReceiptError.NO_ASSIGNMENT));
    assertThat(receipt(v2(PARA, 1, 1), sep, approvedPeer(1, 2, 3), selectCore(0, 1)).parseUmpSignals(two))
        .isEqualTo(invalid(CommittedCandidateReceiptError.CORE_INDEX_MISMATCH));
    // duplicates, then too many
    assertThat(receipt(d, sep, approvedPeer(1, 2, 3), approvedPeer(4, 5)).parseUmpSignals(two))
        .isEqualTo(invalid(CommittedCandidateReceiptError.DUPLICATE_UMP_SIGNAL));
    assertThat(receipt(d, sep, approvedPeer(1, 2, 3), selectCore(0, 0), approvedPeer(1, 2, 3)).parseUmpSignals(two))
        .isEqualTo(invalid(CommittedCandidateReceiptError.TOO_MANY_UMP_SIGNALS));
  }

  @Test
  void test_version2_receipts_decoded_as_v1() {
    CandidateDescriptor d = v2(PARA, 123, 0);
    CommittedCandidateReceipt r = receipt(d, new byte[256], CandidateCommitments.UMP_SEPARATOR, selectCore(0, 1));
    assertThat(d.versionedCoreIndex()).contains(CoreIndex.of(123));
    assertThat(r.parseUmpSignals(cq(123, new int[] {1000, 1000})).isValid()).isTrue();
    // Read back as a V1 descriptor, the same bytes give the same candidate hash.
    byte[] bytes = encode(d);
    byte[] collator = Arrays.copyOfRange(bytes, 36, 68);
    byte[] signature = Arrays.copyOfRange(bytes, 164, 228);
    CandidateDescriptor asV1 = CandidateDescriptor.v1(PARA, Hash.ZERO, collator, Hash.ZERO, Hash.ZERO, Hash.ZERO,
        signature, Hash.ZERO, CODE);
    assertThat(asV1).isEqualTo(d);
    assertThat(new CommittedCandidateReceipt(asV1, r.commitments()).hash()).isEqualTo(r.hash());
  }

  @Test
  void test_v1_descriptors_with_ump_signal() {
    CandidateDescriptor d = v1(ParaId.of(1024), counting(32), counting(64));
    CommittedCandidateReceipt r = receipt(d, CandidateCommitments.UMP_SEPARATOR, selectCore(1, 1), approvedPeer(1, 2, 3));
    assertThat(r.commitments().umpSignals()).isInstanceOfSatisfying(UmpSignalCheck.Valid.class,
        v -> assertThat(v.signals().isEmpty()).isFalse());
    assertThat(d.versionedCoreIndex()).isEmpty();
    assertThat(r.parseUmpSignals(cq(0, new int[] {1024}, 1, new int[] {1024})))
        .isEqualTo(invalid(CommittedCandidateReceiptError.UMP_SIGNAL_WITH_V1_DECRIPTOR));
  }

  @Test
  void test_core_select_is_optional() {
    // zeroed collator id and signature: read as V2 on core 0, session 0
    CandidateDescriptor zeroed = v1(PARA, new byte[32], new byte[64]);
    assertThat(receipt(zeroed).parseUmpSignals(cq(0, new int[] {1000})).isValid()).isTrue();
    assertThat(receipt(zeroed).parseUmpSignals(cq(0, new int[] {1000}, 1, new int[] {1000})).isValid()).isTrue();
    CandidateDescriptor signed = v1(PARA, counting(32), counting(64));
    assertThat(signed.collator()).isPresent();
    assertThat(signed.versionedCoreIndex()).isEmpty();
    assertThat(signed.paraId()).isEqualTo(PARA);
  }

  @Test
  void theSelectorCountsModuloTheCoresInAscendingOrder() {
    TransposedClaimQueue q = cq(7, new int[] {1000}, 2, new int[] {1000}, 4, new int[] {1000});
    int[] expected = {2, 4, 7, 2, 4};
    for (int selector = 0; selector < expected.length; selector++) {
      CommittedCandidateReceipt r = receipt(v2(PARA, expected[selector], 0));
      assertThat(r.checkCoreIndex(q, Optional.of(new CoreSelector(selector)), ClaimQueueOffset.DEFAULT))
          .as("selector %d", selector).isEmpty();
      CommittedCandidateReceipt wrong = receipt(v2(PARA, expected[(selector + 1) % 3], 0));
      assertThat(wrong.checkCoreIndex(q, Optional.of(new CoreSelector(selector)), ClaimQueueOffset.DEFAULT))
          .contains(CommittedCandidateReceiptError.CORE_INDEX_MISMATCH);
    }
  }

  @Test
  void theOffsetReadsTheClaimQueueAtThatDepth() {
    // core 3: [other, para]: the para has no core at depth 0 but core 3 at depth 1
    TransposedClaimQueue q = cq(3, new int[] {2000, 1000});
    CommittedCandidateReceipt r = receipt(v2(PARA, 3, 0));
    assertThat(r.checkCoreIndex(q, Optional.of(new CoreSelector(0)), new ClaimQueueOffset(0)))
        .contains(CommittedCandidateReceiptError.NO_ASSIGNMENT);
    assertThat(r.checkCoreIndex(q, Optional.of(new CoreSelector(0)), new ClaimQueueOffset(1))).isEmpty();
    assertThat(r.checkCoreIndex(q, Optional.empty(), ClaimQueueOffset.DEFAULT))
        .contains(CommittedCandidateReceiptError.NO_ASSIGNMENT);
  }

  @Test
  void signalsDecodeAsScaleDoesTrailingBytesIgnoredLengthsCanonical() {
    assertThat(UmpSignal.decode(new byte[] {0, 5, 1, 99})).contains(
        new UmpSignal.SelectCore(new CoreSelector(5), new ClaimQueueOffset(1)));
    assertThat(UmpSignal.decode(new byte[] {0, 5})).isEmpty();
    assertThat(UmpSignal.decode(new byte[0])).isEmpty();
    assertThat(UmpSignal.decode(new byte[] {2})).isEmpty();
    // ApprovedPeer of 2 bytes with the length written canonically (0x08) and in two-byte mode (0x0900)
    assertThat(UmpSignal.decode(new byte[] {1, 0x08, 7, 7})).contains(new UmpSignal.ApprovedPeer(new byte[] {7, 7}));
    assertThat(UmpSignal.decode(new byte[] {1, 0x09, 0x00, 7, 7})).isEmpty();
    // 65 bytes is above the bound
    byte[] tooLong = new byte[2 + 2 + 65];
    tooLong[0] = 1;
    tooLong[1] = (byte) ((65 << 2) | 1);
    tooLong[2] = 0;
    assertThat(UmpSignal.decode(tooLong)).isEmpty();
    byte[] max = new UmpSignal.ApprovedPeer(new byte[64]).encode();
    assertThat(UmpSignal.decode(max)).contains(new UmpSignal.ApprovedPeer(new byte[64]));
  }

  @Test
  void aSecondSeparatorIsASignalThatDoesNotDecode() {
    byte[] sep = CandidateCommitments.UMP_SEPARATOR;
    assertThat(receipt(v2(PARA, 0, 0), sep, sep).commitments().umpSignals())
        .isEqualTo(invalid(CommittedCandidateReceiptError.UMP_SIGNAL_DECODE));
    assertThat(CandidateCommitments.skipUmpSignals(List.of(new byte[] {1}, sep, selectCore(0, 0)))).hasSize(1);
  }

  @Test
  void rawFieldsAndVersionedAccessorsAgreeForV2() {
    CandidateDescriptor d = v2(PARA, 65535, 7);
    assertThat(d.coreIndex()).isEqualTo(CoreIndex.of(65535));
    assertThat(d.versionedSessionIndex()).isEqualTo(OptionalLong.of(7));
    assertThat(d.internalVersion()).isZero();
    assertThat(d.collator()).isEmpty();
    assertThat(OptionalInt.of(d.sessionIndex().value())).hasValue(7);
  }

  @Test
  void theStateTextIsTheLegacyRecordTextWhileCandidateReceiptV2IsOn() {
    String legacy = "HostConfiguration[maxCodeSize=3145728, maxHeadDataSize=20480, maxPovSize=5242880, "
        + "maxUpwardQueueCount=174762, maxUpwardQueueSize=1048576, maxUpwardMessageSize=65531, "
        + "maxUpwardMessageNumPerCandidate=16, hrmpMaxMessageNumPerCandidate=10, validationUpgradeCooldown=14400, "
        + "validationUpgradeDelay=2, minimumValidationUpgradeDelay=20, asyncBackingParams=AsyncBackingParams["
        + "maxCandidateDepth=3, allowedAncestryLen=2], neededApprovals=30, minimumBackingVotes=2, noShowSlots=2, "
        + "nDelayTranches=89, elasticScalingMvp=true, schedulerParams=SchedulerParams[groupRotationFrequency=10, "
        + "parasAvailabilityPeriod=10, maxValidatorsPerCore=OptionalInt.empty, lookahead=1, numCores=5, ttl=5]]";
    HostConfiguration c = HostConfiguration.polkadotLike().withElasticScalingMvp(true)
        .withAsyncBackingParams(new AsyncBackingParams(3, 2));
    assertThat(c.candidateReceiptV2()).isTrue();
    assertThat(c.stateText()).isEqualTo(legacy);
    assertThat(c.withCandidateReceiptV2(false).stateText()).isNotEqualTo(legacy).endsWith(", candidateReceiptV2=false]");
  }
}
