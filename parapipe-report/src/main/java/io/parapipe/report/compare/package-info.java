/**
 * {@code parapipe compare}: runs several scenarios on one seed through a {@link
 * io.parapipe.report.compare.RunSource} (the seam to the simulator), tabulates their figures side
 * by side and writes each run's results and one HTML comparison. The shipped scenarios come in
 * through {@link io.parapipe.report.compare.BuiltInScenarios}; this module never calls the
 * simulator itself.
 */
package io.parapipe.report.compare;
