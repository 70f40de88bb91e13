package io.parapipe.sim.zombienet;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A zombienet network definition read as a scenario.
 *
 * @param scenarioTree the scenario's TOML tree: the base scenario with the network's keys set;
 *     check it with {@code ScenarioLoader.parse(JsonNode, String)}
 * @param used what was read, one line each: {@code <zombienet field> -> <scenario key> = value}
 * @param ignored the fields parapipe does not model, as dotted paths ({@code []} for any entry of
 *     an array), in file order
 * @param notes how the network was adapted (para ids renumbered, collator counts evened out)
 */
public record ZombienetImport(ObjectNode scenarioTree, List<String> used, List<String> ignored,
    List<String> notes) {
  /** Copies the lists. */
  public ZombienetImport {
    used = List.copyOf(used);
    ignored = List.copyOf(ignored);
    notes = List.copyOf(notes);
  }
}
