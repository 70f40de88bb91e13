package io.parapipe.doctor.extract;

/** Which block-authoring consensus a runtime uses. */
public enum RuntimeKind {
  /** {@code pallet_aura} (cumulus Aura collators). */
  AURA("aura"),
  /** Nimbus ({@code pallet_author_inherent}, moonkit's {@code pallet_async_backing}); no {@code pallet_aura}. */
  NIMBUS("nimbus"),
  /** Not recognised (configuration not found, or another consensus). */
  UNKNOWN("unknown");

  private final String json;

  RuntimeKind(String json) {
    this.json = json;
  }

  /** The JSON name. */
  public String json() {
    return json;
  }
}
