package io.parapipe.report.run;

/**
 * One point of a para's unincluded segment series.
 *
 * @param relayParent relay parent number of the para block
 * @param length runtime unincluded segment length after that block
 */
public record SegmentPoint(int relayParent, int length) {}
