package io.parapipe.sim.results;

import io.parapipe.sim.Traffic;
import io.parapipe.sim.scenario.UnitText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The terminal summary of a run that {@code parapipe simulate} prints: one row per para (every
 * para, in id order: at 100 paras the table is 100 rows, and the para that differs is what one
 * looks for), then relay, finality and kernel lines; with upgrades each para's figures per phase
 * between the upgrade points, a column per phase; then the runtime panics grouped by message
 * ({@link PanicGroups}) with their count and relay blocks, and the reasons validators refused
 * collations or candidates.
 *
 * <p>Blockspace is shown as seconds of {@code ref_time} per minute, and core use as what the
 * para's cores actually carried: the share of the best chain's relay blocks in which each of the
 * cores its candidates used saw one of them included. Synchronous backing includes in every other
 * block (about 50 %), asynchronous backing in every block (about 100 %), whatever the blocks
 * weigh.
 */
public final class SummaryTable {
  private SummaryTable() {}

  /** The summary as text, lines ending with {@code "\n"}. */
  public static String render(RunResult r) {
    StringBuilder sb = new StringBuilder();
    sb.append(r.name()).append(": seed ").append(r.seed()).append(", ")
        .append(UnitText.formatDuration(Math.round(r.durationMs() * 1000))).append(" of virtual time")
        .append('\n').append('\n');

    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"para", "backing", "collator", "authored", "backed", "included",
        "timed out", "mean", "p50", "p95", "authoring", "ref_time", "core use", "panics"});
    for (RunResult.Para p : r.paras()) {
      Distribution iv = p.inclusionIntervalMs();
      double share = coreUse(p, r.relay().blocks()) * 100;
      rows.add(new String[] {
          Integer.toString(p.id()), p.backing(), p.collator(),
          Integer.toString(p.authored()), Integer.toString(p.backed()),
          Integer.toString(p.included()), Integer.toString(p.timedOut()),
          iv.count() == 0 ? "-" : seconds(iv.mean()),
          iv.count() == 0 ? "-" : seconds(iv.p50()),
          iv.count() == 0 ? "-" : seconds(iv.p95()),
          p.authoringMs().count() == 0 ? "-" : fmt("%.0fms", p.authoringMs().mean()),
          fmt("%.2fs/min", p.blockspaceMsPerMinute() / 1000),
          fmt("%.1f%%", share),
          Integer.toString(p.panics().size())});
    }
    table(sb, rows, 3, Map.of(7, "inclusion interval", 11, "blockspace"));

    RunResult.Relay relay = r.relay();
    sb.append('\n');
    sb.append(fmt("relay     %d blocks on the best chain (%d authored, %d %s, %d missed %s), "
            + "mean block time %s, %d %s\n",
        relay.blocks(), relay.authored(), relay.forks(), relay.forks() == 1 ? "fork" : "forks",
        relay.missedSlots(), relay.missedSlots() == 1 ? "slot" : "slots",
        relay.blocks() < 2 ? "-" : seconds(relay.meanBlockTimeMs()),
        relay.sessions(), relay.sessions() == 1 ? "session" : "sessions"));
    Spread atNodes = relay.blockTimeAtNodesMs();
    if (atNodes.count() > 0) {
      sb.append(fmt("          block time as the validators imported the blocks: mean %s, p5 %s, "
              + "p50 %s, p95 %s, p99 %s\n", millis(atNodes.mean()), millis(atNodes.p5()),
          millis(atNodes.p50()), millis(atNodes.p95()), millis(atNodes.p99())));
    }
    Spread propagation = relay.blockPropagationMs();
    if (propagation.count() > 0) {
      sb.append(fmt("          block propagation, seal to import at the other validators: p50 %s, "
              + "p95 %s, p99 %s, max %s\n", millis(propagation.p50()), millis(propagation.p95()),
          millis(propagation.p99()), millis(propagation.max())));
    }
    Bandwidth up = relay.validatorUploadMbits();
    Bandwidth down = relay.validatorDownloadMbits();
    if (up.count() > 0) {
      sb.append(fmt("          validators' traffic, averaged over the run: upload mean %.1f Mbit/s "
              + "(p5 %.1f, p95 %.1f, max %.1f), download mean %.1f Mbit/s (max %.1f)\n", up.mean(),
          up.p5(), up.p95(), up.max(), down.mean(), down.max()));
    }
    Distribution lag = relay.finalityLagMs();
    sb.append(relay.finalized() == 0
        ? "finality  no block finalized by a supermajority\n"
        : fmt("finality  finalized #%d, lag mean %s, p50 %s, p95 %s, max %s\n", relay.finalized(),
            seconds(lag.mean()), seconds(lag.p50()), seconds(lag.p95()), seconds(lag.max())));
    if (relay.blocks() > 0) {
      sb.append(fmt("          %d %s above the finalized block at the end%s\n", relay.unfinalizedTail(),
          relay.unfinalizedTail() == 1 ? "block" : "blocks",
          relay.finalized() > 0 ? " (lag counts unfinalized blocks up to the end)" : ""));
    }
    for (RunResult.Stall st : relay.finalityStalls()) {
      sb.append(st.endMs() == null
          ? fmt("          STALLED: finality stuck at #%d from %s to the end of the run "
              + "(more than %d blocks behind from #%d on)\n", st.finalizedAtStart(),
              clock(st.startMs()), RunResult.Relay.STALL_BLOCKS, st.fromBlock())
          : fmt("          stall: finality more than %d blocks behind from %s to %s (#%d authored, "
              + "#%d finalized), then caught up\n", RunResult.Relay.STALL_BLOCKS, clock(st.startMs()),
              clock(st.endMs()), st.fromBlock(), st.finalizedAtStart()));
    }
    eraPoints(sb, r);
    RunResult.Kernel k = r.kernel();
    sb.append(fmt("kernel    %,d events in %.1f s wall (%,.0f events/s)\n", k.events(),
        k.wallMs() / 1000.0, k.eventsPerSecond()));
    traffic(sb, k);

    phases(sb, r);
    panics(sb, r);
    rejections(sb, r);
    return sb.toString();
  }

  /**
   * Inclusions per core and relay block: the para's included candidates over (the cores they
   * were included on × the best chain's blocks).
   */
  static double coreUse(RunResult.Para p, int relayBlocks) {
    java.util.Set<Integer> cores = new java.util.TreeSet<>();
    int included = 0;
    for (RunResult.Candidate c : p.candidates()) {
      if (c.includedIn() != null) {
        included++;
        if (c.core() >= 0) {
          cores.add(c.core());
        }
      }
    }
    if (included == 0 || relayBlocks <= 0) {
      return 0;
    }
    return included / (double) (Math.max(1, cores.size()) * relayBlocks);
  }

  /** A run time as minutes and seconds ("1m 30.0s") or seconds. */
  private static String clock(double ms) {
    long totalTenths = Math.round(ms / 100.0);
    long minutes = totalTenths / 600;
    double secs = (totalTenths % 600) / 10.0;
    return minutes > 0 ? fmt("%dm %.1fs", minutes, secs) : fmt("%.1fs", secs);
  }

  /** What validators refused, per para and reason: distinct candidates and reports. */
  private static void rejections(StringBuilder sb, RunResult r) {
    boolean heading = false;
    for (RunResult.Para p : r.paras()) {
      for (RunResult.Rejection x : p.rejections()) {
        if (!heading) {
          sb.append("\nrejected by validators\n");
          heading = true;
        }
        sb.append(fmt("  %d  %d %s (%d %s), %s: %s\n", p.id(), x.candidates(),
            x.candidates() == 1 ? "candidate" : "candidates", x.reports(),
            x.reports() == 1 ? "report" : "reports", x.subsystem(), x.reason()));
      }
    }
  }

  /**
   * With upgrades, each para's figures per phase, a column per phase: inclusion interval mean,
   * p50 and p95, inclusions, blockspace and panics.
   */
  private static void phases(StringBuilder sb, RunResult r) {
    List<RunResult.Phase> phases = r.phases();
    if (phases.isEmpty()) {
      return;
    }
    List<String> points = new ArrayList<>();
    for (int k = 1; k < phases.size(); k++) {
      points.add(Integer.toString(phases.get(k).fromRelayBlock()));
    }
    sb.append('\n').append(points.isEmpty() ? "phases (no upgrade point reached)"
        : "phases: the run from the start and from each upgrade point (relay block"
            + (points.size() == 1 ? " " : "s ") + String.join(", ", points) + ")").append('\n');
    int n = phases.size();
    List<String[]> rows = new ArrayList<>();
    String[] titles = new String[n + 2];
    String[] spans = new String[n + 2];
    titles[0] = "";
    titles[1] = "";
    spans[0] = "para";
    spans[1] = "figure";
    for (int k = 0; k < n; k++) {
      RunResult.Phase ph = phases.get(k);
      List<String> ups = new ArrayList<>();
      ph.upgrades().forEach(u -> ups.add(Integer.toString(u)));
      titles[k + 2] = ups.isEmpty() ? "start" : "upgrades[" + String.join(",", ups) + "]";
      spans[k + 2] = "R" + ph.fromRelayBlock() + "..R" + ph.toRelayBlock();
    }
    rows.add(titles);
    rows.add(spans);
    String[] figures = {"interval mean", "interval p50", "interval p95", "included",
        "blockspace", "panics"};
    for (int i = 0; i < phases.get(0).paras().size(); i++) {
      for (int f = 0; f < figures.length; f++) {
        String[] row = new String[n + 2];
        row[0] = f == 0 ? Integer.toString(phases.get(0).paras().get(i).id()) : "";
        row[1] = figures[f];
        for (int k = 0; k < n; k++) {
          RunResult.PhasePara p = phases.get(k).paras().get(i);
          Distribution iv = p.inclusionIntervalMs();
          row[k + 2] = switch (f) {
            case 0 -> iv.count() == 0 ? "-" : seconds(iv.mean());
            case 1 -> iv.count() == 0 ? "-" : seconds(iv.p50());
            case 2 -> iv.count() == 0 ? "-" : seconds(iv.p95());
            case 3 -> Integer.toString(p.included());
            case 4 -> fmt("%.2fs/min", p.blockspaceMsPerMinute() / 1000);
            default -> Integer.toString(p.panics());
          };
        }
        rows.add(row);
      }
    }
    int[] width = new int[n + 2];
    for (String[] row : rows) {
      for (int c = 0; c < row.length; c++) {
        width[c] = Math.max(width[c], row[c].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < row.length; c++) {
        String pad = " ".repeat(width[c] - row[c].length());
        line.append(c == 0 ? "" : "  ").append(c < 2 ? row[c] + pad : pad + row[c]);
      }
      sb.append(line.toString().stripTrailing()).append('\n');
    }
  }

  /**
   * The panics grouped by message: count, the relay blocks of the first and last, the message
   * (continuation lines of a multi-line message under its first line).
   */
  private static void panics(StringBuilder sb, RunResult r) {
    List<String[]> rows = new ArrayList<>();
    for (RunResult.Para p : r.paras()) {
      for (RunResult.PanicGroup g : p.panicGroups()) {
        String blocks = g.firstRelayBlock() == g.lastRelayBlock() ? "R" + g.firstRelayBlock()
            : "R" + g.firstRelayBlock() + "..R" + g.lastRelayBlock();
        rows.add(new String[] {Integer.toString(p.id()), Integer.toString(g.count()), blocks,
            g.message()});
      }
    }
    if (rows.isEmpty()) {
      return;
    }
    sb.append("\nruntime panics, grouped by message (0x... a hash, ... an asserted value)\n");
    rows.add(0, new String[] {"para", "count", "relay blocks", "message"});
    int[] width = new int[3];
    for (String[] row : rows) {
      for (int c = 0; c < 3; c++) {
        width[c] = Math.max(width[c], row[c].length());
      }
    }
    String indent = " ".repeat(2 + width[0] + 2 + width[1] + 2 + width[2] + 2);
    for (String[] row : rows) {
      String[] lines = row[3].split("\n", -1);
      sb.append("  ").append(row[0]).append(" ".repeat(width[0] - row[0].length())).append("  ")
          .append(" ".repeat(width[1] - row[1].length())).append(row[1]).append("  ")
          .append(row[2]).append(" ".repeat(width[2] - row[2].length())).append("  ")
          .append(lines[0]).append('\n');
      for (int i = 1; i < lines.length; i++) {
        sb.append(indent).append(lines[i]).append('\n');
      }
    }
  }

  /**
   * Columns left-aligned up to {@code textColumns}, right-aligned after; two spaces apart. A
   * group title starts above its first column.
   */
  private static void table(StringBuilder sb, List<String[]> rows, int textColumns,
      Map<Integer, String> groups) {
    int[] width = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int c = 0; c < row.length; c++) {
        width[c] = Math.max(width[c], row[c].length());
      }
    }
    StringBuilder titles = new StringBuilder();
    int at = 0;
    for (int c = 0; c < width.length; c++) {
      String title = groups.get(c);
      if (title != null) {
        titles.append(" ".repeat(Math.max(1, at - titles.length()))).append(title);
      }
      at += width[c] + 2;
    }
    sb.append(titles.toString().stripTrailing()).append('\n');
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < row.length; c++) {
        if (c > 0) {
          line.append("  ");
        }
        String pad = " ".repeat(width[c] - row[c].length());
        line.append(c < textColumns ? row[c] + pad : pad + row[c]);
      }
      sb.append(line.toString().stripTrailing()).append('\n');
    }
  }

  /**
   * Era points per validator along the best chain: min, mean and max, and with legacy validators
   * ({@code faults.legacy_validators}) their mean beside the others'.
   */
  private static void eraPoints(StringBuilder sb, RunResult r) {
    List<Integer> points = r.relay().eraPoints();
    if (points.isEmpty()) {
      return;
    }
    Set<Integer> legacy = new TreeSet<>();
    r.config().path("faults").path("legacy_validators").forEach(v -> legacy.add(v.asInt()));
    int min = Integer.MAX_VALUE;
    int max = 0;
    long sum = 0;
    long legacySum = 0;
    for (int v = 0; v < points.size(); v++) {
      int p = points.get(v);
      min = Math.min(min, p);
      max = Math.max(max, p);
      sum += p;
      if (legacy.contains(v)) {
        legacySum += p;
      }
    }
    sb.append(fmt("points    era points per validator min %d, mean %.1f, max %d", min,
        sum / (double) points.size(), max));
    int others = points.size() - legacy.size();
    if (!legacy.isEmpty() && others > 0) {
      sb.append(fmt("; legacy %s mean %.1f, others mean %.1f", legacy.size() == 1 ? "validator"
          : "validators", legacySum / (double) legacy.size(), (sum - legacySum) / (double) others));
    }
    sb.append('\n');
  }

  private static String millis(double ms) {
    return fmt("%.3fs", ms / 1000);
  }

  private static String seconds(double ms) {
    return fmt("%.1fs", ms / 1000);
  }

  /** How many shares of the traffic the summary names before "others". */
  private static final int TRAFFIC_NAMED = 4;

  /** The transfers, their bytes, and the message types carrying most of them. */
  private static void traffic(StringBuilder sb, RunResult.Kernel k) {
    if (k.transfers() == 0) {
      return;
    }
    sb.append(fmt("traffic   %,d transfers (messages to one receiver), %s", k.transfers(),
        bytes(k.transferBytes())));
    List<Traffic> most = new ArrayList<>(k.traffic());
    most.sort(Traffic.MOST_FIRST);
    String sep = ": ";
    long named = 0;
    for (int i = 0; i < Math.min(TRAFFIC_NAMED, most.size()); i++) {
      Traffic t = most.get(i);
      sb.append(sep).append(fmt("%s %.0f%%", t.message(), 100.0 * t.transfers() / k.transfers()));
      named += t.transfers();
      sep = ", ";
    }
    if (most.size() > TRAFFIC_NAMED) {
      sb.append(fmt(", others %.0f%%", 100.0 * (k.transfers() - named) / k.transfers()));
    }
    sb.append('\n');
  }

  /** Bytes in the largest decimal unit that keeps a digit before the point. */
  static String bytes(long b) {
    if (b >= 1_000_000_000L) {
      return fmt("%.1f GB", b / 1e9);
    }
    if (b >= 1_000_000L) {
      return fmt("%.1f MB", b / 1e6);
    }
    if (b >= 1_000L) {
      return fmt("%.1f kB", b / 1e3);
    }
    return b + " B";
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
