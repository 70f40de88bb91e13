package io.parapipe.doctor.eval;

import io.parapipe.doctor.cfg.Conditions;

import java.math.BigInteger;
import java.util.List;

/**
 * Constants defined outside the analysed repository (in polkadot-sdk) whose values the doctor
 * knows. Kept deliberately short: only names that are stable across polkadot-sdk releases.
 */
public final class KnownConstants {
  private static final BigInteger TEN = BigInteger.TEN;

  private KnownConstants() {}

  /**
   * The value of an external path, or null.
   *
   * @param path the full path as far as known (the last segment is the constant's name)
   */
  public static Alternative lookup(List<String> path) {
    if (path.isEmpty()) {
      return null;
    }
    String name = path.get(path.size() - 1);
    switch (name) {
      case "WEIGHT_REF_TIME_PER_SECOND":
        return known("frame_support", name, new Value.Int(TEN.pow(12)), "1_000_000_000_000 (ps per second)");
      case "WEIGHT_REF_TIME_PER_MILLIS":
        return known("frame_support", name, new Value.Int(TEN.pow(9)), "1_000_000_000 (ps per millisecond)");
      case "WEIGHT_REF_TIME_PER_MICROS":
        return known("frame_support", name, new Value.Int(TEN.pow(6)), "1_000_000 (ps per microsecond)");
      case "WEIGHT_REF_TIME_PER_NANOS":
        return known("frame_support", name, new Value.Int(TEN.pow(3)), "1_000 (ps per nanosecond)");
      default:
        break;
    }
    if (path.contains("parachains_common")) {
      switch (name) {
        case "MAXIMUM_BLOCK_WEIGHT":
          return known("parachains_common", name, new Value.Weight(TEN.pow(12).divide(BigInteger.TWO), null),
              "0.5 s of ref_time (the pre-async-backing budget)");
        case "MAXIMUM_BLOCK_WEIGHT_FOR_ASYNC_BACKING":
          return known("parachains_common", name, new Value.Weight(TEN.pow(12).multiply(BigInteger.TWO), null),
              "2 s of ref_time");
        default:
          break;
      }
    }
    return null;
  }

  /** True for names known whatever crate they are imported from. */
  public static boolean isUniversal(String name) {
    return name.startsWith("WEIGHT_REF_TIME_PER_");
  }

  private static Alternative known(String crate, String name, Value value, String description) {
    return new Alternative(Conditions.ALWAYS, value, Origin.external(crate, crate + "::" + name + " = " + description));
  }
}
