package io.parapipe.doctor.check;

/** How bad a finding is. */
public enum Severity {
  /** The configuration will panic, stall or misbehave. */
  ERROR("error"),
  /** Works, but wastes blockspace, misleads or breaks on a likely change. */
  WARN("warn"),
  /** Worth knowing; nothing to fix necessarily. */
  INFO("info");

  private final String json;

  Severity(String json) {
    this.json = json;
  }

  /** The JSON name. */
  public String json() {
    return json;
  }
}
