/**
 * Reports on simulation runs: the results view model ({@code run}), pipeline diagrams in text and
 * SVG ({@code pipeline}), the self-contained HTML report ({@code html}) and the side-by-side
 * comparison of runs ({@code compare}).
 */
package io.parapipe.report;
