package io.parapipe.cli;

import io.parapipe.sim.results.RunResult;
import io.parapipe.sim.results.RunResult.ChainBlock;
import java.util.List;
import java.util.TreeSet;

/**
 * One row of {@code parapipe faults}: a run's liveness around its fault window, computed from the
 * per-block data of {@link RunResult.Relay#chain()} (authoring and finality time of every
 * best-chain block).
 *
 * <p>A block's finality lag is its finality time minus its authoring time; a block never
 * finalized counts up to the end of the run, as {@code relay.finality_lag_ms} does. A block is
 * <em>before</em>, <em>during</em> or <em>after</em> the fault by its authoring time against the
 * window {@code [from, until)}.
 *
 * <p><em>Blocks to recover</em>: let best(t) be the highest best-chain block authored by t and
 * fin(t) the highest finalized by t. Recovery is the first time t at or after the window's end
 * with best(t) - fin(t) at most {@link #RECOVERED_WITHIN_BLOCKS}; the figure is best(t) -
 * best(end), the relay blocks authored between the end of the fault and recovery (0: finality
 * was already within reach when the fault ended).
 *
 * @param scenario the scenario's name
 * @param window when its faults act
 * @param bestChain blocks on the final best chain
 * @param finalized the highest finalized block
 * @param unfinalizedTail best minus finalized at the end
 * @param lagBeforeMs mean finality lag of the blocks authored before the window; null for a
 *     whole-run fault or no such block
 * @param lagDuringMs the same for the blocks authored in the window (all blocks for a whole-run
 *     fault); null if none
 * @param lagAfterMs the same after the window; null for a whole-run fault or no such block
 * @param blocksToRecover see above; null for a whole-run fault or if finality never came back
 *     within reach before the end of the run
 * @param recovered true if finality came back within reach after the window
 * @param paraBlocksIncluded inclusions over all paras on the best chain
 * @param invariantViolations broken safety invariants
 * @param stalls finality stalls ({@code relay.finality_stalls})
 */
public record FaultFigures(
    String scenario,
    FaultWindow window,
    int bestChain,
    int finalized,
    int unfinalizedTail,
    Double lagBeforeMs,
    Double lagDuringMs,
    Double lagAfterMs,
    Integer blocksToRecover,
    boolean recovered,
    int paraBlocksIncluded,
    int invariantViolations,
    int stalls) {

  /** Finality is back when it is at most this many blocks behind the best block. */
  public static final int RECOVERED_WITHIN_BLOCKS = 2;

  /** The figures of {@code run}, whose faults act in {@code window}. */
  public static FaultFigures of(RunResult run, FaultWindow window) {
    List<ChainBlock> chain = run.relay().chain();
    double end = run.durationMs();
    double[] sum = new double[3];
    int[] count = new int[3];
    for (ChainBlock b : chain) {
      double fin = b.finalizedAtMs() == null ? end : b.finalizedAtMs();
      double lag = Math.max(0, fin - b.authoredAtMs());
      int phase = window.wholeRun() ? 1
          : b.authoredAtMs() < window.fromMs() ? 0
          : b.authoredAtMs() < window.untilMs() ? 1 : 2;
      sum[phase] += lag;
      count[phase]++;
    }
    Integer toRecover = null;
    boolean recovered = false;
    if (!window.wholeRun() && window.untilMs() <= end) {
      double faultEnd = window.untilMs();
      // The gap only narrows when something is finalized, so the end of the fault and the
      // finality times after it are the only moments to look at.
      TreeSet<Double> moments = new TreeSet<>();
      moments.add(faultEnd);
      for (ChainBlock b : chain) {
        if (b.finalizedAtMs() != null && b.finalizedAtMs() > faultEnd) {
          moments.add(b.finalizedAtMs());
        }
      }
      int bestAtEnd = best(chain, faultEnd);
      for (double t : moments) {
        int best = best(chain, t);
        if (best - finalized(chain, t) <= RECOVERED_WITHIN_BLOCKS) {
          toRecover = best - bestAtEnd;
          recovered = true;
          break;
        }
      }
    }
    int included = 0;
    for (RunResult.Para p : run.paras()) {
      included += p.included();
    }
    return new FaultFigures(run.name(), window, run.relay().blocks(), run.relay().finalized(),
        run.relay().unfinalizedTail(), mean(sum, count, 0, window), mean(sum, count, 1, window),
        mean(sum, count, 2, window), toRecover, recovered, included,
        run.invariants().violations().size(), run.relay().finalityStalls().size());
  }

  private static Double mean(double[] sum, int[] count, int phase, FaultWindow window) {
    if (count[phase] == 0 || (window.wholeRun() && phase != 1)) {
      return null;
    }
    return Math.round(sum[phase] / count[phase] * 10) / 10.0;
  }

  /** The highest best-chain block authored at or before {@code t} (0: genesis). */
  private static int best(List<ChainBlock> chain, double t) {
    int best = 0;
    for (ChainBlock b : chain) {
      if (b.authoredAtMs() <= t) {
        best = Math.max(best, b.number());
      }
    }
    return best;
  }

  /** The highest best-chain block finalized at or before {@code t} (0: genesis). */
  private static int finalized(List<ChainBlock> chain, double t) {
    int fin = 0;
    for (ChainBlock b : chain) {
      if (b.finalizedAtMs() != null && b.finalizedAtMs() <= t) {
        fin = Math.max(fin, b.number());
      }
    }
    return fin;
  }
}
