package io.parapipe.sim.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Groups a para's runtime panics by message. Messages that embed the values of a failed check
 * (hashes, and the {@code left}/{@code right} values of an {@code assert_eq!}) differ in every
 * panic, so they are grouped by their shape: hashes ({@code 0x} and 8 or more hex digits) become
 * {@code 0x...}, and the values after {@code left: } and {@code right: } become {@code ...}. Each
 * group keeps its first message as an example.
 */
public final class PanicGroups {
  private PanicGroups() {}

  private static final Pattern HASH = Pattern.compile("0x[0-9a-fA-F]{8,}");
  private static final Pattern ASSERT_VALUE =
      Pattern.compile("(?m)^(\\s*(?:left|right): ).*$");

  /** The message with the parts that differ from panic to panic replaced by {@code ...}. */
  public static String shape(String message) {
    String s = HASH.matcher(message).replaceAll("0x...");
    return message.startsWith("assertion ") ? ASSERT_VALUE.matcher(s).replaceAll("$1...") : s;
  }

  /**
   * The groups of {@code panics}, in the order of their first panic.
   *
   * @param panics the para's panics in time order
   * @param relayBlockAt for each panic (same index), the best-chain relay block that was the
   *     newest at its time (0 before the first block)
   */
  public static List<RunResult.PanicGroup> of(List<RunResult.Panic> panics, int[] relayBlockAt) {
    Map<String, int[]> index = new LinkedHashMap<>(); // shape -> {first i, last i, count}
    for (int i = 0; i < panics.size(); i++) {
      int[] g = index.computeIfAbsent(shape(panics.get(i).message()), k -> new int[] {-1, -1, 0});
      if (g[0] < 0) {
        g[0] = i;
      }
      g[1] = i;
      g[2]++;
    }
    List<RunResult.PanicGroup> out = new ArrayList<>(index.size());
    index.forEach((shape, g) -> {
      RunResult.Panic first = panics.get(g[0]);
      RunResult.Panic last = panics.get(g[1]);
      out.add(new RunResult.PanicGroup(shape, g[2], relayBlockAt[g[0]], relayBlockAt[g[1]],
          first.atMs(), last.atMs(), first.message()));
    });
    return out;
  }
}
