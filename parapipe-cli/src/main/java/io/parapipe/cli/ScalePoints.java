package io.parapipe.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parapipe.sim.scenario.Scenario;
import io.parapipe.sim.scenario.ScenarioLoader;
import java.util.ArrayList;
import java.util.List;

/**
 * The scaled networks of {@code parapipe bench scale}: one base scenario with its validator count
 * replaced and one para and one core per five validators (groups of five, as on Polkadot), run
 * for a given virtual time; and the growth exponent between two measured points.
 */
final class ScalePoints {
  /** Validators per backing group: paras and cores are the validators divided by this. */
  static final int GROUP_SIZE = 5;

  private ScalePoints() {}

  /**
   * Parses {@code --validators}: comma-separated counts, each a positive multiple of
   * {@value #GROUP_SIZE}, strictly increasing.
   *
   * @throws UserError naming the bad value and the rule
   */
  static List<Integer> parseValidators(String text) {
    List<Integer> out = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      int v;
      try {
        v = Integer.parseInt(part.trim());
      } catch (NumberFormatException e) {
        throw new UserError("--validators " + text + ": \"" + part.trim() + "\" is not a number; "
            + "use comma-separated counts like 100,200,500");
      }
      if (v < 2 * GROUP_SIZE || v % GROUP_SIZE != 0) {
        throw new UserError("--validators " + text + ": " + v + " is not a multiple of "
            + GROUP_SIZE + " of at least " + 2 * GROUP_SIZE + "; each point has one para per "
            + GROUP_SIZE + " validators");
      }
      if (!out.isEmpty() && v <= out.get(out.size() - 1)) {
        throw new UserError("--validators " + text + ": counts must increase; list them "
            + "smallest first");
      }
      out.add(v);
    }
    return out;
  }

  /**
   * The base scenario's tree with {@code validators} validators, {@code validators / 5} paras and
   * cores, and the given duration key text (like {@code "2m"}).
   */
  static Scenario scaled(JsonNode baseTree, String origin, int validators, String duration) {
    ObjectNode root = (ObjectNode) baseTree.deepCopy();
    int paras = validators / GROUP_SIZE;
    root.put("duration", duration);
    root.put("name", root.path("name").asText("scale") + "-" + validators);
    ObjectNode network = root.has("network") ? (ObjectNode) root.get("network") : root.putObject("network");
    network.put("validators", validators);
    network.put("paras", paras);
    ObjectNode relay = root.has("relay") ? (ObjectNode) root.get("relay") : root.putObject("relay");
    relay.put("num_cores", paras);
    return ScenarioLoader.parse(root, origin + " scaled to " + validators + " validators");
  }

  /**
   * The exponent {@code k} with {@code cost ∝ validators^k} between two points:
   * {@code ln(c2/c1) / ln(v2/v1)}. Linear cost gives 1, cost in V² gives 2.
   */
  static double growthExponent(int v1, double cost1, int v2, double cost2) {
    return Math.log(cost2 / cost1) / Math.log((double) v2 / v1);
  }

  /** The median of {@code sorted} (ascending, not empty): the mean of the middle two if even. */
  static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
