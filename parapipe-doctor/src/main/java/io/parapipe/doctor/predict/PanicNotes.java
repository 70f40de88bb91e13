package io.parapipe.doctor.predict;

/**
 * What a predicted runtime panic means for the configuration that produced it. The simulator
 * reports every build attempt the parachain runtime rejected; some of them are the expected
 * behaviour of a configuration (and logged by real collators too), others stop the chain.
 */
public final class PanicNotes {
  private PanicNotes() {}

  /** The note for a panic message under a scenario, or null when the doctor has none. */
  public static String note(String message, ScenarioSpec spec) {
    boolean basic = spec.collatorKind().equals("basic");
    if (basic && spec.capacity() <= 1 && (message.contains("expected parent to be included") || message.contains("no space left for the block in the unincluded segment"))) {
      // collation-generation hands the basic collator validation data with
      // OccupiedCoreAssumption::Included on every relay block (polkadot/node/collation-generation),
      // so while the core still holds its last candidate it builds on that unincluded block.
      return "harmless: on an async-backing relay the basic collator is asked for a collation on every relay block and, while the core still holds its previous candidate, builds on that candidate, which a capacity-1 runtime rejects; the attempt fails on the collator only, no block is lost and blocks still come every 12 s (real chains log it too: bifrost#1258, Acala#2810, laos#785; whether it shows depends on how the para's 12 s slots fall on relay blocks)";
    }
    if (message.contains("Slot must increase")) {
      return assumed(spec, "allow_multiple_blocks_per_slot", "a second block in the same Aura slot: set AllowMultipleBlocksPerSlot to true (finding multiple-blocks-per-slot-disallowed)");
    }
    if (message.contains("Relay chain block number needs to strictly increase")) {
      return assumed(spec, "relay_number_policy", "a second block on the same relay parent: use RelayNumberMonotonicallyIncreases (finding strict-relay-number-with-capacity)");
    }
    if (message.contains("Timestamp must increment by at least")) {
      return assumed(spec, "minimum_period", "blocks closer than MinimumPeriod: set MinimumPeriod to 0 (finding minimum-period-nonzero-multi-block)");
    }
    return null;
  }

  // A panic that follows from a value the doctor assumed says so: the code may not have it.
  private static String assumed(ScenarioSpec spec, String key, String note) {
    for (String a : spec.assumptions()) {
      if (a.startsWith(key + " ")) {
        return "follows from an assumption, not from the code: " + a + "; if the code's value is that one, " + note;
      }
    }
    return note;
  }

  /** True when the note says the panic follows from an assumed value, not from the code. */
  public static boolean assumed(String note) {
    return note != null && note.startsWith("follows from an assumption");
  }

  /** True when the note says the panic is expected and costs no block. */
  public static boolean harmless(String note) {
    return note != null && note.startsWith("harmless");
  }
}
