package io.parapipe.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.parapipe.sim.Traffic;
import io.parapipe.sim.kernel.KernelWorkload;
import io.parapipe.sim.results.RunResult;
import io.parapipe.sim.results.Runs;
import io.parapipe.sim.scenario.Scenario;
import io.parapipe.sim.scenario.ScenarioLoader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
    subcommands = {BenchCommand.Kernel.class, BenchCommand.Scale.class})
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

  /**
   * {@code parapipe bench scale}: how the cost of a Polkadot-like network grows with its size. Runs
   * the base scenario at several validator counts (one para and one core per five validators) and
   * prints CPU seconds per simulated minute, events and transfers per relay block per validator,
   * the validators' mean upload, peak heap, and the growth exponent between points.
   */
  @Command(
      name = "scale",
      mixinStandardHelpOptions = true,
      description = "How simulation cost grows with the network: runs a scenario at several "
          + "validator counts (paras and cores = validators / 5) and prints CPU seconds per "
          + "simulated minute, events and transfers (messages put on the network, one per "
          + "receiver) per relay block per validator, the validators' mean upload, peak heap and "
          + "the growth exponent between "
          + "points. The points run one after the other in this JVM, smallest first, after an "
          + "unreported warm-up run of each point (so that the JIT's work is not billed to them). "
          + "With --repeat the points run that many times in turn, and the growth is taken "
          + "between medians.")
  static final class Scale implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--validators",
        defaultValue = "100,200,500",
        paramLabel = "N,N,...",
        description = "Validator counts, increasing, multiples of 5 (default: ${DEFAULT-VALUE}).")
    String validators;

    @Option(
        names = "--duration",
        defaultValue = "2m",
        paramLabel = "DUR",
        description = "Virtual time per point, like 2m or 30s (default: ${DEFAULT-VALUE}).")
    String duration;

    @Option(
        names = "--scenario",
        defaultValue = "polkadot-scale",
        paramLabel = "NAME|FILE",
        description = "Base scenario: a shipped scenario's name or a TOML file (default: ${DEFAULT-VALUE}).")
    String scenario;

    @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
        names = "--warmup",
        defaultValue = "1m",
        paramLabel = "DUR",
        description = "Virtual time of the unreported warm-up run of each point; 0s for none "
            + "(default: ${DEFAULT-VALUE}).")
    String warmup;

    @Option(
        names = "--repeat",
        defaultValue = "3",
        paramLabel = "N",
        description = "Runs of each point, taken in turn (all points, then all again), so that a "
            + "machine whose speed drifts weighs on every point alike, and a first pass still "
            + "slowed by the JIT is outvoted; the growth is taken between the medians (default: "
            + "${DEFAULT-VALUE}).")
    int repeat;

    @Override
    public Integer call() {
      List<Integer> points = ScalePoints.parseValidators(validators);
      if (repeat < 1 || repeat > MAX_REPEAT) {
        throw new UserError("--repeat " + repeat + ": must be from 1 to " + MAX_REPEAT);
      }
      long durationMicros = SimulateCommand.durationMicros(duration);
      JsonNode base = baseTree();
      PrintWriter out = spec.commandLine().getOut();
      out.printf(Locale.ROOT, "scale benchmark: %s, %s of virtual time per point, seed %d%n",
          scenario, duration, seed);
      out.printf(Locale.ROOT, "JVM %s (%s), %d processors available, max heap %.1f GB%n",
          System.getProperty("java.version"), System.getProperty("java.vm.name"),
          Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / 1e9);
      out.println();
      out.printf(Locale.ROOT, "%10s %6s %8s %8s %13s %13s %12s %12s %11s %10s %7s %9s%n",
          "validators", "paras", "cpu s", "wall s", "cpu s/sim min", "events", "ev/block/val",
          "tr/block/val", "up Mbit/s", "peak heap", "blocks", "finalized");
      out.flush();
      if (!warmup.matches("0+(\\.0+)?(s|ms|m)?")) {
        try {
          SimulateCommand.durationMicros(warmup);
        } catch (RuntimeException e) {
          throw new UserError("--warmup " + warmup + ": must be a duration like 1m or 30s, or 0s "
              + "for no warm-up run");
        }
        // Without it each point pays for compiling what it runs: the JIT's threads take the
        // second core, and the simulation runs slower code until they are done. A warm-up of
        // the smallest point alone left the measured points 1.5 to 3.5 times dearer than a second
        // pass over them (docs/performance.md), most of all the smallest, which made the growth
        // between points look flatter than it is. So every point is warmed up.
        for (int v : points) {
          out.printf(Locale.ROOT, "%10s (warm-up run of %s, not measured)%n", v, warmup);
          out.flush();
          Runs.run(ScalePoints.scaled(base, scenario, v, warmup).withSeed(seed),
              Optional.empty(), t -> { });
        }
      }
      double minutes = durationMicros / 60e6;
      double[][] perMinuteRuns = new double[points.size()][repeat];
      for (int run = 0; run < repeat; run++) {
        for (int pi = 0; pi < points.size(); pi++) {
          String label = repeat > 1
              ? String.format(Locale.ROOT, "  run %d of %d", run + 1, repeat) : "";
          perMinuteRuns[pi][run] = measurePoint(out, base, points.get(pi), minutes, label);
        }
      }
      List<double[]> measured = new ArrayList<>();
      for (int pi = 0; pi < points.size(); pi++) {
        double[] runs = perMinuteRuns[pi].clone();
        Arrays.sort(runs);
        measured.add(new double[] {points.get(pi), ScalePoints.median(runs), runs[0],
            runs[runs.length - 1]});
      }
      if (repeat > 1) {
        out.println();
        out.printf(Locale.ROOT, "cpu s per simulated minute, median of %d runs (lowest-highest):%n",
            repeat);
        for (double[] m : measured) {
          out.printf(Locale.ROOT, "  %8d validators: %.2f (%.2f-%.2f)%n", (int) m[0], m[1], m[2],
              m[3]);
        }
      }
      if (measured.size() > 1) {
        out.println();
        out.println("growth of cpu s per simulated minute (exponent k in cost ~ validators^k"
            + (repeat > 1 ? ", between medians" : "") + "):");
        for (int i = 1; i < measured.size(); i++) {
          printGrowth(out, measured.get(i - 1), measured.get(i), repeat > 1);
        }
        if (measured.size() > 2) {
          printGrowth(out, measured.get(0), measured.get(measured.size() - 1), repeat > 1);
        }
      }
      printTraffic(out, measured, minutes);
      out.println();
      out.println("cpu s is process CPU time (all threads: simulation, GC, JIT); peak heap is the sum of");
      out.println("the heap pools' peak use during the point. On a shared machine wall time exceeds CPU time.");
      out.flush();
      return 0;
    }

    /**
     * Runs the point of {@code v} validators once, prints its row (ending with {@code label}), and
     * returns its process CPU seconds per simulated minute.
     */
    private double measurePoint(PrintWriter out, JsonNode base, int v, double minutes,
        String label) {
      Scenario s = ScalePoints.scaled(base, scenario, v, duration).withSeed(seed);
      System.gc();
      List<MemoryPoolMXBean> heap = heapPools();
      heap.forEach(MemoryPoolMXBean::resetPeakUsage);
      long cpu0 = processCpuNanos();
      long wall0 = System.nanoTime();
      RunResult r = Runs.run(s, Optional.empty(), t -> { });
      double wall = (System.nanoTime() - wall0) / 1e9;
      double cpu = (processCpuNanos() - cpu0) / 1e9;
      results.put(v, r); // the same at every run of the point: the traffic is deterministic
      long peak = 0;
      for (MemoryPoolMXBean p : heap) {
        peak += p.getPeakUsage().getUsed();
      }
      int blocks = Math.max(1, r.relay().blocks());
      double perMinute = cpu / minutes;
      out.printf(Locale.ROOT,
          "%10d %6d %8.1f %8.1f %13.2f %13s %12.0f %12.0f %11.2f %7.2f GB %7d %9d%s%n",
          v, v / ScalePoints.GROUP_SIZE, cpu, wall, perMinute, String.format(Locale.ROOT, "%,d",
              r.kernel().events()), (double) r.kernel().events() / blocks / v,
          (double) r.kernel().transfers() / blocks / v, r.relay().validatorUploadMbits().mean(),
          peak / 1e9, r.relay().blocks(), r.relay().finalized(), label);
      out.flush();
      return perMinute;
    }

    /** Each point's results (its last run), by validator count. */
    private final Map<Integer, RunResult> results = new LinkedHashMap<>();

    /** The most message types the traffic table names before "others". */
    static final int TRAFFIC_ROWS = 8;

    /**
     * The traffic of each point, per relay block per validator, by message type (the types
     * carrying the most at the largest point, the rest as "others"), with its growth from the
     * first point to the last, and the CPU each transfer cost: what the network carries is what
     * the simulation must at least touch, so a flow whose share per validator grows with the
     * validators makes the cost grow faster than linearly.
     *
     * @param measured per point {validators, median cpu s per simulated minute, ...}
     */
    private void printTraffic(PrintWriter out, List<double[]> measured, double minutes) {
      List<Integer> points = new ArrayList<>(results.keySet());
      RunResult last = results.get(points.get(points.size() - 1));
      List<Traffic> order = new ArrayList<>(last.kernel().traffic());
      order.sort(Traffic.MOST_FIRST);
      List<String> named = new ArrayList<>();
      for (int i = 0; i < Math.min(TRAFFIC_ROWS, order.size()); i++) {
        named.add(order.get(i).message());
      }
      out.println();
      out.println("transfers (messages to one receiver) per relay block per validator, by message:");
      StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %-24s", "message"));
      for (int v : points) {
        head.append(String.format(Locale.ROOT, " %9d", v));
      }
      out.println(head.append(points.size() > 1 ? String.format(Locale.ROOT, " %9s", "growth")
          : ""));
      List<String> rows = new ArrayList<>(named);
      rows.add("others");
      rows.add("all");
      for (String row : rows) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-24s", row));
        double first = 0;
        double value = 0;
        for (int i = 0; i < points.size(); i++) {
          RunResult r = results.get(points.get(i));
          long n = 0;
          for (Traffic t : r.kernel().traffic()) {
            boolean isNamed = named.contains(t.message());
            if (row.equals("all") || row.equals(t.message())
                || (row.equals("others") && !isNamed)) {
              n += t.transfers();
            }
          }
          value = (double) n / Math.max(1, r.relay().blocks()) / points.get(i);
          first = i == 0 ? value : first;
          line.append(String.format(Locale.ROOT, " %9.1f", value));
        }
        if (points.size() > 1) {
          line.append(String.format(Locale.ROOT, " %9s", first > 0
              ? String.format(Locale.ROOT, "x%.2f", value / first) : "-"));
        }
        out.println(line);
      }
      StringBuilder perTransfer = new StringBuilder("cpu per transfer:");
      String sep = " ";
      for (double[] m : measured) {
        long transfers = results.get((int) m[0]).kernel().transfers();
        perTransfer.append(sep).append(transfers == 0 ? "-" : String.format(Locale.ROOT,
            "%.0f ns at %d", m[1] * minutes * 1e9 / transfers, (int) m[0]));
        sep = ", ";
      }
      out.println(perTransfer);
    }

    /** The largest --repeat: a point of polkadot-scale takes half a minute. */
    static final int MAX_REPEAT = 20;

    /**
     * Growth from point a to b, each {validators, median, lowest, highest}; with {@code spread},
     * also the growth between the extreme runs (b's lowest over a's highest, and the reverse).
     */
    private static void printGrowth(PrintWriter out, double[] a, double[] b, boolean spread) {
      out.printf(Locale.ROOT, "  %4d -> %4d validators: x%.2f, k = %.2f%s%n", (int) a[0],
          (int) b[0], b[1] / a[1], ScalePoints.growthExponent((int) a[0], a[1], (int) b[0], b[1]),
          spread ? " (x" + ratio(b[2], a[3]) + "-x" + ratio(b[3], a[2])
              + " between the extreme runs)" : "");
    }

    /** {@code b / a} to two places, or "?" when a run too short to measure left a at zero. */
    private static String ratio(double b, double a) {
      return a > 0 ? String.format(Locale.ROOT, "%.2f", b / a) : "?";
    }

    private JsonNode baseTree() {
      Optional<String> builtIn = ScenarioLoader.builtInText(scenario);
      if (builtIn.isPresent()) {
        return ScenarioLoader.parseTree(builtIn.get(), "shipped scenario " + scenario);
      }
      Path file = Path.of(scenario);
      if (!Files.exists(file)) {
        throw new UserError("--scenario " + scenario + ": no shipped scenario of that name and no such "
            + "file; use a name like polkadot-scale or a path to a TOML file");
      }
      return ScenarioLoader.readTree(file);
    }

    private static List<MemoryPoolMXBean> heapPools() {
      List<MemoryPoolMXBean> out = new ArrayList<>();
      for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
        if (p.getType() == MemoryType.HEAP && p.isValid()) {
          out.add(p);
        }
      }
      return out;
    }

    /** CPU time of the whole process, GC and JIT threads included. */
    private static long processCpuNanos() {
      if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
        return os.getProcessCpuTime();
      }
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : 0;
    }
  }
}
