package io.parapipe.doctor.extract;

import io.parapipe.doctor.eval.Alternative;
import io.parapipe.doctor.eval.Origin;
import io.parapipe.doctor.eval.Value;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * The parameters of a runtime under one combination of cargo features / {@code cfg}s (the only
 * combination when the runtime has none), each with where it was read.
 *
 * @param conditions the {@code cfg} predicates that select this variant (empty when there are no
 *     variants), in canonical form, e.g. {@code feature = "async-backing"}
 * @param values every parameter found; a missing key means "not found"
 * @param notBuilt why these feature combinations give no parachain runtime (no parachain-system
 *     Config in them, or the Config names an item that does not exist in them), else null
 * @param defaultBuild true when the runtime crate's default features (plain {@code cargo build})
 *     fall in this variant
 */
public record RuntimeVariant(List<String> conditions, Map<ParamKey, Alternative> values, String notBuilt, boolean defaultBuild) {
  /** A variant that is a parachain runtime. */
  public RuntimeVariant(List<String> conditions, Map<ParamKey, Alternative> values) {
    this(conditions, values, null, false);
  }

  /** A variant, not the default build. */
  public RuntimeVariant(List<String> conditions, Map<ParamKey, Alternative> values, String notBuilt) {
    this(conditions, values, notBuilt, false);
  }

  /** True when these feature combinations build a parachain runtime. */
  public boolean isParachainBuild() {
    return notBuilt == null;
  }

  /** The value of a parameter, or null when not found. */
  public Value value(ParamKey key) {
    Alternative a = values.get(key);
    return a == null ? null : a.value();
  }

  /** Where a parameter was read, or null. */
  public Origin origin(ParamKey key) {
    Alternative a = values.get(key);
    return a == null ? null : a.origin();
  }

  /** An integer parameter as a long, or null when not found or not an integer. */
  public Long integer(ParamKey key) {
    return value(key) instanceof Value.Int i && i.value().bitLength() < 63 ? i.value().longValue() : null;
  }

  /** An integer parameter exactly, or null. */
  public BigInteger big(ParamKey key) {
    return value(key) instanceof Value.Int i ? i.value() : null;
  }

  /** A boolean parameter, or null. */
  public Boolean bool(ParamKey key) {
    return value(key) instanceof Value.Bool b ? b.value() : null;
  }

  /** A type parameter, or null. */
  public Value.Type type(ParamKey key) {
    return value(key) instanceof Value.Type t ? t : null;
  }

  /** The conditions as one line, e.g. {@code feature = "x" && not(feature = "y")}, or "all builds". */
  public String describe() {
    return conditions.isEmpty() ? "all builds" : String.join(" && ", conditions);
  }
}
