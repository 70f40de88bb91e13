package io.parapipe.protocol.relay.runtime.configuration;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.primitives.HostConfiguration;
import io.parapipe.protocol.primitives.InconsistentError;
import io.parapipe.protocol.primitives.SessionIndex;
import io.parapipe.protocol.relay.runtime.RuntimeFixture;
import org.junit.jupiter.api.Test;

/** Ports of {@code polkadot/runtime/parachains/src/configuration/tests.rs}. */
class PendingConfigsTest {
  private static final HostConfiguration OLD = RuntimeFixture.config(2);

  private static ConfigUpdate setMinimumBackingVotes(int v) {
    return base -> base.withMinimumBackingVotes(v);
  }

  private static ConfigUpdate setMaxPovSize(int v) {
    return base -> base.withMaxPovSize(v);
  }

  @Test
  void config_changes_after_2_session_boundary() {
    PendingConfigs.Scheduling s = PendingConfigs.EMPTY.schedule(setMinimumBackingVotes(3), SessionIndex.of(0), OLD);
    HostConfiguration expected = OLD.withMinimumBackingVotes(3);
    assertThat(s.outcome()).isEqualTo(new ConfigUpdateOutcome.Scheduled(SessionIndex.of(2), expected));
    assertThat(s.pending().entries()).containsExactly(new PendingConfigs.Entry(SessionIndex.of(2), expected));

    PendingConfigs.SessionChange one = s.pending().onNewSession(SessionIndex.of(1), OLD);
    assertThat(one.newConfig()).isEqualTo(OLD); // one session passed, still waiting
    assertThat(one.pending().entries()).hasSize(1);

    PendingConfigs.SessionChange two = one.pending().onNewSession(SessionIndex.of(2), one.newConfig());
    assertThat(two.prevConfig()).isEqualTo(OLD);
    assertThat(two.newConfig()).isEqualTo(expected);
    assertThat(two.pending().entries()).isEmpty();
  }

  @Test
  void scheduled_session_is_two_sessions_from_now() {
    PendingConfigs.Scheduling s = PendingConfigs.EMPTY.schedule(setMinimumBackingVotes(3), SessionIndex.of(1), OLD);
    assertThat(((ConfigUpdateOutcome.Scheduled) s.outcome()).session()).isEqualTo(SessionIndex.of(3));
  }

  @Test
  void consecutive_changes_within_one_session() {
    PendingConfigs p = PendingConfigs.EMPTY.schedule(setMinimumBackingVotes(3), SessionIndex.of(0), OLD).pending();
    p = p.schedule(setMaxPovSize(1_000_000), SessionIndex.of(0), OLD).pending();
    HostConfiguration expected = OLD.withMaxPovSize(1_000_000).withMinimumBackingVotes(3);
    assertThat(p.entries()).containsExactly(new PendingConfigs.Entry(SessionIndex.of(2), expected));
  }

  @Test
  void pending_next_session_but_we_upgrade_once_more() {
    HostConfiguration first = OLD.withMinimumBackingVotes(3);
    PendingConfigs p = PendingConfigs.EMPTY.schedule(setMinimumBackingVotes(3), SessionIndex.of(0), OLD).pending();
    PendingConfigs.SessionChange s1 = p.onNewSession(SessionIndex.of(1), OLD);
    // in session 1 another change builds on the pending one and is due at session 3
    p = s1.pending().schedule(setMaxPovSize(1_000_000), SessionIndex.of(1), s1.newConfig()).pending();
    HostConfiguration second = first.withMaxPovSize(1_000_000);
    assertThat(p.entries()).containsExactly(
        new PendingConfigs.Entry(SessionIndex.of(2), first), new PendingConfigs.Entry(SessionIndex.of(3), second));
    PendingConfigs.SessionChange s2 = p.onNewSession(SessionIndex.of(2), OLD);
    assertThat(s2.newConfig()).isEqualTo(first);
    PendingConfigs.SessionChange s3 = s2.pending().onNewSession(SessionIndex.of(3), s2.newConfig());
    assertThat(s3.newConfig()).isEqualTo(second);
    assertThat(s3.pending().entries()).isEmpty();
  }

  @Test
  void inconsistentUpdateOfAConsistentBaseIsRefusedWithInvalidNewValue() {
    PendingConfigs.Scheduling s = PendingConfigs.EMPTY.schedule(setMinimumBackingVotes(0), SessionIndex.of(0), OLD);
    assertThat(s.outcome()).isEqualTo(new ConfigUpdateOutcome.InvalidNewValue(InconsistentError.ZERO_MINIMUM_BACKING_VOTES));
    assertThat(s.pending()).isEqualTo(PendingConfigs.EMPTY);
  }

  @Test
  void aSkippedSessionAppliesTheNewestDueEntry() {
    PendingConfigs p = PendingConfigs.EMPTY.schedule(setMinimumBackingVotes(3), SessionIndex.of(0), OLD).pending();
    p = p.schedule(setMaxPovSize(1_000_000), SessionIndex.of(1), OLD).pending();
    PendingConfigs.SessionChange c = p.onNewSession(SessionIndex.of(5), OLD);
    assertThat(c.newConfig().maxPovSize()).isEqualTo(1_000_000);
    assertThat(c.newConfig().minimumBackingVotes()).isEqualTo(3);
  }
}
