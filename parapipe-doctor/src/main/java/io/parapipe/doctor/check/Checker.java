package io.parapipe.doctor.check;

import io.parapipe.doctor.eval.Alternative;
import io.parapipe.doctor.eval.Origin;
import io.parapipe.doctor.eval.Value;
import io.parapipe.doctor.extract.CollatorFacts;
import io.parapipe.doctor.extract.CollatorKind;
import io.parapipe.doctor.extract.CollatorLaunch;
import io.parapipe.doctor.extract.ParamKey;
import io.parapipe.doctor.extract.RuntimeExtractor;
import io.parapipe.doctor.extract.RuntimeFacts;
import io.parapipe.doctor.extract.RuntimeKind;
import io.parapipe.doctor.extract.RuntimeVariant;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Applies the checker rules (field-notes §0 and §5) to one runtime variant and the node's
 * collator. Rules whose inputs are unknown stay silent: the unknown value is reported as such
 * elsewhere, never guessed.
 */
public final class Checker {
  /** Polkadot's (and Kusama's) relay-chain slot in ms. */
  public static final long RELAY_SLOT_MS = 6000;
  /** Polkadot's {@code max_candidate_depth}. */
  public static final long RELAY_MAX_CANDIDATE_DEPTH = 3;
  /** The backing PVF execution timeout in ms. */
  public static final long BACKING_TIMEOUT_MS = 2000;
  private static final BigInteger HALF_SECOND_PS = BigInteger.valueOf(500_000_000_000L);
  private static final String STRICT = "RelayNumberStrictlyIncreases";

  private Checker() {}

  /**
   * The findings for one variant.
   *
   * @param facts the runtime
   * @param v the variant
   * @param collator the node's collator
   * @param pins polkadot-sdk git pins of the repository
   * @param phase the variant's phase
   */
  public static List<Finding> check(RuntimeFacts facts, RuntimeVariant v, CollatorFacts collator, List<SdkPin> pins, Phase phase) {
    List<Finding> out = new ArrayList<>();
    if (facts.configOrigin() == null) {
      return out;
    }
    String runtime = facts.path();
    Long capacity = v.integer(ParamKey.UNINCLUDED_SEGMENT_CAPACITY);
    Long velocity = v.integer(ParamKey.BLOCK_PROCESSING_VELOCITY);
    Long relaySlot = v.integer(ParamKey.RELAY_CHAIN_SLOT_DURATION);
    Long slot = v.integer(ParamKey.SLOT_DURATION);
    Long millisPerBlock = v.integer(ParamKey.MILLISECS_PER_BLOCK);
    Boolean allowMultiple = v.bool(ParamKey.ALLOW_MULTIPLE_BLOCKS_PER_SLOT);
    Value.Type policy = v.type(ParamKey.RELAY_NUMBER_POLICY);
    Long minimumPeriod = v.integer(ParamKey.MINIMUM_PERIOD);
    BigInteger weight = v.big(ParamKey.MAX_BLOCK_WEIGHT);
    Value.Type hook = v.type(ParamKey.CONSENSUS_HOOK);
    Boolean api = v.bool(ParamKey.UNINCLUDED_SEGMENT_API);
    Value.Type apiHook = v.type(ParamKey.UNINCLUDED_SEGMENT_API_HOOK);
    CollatorKind kind = collator.kind();
    boolean asyncCollator = kind == CollatorKind.LOOKAHEAD || kind == CollatorKind.SLOT_BASED;
    Origin kindAt = collator.launches().isEmpty() ? null : collator.launches().get(0).origin();
    Alternative authoring = authoring(collator);
    BigDecimal authoringMs = authoring != null && authoring.value() instanceof Value.Duration d
        ? new BigDecimal(d.micros()).divide(BigDecimal.valueOf(1000)).stripTrailingZeros() : null;
    Long interval = expectedInterval(capacity, velocity, kind);
    boolean fixedVelocity = hook != null && hook.name().contains("FixedVelocity");
    boolean nimbus = facts.kind() == RuntimeKind.NIMBUS;

    // §5.1
    if (capacity != null && capacity >= 2 && policy != null && policy.name().equals(STRICT)) {
      String panic = "\"Relay chain block number needs to strictly increase between Parachain blocks!\"";
      if (asyncCollator) {
        out.add(finding(Severity.ERROR, Rule.STRICT_RELAY_NUMBER_WITH_CAPACITY,
            "capacity is " + capacity + " but CheckAssociatedRelayNumber is " + STRICT + ": the " + kind.json()
                + " collator builds a second block on the same relay parent, which panics " + panic,
            v.origin(ParamKey.RELAY_NUMBER_POLICY), runtime, v.origin(ParamKey.UNINCLUDED_SEGMENT_CAPACITY), kindAt));
      } else {
        String who = kind == CollatorKind.BASIC
            ? "the basic collator builds at most one block per relay parent, so this only works until the collator is upgraded"
            : "the node is not known here; with a lookahead or slot-based collator the second block on a relay parent panics " + panic;
        out.add(finding(Severity.WARN, Rule.STRICT_RELAY_NUMBER_WITH_CAPACITY,
            "capacity is " + capacity + " but CheckAssociatedRelayNumber is " + STRICT + ": " + who,
            v.origin(ParamKey.RELAY_NUMBER_POLICY), runtime, v.origin(ParamKey.UNINCLUDED_SEGMENT_CAPACITY), kindAt));
      }
    }
    // §5.2
    if (Boolean.FALSE.equals(allowMultiple) && capacity != null && capacity >= 2 && kind != CollatorKind.BASIC && slot != null && interval != null) {
      if (interval < slot) {
        out.add(finding(Severity.ERROR, Rule.MULTIPLE_BLOCKS_PER_SLOT_DISALLOWED,
            "blocks are expected every " + interval + " ms but the Aura slot is " + slot + " ms and AllowMultipleBlocksPerSlot is false: the second block of a slot panics \"Slot must increase\"",
            v.origin(ParamKey.ALLOW_MULTIPLE_BLOCKS_PER_SLOT), runtime, v.origin(ParamKey.SLOT_DURATION), v.origin(ParamKey.UNINCLUDED_SEGMENT_CAPACITY)));
      } else {
        out.add(finding(Severity.WARN, Rule.MULTIPLE_BLOCKS_PER_SLOT_DISALLOWED,
            "capacity is " + capacity + " but AllowMultipleBlocksPerSlot is false: the lookahead collator's extra block on the same relay parent panics \"Slot must increase\", and newer collators that build several blocks per relay parent stall (litentry/heima#4061)",
            v.origin(ParamKey.ALLOW_MULTIPLE_BLOCKS_PER_SLOT), runtime, v.origin(ParamKey.UNINCLUDED_SEGMENT_CAPACITY), kindAt));
      }
    }
    // §5.3
    if (Boolean.TRUE.equals(api) && apiHook != null && hook != null && !answersFromConfiguredHook(apiHook) && !sameHook(apiHook, hook)) {
      out.add(finding(Severity.ERROR, Rule.API_HOOK_MISMATCH,
          "parachain-system uses " + hook.describe() + " but can_build_upon answers from " + apiHook.describe()
              + ": the collator is told it may build blocks the runtime then rejects (or refuses blocks the runtime would accept)",
          v.origin(ParamKey.UNINCLUDED_SEGMENT_API_HOOK), runtime, v.origin(ParamKey.CONSENSUS_HOOK)));
    }
    // guide phase 1 step 7
    if (Boolean.FALSE.equals(api) && (fixedVelocity || (capacity != null && capacity >= 2))) {
      String what = nimbus ? "UnincludedSegmentApi (async_backing_primitives)" : "AuraUnincludedSegmentApi";
      out.add(finding(Severity.WARN, Rule.UNINCLUDED_SEGMENT_API_MISSING,
          what + " is not implemented: a lookahead collator then assumes a maximum backlog size of 1 and never builds on unincluded blocks",
          v.origin(ParamKey.CONSENSUS_HOOK), runtime));
    }
    // §5.5
    if (capacity != null && capacity <= 1 && asyncCollator) {
      out.add(finding(Severity.WARN, Rule.CAPACITY_ONE_WITH_LOOKAHEAD,
          "the node runs the " + kind.json() + " collator but the unincluded segment capacity is " + capacity
              + ": capacity 1 means 12 s blocks whatever the collator (fine as the guide's phase 2, until phase 3)",
          v.origin(ParamKey.UNINCLUDED_SEGMENT_CAPACITY), runtime, kindAt));
    }
    // §5.6 and §0.1/§0.2
    if (millisPerBlock != null && interval != null && millisPerBlock > interval) {
      out.add(finding(Severity.WARN, Rule.BLOCK_TIME_CONSTANT_STALE,
          "MILLISECS_PER_BLOCK is " + millisPerBlock + " but this configuration produces a block about every " + interval
              + " ms: MINUTES/HOURS/DAYS and everything derived from MILLISECS_PER_BLOCK run " + ratio(millisPerBlock, interval) + "× fast",
          v.origin(ParamKey.MILLISECS_PER_BLOCK), runtime, v.origin(ParamKey.UNINCLUDED_SEGMENT_CAPACITY)));
    }
    if (millisPerBlock != null && interval != null && millisPerBlock < interval) {
      out.add(finding(Severity.WARN, Rule.BLOCK_TIME_UNREACHABLE,
          "MILLISECS_PER_BLOCK is " + millisPerBlock + " but this configuration can produce at most one block every " + interval
              + " ms (" + limitedBy(capacity, kind) + "): time constants run " + ratio(interval, millisPerBlock) + "× slow",
          v.origin(ParamKey.MILLISECS_PER_BLOCK), runtime, v.origin(ParamKey.UNINCLUDED_SEGMENT_CAPACITY), kindAt));
    }
    // §5.7
    if (weight != null && interval != null) {
      BigDecimal ms = RuntimeExtractor.refTimeMillis(weight);
      if (interval < 2 * RELAY_SLOT_MS && weight.compareTo(HALF_SECOND_PS) <= 0) {
        out.add(finding(Severity.WARN, Rule.BLOCK_WEIGHT_SYNC_ON_ASYNC,
            "MAXIMUM_BLOCK_WEIGHT allows " + ms.toPlainString() + " ms of ref_time on an async-backing chain, which gives collators about 2 s: blockspace per block stays at the synchronous level",
            v.origin(ParamKey.MAX_BLOCK_WEIGHT), runtime));
      } else if (interval >= 2 * RELAY_SLOT_MS && weight.compareTo(HALF_SECOND_PS) > 0) {
        out.add(finding(Severity.WARN, Rule.BLOCK_WEIGHT_ASYNC_ON_SYNC,
            "MAXIMUM_BLOCK_WEIGHT allows " + ms.toPlainString() + " ms of ref_time but blocks are backed synchronously here ("
                + limitedBy(capacity, kind) + "), where a block has about 0.5 s of execution",
            v.origin(ParamKey.MAX_BLOCK_WEIGHT), runtime));
      }
    }
    // §5.8
    if (authoringMs != null && weight != null) {
      BigDecimal ms = RuntimeExtractor.refTimeMillis(weight);
      if (authoringMs.compareTo(ms) < 0) {
        out.add(finding(Severity.WARN, Rule.AUTHORING_BELOW_WEIGHT_BUDGET,
            "authoring_duration is " + authoringMs.toPlainString() + " ms but MAXIMUM_BLOCK_WEIGHT allows " + ms.toPlainString()
                + " ms of ref_time: the proposer stops long before a full block",
            authoring.origin(), runtime, v.origin(ParamKey.MAX_BLOCK_WEIGHT)));
      }
    }
    if (authoringMs != null && authoringMs.compareTo(BigDecimal.valueOf(BACKING_TIMEOUT_MS)) > 0) {
      out.add(finding(Severity.WARN, Rule.AUTHORING_ABOVE_BACKING_TIMEOUT,
          "authoring_duration is " + authoringMs.toPlainString() + " ms, above the 2000 ms backing execution timeout: backers slower than the collator time out and reject candidates",
          authoring.origin(), runtime));
    }
    // §5.9
    if (Boolean.TRUE.equals(allowMultiple) && minimumPeriod != null && minimumPeriod > 0) {
      boolean shared = interval != null && slot != null && interval < slot;
      boolean tooClose = interval != null && minimumPeriod > interval;
      if (shared || tooClose) {
        out.add(finding(Severity.ERROR, Rule.MINIMUM_PERIOD_NONZERO_MULTI_BLOCK,
            "MinimumPeriod is " + minimumPeriod + " ms while blocks come every " + interval + " ms"
                + (shared ? " in " + slot + " ms slots (blocks of one slot carry the same timestamp)" : "")
                + ": the next block panics \"Timestamp must increment by at least <MinimumPeriod> between sequential blocks\"",
            v.origin(ParamKey.MINIMUM_PERIOD), runtime, v.origin(ParamKey.ALLOW_MULTIPLE_BLOCKS_PER_SLOT)));
      } else {
        out.add(finding(Severity.WARN, Rule.MINIMUM_PERIOD_NONZERO_MULTI_BLOCK,
            "MinimumPeriod is " + minimumPeriod + " ms with AllowMultipleBlocksPerSlot = true: blocks sharing a slot carry the same timestamp, so an extra block on the same relay parent fails with \"Timestamp must increment by at least <MinimumPeriod> between sequential blocks\", and blocks faster than "
                + minimumPeriod + " ms would stall",
            v.origin(ParamKey.MINIMUM_PERIOD), runtime, v.origin(ParamKey.ALLOW_MULTIPLE_BLOCKS_PER_SLOT)));
      }
    }
    // §5.10
    if (kind == CollatorKind.BASIC && capacity != null && capacity >= 2) {
      out.add(finding(Severity.WARN, Rule.BASIC_COLLATOR_CAPACITY,
          "the node runs the basic collator, which only builds on the included parent, with capacity " + capacity
              + ": blocks still come every 12 s, and this works only because the basic collator produces once per slot (polkadot-sdk#3308)",
          kindAt, runtime, v.origin(ParamKey.UNINCLUDED_SEGMENT_CAPACITY)));
    }
    // §5.11
    if (!facts.hookDeclared()) {
      out.add(finding(Severity.INFO, Rule.MISSING_CONSENSUS_HOOK,
          "parachain-system has no `type ConsensusHook`: legal on SDKs before polkadot-sdk#4380 (May 2024), where the pallet behaves as ExpectParentIncluded (synchronous backing); newer SDKs require the line",
          facts.configOrigin(), runtime));
    }
    // §5.12
    if (velocity != null && velocity > 1) {
      elastic(v, facts, collator, kind, kindAt, capacity, velocity, runtime, out);
    }
    // pitfall #11
    if (relaySlot != null && relaySlot != RELAY_SLOT_MS) {
      out.add(finding(Severity.ERROR, Rule.RELAY_SLOT_DURATION_MISMATCH,
          "the consensus hook is given a relay chain slot of " + relaySlot + " ms but Polkadot and Kusama relay slots are 6000 ms: the para slot derived from the relay slot is wrong and the hook panics (\"slot number mismatch\" / \"Parachain slot is too far in the future\")",
          v.origin(ParamKey.RELAY_CHAIN_SLOT_DURATION), runtime));
    }
    // pitfall #8
    if (capacity != null && capacity > RELAY_MAX_CANDIDATE_DEPTH && (velocity == null || velocity <= 1)) {
      out.add(finding(Severity.INFO, Rule.CAPACITY_ABOVE_RELAY_DEPTH,
          "capacity " + capacity + " exceeds Polkadot's max_candidate_depth (" + RELAY_MAX_CANDIDATE_DEPTH + "): the relay chain ignores candidates beyond that depth, so the extra capacity is not used",
          v.origin(ParamKey.UNINCLUDED_SEGMENT_CAPACITY), runtime));
    }
    // guide phase 1 step 8
    if (Boolean.TRUE.equals(v.bool(ParamKey.CHECK_INHERENTS)) && fixedVelocity) {
      out.add(finding(Severity.INFO, Rule.CHECK_INHERENTS_REGISTERED,
          "register_validate_block! still passes CheckInherents, which FixedVelocityConsensusHook makes unnecessary",
          v.origin(ParamKey.CHECK_INHERENTS), runtime));
    }
    // §5.14
    if (phase == Phase.ASYNC || phase == Phase.ELASTIC || phase == Phase.PHASE2) {
      for (SdkPin pin : pins) {
        if (pin.predatesAsyncBacking()) {
          out.add(finding(Severity.WARN, Rule.SDK_PREDATES_ASYNC_BACKING,
              "polkadot-sdk is pinned to " + pin.ref() + ", which predates full async-backing support (block times degrade, e.g. 18 s instead of 6 s)",
              pin.origin(), runtime));
        }
      }
    }
    return out;
  }

  private static void elastic(RuntimeVariant v, RuntimeFacts facts, CollatorFacts collator, CollatorKind kind, Origin kindAt, Long capacity, long velocity, String runtime, List<Finding> out) {
    Origin velocityAt = v.origin(ParamKey.BLOCK_PROCESSING_VELOCITY);
    if (kind != CollatorKind.SLOT_BASED) {
      boolean known = kind != null;
      out.add(new Finding(known ? Severity.ERROR : Severity.WARN, Rule.ELASTIC_SCALING_INCOMPLETE,
          "velocity is " + velocity + " but " + (known ? "the node runs the " + kind.json() + " collator" : "the node's collator is not known here")
              + ": only the slot-based collator builds several blocks per relay block on several cores",
          known ? kindAt : velocityAt, evidence(velocityAt), "Use the slot-based collator: `collators::slot_based::run` (or `--authoring slot-based` with polkadot-omni-node).", runtime, List.of()));
    }
    Value.Type select = v.type(ParamKey.SELECT_CORE);
    if (select == null || select.name().equals("()")) {
      out.add(new Finding(Severity.ERROR, Rule.ELASTIC_SCALING_INCOMPLETE,
          "velocity is " + velocity + " but parachain-system has " + (select == null ? "no `type SelectCore`" : "`type SelectCore = ()`") + ": blocks cannot say which core they are for",
          v.origin(ParamKey.SELECT_CORE) != null ? v.origin(ParamKey.SELECT_CORE) : facts.configOrigin(), evidence(velocityAt),
          "Set `type SelectCore` in the parachain-system config (e.g. `cumulus_pallet_parachain_system::DefaultCoreSelector<Runtime>`).", runtime, List.of()));
    }
    if (!Boolean.TRUE.equals(v.bool(ParamKey.CORE_SELECTOR_API))) {
      out.add(new Finding(Severity.ERROR, Rule.ELASTIC_SCALING_INCOMPLETE,
          "velocity is " + velocity + " but GetCoreSelectorApi is not implemented: the collator cannot ask which core the next block goes to",
          v.origin(ParamKey.CORE_SELECTOR_API) != null && v.origin(ParamKey.CORE_SELECTOR_API).inRepository() ? v.origin(ParamKey.CORE_SELECTOR_API) : velocityAt, evidence(velocityAt),
          "Implement `cumulus_primitives_core::GetCoreSelectorApi` inside `impl_runtime_apis!`, returning `ParachainSystem::core_selector()`.", runtime, List.of()));
    }
    if (!Boolean.TRUE.equals(v.bool(ParamKey.UMP_SIGNALS_FEATURE))) {
      out.add(new Finding(Severity.WARN, Rule.ELASTIC_SCALING_INCOMPLETE,
          "velocity is " + velocity + " but cumulus-pallet-parachain-system's `experimental-ump-signals` feature is not enabled: on SDKs that still have the feature (before polkadot-sdk#9967, Oct 2025) no core-selector UMP signal is sent (RFC-103)",
          v.origin(ParamKey.UMP_SIGNALS_FEATURE), evidence(velocityAt),
          "Enable `features = [\"experimental-ump-signals\"]` on the `cumulus-pallet-parachain-system` dependency, unless the SDK is recent enough to have dropped the feature.", runtime, List.of()));
    }
    if (capacity != null) {
      long offset = v.integer(ParamKey.RELAY_PARENT_OFFSET) == null ? 0 : v.integer(ParamKey.RELAY_PARENT_OFFSET);
      long minimum = (2 + offset) * velocity + 1;
      long comfortable = (3 + offset) * velocity;
      if (capacity < minimum) {
        out.add(finding(Severity.WARN, Rule.ELASTIC_CAPACITY_TOO_SMALL,
            "capacity " + capacity + " is below (2 + " + offset + ") × " + velocity + " + 1 = " + minimum + ": the collator stops at can_build_upon and produces fewer blocks than the velocity allows",
            v.origin(ParamKey.UNINCLUDED_SEGMENT_CAPACITY), runtime, velocityAt));
      } else if (capacity < comfortable) {
        out.add(finding(Severity.INFO, Rule.ELASTIC_CAPACITY_TOO_SMALL,
            "capacity " + capacity + " meets (2 + " + offset + ") × " + velocity + " + 1 = " + minimum + " but not (3 + " + offset + ") × " + velocity + " = " + comfortable
                + ": with slow backing the segment fills up (polkadot-sdk#5260: 7 was not enough at velocity 3)",
            v.origin(ParamKey.UNINCLUDED_SEGMENT_CAPACITY), runtime, velocityAt));
      }
    }
    out.add(finding(Severity.INFO, Rule.ELASTIC_NEEDS_CORES,
        "velocity " + velocity + " needs " + velocity + " cores assigned to the parachain; core assignments (coretime) are not in the code, so the doctor cannot check them",
        velocityAt, runtime));
  }

  /** The authoring duration when every collator start agrees on one, else null. */
  public static Alternative authoring(CollatorFacts collator) {
    if (collator.kind() == null) {
      return null;
    }
    Alternative found = null;
    for (CollatorLaunch l : collator.launches()) {
      if (l.authoringDuration() == null) {
        continue;
      }
      if (found != null && !Objects.equals(found.value().toString(), l.authoringDuration().value().toString())) {
        return null;
      }
      found = l.authoringDuration();
    }
    return found;
  }

  /**
   * The block interval (ms) the configuration aims at on Polkadot: 12 s with capacity 1 or the
   * basic collator, else the relay slot divided by the velocity; null when unknown.
   */
  public static Long expectedInterval(Long capacity, Long velocity, CollatorKind kind) {
    if (capacity == null) {
      return null;
    }
    if (capacity <= 1 || kind == CollatorKind.BASIC) {
      return 2 * RELAY_SLOT_MS;
    }
    long v = velocity == null ? 1 : Math.max(1, velocity);
    return RELAY_SLOT_MS / v;
  }

  private static boolean answersFromConfiguredHook(Value.Type apiHook) {
    return apiHook.path().startsWith("<") && apiHook.name().equals("ConsensusHook");
  }

  private static boolean sameHook(Value.Type a, Value.Type b) {
    if (!a.name().equals(b.name()) || a.args().size() != b.args().size()) {
      return false;
    }
    for (int i = 0; i < a.args().size(); i++) {
      Value x = a.args().get(i).value();
      Value y = b.args().get(i).value();
      boolean bothTypes = x instanceof Value.Type && y instanceof Value.Type;
      if (!bothTypes && !x.toString().equals(y.toString())) {
        return false;
      }
    }
    return true;
  }

  private static String limitedBy(Long capacity, CollatorKind kind) {
    if (capacity != null && capacity <= 1) {
      return "capacity " + capacity;
    }
    if (kind == CollatorKind.BASIC) {
      return "the basic collator builds only on included parents";
    }
    return "one block per relay block at this velocity";
  }

  private static String ratio(long a, long b) {
    BigDecimal r = BigDecimal.valueOf(a).divide(BigDecimal.valueOf(b), 2, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
    return r.toPlainString();
  }

  private static List<Origin> evidence(Origin... more) {
    return Arrays.stream(more).filter(Objects::nonNull).toList();
  }

  private static Finding finding(Severity severity, Rule rule, String message, Origin at, String runtime, Origin... more) {
    return new Finding(severity, rule, message, at, evidence(more), rule.fix(), runtime, List.of());
  }
}
