package io.parapipe.sim.scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What is legal in a scenario but cannot work: a network that will stay dead in part or whole, or
 * a change that never happens within the run. The scenario still runs; {@code simulate} prints each
 * finding as a warning line before the run and the results carry them (docs/scenario.md lists
 * them). Found from the keys alone, before anything runs.
 */
public final class ScenarioWarnings {
  private ScenarioWarnings() {}

  /** The warnings for {@code scenario}, in a fixed order; empty for a working network. */
  public static List<String> of(Scenario scenario) {
    List<String> out = new ArrayList<>();
    validators(scenario, out);
    if (scenario.network().number("message_loss") >= 1.0) {
      out.add("network.message_loss = 1.0: every message is lost, so no node hears another and"
          + " no candidate can be backed or included");
    }
    collators(scenario, out);
    blocks(scenario, out);
    upgrades(scenario, out);
    outages(scenario, out);
    return List.copyOf(out);
  }

  private static void validators(Scenario scenario, List<String> out) {
    int n = scenario.network().integer("validators");
    int offline = new TreeSet<>(scenario.faults().integers("offline_validators")).size();
    int online = n - offline;
    // GRANDPA's and availability's threshold (polkadot primitives' supermajority_threshold).
    int supermajority = n - (n - 1) / 3;
    if (online == 0) {
      out.add("every validator is offline (faults.offline_validators lists all " + n + "): no"
          + " relay block will be authored");
    } else if (online < supermajority) {
      out.add("only " + online + " of " + n + " validators are online (faults.offline_validators):"
          + " availability and finality need " + supermajority + ", so no candidate can be"
          + " included and no block finalized");
    }
  }

  private static void collators(Scenario scenario, List<String> out) {
    int perPara = scenario.network().integer("collators_per_para");
    Map<Integer, Integer> offline = new TreeMap<>();
    for (String c : new TreeSet<>(scenario.faults().texts("offline_collators"))) {
      offline.merge(Integer.parseInt(c.split(":")[0]), 1, Integer::sum);
    }
    List<Integer> silent = new ArrayList<>();
    offline.forEach((para, count) -> {
      if (count >= perPara) {
        silent.add(para);
      }
    });
    if (silent.size() == scenario.paras().size()) {
      out.add("no para has an online collator (faults.offline_collators lists all " + perPara
          + " of every para): no para block will be built");
    } else if (!silent.isEmpty()) {
      out.add((silent.size() == 1 ? "para " : "paras ") + list(silent) + " ha"
          + (silent.size() == 1 ? "s" : "ve") + " no online collator (faults.offline_collators"
          + " lists all " + perPara + "): " + (silent.size() == 1 ? "it builds" : "they build")
          + " no blocks");
    }
  }

  /**
   * Blocks that cannot carry a transaction, and full blocks that validators cannot execute within
   * the backing timeout, for each para's runtime and collator from the start and after each
   * upgrade that changes them.
   */
  private static void blocks(Scenario scenario, List<String> out) {
    Values hardware = scenario.hardware();
    Values relay = scenario.relay();
    long timeout = relay.micros("backing_execution_timeout");
    // Paras with the same finding share one line.
    Map<String, List<Integer>> findings = new LinkedHashMap<>();
    for (ParaSpec p : scenario.paras()) {
      Values runtime = p.runtime();
      Values collator = p.collator();
      String when = "";
      List<UpgradeSpec> ups = new ArrayList<>();
      for (UpgradeSpec u : scenario.upgrades()) {
        if (u.appliesTo(p.id()) && (!u.runtime().isEmpty() || !u.collator().isEmpty())) {
          ups.add(u);
        }
      }
      int sessionLength = relay.integer("session_length");
      ups.sort(Comparator.comparingLong(u -> u.point(sessionLength)));
      for (int i = 0; i <= ups.size(); i++) {
        if (i > 0) {
          UpgradeSpec u = ups.get(i - 1);
          runtime = runtime.with(u.runtime());
          collator = collator.with(u.collator());
          when = " from relay block " + u.point(sessionLength);
        }
        String finding = block(runtime, collator, hardware, relay, timeout);
        if (finding != null) {
          findings.computeIfAbsent(when + ": " + finding, k -> new ArrayList<>()).add(p.id());
          break; // one finding per para: the first one explains the rest
        }
      }
    }
    findings.forEach((finding, paras) ->
        out.add((paras.size() == 1 ? "para " : "paras ") + list(paras) + finding));
  }

  /** What is wrong with the blocks one runtime and collator build, or null. */
  private static String block(Values runtime, Values collator, Values hardware, Values relay,
      long timeoutMicros) {
    long weight = runtime.micros("max_block_weight");
    long budget = (long) (collator.micros("authoring_duration") * hardware.number("collator_speed"));
    long limit = Math.min(weight, budget);
    long tx = runtime.micros("tx_ref_time");
    if (tx > limit) {
      return "a transaction (para.tx_ref_time = " + UnitText.formatDuration(tx) + ") does not fit"
          + " in a block (" + UnitText.formatDuration(limit) + " of ref_time: the smaller of"
          + " max_block_weight and authoring_duration x collator_speed), so every block is empty";
    }
    long proof = runtime.bytes("tx_proof_size");
    long pov = relay.bytes("max_pov_size");
    if (proof > pov) {
      return "a transaction's proof (para.tx_proof_size = " + UnitText.formatSize(proof) + ")"
          + " exceeds relay.max_pov_size (" + UnitText.formatSize(pov) + "), so every block is"
          + " empty";
    }
    if (!Double.isInfinite(runtime.number("demand"))) {
      return null; // blocks hold what arrives; only saturated blocks are surely full
    }
    long full = limit / tx * tx;
    double execMicros = full * hardware.number("execution_fraction")
        / hardware.number("validator_speed");
    if (execMicros > timeoutMicros) {
      return "a full block (" + UnitText.formatDuration(full) + " of ref_time) takes "
          + UnitText.formatDuration(Math.round(execMicros)) + " to execute on a validator, more"
          + " than relay.backing_execution_timeout (" + UnitText.formatDuration(timeoutMicros)
          + "), so its candidates cannot be backed";
    }
    return null;
  }

  private static void upgrades(Scenario scenario, List<String> out) {
    Values relay = scenario.relay();
    int sessionLength = relay.integer("session_length");
    long last = lastRelayBlock(scenario);
    for (int i = 0; i < scenario.upgrades().size(); i++) {
      UpgradeSpec u = scenario.upgrades().get(i);
      long point = u.point(sessionLength);
      String at = u.atRelayBlock() >= 0 ? "at_relay_block = " + u.atRelayBlock()
          : "at_session = " + u.atSession() + " (relay block " + point + ")";
      if (point > last) {
        out.add("upgrades[" + i + "] " + at + " comes after the run's last relay block (about "
            + last + "): it never takes effect");
        continue;
      }
      if (!u.relay().isEmpty() && u.atRelayBlock() >= 0) {
        // Submitted in block X, enacted at the second session boundary after it (SESSION_DELAY).
        long enacted = (u.atRelayBlock() / sessionLength + 2L) * sessionLength;
        if (enacted > last) {
          out.add("upgrades[" + i + "] changes the relay configuration at relay block "
              + u.atRelayBlock() + ", which takes effect two session boundaries later (around"
              + " relay block " + enacted + ", session_length " + sessionLength + "), after the"
              + " run's last relay block (about " + last + "): the relay change never takes effect");
        }
      }
    }
  }

  private static void outages(Scenario scenario, List<String> out) {
    @SuppressWarnings("unchecked")
    List<Outage> outages = (List<Outage>) scenario.faults().asMap().get("outages");
    long end = scenario.durationMicros();
    for (int i = 0; i < outages.size(); i++) {
      Outage o = outages.get(i);
      if (o.fromMicros() >= end) {
        out.add("faults.outages[" + i + "] starts at " + UnitText.formatDuration(o.fromMicros())
            + ", when the run (" + UnitText.formatDuration(end) + ") is over: it never happens");
      }
    }
    @SuppressWarnings("unchecked")
    List<Crash> crashes = (List<Crash>) scenario.faults().asMap().get("crashes");
    for (int i = 0; i < crashes.size(); i++) {
      if (crashes.get(i).atMicros() >= end) {
        out.add("faults.crashes[" + i + "] crashes at " + UnitText.formatDuration(crashes.get(i).atMicros())
            + ", when the run (" + UnitText.formatDuration(end) + ") is over: it never happens");
      }
    }
    @SuppressWarnings("unchecked")
    List<Partition> partitions = (List<Partition>) scenario.faults().asMap().get("partitions");
    for (int i = 0; i < partitions.size(); i++) {
      if (partitions.get(i).atMicros() >= end) {
        out.add("faults.partitions[" + i + "] starts at " + UnitText.formatDuration(partitions.get(i).atMicros())
            + ", when the run (" + UnitText.formatDuration(end) + ") is over: it never happens");
      }
    }
  }

  /** The number of the last relay block the run can author: one per slot, from slot 1. */
  static long lastRelayBlock(Scenario scenario) {
    return (scenario.durationMicros() - 1) / scenario.relay().micros("slot_duration");
  }

  private static String list(List<Integer> ids) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < ids.size() && i < 10; i++) {
      sb.append(i == 0 ? "" : ", ").append(ids.get(i));
    }
    if (ids.size() > 10) {
      sb.append(" and ").append(ids.size() - 10).append(" more");
    }
    return sb.toString();
  }
}
