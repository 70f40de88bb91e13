package io.parapipe.protocol.primitives;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScaleAndHashTest {
  @ParameterizedTest
  @CsvSource({
    "0, 00",
    "1, 04",
    "42, a8",
    "63, fc",
    "64, 0101",
    "69, 1501",
    "16383, fdff",
    "16384, 02000100",
    "65535, feff0300",
    "1073741823, feffffff",
    "1073741824, 0300000040",
    "4294967295, 03ffffffff",
    "4294967296, 070000000001"
  })
  void compactIntegersMatchTheScaleSpec(long value, String hex) {
    assertThat(Hex.encode(new ScaleWriter().compact(value).toByteArray())).isEqualTo(hex);
  }

  @Test
  void blake2b256OfEmptyInputIsTheKnownVector() {
    assertThat(Hash.blake2b256(new byte[0]).toHex())
        .isEqualTo("0x0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
  }

  @Test
  void hashesCompareAsUnsignedBigEndianBytes() {
    Hash low = Hash.fromHex("0x01" + "00".repeat(31));
    Hash high = Hash.fromHex("0xff" + "00".repeat(31));
    assertThat(low).isLessThan(high);
    assertThat(Hash.fromLong(1)).isLessThan(Hash.fromLong(2));
  }

  @Test
  void candidateHashChangesWithCommitments() {
    CandidateDescriptor d = new CandidateDescriptor(ParaId.of(2000), Hash.fromLong(1), CoreIndex.of(0),
        SessionIndex.of(0), Hash.fromLong(2), Hash.fromLong(3), Hash.fromLong(4), Hash.fromLong(5),
        Hash.fromLong(6));
    CommittedCandidateReceipt a = new CommittedCandidateReceipt(d,
        CandidateCommitments.ofHead(HeadData.of(new byte[] {1}), 0));
    CommittedCandidateReceipt b = new CommittedCandidateReceipt(d,
        CandidateCommitments.ofHead(HeadData.of(new byte[] {2}), 0));
    assertThat(a.hash()).isNotEqualTo(b.hash()).isEqualTo(a.toPlain().hash());
  }

  @Test
  void groupRotationMatchesUpstreamFormulae() {
    GroupRotationInfo info = new GroupRotationInfo(1, 10, 25);
    // two rotations since block 1
    assertThat(info.groupForCore(CoreIndex.of(0), 5)).isEqualTo(GroupIndex.of(2));
    assertThat(info.coreForGroup(GroupIndex.of(2), 5)).isEqualTo(CoreIndex.of(0));
    assertThat(info.nextRotationAt()).isEqualTo(31);
    assertThat(info.lastRotationAt()).isEqualTo(21);
  }
}
