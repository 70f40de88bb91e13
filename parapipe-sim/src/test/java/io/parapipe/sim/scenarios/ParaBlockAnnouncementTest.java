package io.parapipe.sim.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.events.CandidateSeconded;
import io.parapipe.protocol.events.ParaBlockAnnounced;
import io.parapipe.protocol.events.ParaBlockAuthored;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.sim.results.Runs;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * When a collator gossips its block to the para's other collators, as cumulus does it: the basic
 * collator waits until a validator seconded the block ({@code announce_with_barrier} and
 * {@code WaitToAnnounce}), the lookahead collator announces it as soon as it is built.
 */
class ParaBlockAnnouncementTest {
  /** First time of each kind of event per candidate. */
  private static final class Times {
    final Map<Hash, Long> authored = new HashMap<>();
    final Map<Hash, Long> seconded = new HashMap<>();
    final Map<Hash, Long> announced = new HashMap<>();
    int announcements;
  }

  private static Times run(String scenario) {
    Times t = new Times();
    Runs.run(Networks.shipped(scenario, "2m"), Optional.empty(), x -> {}, List.of((at, node, e) -> {
      if (e instanceof ParaBlockAuthored a) {
        t.authored.putIfAbsent(a.candidate(), at);
      } else if (e instanceof CandidateSeconded s) {
        t.seconded.putIfAbsent(s.candidate(), at);
      } else if (e instanceof ParaBlockAnnounced a) {
        t.announcements++;
        t.announced.putIfAbsent(a.candidate(), at);
      }
    }));
    return t;
  }

  @Test
  void theBasicCollatorAnnouncesABlockOnlyAfterAValidatorSecondedIt() {
    Times t = run("sync.toml");
    assertThat(t.announced).hasSizeGreaterThan(20);
    assertThat(t.announcements).isEqualTo(t.announced.size());
    for (Map.Entry<Hash, Long> a : t.announced.entrySet()) {
      Long seconded = t.seconded.get(a.getKey());
      assertThat(seconded).as("announced but never seconded").isNotNull();
      // The CollationSeconded message travels from the validator to the collator.
      assertThat(a.getValue()).isGreaterThan(seconded).isGreaterThan(t.authored.get(a.getKey()));
    }
    // Seconded (at least a second before the run's end, so the message has arrived): announced.
    for (Hash c : t.authored.keySet()) {
      Long seconded = t.seconded.get(c);
      if (seconded != null && seconded < 119_000_000L) {
        assertThat(t.announced).containsKey(c);
      }
    }
    assertThat(t.seconded.keySet()).containsAll(t.announced.keySet());
  }

  @Test
  void theLookaheadCollatorAnnouncesEachBlockAsSoonAsItIsBuilt() {
    Times t = run("async.toml");
    assertThat(t.authored).hasSizeGreaterThan(20);
    assertThat(t.announced).isEqualTo(t.authored);
  }
}
