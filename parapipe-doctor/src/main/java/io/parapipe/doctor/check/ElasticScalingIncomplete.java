package io.parapipe.doctor.check;

import io.parapipe.doctor.eval.Origin;
import io.parapipe.doctor.eval.Value;
import io.parapipe.doctor.extract.CollatorKind;
import io.parapipe.doctor.extract.ParamKey;
import java.util.List;

/**
 * Field-notes §5.12, P30: velocity > 1 needs the slot-based collator, {@code SelectCore},
 * {@code GetCoreSelectorApi} and (on SDKs that still have it) the UMP-signals feature.
 */
final class ElasticScalingIncomplete implements RuleCheck {
  @Override
  public void check(CheckInput in, List<Finding> out) {
    if (in.velocity == null || in.velocity <= 1) {
      return;
    }
    long velocity = in.velocity;
    Origin velocityAt = in.at(ParamKey.BLOCK_PROCESSING_VELOCITY);
    List<Origin> evidence = CheckInput.evidence(velocityAt);
    if (in.kind != CollatorKind.SLOT_BASED) {
      boolean known = in.kind != null;
      out.add(in.finding(known ? Severity.ERROR : Severity.WARN, Rule.ELASTIC_SCALING_INCOMPLETE,
          "velocity is " + velocity + " but " + (known ? "the node runs the " + in.kind.json() + " collator" : "the node's collator is not known here")
              + ": only the slot-based collator builds several blocks per relay block on several cores",
          known ? in.kindAt : velocityAt, evidence, "Use the slot-based collator: `collators::slot_based::run` (or `--authoring slot-based` with polkadot-omni-node)."));
    }
    Value.Type select = in.v.type(ParamKey.SELECT_CORE);
    if (select == null || select.name().equals("()")) {
      out.add(in.finding(Severity.ERROR, Rule.ELASTIC_SCALING_INCOMPLETE,
          "velocity is " + velocity + " but parachain-system has " + (select == null ? "no `type SelectCore`" : "`type SelectCore = ()`") + ": blocks cannot say which core they are for",
          in.at(ParamKey.SELECT_CORE) != null ? in.at(ParamKey.SELECT_CORE) : in.facts.configOrigin(), evidence,
          "Set `type SelectCore` in the parachain-system config (e.g. `cumulus_pallet_parachain_system::DefaultCoreSelector<Runtime>`)."));
    }
    if (!Boolean.TRUE.equals(in.v.bool(ParamKey.CORE_SELECTOR_API))) {
      Origin api = in.at(ParamKey.CORE_SELECTOR_API);
      out.add(in.finding(Severity.ERROR, Rule.ELASTIC_SCALING_INCOMPLETE,
          "velocity is " + velocity + " but GetCoreSelectorApi is not implemented: the collator cannot ask which core the next block goes to",
          api != null && api.inRepository() ? api : velocityAt, evidence,
          "Implement `cumulus_primitives_core::GetCoreSelectorApi` inside `impl_runtime_apis!`, returning `ParachainSystem::core_selector()`."));
    }
    if (!Boolean.TRUE.equals(in.v.bool(ParamKey.UMP_SIGNALS_FEATURE))) {
      out.add(in.finding(Severity.WARN, Rule.ELASTIC_SCALING_INCOMPLETE,
          "velocity is " + velocity + " but cumulus-pallet-parachain-system's `experimental-ump-signals` feature is not enabled: on SDKs that still have the feature (before polkadot-sdk#9967, Oct 2025) no core-selector UMP signal is sent (RFC-103)",
          in.at(ParamKey.UMP_SIGNALS_FEATURE), evidence,
          "Enable `features = [\"experimental-ump-signals\"]` on the `cumulus-pallet-parachain-system` dependency, unless the SDK is recent enough to have dropped the feature."));
    }
  }
}
