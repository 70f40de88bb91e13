package io.parapipe.sim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code at}, {@code restart_at} and {@code state} of a crash table, shared by validator and
 * collator crashes.
 */
record CrashWindow(long at, long restartAt, boolean lost) {
  /** The window of a crash table, or null if a field is missing or malformed. */
  static CrashWindow read(JsonNode e) {
    Object at = KeyType.duration(0, Long.MAX_VALUE / 2).read(e.get("at"));
    Object restart = KeyType.duration(0, Long.MAX_VALUE / 2).read(e.get("restart_at"));
    Object state = e.has("state") ? KeyType.oneOf("kept", "lost").read(e.get("state")) : "kept";
    if (at == null || restart == null || state == null) {
      return null;
    }
    return new CrashWindow((Long) at, (Long) restart, "lost".equals(state));
  }

  /** Writes the window's three keys into a crash table. */
  void writeTo(ObjectNode t) {
    t.put("at", UnitText.formatDuration(at));
    t.put("restart_at", UnitText.formatDuration(restartAt));
    t.put("state", lost ? "lost" : "kept");
  }
}
