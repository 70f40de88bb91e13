package io.parapipe.sim.results;

import io.parapipe.sim.Traffic;
import io.parapipe.protocol.events.BlockFinalized;
import io.parapipe.protocol.events.CandidateAttested;
import io.parapipe.protocol.events.CandidateBackedEvent;
import io.parapipe.protocol.events.CandidateIncludedEvent;
import io.parapipe.protocol.events.CandidateRejected;
import io.parapipe.protocol.events.CandidateTimedOutEvent;
import io.parapipe.protocol.events.ParaBlockAuthored;
import io.parapipe.protocol.events.RelayBlockAuthored;
import io.parapipe.protocol.events.RelayBlockImported;
import io.parapipe.protocol.events.RuntimePanicEvent;
import io.parapipe.protocol.host.ProtocolEvent;
import io.parapipe.protocol.para.runtime.ParaBlockHeader;
import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.HeadData;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.sim.EventObserver;
import io.parapipe.sim.SimulationSummary;
import io.parapipe.sim.scenario.Scenario;
import io.parapipe.sim.scenario.ScenarioLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small hand-built event stream: 4 validators (nodes 0-3), one para (2000) with collators 10 and
 * 11, 6 s slots, 36 s run. Relay blocks (number/slot, time):
 *
 * <pre>
 *   G ── B1 (1/1, 6 s) ─┬─ B2  (2/2, 12.00 s)  fork; backs C1 and C4
 *                       └─ B2' (2/2, 12.05 s) ── B3 (3/3, 18 s) ─┬─ B5a (4/5, 30 s) hash 0x80…
 *                                                              └─ B5b (4/5, 30 s) hash 0x01…
 * </pre>
 *
 * Slot 4 is missed. B5a and B5b tie on number; B5b wins on the unsigned-lower hash (a signed
 * comparison would pick B5a). Best chain: B1, B2', B3, B5b.
 *
 * <p>Para blocks: C1 (#1), C4 and C5 and C2 (#2, forks), C6 (#3). On the best chain: C1 backed in
 * B2', included in B3; C5, C2, C6 backed in B3; C5 timed out in B5b; C2, C6 included in B5b.
 * Finality (supermajority 3 of 4): B1 at 22 s, B2' and B3 at 31 s, B5b never; collator 10's
 * BlockFinalized must not count.
 *
 * <p>Backers (authorities) of the inclusions: C1 in B3 by 1 and 2; C2 by 2 and 3 in B5a, by 0 and
 * 1 in B5b; C6 by 3 in both. Era points on the best chain (20 per authored block, 20 per backer of
 * an included candidate): validator 0 40 (B1, C2), 1 40 (C1, C2), 2 60 (B2', B5b, C1), 3 40 (B3,
 * C6); counting the forks B2 and B5a too would give 60, 60, 80, 60.
 */
final class SyntheticRun {
  private SyntheticRun() {}

  static final Hash GENESIS = Hash.fromLong(0x6e6e);
  static final Hash B1 = Hash.fromLong(0xb1);
  static final Hash B2 = Hash.fromLong(0xb2);
  static final Hash B2X = Hash.fromLong(0xb22);
  static final Hash B3 = Hash.fromLong(0xb3);
  static final Hash B5A = Hash.fromLong(0x8000_0000_0000_0000L);
  static final Hash B5B = Hash.fromLong(0x0100_0000_0000_0000L);
  static final Hash C1 = Hash.fromLong(0xc1);
  static final Hash C2 = Hash.fromLong(0x22);
  static final Hash C4 = Hash.fromLong(0xc4);
  static final Hash C5 = Hash.fromLong(0x05);
  static final Hash C6 = Hash.fromLong(0xc6);
  static final ParaId P = ParaId.of(2000);

  static Scenario scenario() {
    return ScenarioLoader.parse("""
        name = "synthetic"
        seed = 7
        duration = "36s"
        [network]
        validators = 4
        paras = 1
        [relay]
        num_cores = 3
        session_length = 2
        [[upgrades]]
        at_relay_block = 1
        relay = { max_candidate_depth = 2 }
        [[upgrades]]
        at_relay_block = 3
        collator = { authoring_duration = "1s" }
        [[upgrades]]
        at_relay_block = 10
        collator = { kind = "lookahead" }
        """, "synthetic.toml");
  }

  static SimulationSummary summary() {
    return new SimulationSummary(1000, 5000, 640_000,
        List.of(new Traffic("Vote", 5000, 640_000)),
        // Over the 36 s: 1, 2, 3 and 4 Mbit/s sent, 2 Mbit/s received by each validator.
        new long[] {4_500_000, 9_000_000, 13_500_000, 18_000_000},
        new long[] {9_000_000, 9_000_000, 9_000_000, 9_000_000}, 250, 36_000_000L,
        List.of(0, 1, 2, 3),
        Map.of(2000, List.of(10, 11)));
  }

  /** One timed event as the kernel would deliver it. */
  record Timed(long t, int node, ProtocolEvent event) {}

  static List<Timed> events() {
    List<Timed> e = new ArrayList<>();
    e.add(new Timed(6_000_000, 0, relay(B1, 1, 1, GENESIS)));
    e.add(new Timed(6_040_000, 1, new RelayBlockImported(B1, 1, true)));
    e.add(new Timed(7_000_000, 10, para(1, C1, 1, 500_000, 400_000_000_000L, 1000, 1)));
    e.add(new Timed(9_000_000, 2, new CandidateAttested(P, C1)));
    e.add(new Timed(12_000_000, 1, relay(B2, 2, 2, B1)));
    e.add(new Timed(12_000_000, 1, new CandidateBackedEvent(B2, 2, P, C1, CoreIndex.of(0), 1)));
    e.add(new Timed(12_000_000, 1, new CandidateBackedEvent(B2, 2, P, C4, CoreIndex.of(1), 2)));
    e.add(new Timed(12_050_000, 2, relay(B2X, 2, 2, B1)));
    e.add(new Timed(12_050_000, 2, new CandidateBackedEvent(B2X, 2, P, C1, CoreIndex.of(0), 1)));
    e.add(new Timed(12_500_000, 11, para(2, C4, 2, 400_000, 1_000_000_000L, 100, 2)));
    e.add(new Timed(13_000_000, 11, para(2, C5, 2, 100_000, 10_000_000_000L, 100, 1)));
    // Runtime events of B3 reach the collector before the block's own authoring event.
    e.add(new Timed(18_000_000, 3, new CandidateIncludedEvent(B3, 3, P, C1, CoreIndex.of(0), paraHead(1),
        List.of(1, 2))));
    e.add(new Timed(18_000_000, 3, new CandidateBackedEvent(B3, 3, P, C5, CoreIndex.of(0), 2)));
    e.add(new Timed(18_000_000, 3, relay(B3, 3, 3, B2X)));
    e.add(new Timed(18_000_000, 3, new CandidateBackedEvent(B3, 3, P, C2, CoreIndex.of(1), 3)));
    e.add(new Timed(18_000_000, 3, new CandidateBackedEvent(B3, 3, P, C6, CoreIndex.of(2), 3)));
    e.add(new Timed(19_000_000, 11, para(2, C2, 3, 300_000, 100_000_000_000L, 500, 2)));
    e.add(new Timed(19_500_000, 10, para(3, C6, 3, 200_000, 50_000_000_000L, 250, 3)));
    e.add(new Timed(20_000_000, 0, new BlockFinalized(B3, 3)));
    e.add(new Timed(21_000_000, 1, new BlockFinalized(B2X, 2)));
    e.add(new Timed(22_000_000, 2, new BlockFinalized(B1, 1)));
    e.add(new Timed(22_500_000, 2, new BlockFinalized(GENESIS, 0)));
    e.add(new Timed(23_000_000, 1, new BlockFinalized(B3, 3)));
    e.add(new Timed(23_500_000, 1, new BlockFinalized(B3, 3)));
    e.add(new Timed(24_123_400, 11, new RuntimePanicEvent(P, 4, "Slot must increase")));
    e.add(new Timed(25_000_000, 10, new BlockFinalized(B3, 3)));
    // One collation two validators found invalid, and one the collator protocol refused.
    e.add(new Timed(25_100_000, 1, new CandidateRejected(P, Hash.fromLong(0xbad), B3,
        CandidateRejected.CANDIDATE_VALIDATION, "CommitmentsHashMismatch")));
    e.add(new Timed(25_200_000, 2, new CandidateRejected(P, Hash.fromLong(0xbad), B3,
        CandidateRejected.CANDIDATE_VALIDATION, "CommitmentsHashMismatch")));
    e.add(new Timed(25_300_000, 3, new CandidateRejected(P, Hash.fromLong(0xbad2), B3,
        CandidateRejected.COLLATOR_PROTOCOL, "InvalidCoreIndex(1, 0)")));
    e.add(new Timed(26_000_000, 10, new RuntimePanicEvent(P, 4,
        "no space left for the block in the unincluded segment")));
    e.add(new Timed(27_000_000, 11, new RuntimePanicEvent(P, 4, "Slot must increase")));
    e.add(new Timed(30_000_000, 0, relay(B5A, 4, 5, B3)));
    e.add(new Timed(30_000_000, 0, new CandidateIncludedEvent(B5A, 4, P, C2, CoreIndex.of(1), paraHead(2),
        List.of(2, 3))));
    e.add(new Timed(30_000_000, 0, new CandidateIncludedEvent(B5A, 4, P, C6, CoreIndex.of(2), paraHead(3),
        List.of(3))));
    e.add(new Timed(30_000_000, 2, relay(B5B, 4, 5, B3)));
    e.add(new Timed(30_000_000, 2, new CandidateTimedOutEvent(B5B, 4, P, C5, CoreIndex.of(0))));
    e.add(new Timed(30_000_000, 2, new CandidateIncludedEvent(B5B, 4, P, C2, CoreIndex.of(1), paraHead(2),
        List.of(0, 1))));
    e.add(new Timed(30_000_000, 2, new CandidateIncludedEvent(B5B, 4, P, C6, CoreIndex.of(2), paraHead(3),
        List.of(3))));
    e.add(new Timed(31_000_000, 3, new BlockFinalized(B5B, 4)));
    return e;
  }

  static void feed(EventObserver o) {
    for (Timed t : events()) {
      o.onEvent(t.t(), t.node(), t.event());
    }
  }

  static RunResult result() {
    MetricsCollector c = new MetricsCollector();
    feed(c);
    return c.result(scenario(), summary());
  }

  /** The scenario's upgrade makes the relay asynchronous (depth 2) from block 2 on. */
  private static RelayBlockAuthored relay(Hash h, int number, long slot, Hash parent) {
    return new RelayBlockAuthored(h, number, slot, parent, List.of(), List.of(), List.of(), 0,
        number >= 2 ? 2 : 0);
  }

  private static ParaBlockAuthored para(int number, Hash candidate, int relayParent,
      long authoringUs, long refTimePs, int pov, int segment) {
    return new ParaBlockAuthored(P, number, Hash.fromLong(0xa000 + candidate.byteAt(7)),
        Hash.fromLong(0xa000 + number - 1), relayParent, Hash.fromLong(relayParent), candidate,
        refTimePs, pov, authoringUs, 100 + number, segment, "basic");
  }

  /** The head data of a para block numbered {@code number}, as the para runtime encodes it. */
  private static HeadData paraHead(int number) {
    return new ParaBlockHeader(Hash.ZERO, number, Hash.ZERO, Hash.ZERO, List.of()).headData();
  }
}
