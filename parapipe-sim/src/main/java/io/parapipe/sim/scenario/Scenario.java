package io.parapipe.sim.scenario;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * A checked scenario: every key has a value, defaults applied. Build one with
 * {@link ScenarioLoader}.
 *
 * @param origin where it came from (a file name, or "embedded default")
 * @param top top-level keys (name, seed, duration)
 * @param network {@code [network]}
 * @param hardware {@code [hardware]}
 * @param relay {@code [relay]}
 * @param paraDefaults {@code [para]} as written (before per-para overrides)
 * @param collatorDefaults {@code [collator]} as written (before per-para overrides)
 * @param faults {@code [faults]}
 * @param paras every para with its effective settings, ascending ids
 * @param upgrades changes in flight, in file order
 */
public record Scenario(
    String origin,
    Values top,
    Values network,
    Values hardware,
    Values relay,
    Values paraDefaults,
    Values collatorDefaults,
    Values faults,
    List<ParaSpec> paras,
    List<UpgradeSpec> upgrades) {

  /** The scenario name. */
  public String name() {
    return top.text("name");
  }

  /** The seed of every random stream. */
  public long seed() {
    return top.integer("seed");
  }

  /** Virtual time to simulate, microseconds. */
  public long durationMicros() {
    return top.micros("duration");
  }

  /** A copy with another seed. */
  public Scenario withSeed(long seed) {
    if (seed < 0 || seed > Integer.MAX_VALUE) {
      throw new ScenarioConfigException("--seed " + seed + ": must be an integer from 0 to "
          + Integer.MAX_VALUE);
    }
    return new Scenario(origin, top.with(Map.of("seed", (int) seed)), network, hardware, relay,
        paraDefaults, collatorDefaults, faults, paras, upgrades);
  }

  /** A copy with another duration (microseconds). */
  public Scenario withDuration(long micros) {
    Object checked = ScenarioKeys.TOP.key("duration").type()
        .read(KeyType.JSON.textNode(UnitText.formatDuration(micros)));
    if (checked == null) {
      throw new ScenarioConfigException("--duration " + UnitText.formatDuration(micros)
          + ": must be " + ScenarioKeys.TOP.key("duration").type().describe());
    }
    return new Scenario(origin, top.with(Map.of("duration", micros)), network, hardware, relay,
        paraDefaults, collatorDefaults, faults, paras, upgrades);
  }

  /** The effective configuration as JSON, with the same keys as the TOML file. */
  public ObjectNode toJson() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode o = top.toJson();
    o.set("network", network.toJson());
    o.set("hardware", hardware.toJson());
    o.set("relay", relay.toJson());
    o.set("para", paraDefaults.toJson());
    o.set("collator", collatorDefaults.toJson());
    o.set("faults", faults.toJson());
    ArrayNode ps = f.arrayNode();
    for (ParaSpec p : paras) {
      ObjectNode po = f.objectNode();
      po.put("id", p.id());
      po.put("cores", p.cores());
      po.setAll(p.runtime().toJson());
      po.set("collator", p.collator().toJson());
      ps.add(po);
    }
    o.set("paras", ps);
    ArrayNode us = f.arrayNode();
    for (UpgradeSpec u : upgrades) {
      ObjectNode uo = f.objectNode();
      if (u.atRelayBlock() >= 0) {
        uo.put("at_relay_block", u.atRelayBlock());
      } else {
        uo.put("at_session", u.atSession());
      }
      ArrayNode pids = f.arrayNode();
      u.paras().forEach(pids::add);
      uo.set("paras", pids);
      uo.set("relay", patchJson(ScenarioKeys.RELAY, u.relay()));
      uo.set("runtime", patchJson(ScenarioKeys.PARA, u.runtime()));
      uo.set("collator", patchJson(ScenarioKeys.COLLATOR, u.collator()));
      us.add(uo);
    }
    o.set("upgrades", us);
    return o;
  }

  private static ObjectNode patchJson(Section s, Map<String, Object> patch) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    patch.forEach((k, v) -> o.set(k, s.key(k).type().write(v)));
    return o;
  }
}
