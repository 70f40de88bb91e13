package io.parapipe.doctor.extract;

/** The cumulus collator a node runs. */
public enum CollatorKind {
  /** {@code collators::basic} (or the legacy {@code build_aura_consensus}): builds on the included parent only. */
  BASIC("basic"),
  /** {@code collators::lookahead}: builds on unincluded parents, up to two blocks per relay parent. */
  LOOKAHEAD("lookahead"),
  /** {@code collators::slot_based}: timer-driven, elastic scaling. */
  SLOT_BASED("slot-based");

  private final String json;

  CollatorKind(String json) {
    this.json = json;
  }

  /** The JSON / scenario name. */
  public String json() {
    return json;
  }
}
