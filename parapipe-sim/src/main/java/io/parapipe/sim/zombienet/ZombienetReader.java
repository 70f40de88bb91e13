package io.parapipe.sim.zombienet;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parapipe.sim.scenario.ScenarioConfigException;
import io.parapipe.sim.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a zombienet network definition (TOML, or JSON for a {@code .json} file) into a scenario.
 *
 * <p>What it reads: validators ({@code relaychain.nodes} that are validators, and the
 * {@code count} of {@code relaychain.node_groups}); parachains ({@code parachains}, each with
 * {@code collator}, {@code collators} or {@code collator_groups}); and the fields of the relay
 * chain's genesis patch that are {@code HostConfiguration} fields parapipe models:
 * {@code configuration.config.async_backing_params.{max_candidate_depth, allowed_ancestry_len}},
 * {@code configuration.config.scheduler_params.{num_cores, lookahead, max_validators_per_core,
 * group_rotation_frequency, paras_availability_period}} and
 * {@code configuration.config.{needed_approvals, minimum_backing_votes, max_pov_size}} (names as
 * in polkadot-sdk's {@code polkadot/runtime/parachains/src/configuration.rs} and
 * {@code polkadot/primitives/src/vstaging/mod.rs}, {@code SchedulerParams}). Everything else is
 * reported as ignored. Parachain runtime constants are not part of a zombienet file; they come from
 * the base scenario.
 */
public final class ZombienetReader {
  private ZombienetReader() {}

  /** Genesis patch roots zombienet accepts: v1's and zombienet-sdk's. */
  private static final List<String> PATCH_ROOTS = List.of(
      "relaychain.genesis.runtimeGenesis.patch", "relaychain.runtime_genesis_patch");

  private static final String CONFIG = ".configuration.config";

  /** Host configuration fields read: zombienet path below the config, scenario key. */
  private static final List<String[]> HOST_CONFIGURATION = List.of(
      new String[] {".async_backing_params.max_candidate_depth", "max_candidate_depth"},
      new String[] {".async_backing_params.allowed_ancestry_len", "allowed_ancestry_len"},
      new String[] {".scheduler_params.num_cores", "num_cores"},
      new String[] {".scheduler_params.lookahead", "scheduling_lookahead"},
      new String[] {".scheduler_params.max_validators_per_core", "max_validators_per_core"},
      new String[] {".scheduler_params.group_rotation_frequency", "group_rotation_frequency"},
      new String[] {".scheduler_params.paras_availability_period", "paras_availability_period"},
      new String[] {".needed_approvals", "needed_approvals"},
      new String[] {".minimum_backing_votes", "minimum_backing_votes"},
      new String[] {".max_pov_size", "max_pov_size"});

  /** Fields zombienet test files set where HostConfiguration has no such field. */
  private static final Map<String, String> MISPLACED = Map.of(
      ".scheduler_params.scheduling_lookahead",
      "SchedulerParams has no scheduling_lookahead; its field is scheduler_params.lookahead",
      ".approval_voting_params.needed_approvals",
      "ApprovalVotingParams has no needed_approvals; the field is configuration.config."
          + "needed_approvals");

  /**
   * Reads a network file over a base scenario tree.
   *
   * @param file the zombienet network definition
   * @param base the base scenario's TOML tree (from {@code --config}, or an empty table)
   * @throws ScenarioConfigException if the file cannot be read or describes no network parapipe
   *     can run
   */
  public static ZombienetImport read(Path file, JsonNode base) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ScenarioConfigException("zombienet network file " + file + " does not exist");
    } catch (IOException e) {
      throw new ScenarioConfigException("cannot read zombienet network file " + file + ": "
          + e.getMessage());
    }
    JsonNode root;
    if (file.toString().endsWith(".json")) {
      try {
        root = new ObjectMapper().readTree(text);
      } catch (JacksonException e) {
        throw new ScenarioConfigException("cannot parse " + file + ": " + e.getOriginalMessage());
      }
    } else {
      if (text.contains("{%") || text.contains("{{")) {
        throw new ScenarioConfigException("cannot read " + file + ": it holds zombienet template "
            + "tags ({% ... %} or {{ ... }}); expand them first (write the loop out)");
      }
      root = ScenarioLoader.parseTree(text, file.toString());
    }
    if (root == null || !root.isObject()) {
      throw new ScenarioConfigException(file + " is not a zombienet network definition (a table)");
    }
    return new Translation(root, file, base).run();
  }

  /** One translation: collects what was used and what was not. */
  private static final class Translation {
    private final JsonNode root;
    private final Path file;
    private final ObjectNode tree;
    private final Set<String> consumed = new LinkedHashSet<>();
    private final List<String> used = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    Translation(JsonNode root, Path file, JsonNode base) {
      this.root = root;
      this.file = file;
      this.tree = base == null || !base.isObject() ? JsonNodeFactory.instance.objectNode()
          : ((ObjectNode) base).deepCopy();
    }

    private ScenarioConfigException error(String what) {
      return new ScenarioConfigException(what + " in " + file);
    }

    ZombienetImport run() {
      JsonNode relay = root.path("relaychain");
      if (!relay.isObject()) {
        throw error("no [relaychain] table: not a zombienet network definition");
      }
      int validators = validators(relay);
      set("network", "validators", JsonNodeFactory.instance.numberNode(validators),
          "relaychain.nodes + relaychain.node_groups");

      List<Integer> collators = new ArrayList<>();
      List<Integer> ids = new ArrayList<>();
      JsonNode paras = root.path("parachains");
      int i = 0;
      for (JsonNode p : paras) {
        String path = "parachains[" + i++ + "]";
        JsonNode id = p.get("id");
        if (id == null || !id.canConvertToInt()) {
          throw error(path + " has no integer id");
        }
        consume("parachains[].id");
        ids.add(id.asInt());
        collators.add(collators(p, path));
      }
      if (ids.isEmpty()) {
        throw error("no [[parachains]]: parapipe simulates parachains on the relay chain; add one");
      }
      set("network", "paras", JsonNodeFactory.instance.numberNode(ids.size()), "parachains");
      int perPara = collators.stream().mapToInt(Integer::intValue).max().orElse(1);
      if (perPara == 0) {
        throw error("no parachain has a collator (collator, collators or collator_groups)");
      }
      set("network", "collators_per_para", JsonNodeFactory.instance.numberNode(perPara),
          "parachains[].collator(s)");
      if (collators.stream().distinct().count() > 1) {
        notes.add("collator counts differ per para " + collators + "; every para gets "
            + perPara + " (network.collators_per_para is one number)");
      }
      List<String> renamed = new ArrayList<>();
      for (int k = 0; k < ids.size(); k++) {
        if (ids.get(k) != ScenarioLoader.FIRST_PARA_ID + k) {
          renamed.add(ids.get(k) + " as " + (ScenarioLoader.FIRST_PARA_ID + k));
        }
      }
      if (!renamed.isEmpty()) {
        notes.add("para ids are numbered from " + ScenarioLoader.FIRST_PARA_ID
            + " in file order: " + String.join(", ", renamed));
      }

      hostConfiguration(ids.size());
      if (!tree.has("name")) {
        String stem = file.getFileName().toString().replaceFirst("\\.(toml|json)$", "");
        tree.put("name", stem);
      }
      return new ZombienetImport(tree, used, ignored(), notes);
    }

    private int validators(JsonNode relay) {
      int n = 0;
      int i = 0;
      for (JsonNode node : relay.path("nodes")) {
        JsonNode v = node.get("validator");
        consume("relaychain.nodes[].name");
        if (v != null) {
          consume("relaychain.nodes[].validator");
        }
        if (v == null || v.asBoolean(true)) {
          n++;
        } else {
          notes.add("relaychain.nodes[" + i + "] is a full node, not a validator: not simulated");
        }
        i++;
      }
      for (JsonNode g : relay.path("node_groups")) {
        JsonNode c = g.get("count");
        consume("relaychain.node_groups[].name");
        if (c != null) {
          consume("relaychain.node_groups[].count");
        }
        n += c == null ? 1 : c.asInt(1);
      }
      if (n == 0) {
        throw error("the relay chain has no validator (relaychain.nodes or node_groups)");
      }
      return n;
    }

    private int collators(JsonNode p, String path) {
      int n = 0;
      if (p.path("collator").isObject()) {
        consume("parachains[].collator.name");
        n++;
      }
      for (JsonNode c : p.path("collators")) {
        if (c.isObject()) {
          consume("parachains[].collators[].name");
          n++;
        }
      }
      for (JsonNode g : p.path("collator_groups")) {
        consume("parachains[].collator_groups[].name");
        consume("parachains[].collator_groups[].count");
        n += g.path("count").asInt(1);
      }
      return n;
    }

    private void hostConfiguration(int paras) {
      boolean coresGiven = false;
      for (String patchRoot : PATCH_ROOTS) {
        JsonNode config = at(patchRoot + CONFIG);
        if (config.isMissingNode()) {
          continue;
        }
        for (String[] field : HOST_CONFIGURATION) {
          JsonNode v = config.at(field[0].replace('.', '/'));
          if (v.isMissingNode()) {
            continue;
          }
          String from = patchRoot + CONFIG + field[0];
          consume(from);
          JsonNode value = v;
          if (field[1].equals("max_validators_per_core") && v.isNull()) {
            value = JsonNodeFactory.instance.numberNode(0); // None: no cap, parapipe's 0
          }
          set("relay", field[1], value, from);
          coresGiven |= field[1].equals("num_cores");
        }
        for (Map.Entry<String, String> m : MISPLACED.entrySet()) {
          if (!config.at(m.getKey().replace('.', '/')).isMissingNode()) {
            notes.add(patchRoot + CONFIG + m.getKey() + " ignored: " + m.getValue());
          }
        }
      }
      if (!coresGiven) {
        // Without scheduler_params.num_cores each parachain registered at genesis holds a core
        // (bulk coretime, one core per lease-holding para).
        set("relay", "num_cores", JsonNodeFactory.instance.numberNode(paras),
            "one core per parachain (no scheduler_params.num_cores)");
      }
    }

    private JsonNode at(String dotted) {
      JsonNode n = root;
      for (String part : dotted.split("\\.")) {
        n = n.path(part);
      }
      return n;
    }

    private void set(String section, String key, JsonNode value, String from) {
      JsonNode s = tree.get(section);
      if (s == null || !s.isObject()) {
        s = tree.putObject(section);
      }
      ((ObjectNode) s).set(key, value);
      used.add(from + " -> " + section + "." + key + " = " + value);
    }

    private void consume(String path) {
      consumed.add(path);
    }

    /** Every leaf of the file not consumed, arrays collapsed to {@code []}, in file order. */
    private List<String> ignored() {
      Set<String> leaves = new LinkedHashSet<>();
      collect(root, "", leaves);
      leaves.removeAll(consumed);
      return List.copyOf(leaves);
    }

    private static void collect(JsonNode n, String path, Set<String> out) {
      if (n.isObject() && n.size() > 0) {
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          collect(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out);
        }
      } else if (n.isArray() && n.size() > 0 && n.get(0).isObject()) {
        for (JsonNode e : n) {
          collect(e, path + "[]", out);
        }
      } else {
        out.add(path);
      }
    }
  }
}
