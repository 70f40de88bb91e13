package io.parapipe.doctor.check;

import io.parapipe.doctor.eval.Alternative;
import io.parapipe.doctor.cfg.Conditions;
import io.parapipe.doctor.eval.Origin;
import io.parapipe.doctor.eval.Value;
import io.parapipe.doctor.extract.CollatorFacts;
import io.parapipe.doctor.extract.CollatorKind;
import io.parapipe.doctor.extract.CollatorLaunch;
import io.parapipe.doctor.extract.ParamKey;
import io.parapipe.doctor.extract.RuntimeFacts;
import io.parapipe.doctor.extract.RuntimeKind;
import io.parapipe.doctor.extract.RuntimeVariant;
import java.math.BigInteger;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Hand-built runtime configurations for rule and phase tests (no parsing involved). */
final class Configs {
  private final Map<ParamKey, Alternative> values = new EnumMap<>(ParamKey.class);
  private RuntimeKind kind = RuntimeKind.AURA;
  private boolean hookDeclared = true;

  private Configs() {}

  static Origin at(int line) {
    return new Origin("runtime/src/lib.rs", line, "line " + line, null);
  }

  /** The parachain template after phase 3: capacity 3, velocity 1, 6 s, 2 s weight, MinimumPeriod 0. */
  static Configs asyncTemplate() {
    Configs c = new Configs();
    c.hook("FixedVelocityConsensusHook", 6000, 1, 3);
    c.set(ParamKey.SLOT_DURATION, 6000).set(ParamKey.MILLISECS_PER_BLOCK, 6000).set(ParamKey.MINIMUM_PERIOD, 0)
        .set(ParamKey.ALLOW_MULTIPLE_BLOCKS_PER_SLOT, true).type(ParamKey.RELAY_NUMBER_POLICY, "RelayNumberMonotonicallyIncreases")
        .set(ParamKey.MAX_BLOCK_WEIGHT, 2_000_000_000_000L).set(ParamKey.UNINCLUDED_SEGMENT_API, true)
        .set(ParamKey.RELAY_PARENT_OFFSET, 0).set(ParamKey.CORE_SELECTOR_API, false).set(ParamKey.UMP_SIGNALS_FEATURE, false);
    return c;
  }

  Configs hook(String name, long relay, long velocity, long capacity) {
    List<Value.Argument> args = List.of(new Value.Argument(new Value.Type("Runtime", "Runtime", List.of()), at(20)),
        new Value.Argument(Value.Int.of(relay), at(11)), new Value.Argument(Value.Int.of(velocity), at(12)), new Value.Argument(Value.Int.of(capacity), at(13)));
    Alternative hook = new Alternative(Conditions.ALWAYS, new Value.Type(name, "cumulus_pallet_aura_ext::" + name, args), at(20));
    values.put(ParamKey.CONSENSUS_HOOK, hook);
    values.put(ParamKey.UNINCLUDED_SEGMENT_API_HOOK, hook); // the API answers from the same hook unless a test says otherwise
    return set(ParamKey.RELAY_CHAIN_SLOT_DURATION, relay).set(ParamKey.BLOCK_PROCESSING_VELOCITY, velocity).set(ParamKey.UNINCLUDED_SEGMENT_CAPACITY, capacity);
  }

  Configs set(ParamKey key, long v) {
    values.put(key, new Alternative(Conditions.ALWAYS, new Value.Int(BigInteger.valueOf(v)), at(30 + key.ordinal())));
    return this;
  }

  Configs set(ParamKey key, boolean v) {
    values.put(key, new Alternative(Conditions.ALWAYS, new Value.Bool(v), at(30 + key.ordinal())));
    return this;
  }

  Configs type(ParamKey key, String name) {
    values.put(key, new Alternative(Conditions.ALWAYS, new Value.Type(name, name, List.of()), at(30 + key.ordinal())));
    return this;
  }

  Configs put(ParamKey key, Alternative a) {
    values.put(key, a);
    return this;
  }

  Configs remove(ParamKey key) {
    values.remove(key);
    return this;
  }

  Configs nimbus() {
    kind = RuntimeKind.NIMBUS;
    return this;
  }

  Configs withoutHookLine() {
    hookDeclared = false;
    return this;
  }

  RuntimeVariant variant() {
    return new RuntimeVariant(List.of(), new EnumMap<>(values));
  }

  RuntimeFacts facts() {
    Map<ParamKey, List<Alternative>> params = new EnumMap<>(ParamKey.class);
    values.forEach((k, v) -> params.put(k, List.of(v)));
    return new RuntimeFacts(null, "runtime/src/lib.rs", kind, params, Map.of(), Map.of(), at(5), hookDeclared, List.of());
  }

  static CollatorFacts collator(CollatorKind kind, long authoringMs) {
    Alternative authoring = new Alternative(Conditions.ALWAYS, new Value.Duration(BigInteger.valueOf(authoringMs * 1000)),
        new Origin("node/src/service.rs", 40, "authoring_duration: ...", null));
    return new CollatorFacts(List.of("node"), List.of(new CollatorLaunch(kind, new Origin("node/src/service.rs", 44, "run(params)", null), authoring, null)), List.of());
  }

  static CollatorFacts noNode() {
    return new CollatorFacts(List.of(), List.of(), List.of());
  }
}
