package io.parapipe.doctor.eval;

import java.math.BigInteger;
import java.util.List;

/** The value of a Rust constant expression or type, as far as the doctor can evaluate it. */
public sealed interface Value {
  /** An integer (Rust integer types; kept exact). */
  record Int(BigInteger value) implements Value {
    /** An integer from a long. */
    public static Int of(long v) {
      return new Int(BigInteger.valueOf(v));
    }

    @Override
    public String toString() {
      return value.toString();
    }
  }

  /** A boolean. */
  record Bool(boolean value) implements Value {
    @Override
    public String toString() {
      return Boolean.toString(value);
    }
  }

  /**
   * A {@code Weight}: {@code refTime} in picoseconds; {@code proofSize} in bytes, null when not
   * known (e.g. it depends on the polkadot-sdk version's {@code MAX_POV_SIZE}).
   */
  record Weight(BigInteger refTime, BigInteger proofSize) implements Value {
    @Override
    public String toString() {
      return "Weight(ref_time=" + refTime + ", proof_size=" + (proofSize == null ? "?" : proofSize) + ")";
    }
  }

  /** A {@code core::time::Duration}, in microseconds. */
  record Duration(BigInteger micros) implements Value {
    @Override
    public String toString() {
      return micros + "us";
    }
  }

  /** A {@code Perbill}/{@code Permill}/{@code Percent}: {@code parts} of {@code denominator}. */
  record PerThing(String kind, BigInteger parts, BigInteger denominator) implements Value {
    @Override
    public String toString() {
      return kind + "(" + parts + "/" + denominator + ")";
    }
  }

  /** A type, e.g. {@code FixedVelocityConsensusHook<Runtime, 6000, 1, 3>}, with evaluated arguments. */
  record Type(String name, String path, List<Argument> args) implements Value {
    /** Argument {@code i}, or null. */
    public Argument arg(int i) {
      return i < args.size() ? args.get(i) : null;
    }

    /** The type with evaluated arguments, e.g. {@code FixedVelocityConsensusHook<Runtime, 6000, 1, 3>}. */
    public String describe() {
      if (args.isEmpty()) {
        return name;
      }
      StringBuilder b = new StringBuilder(name).append('<');
      for (int i = 0; i < args.size(); i++) {
        b.append(i == 0 ? "" : ", ").append(args.get(i).value());
      }
      return b.append('>').toString();
    }

    @Override
    public String toString() {
      return describe();
    }
  }

  /** A generic argument of a {@link Type} and where its value was read. */
  record Argument(Value value, Origin origin) {}

  /** A value the doctor could not evaluate, and why. */
  record Unknown(String reason) implements Value {
    @Override
    public String toString() {
      return "unknown (" + reason + ")";
    }
  }
}
