/**
 * {@code parapipe compare}: runs several scenarios on one seed through a {@link
 * io.parapipe.report.compare.RunSource} (the seam to the simulator), tabulates their figures side
 * by side and writes each run's results and one HTML comparison.
 */
package io.parapipe.report.compare;
