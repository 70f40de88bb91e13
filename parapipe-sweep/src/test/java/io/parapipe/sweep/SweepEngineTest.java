package io.parapipe.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.parapipe.sim.scenario.ScenarioLoader;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sweeps on real Hazelcast members on loopback: an interrupted sweep resumes without redoing
 * finished runs, and the runs of a member that dies mid-sweep are redone by the other.
 */
class SweepEngineTest {
  /** A tiny async network: a run takes a fraction of a second. */
  static final String TINY = """
      name = "tiny"
      duration = "36s"
      [network]
      validators = 4
      paras = 2
      collators_per_para = 1
      [relay]
      num_cores = 2
      max_candidate_depth = 2
      allowed_ancestry_len = 1
      scheduling_lookahead = 2
      needed_approvals = 2
      [para]
      consensus_hook = "fixed-velocity"
      unincluded_segment_capacity = 2
      slot_duration = "6s"
      allow_multiple_blocks_per_slot = true
      minimum_period = "0s"
      relay_number_policy = "monotonically-increases"
      [collator]
      kind = "lookahead"
      """;

  static SweepPlan plan(String duration, int seeds, String... grid) {
    List<GridAxis> axes = new ArrayList<>();
    for (String g : grid) {
      axes.add(GridAxis.parse(g));
    }
    return SweepPlan.of(ScenarioLoader.parseTree(TINY, "tiny.toml"), "tiny.toml", axes, seeds,
        duration);
  }

  static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static EngineOptions loopback(int workers, int port, List<String> join) {
    return new EngineOptions(workers, "127.0.0.1", port, join, "parapipe-test-" + CLUSTER);
  }

  /** A cluster name of this test run only, so parallel builds never join each other. */
  static final long CLUSTER = ProcessHandle.current().pid();

  @Test
  void anInterruptedSweepResumesWithoutRedoingFinishedRuns(@TempDir Path out) throws Exception {
    SweepPlan plan = plan(null, 2, "relay.max_candidate_depth=1,2", "para.unincluded_segment_capacity=2,3");
    assertThat(plan.runs()).hasSize(8);
    int port = freePort();

    // First attempt: interrupted (the thread is interrupted) after three runs are written.
    AtomicReference<Throwable> failure = new AtomicReference<>();
    CountDownLatch three = new CountDownLatch(3);
    Thread first = new Thread(() -> {
      try (SweepEngine engine = SweepEngine.start(loopback(1, port, List.of()))) {
        Sweep.run(plan, out, engine, new Sweep.Listener() {
          @Override
          public void finished(RunSpec run, RunOutcome o, int done, int total) {
            three.countDown();
            if (three.getCount() == 0) {
              Thread.currentThread().interrupt();
            }
          }
        });
      } catch (InterruptedException expected) {
        // the interruption we asked for
      } catch (Throwable t) {
        failure.set(t);
      }
    });
    first.start();
    first.join(TimeUnit.MINUTES.toMillis(3));
    assertThat(failure.get()).isNull();
    List<Path> written = runFiles(out);
    assertThat(written).hasSizeBetween(3, 7);
    assertThat(out.resolve("sweep.csv")).doesNotExist();
    Map<Path, Long> modified = new HashMap<>();
    for (Path p : written) {
      modified.put(p, Files.getLastModifiedTime(p).toMillis());
    }

    // Second attempt: the same sweep into the same directory runs only what is missing.
    List<String> ranNow = Collections.synchronizedList(new ArrayList<>());
    Sweep.Summary summary;
    try (SweepEngine engine = SweepEngine.start(loopback(2, port, List.of()))) {
      summary = Sweep.run(plan, out, engine, new Sweep.Listener() {
        @Override
        public void finished(RunSpec run, RunOutcome o, int done, int total) {
          ranNow.add(run.id());
        }
      });
    }
    assertThat(summary.skipped()).isEqualTo(written.size());
    assertThat(summary.ran()).isEqualTo(8 - written.size());
    assertThat(ranNow).hasSize(8 - written.size());
    for (Path p : written) {
      assertThat(ranNow).doesNotContain(p.getFileName().toString().replace(".json", ""));
      assertThat(Files.getLastModifiedTime(p).toMillis()).isEqualTo(modified.get(p));
    }
    assertThat(runFiles(out)).hasSize(8);
    List<String> csv = Files.readAllLines(out.resolve("sweep.csv"));
    assertThat(csv).hasSize(1 + 8);
    assertThat(csv.get(0)).startsWith("relay.max_candidate_depth,para.unincluded_segment_capacity,seed,run,");
    assertThat(Files.readString(out.resolve("sweep.html"))).contains("<svg", "heatmap");

    // A run whose file holds another configuration is not finished: it runs again.
    Path one = Sweep.runFile(out, plan.runs().get(0));
    JsonNode other = plan("48s", 2, "relay.max_candidate_depth=1,2",
        "para.unincluded_segment_capacity=2,3").runs().get(0).config();
    assertThat(Sweep.isFinished(plan.runs().get(0), one)).isTrue();
    assertThat(other).isNotEqualTo(plan.runs().get(0).config());
  }

  @Test
  void theRunsOfAMemberThatDiesAreRedoneByTheOther(@TempDir Path out) throws Exception {
    SweepPlan plan = plan("2m", 4, "relay.max_candidate_depth=1,2");
    int port = freePort();
    try (SweepEngine a = SweepEngine.start(loopback(1, port, List.of()));
        SweepEngine b = SweepEngine.start(loopback(1, port + 1,
            List.of("127.0.0.1:" + port)))) {
      assertThat(a.members()).isEqualTo(2);
      String bAddress = b.address();
      List<RunOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());
      AtomicReference<Throwable> failure = new AtomicReference<>();
      Thread sweep = new Thread(() -> {
        try {
          Sweep.run(plan, out, a, new Sweep.Listener() {
            @Override
            public void finished(RunSpec run, RunOutcome o, int done, int total) {
              outcomes.add(o);
            }
          });
        } catch (Throwable t) {
          failure.set(t);
        }
      });
      sweep.start();
      // Let b finish one run, so it is surely in the middle of its next one, then kill it.
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
      while (outcomes.stream().noneMatch(o -> o.member().equals(bAddress))
          && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(outcomes).anyMatch(o -> o.member().equals(bAddress));
      int doneByB = (int) outcomes.stream().filter(o -> o.member().equals(bAddress)).count();
      b.hazelcast().getLifecycleService().terminate();
      sweep.join(TimeUnit.MINUTES.toMillis(4));
      assertThat(failure.get()).isNull();
      assertThat(sweep.isAlive()).isFalse();

      // Every run is there, once, and b's unfinished runs were done by a.
      assertThat(runFiles(out)).hasSize(8);
      Set<String> ids = new HashSet<>();
      for (RunOutcome o : outcomes) {
        ids.add(o.id());
      }
      assertThat(ids).hasSize(8);
      long byB = outcomes.stream().filter(o -> o.member().equals(bAddress)).count();
      assertThat(byB).isLessThan(4).isGreaterThanOrEqualTo(doneByB);
      assertThat(Files.readAllLines(out.resolve("sweep.csv"))).hasSize(9);
    }
  }

  @Test
  void anUnreachableClusterIsAUserError() throws Exception {
    int port = freePort();
    assertThatThrownBy(() -> SweepEngine.start(loopback(1, freePort(),
        List.of("127.0.0.1:" + port))))
        .isInstanceOf(SweepUserError.class)
        .hasMessageContaining("cannot reach the cluster at 127.0.0.1:" + port);
  }

  static List<Path> runFiles(Path out) throws Exception {
    try (var s = Files.list(out.resolve("runs"))) {
      return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }
}
