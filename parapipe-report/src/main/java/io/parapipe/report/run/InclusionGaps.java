package io.parapipe.report.run;

import java.util.ArrayList;
import java.util.List;

/**
 * The gaps between a para's consecutive inclusions, in relay-block authoring time, as the
 * results schema defines the inclusion interval. Computed from the candidates so that the whole
 * distribution can be drawn, not only the summary the file gives.
 */
public final class InclusionGaps {
  private InclusionGaps() {}

  /**
   * @param para the para
   * @param relay the relay chain (block times); when a block's time is unknown it is estimated
   *     from the mean block time, else 6 s per block
   * @return the gaps in ms, in inclusion order
   */
  public static double[] of(ParaView para, RelayView relay) {
    double slot = Double.isNaN(relay.meanBlockTimeMs()) ? 6000.0 : relay.meanBlockTimeMs();
    List<Double> times = new ArrayList<>();
    for (CandidateView c : para.candidates()) {
      if (c.includedIn() != null) {
        int n = c.includedIn();
        times.add(relay.block(n).filter(b -> b.authoredAtMs() >= 0)
            .map(b -> (double) b.authoredAtMs()).orElse(n * slot));
      }
    }
    times.sort(Double::compare);
    double[] gaps = new double[Math.max(0, times.size() - 1)];
    for (int i = 1; i < times.size(); i++) {
      gaps[i - 1] = times.get(i) - times.get(i - 1);
    }
    return gaps;
  }
}
