package io.parapipe.cli;

import io.parapipe.sim.kernel.KernelWorkload;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code parapipe bench}: measures parapipe's own performance. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Measure parapipe's own performance.",
    subcommands = {BenchCommand.Kernel.class})
public final class BenchCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code parapipe bench kernel}: events per second of the simulation kernel. */
  @Command(
      name = "kernel",
      mixinStandardHelpOptions = true,
      description = {
        "Events per second of the simulation kernel.",
        "A synthetic message-passing network: each node passes tokens to random nodes,",
        "sometimes gossips to its group and runs heartbeat timers, over the default network",
        "(40 ms latency, exponential jitter of mean 20 ms, 1 Gbit/s). A warm-up run on a",
        "separate network comes first."
      })
  static final class Kernel implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--nodes", defaultValue = "1000", description = "Nodes (default: ${DEFAULT-VALUE}).")
    int nodes;

    @Option(
        names = "--events",
        defaultValue = "20000000",
        description = "Events to measure (default: ${DEFAULT-VALUE}).")
    long events;

    @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
        names = "--fanout",
        defaultValue = "8",
        description = "Receivers of each gossip broadcast; 0 disables gossip (default: ${DEFAULT-VALUE}).")
    int fanout;

    @Option(
        names = "--broadcast-every",
        defaultValue = "16",
        description = "A token reception gossips once in this many, on average (default: ${DEFAULT-VALUE}).")
    int broadcastEvery;

    @Option(
        names = "--warmup",
        defaultValue = "5000000",
        description = "Events of the warm-up run, not measured; 0 skips it (default: ${DEFAULT-VALUE}).")
    long warmup;

    @Override
    public Integer call() {
      check(nodes >= 2, "--nodes " + nodes + " is too small", "use at least 2");
      check(events >= 1, "--events " + events + " is not positive", "use at least 1");
      check(warmup >= 0, "--warmup " + warmup + " is negative", "use 0 to skip the warm-up");
      check(
          fanout >= 0 && fanout < nodes,
          "--fanout " + fanout + " is out of range",
          "use 0 to " + (nodes - 1) + " (fewer than --nodes)");
      check(broadcastEvery >= 1, "--broadcast-every " + broadcastEvery + " is not positive", "use at least 1");

      PrintWriter out = spec.commandLine().getOut();
      out.printf(
          Locale.ROOT,
          "kernel benchmark: %d nodes, gossip to %d once in %d receptions, seed %d%n",
          nodes, fanout, broadcastEvery, seed);
      out.printf(
          Locale.ROOT,
          "JVM %s (%s), %d processors available%n",
          System.getProperty("java.version"),
          System.getProperty("java.vm.name"),
          Runtime.getRuntime().availableProcessors());
      out.flush();
      if (warmup > 0) {
        new KernelWorkload(nodes, fanout, broadcastEvery, seed).runEvents(warmup);
      }
      KernelWorkload workload = new KernelWorkload(nodes, fanout, broadcastEvery, seed);
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      boolean cpuTimed = threads.isCurrentThreadCpuTimeSupported();
      long cpuStart = cpuTimed ? threads.getCurrentThreadCpuTime() : 0;
      long start = System.nanoTime();
      long done = workload.runEvents(events);
      long wallNanos = System.nanoTime() - start;
      long cpuNanos = cpuTimed ? threads.getCurrentThreadCpuTime() - cpuStart : 0;
      double seconds = wallNanos / 1e9;
      out.printf(Locale.ROOT, "warm-up     %,d events%n", warmup);
      out.printf(Locale.ROOT, "events      %,d%n", done);
      out.printf(Locale.ROOT, "virtual     %.1f s%n", workload.engine().now() / 1e6);
      out.printf(Locale.ROOT, "wall        %.2f s%n", seconds);
      out.printf(Locale.ROOT, "events/s    %.2f M%n", done / seconds / 1e6);
      if (cpuTimed && cpuNanos > 0) {
        // On a shared machine the wall figure includes time the thread waited for a core.
        out.printf(
            Locale.ROOT,
            "cpu         %.2f s (%.2f M events per cpu-second)%n",
            cpuNanos / 1e9,
            done / (cpuNanos / 1e9) / 1e6);
      }
      out.flush();
      return 0;
    }

    private static void check(boolean ok, String what, String hint) {
      if (!ok) {
        throw new UserError(what + ", on the command line; " + hint);
      }
    }
  }
}
