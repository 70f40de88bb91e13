package io.parapipe.report.run;

/**
 * What validators refused of a para, for one reason: an entry of the results' {@code rejections}
 * (docs/results-schema.md).
 *
 * @param subsystem {@code collator-protocol} or {@code candidate-validation}
 * @param reason upstream's error as Rust's {@code Debug} prints it
 * @param candidates distinct candidates refused
 * @param reports refusals over all validators
 */
public record RejectionView(String subsystem, String reason, int candidates, int reports) {}
