package io.parapipe.cli;

import io.parapipe.sweep.EngineOptions;
import io.parapipe.sweep.SweepEngine;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
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

  @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
      description = "Address of this machine to bind to (default: ${DEFAULT-VALUE}; give one "
          + "the other machines can reach).")
  String bind;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "5701",
      description = "First port to try (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--join", paramLabel = "HOST:PORT", split = ",",
      description = "Members already up to join (none: this is the first).")
  List<String> join = new ArrayList<>();

  @Option(names = "--workers", paramLabel = "K",
      description = "Runs at a time (default: this machine's cores).")
  Integer workers;

  @Option(names = "--cluster", paramLabel = "NAME", defaultValue = EngineOptions.CLUSTER,
      description = "Cluster name (default: ${DEFAULT-VALUE}).")
  String cluster;

  @Override
  public Integer call() throws InterruptedException {
    int k = workers == null ? Runtime.getRuntime().availableProcessors() : workers;
    if (k < 1 || k > 1024) {
      throw new UserError("--workers " + k + ": must be an integer from 1 to 1024");
    }
    SweepCommand.checkPort(port);
    SweepCommand.checkBindReachable(bind, join);
    SweepEngine engine = SweepEngine.start(new EngineOptions(k, bind, port, join, cluster));
    CountDownLatch stopped = new CountDownLatch(1);
    engine.whenStopped(stopped::countDown);
    Runtime.getRuntime().addShutdownHook(new Thread(engine::close, "parapipe-sweep-worker-stop"));
    PrintWriter out = spec.commandLine().getOut();
    out.println("sweep-worker " + engine.address() + " of cluster '" + cluster + "': " + k
        + " worker" + (k == 1 ? "" : "s") + ", " + engine.members() + " member"
        + (engine.members() == 1 ? "" : "s") + "; join with --join " + engine.address()
        + "; Ctrl-C stops");
    out.flush();
    stopped.await();
    return 0;
  }
}
