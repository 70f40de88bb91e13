package io.parapipe.doctor.extract;

import io.parapipe.doctor.cfg.Conditions;
import io.parapipe.doctor.eval.Alternative;
import io.parapipe.doctor.eval.Origin;
import io.parapipe.doctor.workspace.CrateInfo;
import java.util.List;
import java.util.Map;

/**
 * What the doctor read from one runtime crate, before splitting by {@code cfg} variants.
 *
 * @param crate the runtime crate
 * @param path the repository-relative path of its root file (e.g. {@code runtime/src/lib.rs})
 * @param kind Aura, Nimbus or unknown
 * @param parameters every parameter's alternatives (one per {@code cfg} combination)
 * @param absentDefaults the value of a parameter under conditions where no alternative exists
 *     (e.g. {@code false} for an API implemented only under a feature)
 * @param constants the well-known named constants found, by name
 * @param configOrigin where {@code impl cumulus_pallet_parachain_system::Config} is, or null
 * @param hookDeclared false when the parachain-system Config has no {@code type ConsensusHook}
 * @param unknowns what could not be known, and why
 * @param configConditions the {@code cfg} conditions of each parachain-system Config impl: the
 *     runtime is a parachain runtime in the builds where one of them holds (empty: never)
 * @param hookMemberConditions the {@code cfg} conditions of each {@code type ConsensusHook} line
 *     of that Config (empty when there is none)
 */
public record RuntimeFacts(
    CrateInfo crate,
    String path,
    RuntimeKind kind,
    Map<ParamKey, List<Alternative>> parameters,
    Map<ParamKey, Alternative> absentDefaults,
    Map<String, List<Alternative>> constants,
    Origin configOrigin,
    boolean hookDeclared,
    List<Unknown> unknowns,
    List<Conditions> configConditions,
    List<Conditions> hookMemberConditions) {

  /** Facts whose parachain-system Config (when found) exists in every build. */
  public RuntimeFacts(CrateInfo crate, String path, RuntimeKind kind, Map<ParamKey, List<Alternative>> parameters,
      Map<ParamKey, Alternative> absentDefaults, Map<String, List<Alternative>> constants, Origin configOrigin, boolean hookDeclared,
      List<Unknown> unknowns) {
    this(crate, path, kind, parameters, absentDefaults, constants, configOrigin, hookDeclared, unknowns,
        configOrigin == null ? List.of() : List.of(Conditions.ALWAYS), hookDeclared ? List.of(Conditions.ALWAYS) : List.of());
  }
}
