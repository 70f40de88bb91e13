package io.parapipe.report.run;

import java.util.List;

/**
 * One parachain of a run.
 *
 * @param id para id
 * @param backing {@code "sync"} or {@code "async"}, or empty
 * @param collator collator kind at the end of the run, or empty
 * @param authored para blocks built, or -1
 * @param backed candidates backed on the best chain, or -1
 * @param included candidates included on the best chain, or -1
 * @param timedOut candidates timed out on the best chain, or -1
 * @param inclusionIntervalMs gaps between consecutive inclusions
 * @param inclusionLatencyMs authoring start to inclusion
 * @param authoringMs time spent building a block
 * @param authoringBudgetMs the collator's {@code authoring_duration}, or NaN
 * @param refTimeIncludedPs sum of {@code ref_time} of included blocks, or -1
 * @param blockspaceMsPerMinute included {@code ref_time} (ms) per minute of run, or NaN
 * @param povBytesIncluded PoV bytes of included blocks, or -1
 * @param unincludedSegment mean and max of the unincluded segment length ({@code p50}/{@code
 *     p95} unknown)
 * @param segmentSeries the unincluded segment length after each para block
 * @param panics runtime panics of this para
 * @param panicGroups its panics grouped by message ({@code panic_groups})
 * @param rejections what validators refused ({@code rejections}; empty in older files)
 * @param candidates candidates in para block order
 */
public record ParaView(
    int id,
    String backing,
    String collator,
    int authored,
    int backed,
    int included,
    int timedOut,
    Stat inclusionIntervalMs,
    Stat inclusionLatencyMs,
    Stat authoringMs,
    double authoringBudgetMs,
    long refTimeIncludedPs,
    double blockspaceMsPerMinute,
    long povBytesIncluded,
    Stat unincludedSegment,
    List<SegmentPoint> segmentSeries,
    List<PanicView> panics,
    List<PanicGroupView> panicGroups,
    List<RejectionView> rejections,
    List<CandidateView> candidates) {

  /** Copies the lists so the view stays immutable. */
  public ParaView {
    segmentSeries = List.copyOf(segmentSeries);
    panics = List.copyOf(panics);
    panicGroups = List.copyOf(panicGroups);
    rejections = List.copyOf(rejections);
    candidates = List.copyOf(candidates);
  }
}
