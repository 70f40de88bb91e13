package io.parapipe.protocol.para.node;

import io.parapipe.protocol.para.collator.ParentSearchRevision;
import java.util.Objects;

/**
 * A collator node's settings (its binary and command line): which collator, how long it may
 * author, and the switches that changed between releases. Built by name with {@link #builder()}.
 *
 * @param kind basic, lookahead or slot-based
 * @param authoringDurationMicros the proposer's deadline
 * @param oncePerSlot basic collator: produce once per Aura slot per relay fork (polkadot-sdk#3308)
 * @param parentSearch lookahead and slot-based parent search revision
 * @param maxPovPercentage share of {@code max_pov_size} a block may use (lookahead L2, slot-based)
 * @param slotOffsetMicros slot-based collator: {@code slot_offset}, the time its clock is held
 *     back so that the relay block of the slot has arrived (polkadot-omni-node: 1 s)
 */
public record CollatorSettings(CollatorKind kind, long authoringDurationMicros, boolean oncePerSlot,
    ParentSearchRevision parentSearch, int maxPovPercentage, long slotOffsetMicros) {
  /** The omni-node's {@code slot_offset}, the builder's default. */
  public static final long DEFAULT_SLOT_OFFSET_MICROS = 1_000_000;

  /** An empty builder: every field must be set before {@link Builder#build()}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds collator settings field by field; each field must be set before {@link #build()},
   * except {@code slotOffsetMicros}, which defaults to {@link #DEFAULT_SLOT_OFFSET_MICROS}.
   */
  public static final class Builder {
    private CollatorKind kind;
    private Long authoringDurationMicros;
    private Boolean oncePerSlot;
    private ParentSearchRevision parentSearch;
    private Integer maxPovPercentage;
    private long slotOffsetMicros = DEFAULT_SLOT_OFFSET_MICROS;

    private Builder() {}

    /** Sets {@link CollatorSettings#kind()}. */
    public Builder kind(CollatorKind v) {
      kind = v;
      return this;
    }

    /** Sets {@link CollatorSettings#authoringDurationMicros()}. */
    public Builder authoringDurationMicros(long v) {
      authoringDurationMicros = v;
      return this;
    }

    /** Sets {@link CollatorSettings#oncePerSlot()}. */
    public Builder oncePerSlot(boolean v) {
      oncePerSlot = v;
      return this;
    }

    /** Sets {@link CollatorSettings#parentSearch()}. */
    public Builder parentSearch(ParentSearchRevision v) {
      parentSearch = v;
      return this;
    }

    /** Sets {@link CollatorSettings#maxPovPercentage()}. */
    public Builder maxPovPercentage(int v) {
      maxPovPercentage = v;
      return this;
    }

    /** Sets {@link CollatorSettings#slotOffsetMicros()}. */
    public Builder slotOffsetMicros(long v) {
      slotOffsetMicros = v;
      return this;
    }

    /**
     * The collator settings.
     *
     * @throws NullPointerException naming a field that was never set
     */
    public CollatorSettings build() {
      return new CollatorSettings(
          set(kind, "kind"),
          set(authoringDurationMicros, "authoringDurationMicros"),
          set(oncePerSlot, "oncePerSlot"),
          set(parentSearch, "parentSearch"),
          set(maxPovPercentage, "maxPovPercentage"),
          slotOffsetMicros);
    }

    private static <T> T set(T value, String field) {
      return Objects.requireNonNull(value, field);
    }
  }
}
