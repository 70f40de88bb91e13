package io.parapipe.protocol.relay.node.prospective;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.primitives.CandidateCommitments;
import io.parapipe.protocol.primitives.Constraints.FutureValidationCode;
import io.parapipe.protocol.primitives.Constraints.OutboundHrmpChannelLimitations;
import io.parapipe.protocol.primitives.Constraints.UpgradeRestriction;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.HeadData;
import io.parapipe.protocol.primitives.OutboundHrmpMessage;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.primitives.PersistedValidationData;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Ports of the unit tests of upstream {@code polkadot/node/subsystem-util/src/inclusion_emulator/mod.rs},
 * same names and values, plus a few checks of our own.
 */
class InclusionEmulatorTest {
  private static final ParaId PARA_A = ParaId.of(1);
  private static final ParaId PARA_B = ParaId.of(2);
  private static final ParaId PARA_C = ParaId.of(3);

  static Hash repeatByte(int b) {
    byte[] bytes = new byte[32];
    java.util.Arrays.fill(bytes, (byte) b);
    return Hash.of(bytes);
  }

  static HeadData head(int... bytes) {
    byte[] b = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      b[i] = (byte) bytes[i];
    }
    return HeadData.of(b);
  }

  private static Hash codeHash(int... bytes) {
    byte[] b = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      b[i] = (byte) bytes[i];
    }
    return Hash.blake2b256(b);
  }

  private static Constraints makeConstraints() {
    TreeMap<ParaId, OutboundHrmpChannelLimitations> channels = new TreeMap<>();
    channels.put(PARA_A, new OutboundHrmpChannelLimitations(512, 5));
    channels.put(PARA_B, new OutboundHrmpChannelLimitations(1024, 10));
    channels.put(PARA_C, new OutboundHrmpChannelLimitations(128, 1));
    return new Constraints(
        5, 1000, 1000, 1024, 10, 1024, 5,
        List.of(), List.of(6, 8), channels, 5,
        head(1, 2, 3), codeHash(4, 5, 6), Optional.empty(), Optional.empty());
  }

  private static ConstraintModifications outbound(ParaId... parasWith100Bytes5Messages) {
    ConstraintModifications m = ConstraintModifications.identity();
    for (ParaId p : parasWith100Bytes5Messages) {
      m = m.withOutboundHrmp(p, new OutboundHrmpChannelModification(100, 5));
    }
    return m;
  }

  @Test
  void stack_modifications() {
    ConstraintModifications a = outbound(PARA_A, PARA_B).withUmp(6, 1000).withDmpMessagesProcessed(5)
        .withCodeUpgradeApplied(true);
    ConstraintModifications b = outbound(PARA_B, PARA_C).withUmp(6, 1000).withDmpMessagesProcessed(5)
        .withCodeUpgradeApplied(true);

    ConstraintModifications c = a.stack(b);
    ConstraintModifications expected = ConstraintModifications.identity()
        .withOutboundHrmp(PARA_A, new OutboundHrmpChannelModification(100, 5))
        .withOutboundHrmp(PARA_B, new OutboundHrmpChannelModification(200, 10))
        .withOutboundHrmp(PARA_C, new OutboundHrmpChannelModification(100, 5))
        .withUmp(12, 2000).withDmpMessagesProcessed(10).withCodeUpgradeApplied(true);
    assertThat(c).isEqualTo(expected);

    ConstraintModifications d = ConstraintModifications.identity().stack(a).stack(b);
    assertThat(c).isEqualTo(d);
    // stacking returns new values: the operands are untouched
    assertThat(a.umpMessagesSent()).isEqualTo(6);
  }

  @Test
  void stack_is_not_commutative_for_head_and_watermark() {
    ConstraintModifications x = ConstraintModifications.identity().withRequiredParent(head(1))
        .withHrmpWatermark(new HrmpWatermarkUpdate.Head(5));
    ConstraintModifications y = ConstraintModifications.identity().withRequiredParent(head(2))
        .withHrmpWatermark(new HrmpWatermarkUpdate.Trunk(3));
    assertThat(x.stack(y).requiredParent()).contains(head(2));
    assertThat(y.stack(x).requiredParent()).contains(head(1));
    assertThat(x.stack(y).hrmpWatermark()).contains(new HrmpWatermarkUpdate.Trunk(3));
    // an absent field does not overwrite
    assertThat(x.stack(ConstraintModifications.identity())).isEqualTo(x);
  }

  @Test
  void constraints_check_trunk_watermark() {
    Constraints constraints = makeConstraints();
    ConstraintModifications m = ConstraintModifications.identity().withHrmpWatermark(new HrmpWatermarkUpdate.Trunk(6));
    assertThat(constraints.checkModifications(m)).isEmpty();
    assertThat(constraints.applyModifications(m).value().hrmpInboundValidWatermarks()).containsExactly(6, 8);

    m = m.withHrmpWatermark(new HrmpWatermarkUpdate.Trunk(7));
    assertThat(constraints.checkModifications(m)).contains(new ModificationError.DisallowedHrmpWatermark(7));
    assertThat(constraints.applyModifications(m).error()).isEqualTo(new ModificationError.DisallowedHrmpWatermark(7));

    m = m.withHrmpWatermark(new HrmpWatermarkUpdate.Trunk(8));
    assertThat(constraints.checkModifications(m)).isEmpty();
    assertThat(constraints.applyModifications(m).value().hrmpInboundValidWatermarks()).containsExactly(8);
  }

  @Test
  void constraints_check_head_watermark() {
    Constraints constraints = makeConstraints();
    ConstraintModifications m = ConstraintModifications.identity().withHrmpWatermark(new HrmpWatermarkUpdate.Head(5));
    assertThat(constraints.checkModifications(m)).isEmpty();
    assertThat(constraints.applyModifications(m).value().hrmpInboundValidWatermarks()).containsExactly(6, 8);

    m = m.withHrmpWatermark(new HrmpWatermarkUpdate.Head(7));
    assertThat(constraints.checkModifications(m)).isEmpty();
    assertThat(constraints.applyModifications(m).value().hrmpInboundValidWatermarks()).containsExactly(8);
  }

  @Test
  void constraints_no_such_hrmp_channel() {
    Constraints constraints = makeConstraints();
    ParaId badPara = ParaId.of(100);
    ConstraintModifications m = ConstraintModifications.identity()
        .withOutboundHrmp(badPara, new OutboundHrmpChannelModification(0, 0));
    assertThat(constraints.checkModifications(m)).contains(new ModificationError.NoSuchHrmpChannel(badPara));
    assertThat(constraints.applyModifications(m).error()).isEqualTo(new ModificationError.NoSuchHrmpChannel(badPara));
  }

  @Test
  void constraints_hrmp_messages_overflow() {
    Constraints constraints = makeConstraints();
    ConstraintModifications m = ConstraintModifications.identity()
        .withOutboundHrmp(PARA_A, new OutboundHrmpChannelModification(0, 6));
    ModificationError expected = new ModificationError.HrmpMessagesOverflow(PARA_A, 5, 6);
    assertThat(constraints.checkModifications(m)).contains(expected);
    assertThat(constraints.applyModifications(m).error()).isEqualTo(expected);
  }

  @Test
  void constraints_hrmp_bytes_overflow() {
    Constraints constraints = makeConstraints();
    ConstraintModifications m = ConstraintModifications.identity()
        .withOutboundHrmp(PARA_A, new OutboundHrmpChannelModification(513, 1));
    ModificationError expected = new ModificationError.HrmpBytesOverflow(PARA_A, 512, 513);
    assertThat(constraints.checkModifications(m)).contains(expected);
    assertThat(constraints.applyModifications(m).error()).isEqualTo(expected);
  }

  @Test
  void constraints_ump_messages_overflow() {
    Constraints constraints = makeConstraints();
    ConstraintModifications m = ConstraintModifications.identity().withUmp(11, 0);
    ModificationError expected = new ModificationError.UmpMessagesOverflow(10, 11);
    assertThat(constraints.checkModifications(m)).contains(expected);
    assertThat(constraints.applyModifications(m).error()).isEqualTo(expected);
  }

  @Test
  void constraints_ump_bytes_overflow() {
    Constraints constraints = makeConstraints();
    ConstraintModifications m = ConstraintModifications.identity().withUmp(0, 1025);
    ModificationError expected = new ModificationError.UmpBytesOverflow(1024, 1025);
    assertThat(constraints.checkModifications(m)).contains(expected);
    assertThat(constraints.applyModifications(m).error()).isEqualTo(expected);
  }

  @Test
  void constraints_dmp_messages() {
    Constraints constraints = makeConstraints();
    ConstraintModifications m = ConstraintModifications.identity();
    assertThat(constraints.checkModifications(m)).isEmpty();
    assertThat(constraints.applyModifications(m).isOk()).isTrue();

    m = m.withDmpMessagesProcessed(6);
    ModificationError expected = new ModificationError.DmpMessagesUnderflow(0, 6);
    assertThat(constraints.checkModifications(m)).contains(expected);
    assertThat(constraints.applyModifications(m).error()).isEqualTo(expected);

    constraints = constraints.withDmpRemainingMessages(List.of(1, 4, 8, 10));
    m = m.withDmpMessagesProcessed(2);
    assertThat(constraints.checkModifications(m)).isEmpty();
    assertThat(constraints.applyModifications(m).value().dmpRemainingMessages()).containsExactly(8, 10);
  }

  @Test
  void constraints_nonexistent_code_upgrade() {
    Constraints constraints = makeConstraints();
    ConstraintModifications m = ConstraintModifications.identity().withCodeUpgradeApplied(true);
    ModificationError expected = new ModificationError.AppliedNonexistentCodeUpgrade();
    assertThat(constraints.checkModifications(m)).contains(expected);
    assertThat(constraints.applyModifications(m).error()).isEqualTo(expected);
  }

  @Test
  void apply_modifications_updates_budgets_head_and_code() {
    Constraints constraints = makeConstraints()
        .withFutureValidationCode(Optional.of(new FutureValidationCode(7, codeHash(7, 7))));
    ConstraintModifications m = ConstraintModifications.identity()
        .withRequiredParent(head(9))
        .withOutboundHrmp(PARA_B, new OutboundHrmpChannelModification(24, 3))
        .withUmp(4, 24)
        .withCodeUpgradeApplied(true);
    Constraints applied = constraints.applyModifications(m).value();
    assertThat(applied.requiredParent()).isEqualTo(head(9));
    assertThat(applied.hrmpChannelsOut().get(PARA_B)).isEqualTo(new OutboundHrmpChannelLimitations(1000, 7));
    assertThat(applied.hrmpChannelsOut().get(PARA_A)).isEqualTo(new OutboundHrmpChannelLimitations(512, 5));
    assertThat(applied.umpRemaining()).isEqualTo(6);
    assertThat(applied.umpRemainingBytes()).isEqualTo(1000);
    assertThat(applied.validationCodeHash()).isEqualTo(codeHash(7, 7));
    assertThat(applied.futureValidationCode()).isEmpty();
    // the original constraints are untouched
    assertThat(constraints.umpRemaining()).isEqualTo(10);
    assertThat(constraints.futureValidationCode()).isPresent();
    // applying twice the same budget overflows
    assertThat(applied.applyModifications(m.withCodeUpgradeApplied(false).withUmp(7, 0)).error())
        .isEqualTo(new ModificationError.UmpMessagesOverflow(6, 7));
  }

  @Test
  void from_primitive_keeps_every_field() {
    io.parapipe.protocol.primitives.Constraints p = new io.parapipe.protocol.primitives.Constraints(
        3, 100, 200, 300, 4, 500, 6, List.of(1, 2), List.of(3), new TreeMap<>(), 7, head(1),
        codeHash(1), Optional.of(UpgradeRestriction.PRESENT), Optional.of(new FutureValidationCode(9, codeHash(2))));
    Constraints c = Constraints.fromPrimitive(p);
    assertThat(c).isEqualTo(new Constraints(3, 100, 200, 300, 4, 500, 6, List.of(1, 2), List.of(3),
        new TreeMap<>(), 7, head(1), codeHash(1), Optional.of(UpgradeRestriction.PRESENT),
        Optional.of(new FutureValidationCode(9, codeHash(2)))));
  }

  // ---- Fragment ----

  private record Candidate(CandidateCommitments commitments, PersistedValidationData pvd, Hash codeHash) {
    ProspectiveCandidate toProspective() {
      return new ProspectiveCandidate(commitments, pvd, repeatByte(1), codeHash);
    }

    Candidate withCommitments(CandidateCommitments c) {
      return new Candidate(c, pvd, codeHash);
    }
  }

  private static Candidate makeCandidate(Constraints constraints, RelayChainBlockInfo relayParent) {
    return new Candidate(
        new CandidateCommitments(List.of(), List.of(), Optional.empty(), head(1, 2, 3, 4, 5), 0, relayParent.number()),
        new PersistedValidationData(constraints.requiredParent(), relayParent.number(),
            relayParent.storageRoot(), constraints.maxPovSize()),
        constraints.validationCodeHash());
  }

  private static CandidateCommitments with(CandidateCommitments c, List<byte[]> ump,
      List<OutboundHrmpMessage> hrmp, Optional<byte[]> code, HeadData headData, int dmp) {
    return new CandidateCommitments(ump, hrmp, code, headData, dmp, c.hrmpWatermark());
  }

  private static final RelayChainBlockInfo RP6 = new RelayChainBlockInfo(repeatByte(0x0a), 6, repeatByte(0xff));

  @Test
  void fragment_validation_code_mismatch() {
    Constraints constraints = makeConstraints();
    Candidate candidate = makeCandidate(constraints, RP6);
    Hash gotCode = codeHash(9, 9, 9);
    candidate = new Candidate(candidate.commitments(), candidate.pvd(), gotCode);
    assertThat(Fragment.create(RP6, constraints, candidate.toProspective()).error())
        .isEqualTo(new FragmentValidityError.ValidationCodeMismatch(constraints.validationCodeHash(), gotCode));
  }

  @Test
  void fragment_pvd_mismatch() {
    RelayChainBlockInfo relayParentB = new RelayChainBlockInfo(repeatByte(0x0b), 6, repeatByte(0xee));
    Constraints constraints = makeConstraints();
    Candidate candidate = makeCandidate(constraints, RP6);
    PersistedValidationData expected = new PersistedValidationData(
        constraints.requiredParent(), relayParentB.number(), relayParentB.storageRoot(), constraints.maxPovSize());
    assertThat(Fragment.create(relayParentB, constraints, candidate.toProspective()).error())
        .isEqualTo(new FragmentValidityError.PersistedValidationDataMismatch(expected, candidate.pvd()));
  }

  @Test
  void fragment_code_size_too_large() {
    Constraints constraints = makeConstraints();
    Candidate candidate = makeCandidate(constraints, RP6);
    int max = constraints.maxCodeSize();
    CandidateCommitments c = candidate.commitments();
    candidate = candidate.withCommitments(with(c, List.of(), List.of(), Optional.of(new byte[max + 1]), c.headData(), 0));
    assertThat(Fragment.create(RP6, constraints, candidate.toProspective()).error())
        .isEqualTo(new FragmentValidityError.CodeSizeTooLarge(max, max + 1));
  }

  @Test
  void ump_signals_ignored() {
    RelayChainBlockInfo relayParent = new RelayChainBlockInfo(repeatByte(0xbe), 6, repeatByte(0xff));
    Constraints constraints = makeConstraints();
    Candidate candidate = makeCandidate(constraints, relayParent);
    int maxUmp = constraints.maxUmpNumPerCandidate();
    List<byte[]> ump = new ArrayList<>();
    for (int i = 0; i < maxUmp; i++) {
      ump.add(new byte[] {(byte) i});
    }
    ump.add(new byte[0]); // UMP_SEPARATOR
    ump.add(new byte[] {0, 0, 1}); // UMPSignal::SelectCore(CoreSelector(0), ClaimQueueOffset(1)).encode()
    CandidateCommitments c = candidate.commitments();
    candidate = candidate.withCommitments(with(c, ump, List.of(), Optional.empty(), c.headData(), 0));
    Result<Fragment, FragmentValidityError> fragment = Fragment.create(relayParent, constraints, candidate.toProspective());
    assertThat(fragment.isOk()).isTrue();
    assertThat(fragment.value().constraintModifications().umpMessagesSent()).isEqualTo(maxUmp);
    assertThat(fragment.value().constraintModifications().umpBytesSent()).isEqualTo(maxUmp);
  }

  @Test
  void fragment_relay_parent_too_old() {
    RelayChainBlockInfo relayParent = new RelayChainBlockInfo(repeatByte(0x0a), 3, repeatByte(0xff));
    Constraints constraints = makeConstraints();
    Candidate candidate = makeCandidate(constraints, relayParent);
    assertThat(Fragment.create(relayParent, constraints, candidate.toProspective()).error())
        .isEqualTo(new FragmentValidityError.RelayParentTooOld(5, 3));
  }

  @Test
  void fragment_hrmp_messages_overflow() {
    Constraints constraints = makeConstraints();
    Candidate candidate = makeCandidate(constraints, RP6);
    int maxHrmp = constraints.maxHrmpNumPerCandidate();
    List<OutboundHrmpMessage> hrmp = new ArrayList<>();
    for (int i = 0; i < maxHrmp + 1; i++) {
      hrmp.add(new OutboundHrmpMessage(ParaId.of(i), new byte[] {1, 2, 3}));
    }
    CandidateCommitments c = candidate.commitments();
    candidate = candidate.withCommitments(with(c, List.of(), hrmp, Optional.empty(), c.headData(), 0));
    assertThat(Fragment.create(RP6, constraints, candidate.toProspective()).error())
        .isEqualTo(new FragmentValidityError.HrmpMessagesPerCandidateOverflow(maxHrmp, maxHrmp + 1));
  }

  @Test
  void fragment_dmp_advancement_rule() {
    Constraints constraints = makeConstraints();
    Candidate candidate = makeCandidate(constraints, RP6);
    // Empty dmp queue is ok.
    assertThat(Fragment.create(RP6, constraints, candidate.toProspective()).isOk()).isTrue();
    // Unprocessed message that was sent later is ok.
    constraints = constraints.withDmpRemainingMessages(List.of(RP6.number() + 1));
    assertThat(Fragment.create(RP6, constraints, candidate.toProspective()).isOk()).isTrue();

    for (int blockNumber = 0; blockNumber <= RP6.number(); blockNumber++) {
      constraints = constraints.withDmpRemainingMessages(List.of(blockNumber));
      assertThat(Fragment.create(RP6, constraints, candidate.toProspective()).error())
          .isEqualTo(new FragmentValidityError.DmpAdvancementRule());
    }

    CandidateCommitments c = candidate.commitments();
    candidate = candidate.withCommitments(with(c, List.of(), List.of(), Optional.empty(), c.headData(), 1));
    assertThat(Fragment.create(RP6, constraints, candidate.toProspective()).isOk()).isTrue();
  }

  @Test
  void fragment_ump_messages_overflow() {
    Constraints constraints = makeConstraints();
    Candidate candidate = makeCandidate(constraints, RP6);
    int maxUmp = constraints.maxUmpNumPerCandidate();
    List<byte[]> ump = new ArrayList<>();
    for (int i = 0; i < maxUmp + 1; i++) {
      ump.add(new byte[] {(byte) i});
    }
    CandidateCommitments c = candidate.commitments();
    candidate = candidate.withCommitments(with(c, ump, List.of(), Optional.empty(), c.headData(), 0));
    assertThat(Fragment.create(RP6, constraints, candidate.toProspective()).error())
        .isEqualTo(new FragmentValidityError.UmpMessagesPerCandidateOverflow(maxUmp, maxUmp + 1));
  }

  @Test
  void fragment_code_upgrade_restricted() {
    Constraints constraints = makeConstraints();
    Candidate candidate = makeCandidate(constraints, RP6);
    constraints = constraints.withUpgradeRestriction(Optional.of(UpgradeRestriction.PRESENT));
    CandidateCommitments c = candidate.commitments();
    candidate = candidate.withCommitments(with(c, List.of(), List.of(), Optional.of(new byte[] {1, 2, 3}), c.headData(), 0));
    assertThat(Fragment.create(RP6, constraints, candidate.toProspective()).error())
        .isEqualTo(new FragmentValidityError.CodeUpgradeRestricted());
  }

  @Test
  void fragment_hrmp_messages_descending_or_duplicate() {
    Constraints constraints = makeConstraints();
    Candidate candidate = makeCandidate(constraints, RP6);
    CandidateCommitments c = candidate.commitments();
    candidate = candidate.withCommitments(with(c, List.of(), List.of(
        new OutboundHrmpMessage(ParaId.of(0), new byte[] {1, 2, 3}),
        new OutboundHrmpMessage(ParaId.of(0), new byte[] {4, 5, 6})), Optional.empty(), c.headData(), 0));
    assertThat(Fragment.create(RP6, constraints, candidate.toProspective()).error())
        .isEqualTo(new FragmentValidityError.HrmpMessagesDescendingOrDuplicate(1));

    candidate = candidate.withCommitments(with(c, List.of(), List.of(
        new OutboundHrmpMessage(ParaId.of(1), new byte[] {1, 2, 3}),
        new OutboundHrmpMessage(ParaId.of(0), new byte[] {4, 5, 6})), Optional.empty(), c.headData(), 0));
    assertThat(Fragment.create(RP6, constraints, candidate.toProspective()).error())
        .isEqualTo(new FragmentValidityError.HrmpMessagesDescendingOrDuplicate(1));
  }

  @Test
  void head_data_size_too_large() {
    RelayChainBlockInfo relayParent = new RelayChainBlockInfo(repeatByte(0xcc), 6, repeatByte(0xff));
    Constraints constraints = makeConstraints();
    Candidate candidate = makeCandidate(constraints, relayParent);
    int size = constraints.maxHeadDataSize();
    CandidateCommitments c = candidate.commitments();
    candidate = candidate.withCommitments(with(c, List.of(), List.of(), Optional.empty(), HeadData.of(new byte[size + 1]), 0));
    assertThat(Fragment.create(relayParent, constraints, candidate.toProspective()).error())
        .isEqualTo(new FragmentValidityError.HeadDataTooLarge(size, size + 1));
  }

  @Test
  void fragment_modifications_describe_the_candidate_outputs() {
    Constraints constraints = makeConstraints().withDmpRemainingMessages(List.of(2, 3));
    Candidate candidate = makeCandidate(constraints, RP6);
    CandidateCommitments c = candidate.commitments();
    // Trunk watermark 6 is the relay parent's number: a Head update.
    candidate = candidate.withCommitments(with(c, List.of(new byte[] {1, 2}), List.of(
        new OutboundHrmpMessage(PARA_A, new byte[] {1, 2, 3}),
        new OutboundHrmpMessage(PARA_B, new byte[] {4})), Optional.empty(), head(7), 2));
    ConstraintModifications m = Fragment.create(RP6, constraints, candidate.toProspective()).value()
        .constraintModifications();
    assertThat(m.requiredParent()).contains(head(7));
    assertThat(m.hrmpWatermark()).contains(new HrmpWatermarkUpdate.Head(6));
    assertThat(m.outboundHrmp()).containsEntry(PARA_A, new OutboundHrmpChannelModification(3, 1))
        .containsEntry(PARA_B, new OutboundHrmpChannelModification(1, 1));
    assertThat(m.umpMessagesSent()).isEqualTo(1);
    assertThat(m.umpBytesSent()).isEqualTo(2);
    assertThat(m.dmpMessagesProcessed()).isEqualTo(2);
    assertThat(m.codeUpgradeApplied()).isFalse();

    // A watermark below the relay parent is a Trunk update and must be a valid watermark.
    CandidateCommitments trunk = new CandidateCommitments(List.of(), List.of(), Optional.empty(), head(7), 1, 5);
    assertThat(Fragment.create(RP6, constraints, candidate.withCommitments(trunk).toProspective()).error())
        .isEqualTo(new FragmentValidityError.OutputsInvalid(new ModificationError.DisallowedHrmpWatermark(5)));
  }

  @Test
  void code_upgrade_applies_from_its_relay_parent_number() {
    Constraints constraints = makeConstraints()
        .withFutureValidationCode(Optional.of(new FutureValidationCode(6, codeHash(8))));
    Candidate candidate = makeCandidate(constraints, RP6);
    assertThat(Fragment.create(RP6, constraints, candidate.toProspective()).value()
        .constraintModifications().codeUpgradeApplied()).isTrue();
    Constraints later = constraints.withFutureValidationCode(Optional.of(new FutureValidationCode(7, codeHash(8))));
    assertThat(Fragment.create(RP6, later, candidate.toProspective()).value()
        .constraintModifications().codeUpgradeApplied()).isFalse();
  }
}
