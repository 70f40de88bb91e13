package io.parapipe.doctor.check;

import io.parapipe.doctor.eval.Value;
import io.parapipe.doctor.extract.ConsensusHooks;
import io.parapipe.doctor.extract.ParamKey;
import java.util.List;

/** Field-notes §5.3: {@code can_build_upon} answered from another hook than parachain-system's. */
final class ApiHookMismatch implements RuleCheck {
  @Override
  public void check(CheckInput in, List<Finding> out) {
    if (!Boolean.TRUE.equals(in.api) || in.apiHook == null || in.hook == null || answersFromConfiguredHook(in.apiHook) || sameHook(in.apiHook, in.hook)) {
      return;
    }
    // A wrapper around the API's hook (moonkit's ConsensusHookWrapperForRelayTimestamp) decides the same capacity.
    Value.Type inner = ConsensusHooks.effective(in.hook);
    if (inner != null && inner != in.hook && sameHook(in.apiHook, inner)) {
      return;
    }
    out.add(in.finding(Severity.ERROR, Rule.API_HOOK_MISMATCH,
        "parachain-system uses " + in.hook.describe() + " but can_build_upon answers from " + in.apiHook.describe()
            + ": the collator is told it may build blocks the runtime then rejects (or refuses blocks the runtime would accept)",
        in.at(ParamKey.UNINCLUDED_SEGMENT_API_HOOK), in.at(ParamKey.CONSENSUS_HOOK)));
  }

  // `<Runtime as cumulus_pallet_parachain_system::Config>::ConsensusHook` is parachain-system's hook by definition.
  private static boolean answersFromConfiguredHook(Value.Type apiHook) {
    return apiHook.path().startsWith("<") && apiHook.name().equals("ConsensusHook");
  }

  // Same name and arguments; type arguments (the runtime) are not compared.
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
}
