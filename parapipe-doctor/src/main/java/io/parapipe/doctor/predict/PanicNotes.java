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
      return "a second block in the same Aura slot: set AllowMultipleBlocksPerSlot to true (finding multiple-blocks-per-slot-disallowed)";
    }
    if (message.contains("Relay chain block number needs to strictly increase")) {
      return "a second block on the same relay parent: use RelayNumberMonotonicallyIncreases (finding strict-relay-number-with-capacity)";
    }
    if (message.contains("Timestamp must increment by at least")) {
      return "blocks closer than MinimumPeriod: set MinimumPeriod to 0 (finding minimum-period-nonzero-multi-block)";
    }
    return null;
  }

  /** True when the note says the panic is expected and costs no block. */
  public static boolean harmless(String note) {
    return note != null && note.startsWith("harmless");
  }
}
