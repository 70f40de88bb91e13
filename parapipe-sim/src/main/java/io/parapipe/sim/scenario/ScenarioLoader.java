package io.parapipe.sim.scenario;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads scenario TOML strictly: unknown keys, wrong types, out-of-range values and
 * contradictions between keys are {@link ScenarioConfigException}s naming the key and the file.
 */
public final class ScenarioLoader {
  private ScenarioLoader() {}

  /** First para id ({@code 2000}, as on Polkadot). */
  public static final int FIRST_PARA_ID = 2000;

  private static final Set<String> TOP_TABLES = Set.of("network", "hardware", "relay", "para",
      "collator", "faults", "paras", "upgrades");

  /** The embedded default scenario (identical to {@code scenarios/sync.toml}). */
  public static Scenario defaults() {
    return parse("", "embedded default");
  }

  /**
   * The text of a shipped scenario ({@code scenarios/<name>.toml}, packed into the jar), or empty
   * if there is none of that name.
   */
  public static java.util.Optional<String> builtInText(String name) {
    try (java.io.InputStream in = ScenarioLoader.class.getResourceAsStream(
        "/io/parapipe/sim/scenarios/" + name + ".toml")) {
      return in == null ? java.util.Optional.empty()
          : java.util.Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the built-in scenario " + name, e);
    }
  }

  /** Reads and checks a scenario file. */
  public static Scenario load(Path file) {
    return parse(readText(file), file.toString());
  }

  /** A scenario file's text: it must exist, be a file and be UTF-8. */
  private static String readText(Path file) {
    byte[] bytes;
    try {
      if (Files.isDirectory(file)) {
        throw new ScenarioConfigException("scenario file " + file + " is a directory; give a .toml"
            + " file (the shipped ones are in scenarios/)");
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new ScenarioConfigException("scenario file " + file + " does not exist");
    } catch (IOException e) {
      throw new ScenarioConfigException("cannot read scenario file " + file + ": " + e.getMessage());
    }
    return utf8(bytes, file.toString());
  }

  /**
   * The text of a scenario file, which TOML requires to be UTF-8: a byte that is not UTF-8 is an
   * error naming its line and column.
   */
  static String utf8(byte[] bytes, String origin) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult r = decoder.decode(in, out, true);
    if (r.isError()) {
      int bad = in.position();
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < bad; i++) {
        if (bytes[i] == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      int column = new String(bytes, lineStart, bad - lineStart, StandardCharsets.UTF_8).length() + 1;
      throw new ScenarioConfigException(String.format(Locale.ROOT,
          "%s is not UTF-8 text: byte 0x%02X at line %d, column %d; save the file as UTF-8",
          origin, bytes[bad] & 0xff, line, column));
    }
    decoder.flush(out);
    return out.flip().toString();
  }

  /** Parses and checks scenario TOML text; {@code origin} names it in messages. */
  public static Scenario parse(String toml, String origin) {
    JsonNode root = parseTree(toml, origin);
    return parse(root, origin);
  }

  /**
   * Checks a scenario already parsed into a tree (TOML tables as objects, arrays of tables as
   * arrays), with the same rules as a file: {@link ScenarioOverrides} and the zombienet reader
   * build such trees.
   */
  public static Scenario parse(JsonNode root, String origin) {
    if (!root.isObject()) {
      throw new ScenarioConfigException(origin + " must be a table of scenario keys");
    }
    return new ScenarioLoader.Reader(root, origin).read();
  }

  /**
   * Reads a scenario file into its TOML tree, unchecked: callers change it and then check it with
   * {@link #parse(JsonNode, String)}.
   */
  public static JsonNode readTree(Path file) {
    return parseTree(readText(file), file.toString());
  }

  /** Parses TOML text into its tree, unchecked; {@code origin} names it in messages. */
  public static JsonNode parseTree(String toml, String origin) {
    if (toml.startsWith("\uFEFF")) {
      toml = toml.substring(1); // a byte order mark, which editors on Windows write
    }
    try {
      return toml.isBlank() ? JsonNodeFactory.instance.objectNode() : new TomlMapper().readTree(toml);
    } catch (JacksonException e) {
      JsonLocation loc = e.getLocation();
      String where = loc == null || loc.getLineNr() < 0 ? "" : " at line " + loc.getLineNr();
      throw new ScenarioConfigException("cannot parse " + origin + where + ": "
          + e.getOriginalMessage());
    } catch (IOException e) {
      throw new ScenarioConfigException("cannot parse " + origin + ": " + e.getMessage());
    }
  }

  /** One parse: keeps the origin for messages. */
  private static final class Reader {
    private final JsonNode root;
    private final String origin;

    Reader(JsonNode root, String origin) {
      this.root = root;
      this.origin = origin;
    }

    private ScenarioConfigException error(String what) {
      return new ScenarioConfigException(what + " in " + origin);
    }

    /** {@code what} in the file, then how to fix it. */
    private ScenarioConfigException error(String what, String hint) {
      return new ScenarioConfigException(what + " in " + origin + "; " + hint);
    }

    private JsonNode table(String name) {
      JsonNode n = root.get(name);
      if (n == null) {
        return JsonNodeFactory.instance.objectNode();
      }
      if (!n.isObject()) {
        throw error("[" + name + "] must be a table");
      }
      return n;
    }

    Scenario read() {
      // Top level: plain keys plus the known tables.
      Map<String, Object> topValues = new LinkedHashMap<>(ScenarioKeys.TOP.defaults().asMap());
      for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (TOP_TABLES.contains(e.getKey())) {
          continue;
        }
        if (!ScenarioKeys.TOP.has(e.getKey())) {
          throw new ScenarioConfigException("unknown key " + e.getKey() + " in " + origin
              + "; top-level keys are name, seed, duration and the tables "
              + String.join(", ", List.of("[network]", "[hardware]", "[relay]", "[para]",
                  "[collator]", "[faults]", "[[paras]]", "[[upgrades]]"))
              + " (see docs/scenario.md)");
        }
        topValues.put(e.getKey(), ScenarioKeys.TOP.readOne(e.getKey(), e.getValue(), "", origin));
      }
      Values top = ScenarioKeys.TOP.defaults().with(topValues);
      Values network = section(ScenarioKeys.NETWORK);
      Values hardware = section(ScenarioKeys.HARDWARE);
      Values relay = section(ScenarioKeys.RELAY);
      Values paraDefaults = section(ScenarioKeys.PARA);
      Values collatorDefaults = section(ScenarioKeys.COLLATOR);
      Values faults = section(ScenarioKeys.FAULTS);

      int nParas = network.integer("paras");
      TreeMap<Integer, ParaSpec> paras = new TreeMap<>();
      for (int i = 0; i < nParas; i++) {
        paras.put(FIRST_PARA_ID + i, new ParaSpec(FIRST_PARA_ID + i, 1, paraDefaults, collatorDefaults));
      }
      readParaOverrides(paras);
      List<UpgradeSpec> upgrades = readUpgrades(paras.keySet());

      checkNetwork(network, relay, faults, paras);
      checkPruning(top.micros("duration"), network, relay, faults);
      return new Scenario(origin, top, network, hardware, relay, paraDefaults, collatorDefaults,
          faults, List.copyOf(paras.values()), upgrades);
    }

    private Values section(Section s) {
      return s.read(table(s.name()), s.name(), origin, s.defaults(), Set.of());
    }

    private JsonNode arrayOfTables(String name) {
      JsonNode n = root.get(name);
      if (n == null) {
        return JsonNodeFactory.instance.arrayNode();
      }
      if (!n.isArray()) {
        throw error("[[" + name + "]] must be an array of tables");
      }
      for (JsonNode e : n) {
        if (!e.isObject()) {
          throw error("every entry of [[" + name + "]] must be a table");
        }
      }
      return n;
    }

    private void readParaOverrides(TreeMap<Integer, ParaSpec> paras) {
      int i = 0;
      Map<Integer, String> seen = new TreeMap<>();
      for (JsonNode entry : arrayOfTables("paras")) {
        String path = "paras[" + i++ + "]";
        JsonNode idNode = entry.get("id");
        if (idNode == null || !idNode.isIntegralNumber()) {
          throw error(path + " needs an integer id (one of " + ids(paras.keySet()) + ")");
        }
        int id = idNode.asInt();
        ParaSpec base = paras.get(id);
        if (base == null) {
          throw error(path + ".id = " + id + " is not a para of this network; the paras are "
              + ids(paras.keySet()) + " (set network.paras to have more)");
        }
        String earlier = seen.putIfAbsent(id, path);
        if (earlier != null) {
          throw error(path + ".id = " + id + " repeats " + earlier,
              "give each para one [[paras]] entry with all its overrides");
        }
        Values runtime = ScenarioKeys.PARA.read(entry, path, origin, base.runtime(),
            Set.of("id", "collator", "cores"));
        JsonNode coresNode = entry.get("cores");
        int cores = coresNode == null ? base.cores()
            : (Integer) ScenarioKeys.PARAS.readOne("cores", coresNode, path, origin);
        Values collator = base.collator();
        JsonNode c = entry.get("collator");
        if (c != null) {
          if (!c.isObject()) {
            throw error(path + ".collator must be an inline table of [collator] keys");
          }
          collator = ScenarioKeys.COLLATOR.read(c, path + ".collator", origin, collator, Set.of());
        }
        paras.put(id, new ParaSpec(id, cores, runtime, collator));
      }
    }

    private List<UpgradeSpec> readUpgrades(Set<Integer> paraIds) {
      List<UpgradeSpec> out = new ArrayList<>();
      int i = 0;
      for (JsonNode entry : arrayOfTables("upgrades")) {
        String path = "upgrades[" + i++ + "]";
        for (Iterator<String> it = entry.fieldNames(); it.hasNext(); ) {
          String k = it.next();
          if (!Set.of("at_relay_block", "at_session", "paras", "relay", "runtime", "collator")
              .contains(k)) {
            throw error("unknown key " + path + "." + k + "; an upgrade has at_relay_block or "
                + "at_session, paras, relay, runtime, collator (see docs/scenario.md)");
          }
        }
        int atBlock = optionalPositive(entry, "at_relay_block", path);
        int atSession = optionalPositive(entry, "at_session", path);
        if ((atBlock < 0) == (atSession < 0)) {
          throw error(path + " needs exactly one of at_relay_block and at_session");
        }
        List<Integer> paras = new ArrayList<>();
        JsonNode ps = entry.get("paras");
        if (ps != null) {
          if (!ps.isArray()) {
            throw error(path + ".paras must be an array of para ids");
          }
          if (ps.isEmpty()) {
            throw error(path + ".paras is empty",
                "list the para ids, or leave paras out to upgrade every para");
          }
          for (JsonNode p : ps) {
            if (!p.isIntegralNumber() || !paraIds.contains(p.asInt())) {
              throw error(path + ".paras contains " + p + ", which is not a para of this "
                  + "network; the paras are " + ids(paraIds));
            }
            if (paras.contains(p.asInt())) {
              throw error(path + ".paras lists " + p + " twice");
            }
            paras.add(p.asInt());
          }
        }
        Map<String, Object> relay = patch(entry, "relay", ScenarioKeys.RELAY, path);
        for (String k : relay.keySet()) {
          if (!ScenarioKeys.RELAY_UPGRADABLE.contains(k)) {
            throw error(path + ".relay." + k + " cannot change during a run; an upgrade may "
                + "change " + String.join(", ", ScenarioKeys.RELAY_UPGRADABLE));
          }
        }
        Map<String, Object> runtime = patch(entry, "runtime", ScenarioKeys.PARA, path);
        Map<String, Object> collator = patch(entry, "collator", ScenarioKeys.COLLATOR, path);
        if (relay.isEmpty() && runtime.isEmpty() && collator.isEmpty()) {
          throw error(path + " changes nothing; give a relay, runtime or collator table");
        }
        if (ps != null && runtime.isEmpty() && collator.isEmpty()) {
          throw error(path + ".paras has nothing to apply to (relay changes are for the whole relay"
              + " chain)", "leave paras out, or give a runtime or collator table");
        }
        out.add(new UpgradeSpec(atBlock, atSession, List.copyOf(paras), relay, runtime, collator));
      }
      return List.copyOf(out);
    }

    private int optionalPositive(JsonNode entry, String key, String path) {
      JsonNode n = entry.get(key);
      if (n == null) {
        return -1;
      }
      if (!n.isIntegralNumber() || n.asLong() < 1 || n.asLong() > Integer.MAX_VALUE) {
        throw error(path + "." + key + " = " + n + ": must be a positive integer");
      }
      return n.asInt();
    }

    private Map<String, Object> patch(JsonNode entry, String key, Section s, String path) {
      JsonNode t = entry.get(key);
      if (t == null) {
        return Map.of();
      }
      if (!t.isObject()) {
        throw error(path + "." + key + " must be an inline table of [" + s.name() + "] keys");
      }
      Map<String, Object> m = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = t.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        m.put(e.getKey(), s.readOne(e.getKey(), e.getValue(), path + "." + key, origin));
      }
      return Collections.unmodifiableMap(new TreeMap<>(m));
    }

    /**
     * {@code faults.crashes}: known validators, each at most once per entry, restart after the
     * crash, and no two windows taking the same validator down at overlapping times.
     */
    private void checkCrashes(Values faults, int validators) {
      List<Crash> crashes = new ArrayList<>();
      int k = 0;
      for (Object o : faults.asMap().get("crashes") instanceof List<?> l ? l : List.of()) {
        Crash c = (Crash) o;
        if (c.restartAtMicros() <= c.atMicros()) {
          throw error("faults.crashes[" + k + "] restarts at " + UnitText.formatDuration(c.restartAtMicros())
              + ", not after it crashes at " + UnitText.formatDuration(c.atMicros()),
              "restart_at must be later than at");
        }
        Set<Integer> seen = new TreeSet<>();
        for (int v : c.validators()) {
          if (v >= validators) {
            throw error("faults.crashes[" + k + "] names validator " + v + " but validator indices run from 0 to "
                + (validators - 1));
          }
          if (!seen.add(v)) {
            throw error("faults.crashes[" + k + "].validators lists validator " + v + " twice");
          }
        }
        for (int j = 0; j < crashes.size(); j++) {
          Crash earlier = crashes.get(j);
          if (earlier.atMicros() < c.restartAtMicros() && c.atMicros() < earlier.restartAtMicros()) {
            for (int v : c.validators()) {
              if (earlier.validators().contains(v)) {
                throw error("faults.crashes[" + j + "] and faults.crashes[" + k + "] both take down "
                    + "validator " + v + " at overlapping times", "a validator must restart before it crashes again");
              }
            }
          }
        }
        crashes.add(c);
        k++;
      }
    }

    /**
     * {@code faults.collator_crashes}: known paras and collators, restart after the crash, and no
     * two windows taking the same collator down at overlapping times.
     */
    private void checkCollatorCrashes(Values faults, Set<Integer> paraIds, int perPara) {
      List<CollatorCrash> crashes = new ArrayList<>();
      int k = 0;
      for (Object o : faults.asMap().get("collator_crashes") instanceof List<?> l ? l : List.of()) {
        CollatorCrash c = (CollatorCrash) o;
        String path = "faults.collator_crashes[" + k + "]";
        if (!paraIds.contains(c.para())) {
          throw error(path + ".para = " + c.para() + " is not a para of this network; the paras are "
              + ids(paraIds));
        }
        if (c.collator() >= perPara) {
          throw error(path + ".collator = " + c.collator() + " but collator indices run from 0 to "
              + (perPara - 1), "set network.collators_per_para to have more");
        }
        if (c.restartAtMicros() <= c.atMicros()) {
          throw error(path + " restarts at " + UnitText.formatDuration(c.restartAtMicros())
              + ", not after it crashes at " + UnitText.formatDuration(c.atMicros()),
              "restart_at must be later than at");
        }
        for (int j = 0; j < crashes.size(); j++) {
          CollatorCrash earlier = crashes.get(j);
          if (earlier.para() == c.para() && earlier.collator() == c.collator()
              && earlier.atMicros() < c.restartAtMicros() && c.atMicros() < earlier.restartAtMicros()) {
            throw error("faults.collator_crashes[" + j + "] and " + path + " both take down collator "
                + c.collator() + " of para " + c.para() + " at overlapping times",
                "a collator must restart before it crashes again");
          }
        }
        crashes.add(c);
        k++;
      }
    }

    /** {@code faults.partitions}: known validators, each on at most one side, end after start. */
    private void checkPartitions(Values faults, int validators) {
      int k = 0;
      for (Object o : faults.asMap().get("partitions") instanceof List<?> l ? l : List.of()) {
        Partition p = (Partition) o;
        if (p.endMicros() <= p.atMicros()) {
          throw error("faults.partitions[" + k + "] ends at " + UnitText.formatDuration(p.endMicros())
              + ", not after it starts at " + UnitText.formatDuration(p.atMicros()), "end must be later than at");
        }
        Map<Integer, Integer> sideOf = new TreeMap<>();
        for (int s = 0; s < p.sides().size(); s++) {
          for (int v : p.sides().get(s)) {
            if (v >= validators) {
              throw error("faults.partitions[" + k + "] names validator " + v
                  + " but validator indices run from 0 to " + (validators - 1));
            }
            Integer before = sideOf.put(v, s);
            if (before != null) {
              throw error("faults.partitions[" + k + "] puts validator " + v + " on "
                  + (before == s ? "side " + s + " twice" : "sides " + before + " and " + s),
                  "each validator is on at most one side");
            }
          }
        }
        k++;
      }
    }

    /**
     * Faults that would need blocks the nodes have pruned: nodes keep {@code network.state_pruning}
     * relay blocks below finality, so a validator that comes back after that many slots (down,
     * cut off, or on a partition's far side) finds its peers unable to send what it missed, and a
     * validator restarted without its state cannot fetch the chain from genesis once the chain is
     * that long. Warp sync, which upstream uses then, is not modelled; before pruning such a node
     * synced from its peers, so a scenario would change its result silently. A window still open
     * at the run's end needs nothing fetched and passes. Collator crashes are not checked: a
     * restarted collator builds on what the relay chain includes and fetches no old para blocks.
     */
    private void checkPruning(long duration, Values network, Values relay, Values faults) {
      int kept = network.integer("state_pruning");
      long slot = relay.micros("slot_duration");
      long keptSpan = kept * slot;
      int k = 0;
      for (Object o : faults.asMap().get("crashes") instanceof List<?> l ? l : List.of()) {
        Crash c = (Crash) o;
        String path = "faults.crashes[" + k++ + "]";
        if (c.restartAtMicros() >= duration) {
          continue;
        }
        String it = c.validators().size() == 1 ? "it" : "them";
        if (c.stateLost() && c.restartAtMicros() >= keptSpan) {
          throw error(path + " restarts " + validatorList(c.validators()) + " without "
              + (c.validators().size() == 1 ? "its" : "their") + " state at "
              + UnitText.formatDuration(c.restartAtMicros()) + ", after the " + kept
              + " relay blocks (" + span(keptSpan) + ") that nodes keep below finality: peers can"
              + " no longer send " + it + " the chain from genesis (warp sync is not modelled)",
              "restart " + it + " before " + span(keptSpan) + ", keep the state, or raise "
                  + "network.state_pruning to at least " + (c.restartAtMicros() / slot + 1)
                  + " (the blocks to fetch)");
        }
        if (!c.stateLost()) {
          refuseLongWindow(path + " keeps " + validatorList(c.validators()) + " down",
              c.atMicros(), c.restartAtMicros(), duration, kept, slot,
              "peers can no longer send " + it + " the blocks finalized meanwhile",
              "restart " + it + " less than " + span(keptSpan) + " after the crash");
        }
      }
      k = 0;
      for (Object o : faults.asMap().get("outages") instanceof List<?> l ? l : List.of()) {
        Outage w = (Outage) o;
        refuseLongWindow("faults.outages[" + k++ + "] cuts off " + validatorList(w.validators()),
            w.fromMicros(), w.untilMicros(), duration, kept, slot,
            "peers can no longer send " + (w.validators().size() == 1 ? "it" : "them")
                + " the blocks finalized meanwhile",
            "end it less than " + span(keptSpan) + " after it starts");
      }
      k = 0;
      for (Object o : faults.asMap().get("partitions") instanceof List<?> l ? l : List.of()) {
        Partition p = (Partition) o;
        refuseLongWindow("faults.partitions[" + k++ + "] splits the validators",
            p.atMicros(), p.endMicros(), duration, kept, slot,
            "a side can no longer fetch the blocks the other finalized meanwhile",
            "end it less than " + span(keptSpan) + " after it starts");
      }
    }

    /**
     * Refuses a window from {@code from} to {@code until}, ending inside the run, that lasts
     * {@code kept} relay slots or more: {@code what} (the fault and whom it cuts off) for that
     * long, then why that fails and how to shorten it.
     */
    private void refuseLongWindow(String what, long from, long until, long duration, int kept,
        long slot, String why, String shorten) {
      long length = until - from;
      if (until >= duration || length < kept * slot) {
        return;
      }
      throw error(what + " for " + span(length) + " (" + UnitText.formatDuration(from) + " to "
          + UnitText.formatDuration(until) + "), " + length / slot + " relay slots, while nodes keep "
          + kept + " relay blocks (" + span(kept * slot) + ") below finality: " + why,
          shorten + ", or raise network.state_pruning to at least " + (length / slot + 1)
              + " (the blocks to fetch)");
    }

    private void checkNetwork(Values network, Values relay, Values faults, TreeMap<Integer, ParaSpec> paras) {
      Set<Integer> paraIds = paras.keySet();
      int validators = network.integer("validators");
      int cores = relay.integer("num_cores");
      int assigned = 0;
      for (ParaSpec p : paras.values()) {
        assigned += p.cores();
      }
      if (assigned > cores) {
        throw error(assigned == paraIds.size()
            ? "network.paras = " + paraIds.size() + " exceeds relay.num_cores = " + cores
                + ": every para needs a core of its own (bulk coretime); raise relay.num_cores"
            : "the paras hold " + assigned + " cores ([[paras]] cores, 1 by default) but relay.num_cores = "
                + cores + ": each core is assigned to one para (bulk coretime); raise relay.num_cores to at "
                + "least " + assigned + " or lower cores");
      }
      if (cores > validators) {
        throw error("relay.num_cores = " + cores + " exceeds network.validators = " + validators
            + ": every core needs a backing group of at least one validator");
      }
      Set<Integer> offline = new TreeSet<>();
      for (int v : faults.integers("offline_validators")) {
        if (v >= validators) {
          throw error("faults.offline_validators contains " + v + " but validator indices run "
              + "from 0 to " + (validators - 1));
        }
        if (!offline.add(v)) {
          throw error("faults.offline_validators lists validator " + v + " twice");
        }
      }
      Set<Integer> legacy = new TreeSet<>();
      for (int v : faults.integers("legacy_validators")) {
        if (v >= validators) {
          throw error("faults.legacy_validators contains " + v + " but validator indices run "
              + "from 0 to " + (validators - 1));
        }
        if (!legacy.add(v)) {
          throw error("faults.legacy_validators lists validator " + v + " twice");
        }
      }
      List<Outage> windows = new ArrayList<>();
      int k = 0;
      for (Object o : faults.asMap().get("outages") instanceof List<?> l ? l : List.of()) {
        Outage w = (Outage) o;
        for (int j = 0; j < windows.size(); j++) {
          Outage earlier = windows.get(j);
          if (earlier.fromMicros() < w.untilMicros() && w.fromMicros() < earlier.untilMicros()) {
            for (int v : w.validators()) {
              if (earlier.validators().contains(v)) {
                throw error("faults.outages[" + j + "] and faults.outages[" + k + "] both cut off "
                    + "validator " + v + " at overlapping times; merge them into one window");
              }
            }
          }
        }
        windows.add(w);
        Set<Integer> cut = new TreeSet<>();
        for (int v : ((Outage) o).validators()) {
          if (v >= validators) {
            throw error("faults.outages names validator " + v + " but validator indices run from 0 to "
                + (validators - 1));
          }
          if (!cut.add(v)) {
            throw error("faults.outages[" + k + "].validators lists validator " + v + " twice");
          }
        }
        k++;
      }
      checkCrashes(faults, validators);
      checkPartitions(faults, validators);
      Map<Integer, Integer> slowIn = new TreeMap<>();
      int slow = 0;
      for (Object o : faults.asMap().get("slow_validators") instanceof List<?> l ? l : List.of()) {
        for (int v : ((SlowValidators) o).validators()) {
          if (v >= validators) {
            throw error("faults.slow_validators[" + slow + "] names validator " + v
                + " but validator indices run from 0 to " + (validators - 1));
          }
          Integer before = slowIn.put(v, slow);
          if (before != null) {
            throw error("faults.slow_validators[" + before + "] and faults.slow_validators[" + slow
                + "] both name validator " + v, "give each validator one factor");
          }
        }
        slow++;
      }
      int spike = 0;
      for (Object o : faults.asMap().get("latency_spikes") instanceof List<?> l ? l : List.of()) {
        LatencySpike ls = (LatencySpike) o;
        if (ls.endMicros() <= ls.atMicros()) {
          throw error("faults.latency_spikes[" + spike + "] ends at " + UnitText.formatDuration(ls.endMicros())
              + ", not after it starts at " + UnitText.formatDuration(ls.atMicros()), "end must be later than at");
        }
        spike++;
      }
      int perPara = network.integer("collators_per_para");
      Set<String> misbehaving = new TreeSet<>();
      for (String c : faults.texts("misbehaving_collators")) {
        String[] parts = c.split(":");
        int para;
        int idx;
        try {
          para = Integer.parseInt(parts[0]);
          idx = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
          para = -1;
          idx = -1;
        }
        if (!paraIds.contains(para) || idx < 0 || idx >= perPara) {
          throw error("faults.misbehaving_collators contains \"" + c + "\": paras are " + ids(paraIds)
              + " and collator indices run from 0 to " + (perPara - 1));
        }
        if (ScenarioKeys.SLOT_BASED_MISBEHAVIOURS.contains(parts[2])
            && !paras.get(para).collator().text("kind").equals("slot-based")) {
          throw error("faults.misbehaving_collators contains \"" + c + "\" but para " + para
              + " does not run the slot-based collator; misbehaviours are modelled for "
              + "collator.kind = \"slot-based\"");
        }
        if (!misbehaving.add(para + ":" + idx)) {
          throw error("faults.misbehaving_collators names collator \"" + para + ":" + idx + "\" twice");
        }
      }
      checkCollatorCrashes(faults, paraIds, perPara);
      Set<String> offlineCollators = new TreeSet<>();
      for (String c : faults.texts("offline_collators")) {
        String[] parts = c.split(":");
        int para;
        int idx;
        try {
          para = Integer.parseInt(parts[0]);
          idx = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
          para = -1;
          idx = -1;
        }
        if (!paraIds.contains(para) || idx < 0 || idx >= perPara) {
          throw error("faults.offline_collators contains \"" + c + "\": paras are " + ids(paraIds)
              + " and collator indices run from 0 to " + (perPara - 1));
        }
        if (!offlineCollators.add(para + ":" + idx)) {
          throw error("faults.offline_collators lists collator \"" + c + "\" twice");
        }
      }
    }

  }

  /** {@code "validator 3"}, {@code "validators 3 and 4"}, {@code "validators 3, 4 and 5"}. */
  private static String validatorList(List<Integer> vs) {
    if (vs.size() == 1) {
      return "validator " + vs.get(0);
    }
    StringBuilder sb = new StringBuilder("validators ");
    for (int i = 0; i < vs.size(); i++) {
      sb.append(i == 0 ? "" : i == vs.size() - 1 ? " and " : ", ").append(vs.get(i));
    }
    return sb.toString();
  }

  /**
   * A span of time for reading, in hours, minutes and seconds ({@code "25m36s"}); one that is not
   * whole seconds as {@link UnitText#formatDuration}.
   */
  private static String span(long micros) {
    if (micros == 0 || micros % 1_000_000L != 0) {
      return UnitText.formatDuration(micros);
    }
    long s = micros / 1_000_000L;
    return (s >= 3600 ? s / 3600 + "h" : "") + (s % 3600 >= 60 ? s % 3600 / 60 + "m" : "")
        + (s % 60 != 0 ? s % 60 + "s" : "");
  }

  private static String ids(Set<Integer> ids) {
    if (ids.isEmpty()) {
      return "none";
    }
    int min = ids.stream().min(Integer::compare).orElseThrow();
    int max = ids.stream().max(Integer::compare).orElseThrow();
    return min == max ? Integer.toString(min) : min + ".." + max;
  }
}
