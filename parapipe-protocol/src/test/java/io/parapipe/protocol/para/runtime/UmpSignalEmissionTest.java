package io.parapipe.protocol.para.runtime;

import static io.parapipe.protocol.para.runtime.Blocks.built;
import static io.parapipe.protocol.para.runtime.Blocks.lookahead;
import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.primitives.CandidateCommitments;
import io.parapipe.protocol.primitives.CandidateUmpSignals;
import io.parapipe.protocol.primitives.ClaimQueueOffset;
import io.parapipe.protocol.primitives.CoreSelector;
import io.parapipe.protocol.primitives.UmpSignal;
import io.parapipe.protocol.primitives.UmpSignalCheck;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * parachain-system's {@code send_ump_signals} (2025): a block carrying the slot-based collator's
 * {@code CoreInfo} pre-digest commits to its core with {@code UMPSignal::SelectCore} after the
 * separator (upstream's {@code validate_block} test of the elastic-scaling runtimes expects
 * {@code [UMP_SEPARATOR, SelectCore(selector, offset)]}).
 */
class UmpSignalEmissionTest {
  static final ParachainRuntimeConfig TEMPLATE = ParachainRuntimeConfig.asyncBackingTemplate();

  static ParachainState genesis(ParachainRuntimeConfig c) {
    return ParachainState.genesis(Blocks.PARA, c, 1);
  }

  @Test
  void aCoreInfoDigestBecomesTheSelectCoreSignal() {
    ParachainState g = genesis(TEMPLATE);
    BlockInputs in = lookahead(g, 1, 1, Optional.of(g.headData()))
        .withCoreInfo(new DigestItem.CumulusCoreInfo(1, 0, 3));
    ParachainState b = built(ParachainRuntime.executeBlock(g, in));
    List<byte[]> up = b.commitments().upwardMessages();
    assertThat(up).hasSize(2);
    assertThat(up.get(0)).isEqualTo(CandidateCommitments.UMP_SEPARATOR);
    assertThat(up.get(1)).isEqualTo(new UmpSignal.SelectCore(new CoreSelector(1), new ClaimQueueOffset(0)).encode());
    assertThat(b.commitments().umpSignals()).isEqualTo(new UmpSignalCheck.Valid(new CandidateUmpSignals(
        Optional.of(new UmpSignal.SelectCore(new CoreSelector(1), new ClaimQueueOffset(0))), Optional.empty())));
    assertThat(b.header().coreInfo()).contains(new DigestItem.CumulusCoreInfo(1, 0, 3));
  }

  @Test
  void theSignalFollowsTheBlocksOwnMessages() {
    ParachainState g = genesis(TEMPLATE);
    byte[] xcm = {5, 6, 7};
    BlockInputs in = lookahead(g, 1, 1, Optional.of(g.headData())).withMessages(List.of(xcm), List.of())
        .withCoreInfo(new DigestItem.CumulusCoreInfo(2, 1, 3));
    List<byte[]> up = built(ParachainRuntime.executeBlock(g, in)).commitments().upwardMessages();
    assertThat(up).hasSize(3);
    assertThat(up.get(0)).isEqualTo(xcm);
    assertThat(CandidateCommitments.skipUmpSignals(up)).hasSize(1);
    assertThat(UmpSignal.decode(up.get(2))).contains(new UmpSignal.SelectCore(new CoreSelector(2), new ClaimQueueOffset(1)));
  }

  @Test
  void withoutACoreInfoDigestOrWithoutTheFeatureNothingIsSent() {
    ParachainState g = genesis(TEMPLATE);
    BlockInputs plain = lookahead(g, 1, 1, Optional.of(g.headData()));
    assertThat(built(ParachainRuntime.executeBlock(g, plain)).commitments().upwardMessages()).isEmpty();
    ParachainState mvp = genesis(TEMPLATE.withSelectCoreSignal(false));
    BlockInputs withInfo = lookahead(mvp, 1, 1, Optional.of(mvp.headData()))
        .withCoreInfo(new DigestItem.CumulusCoreInfo(0, 0, 3));
    assertThat(built(ParachainRuntime.executeBlock(mvp, withInfo)).commitments().upwardMessages()).isEmpty();
  }
}
