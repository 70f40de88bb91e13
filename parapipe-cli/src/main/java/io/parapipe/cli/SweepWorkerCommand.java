package io.parapipe.cli;

import io.parapipe.sweep.SweepEngine;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code parapipe sweep-worker}: a Hazelcast member that runs the runs of sweeps started with
 * {@code parapipe sweep --join}, until it is stopped.
 */
@Command(
    name = "sweep-worker",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Starts a sweep worker: a member of the sweep engine's cluster (Hazelcast) that runs "
          + "sweep runs until stopped (Ctrl-C). Start one per machine; the first needs no "
          + "--join, the others --join HOST:PORT of one already up. Then run "
          + "'parapipe sweep ... --join HOST:PORT --bind THIS_HOST' from any machine.",
      "",
      "Every member must run the same parapipe version. The cluster has no authentication: "
          + "use it on a trusted network only.",
      ""
    },
    footer = {"", "Exit status: 0 after a stop, 2 bad input, 1 internal error. See docs/sweep.md."})
public final class SweepWorkerCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ClusterOptions cluster;

  @Option(names = "--workers", paramLabel = "K",
      description = "Runs at a time (default: this machine's cores).")
  Integer workers;

  @Override
  public Integer call() throws InterruptedException {
    int k = workers == null ? Runtime.getRuntime().availableProcessors() : workers;
    if (k < 1 || k > 1024) {
      throw new UserError("--workers " + k + ": must be an integer from 1 to 1024");
    }
    SweepEngine engine = SweepEngine.start(cluster.engine(k));
    CountDownLatch stopped = new CountDownLatch(1);
    engine.whenStopped(stopped::countDown);
    Runtime.getRuntime().addShutdownHook(new Thread(engine::close, "parapipe-sweep-worker-stop"));
    PrintWriter out = spec.commandLine().getOut();
    out.println("sweep-worker " + engine.address() + " of cluster '" + cluster.cluster + "': " + k
        + " worker" + (k == 1 ? "" : "s") + ", " + engine.members() + " member"
        + (engine.members() == 1 ? "" : "s") + "; join with --join " + engine.address()
        + "; Ctrl-C stops");
    out.flush();
    stopped.await();
    return 0;
  }
}
