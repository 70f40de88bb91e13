package io.parapipe.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import io.parapipe.sim.results.ResultsJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a planned sweep into an output directory: {@code runs/<id>.json} per run, then
 * {@code sweep.csv} and {@code sweep.html}.
 *
 * <p>Resuming: a run whose file already exists, reads as {@code parapipe.run/1} and carries the
 * run's exact effective configuration is finished and is not run again; any other file of that
 * name is replaced. Files are written to a temporary name and moved into place, so an
 * interrupted sweep leaves no half-written run behind.
 */
public final class Sweep {
  private Sweep() {}

  /** Sees a sweep's progress; called on the sweep's thread. */
  public interface Listener {
    /**
     * The sweep is about to start.
     *
     * @param total runs in the plan
     * @param finished runs already finished in the output directory (skipped)
     * @param workers runs at a time over the cluster
     */
    default void started(int total, int finished, int workers) {}

    /** A run finished; {@code done} counts finished runs, skipped ones included. */
    default void finished(RunSpec run, RunOutcome outcome, int done, int total) {}
  }

  /**
   * What a sweep did.
   *
   * @param total runs in the plan
   * @param skipped runs found finished in the output directory
   * @param ran runs run now
   * @param csv the table written
   * @param html the report written
   */
  public record Summary(int total, int skipped, int ran, Path csv, Path html) {}

  /**
   * Runs the sweep.
   *
   * @throws SweepUserError if the output directory cannot be written
   * @throws InterruptedException if interrupted while runs are under way (finished runs are kept)
   */
  public static Summary run(SweepPlan plan, Path out, SweepEngine engine, Listener listener)
      throws InterruptedException {
    Path runsDir = out.resolve("runs");
    try {
      Files.createDirectories(runsDir);
    } catch (IOException e) {
      throw new SweepUserError("cannot create the output directory " + runsDir + ": "
          + e.getMessage(), e);
    }
    Map<String, RunSpec> byId = new LinkedHashMap<>();
    List<RunTask> pending = new ArrayList<>();
    int finished = 0;
    for (RunSpec r : plan.runs()) {
      byId.put(r.id(), r);
      if (isFinished(r, runFile(out, r))) {
        finished++;
      } else {
        pending.add(new RunTask(r));
      }
    }
    int total = plan.runs().size();
    listener.started(total, finished, engine.workers());
    int[] done = {finished};
    engine.run(pending, outcome -> {
      RunSpec r = byId.get(outcome.id());
      writeAtomically(runFile(out, r), outcome.resultsJson());
      listener.finished(r, outcome, ++done[0], total);
    });

    Map<String, JsonNode> results = new LinkedHashMap<>();
    for (RunSpec r : plan.runs()) {
      results.put(r.id(), ResultsJson.read(runFile(out, r)));
    }
    Path csv = out.resolve("sweep.csv");
    writeAtomically(csv, SweepTable.csv(plan, results));
    Path html = out.resolve("sweep.html");
    writeAtomically(html, SweepReport.html(plan, results));
    return new Summary(total, finished, pending.size(), csv, html);
  }

  /** The results file of a run. */
  public static Path runFile(Path out, RunSpec run) {
    return out.resolve("runs").resolve(run.id() + ".json");
  }

  /** True if {@code file} holds the finished results of exactly this run. */
  static boolean isFinished(RunSpec run, Path file) {
    if (!Files.isRegularFile(file)) {
      return false;
    }
    try {
      JsonNode r = ResultsJson.read(file);
      return r.path("config").equals(run.config()) && r.path("seed").asLong() == run.seed();
    } catch (RuntimeException unreadable) {
      return false; // a damaged or foreign file: run again and replace it
    }
  }

  private static void writeAtomically(Path file, String text) {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new SweepUserError("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
