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
    double[] times = timesMs(para, relay);
    double[] gaps = new double[Math.max(0, times.length - 1)];
    for (int i = 1; i < times.length; i++) {
      gaps[i - 1] = times[i] - times[i - 1];
    }
    return gaps;
  }

  /**
   * @param para the para
   * @param relay the relay chain, as for {@link #of}
   * @return the authoring times (ms) of the relay blocks that included the para's candidates, in
   *     order: the gap before inclusion {@code i > 0} ends at element {@code i}
   */
  public static double[] timesMs(ParaView para, RelayView relay) {
    List<Double> times = new ArrayList<>();
    for (CandidateView c : para.candidates()) {
      if (c.includedIn() != null) {
        times.add(blockTimeMs(relay, c.includedIn()));
      }
    }
    times.sort(Double::compare);
    double[] out = new double[times.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = times.get(i);
    }
    return out;
  }

  /**
   * @param relay the relay chain
   * @param number a relay block number
   * @return when that best-chain block was authored (ms), or, when the file does not say, an
   *     estimate from the mean block time (else 6 s per block)
   */
  public static double blockTimeMs(RelayView relay, int number) {
    double slot = Double.isNaN(relay.meanBlockTimeMs()) || relay.meanBlockTimeMs() <= 0 ? 6000.0
        : relay.meanBlockTimeMs();
    return relay.block(number).filter(b -> b.authoredAtMs() >= 0)
        .map(b -> (double) b.authoredAtMs()).orElse(number * slot);
  }
}
